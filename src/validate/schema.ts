import {
  convertRNGToPattern,
  makeResourceLoader,
  readTreeFromJSON,
  writeTreeToJSON,
  type Grammar,
  type Resource,
  type ResourceLoader,
} from 'salve-annos';
import { restateAmbiguousGroups, simplifiedHasAmbiguousGroup, type SalveJson, type SimplifiedElement } from './group-ambiguity.js';
import { hasIncludes, inlineIncludes } from './rng-includes.js';
import { cachedSchema, contentKey } from './schema-cache.js';
import { installJingDatatypes } from './xsd-datatypes.js';

/**
 * A compiled RelaxNG schema, ready to validate any number of documents.
 * Get one from loadSchema(); validate() uses teikit's own schema without one.
 */
export class Schema {
  /** @internal salve's compiled grammar, with jing's datatypes installed. */
  readonly grammar: Grammar;
  /** Where the schema came from: a URL, `teikit`, or `RNG text` / `precompiled JSON`. */
  readonly source: string;

  /** @internal use loadSchema() */
  constructor(grammar: Grammar, source: string) {
    installJingDatatypes(grammar);
    this.grammar = grammar;
    this.source = source;
  }
}

/** A schema precompiled to salve's JSON format (by precompileSchema() or salve-convert). */
export type PrecompiledSchema = { readonly v: number; readonly d: unknown; readonly o?: number };

/**
 * A schema given as a Schema; a URL (http:, https:, or file: in Node); a
 * string holding RNG XML, precompiled JSON, a URL, or (in Node) a file path;
 * or a precompiled JSON object.
 */
export type SchemaSource = Schema | URL | string | PrecompiledSchema;

export interface LoadSchemaOptions {
  /** Where RNG text given as a string came from: its `include`s and `externalRef`s resolve against it. */
  baseUrl?: string | URL;
}

/**
 * Compiles a RelaxNG schema (XML syntax) for validate(). Compiled schemas are
 * kept in memory keyed by the hash of their text, so loading the same schema
 * again, even from another path or URL, costs a read and a hash, not a compile
 * (tei_all.rng takes about 2 s to compile).
 */
export async function loadSchema(source: SchemaSource, options: LoadSchemaOptions = {}): Promise<Schema> {
  if (source instanceof Schema) return source;
  if (source instanceof URL) return compileRng(await readUrl(source), source);
  if (typeof source !== 'string') return schemaFromJson(source, 'precompiled JSON');
  const start = source.trimStart().replace(/^\uFEFF/, '')[0];
  if (start === '<') return compileRng(source, options.baseUrl === undefined ? undefined : new URL(options.baseUrl));
  if (start === '{') return schemaFromJson(source, 'precompiled JSON');
  const url = /^[A-Za-z][A-Za-z0-9+.-]+:/.test(source) ? new URL(source) : fileUrlFromPath(source);
  return compileRng(await readUrl(url), url);
}

/** Compiles RNG text, cached by its content (and, if it has includes, the URL they resolve against). */
export function compileRng(rng: string, url: URL | undefined): Promise<Schema> {
  const name = url?.href ?? 'RNG text';
  const base = hasIncludes(rng) ? (url?.href ?? '') : '';
  return cachedSchema(contentKey('rng', rng, base), async () => {
    try {
      const result = await convert(rng, url ?? PLACEHOLDER_URL);
      // Only a schema salve would misread pays for the round trip through JSON (see group-ambiguity.ts).
      if (!simplifiedHasAmbiguousGroup(result.simplified as unknown as SimplifiedElement)) return new Schema(result.pattern, name);
      return new Schema(readTreeFromJSON(restateAmbiguousGroups(JSON.parse(toJson(result.simplified)) as SalveJson)), name);
    } catch (err) {
      throw new Error(`not a usable RelaxNG schema: ${(err as Error).message}`, { cause: err });
    }
  });
}

/** A precompiled schema (salve's JSON format) as a Schema, cached by content. */
export function schemaFromJson(json: string | PrecompiledSchema, source: string): Promise<Schema> {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return cachedSchema(contentKey('json', text, ''), async () => loadJsonNow(json, source));
}

/** The synchronous path, for the schema teikit ships (its JSON is bundled). */
export function loadJsonNow(json: string | PrecompiledSchema, source: string): Schema {
  try {
    const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as SalveJson;
    return new Schema(readTreeFromJSON(restateAmbiguousGroups(parsed)), source);
  } catch (err) {
    throw new Error(`not a precompiled salve schema: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The schema simplified and serialised to salve's JSON format, for shipping a
 * schema to a browser (or anywhere) without compiling it there: loadSchema()
 * and validate() accept the result. `rng` is RNG text, or a URL to read it from.
 */
export async function precompileSchema(rng: string | URL, options: LoadSchemaOptions = {}): Promise<string> {
  const url = rng instanceof URL ? rng : options.baseUrl === undefined ? PLACEHOLDER_URL : new URL(options.baseUrl);
  const text = rng instanceof URL ? await readUrl(rng) : rng;
  const result = await convert(text, url);
  return JSON.stringify(restateAmbiguousGroups(JSON.parse(toJson(result.simplified)) as SalveJson));
}

// salve's JSON format 3, without element paths, not verbose, with short names: the smallest output.
function toJson(simplified: Parameters<typeof writeTreeToJSON>[0]): string {
  return writeTreeToJSON(simplified, 3, false, false, true);
}

const PLACEHOLDER_URL = new URL('https://teikit.invalid/schema.rng');

/** salve's compile of RNG text, its includes inlined first (salve-annos cannot follow them; see rng-includes.ts). */
async function convert(rng: string, url: URL): ReturnType<typeof convertRNGToPattern> {
  const text = await inlineIncludes(rng, url, readUrl);
  return convertRNGToPattern(url, { ...CONVERSION, resourceLoader: withText(url, text) });
}
const CONVERSION = { createManifest: false, manifestHashAlgorithm: 'SHA-1', idCheck: true };

/** salve's own loader (fs for file: URLs in Node, fetch otherwise), except that `url` is served from `text`. */
function withText(url: URL, text: string): ResourceLoader {
  const fallback = makeResourceLoader();
  return {
    load: async (u: URL): Promise<Resource> => (u.href === url.href ? { url: u, getText: async () => text } : fallback.load(u)),
  };
}

async function readUrl(url: URL): Promise<string> {
  const resource = await makeResourceLoader().load(url);
  return resource.getText();
}

/**
 * A file path as a file: URL, without node:url (the library must not import
 * Node modules): relative to the working directory, `%`, `#`, `?` and spaces
 * escaped, Windows drive letters and backslashes handled.
 */
export function fileUrlFromPath(path: string): URL {
  const proc = (globalThis as { process?: { cwd?: () => string; platform?: string } }).process;
  if (typeof proc?.cwd !== 'function') throw new Error(`"${path}" looks like a file path; outside Node give the schema as a URL or as its text`);
  const windows = proc.platform === 'win32';
  const slashed = (p: string): string => (windows ? p.replace(/\\/g, '/') : p);
  let absolute = slashed(path);
  const isAbsolute = windows ? /^(?:[A-Za-z]:)?\//.test(absolute) : absolute.startsWith('/');
  if (!isAbsolute) absolute = `${slashed(proc.cwd()).replace(/\/$/, '')}/${absolute}`;
  if (windows && /^[A-Za-z]:/.test(absolute)) absolute = `/${absolute}`;
  const url = new URL('file:///');
  url.pathname = absolute.replace(/%/g, '%25');
  return url;
}
