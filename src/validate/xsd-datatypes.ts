import { isValidAnyUri } from './xsd/any-uri.js';
import { isValidDuration } from './xsd/duration.js';
import { compileXsdPattern } from './xsd/regex.js';
import { unmaskSpaces } from './unicode-spaces.js';
import { collapseWhitespace, isTemporalType, isValidTemporal } from './xsd/temporal.js';

/**
 * Gives a compiled salve grammar jing's reading of the XML Schema datatypes
 * where salve's own differs (see xsd/*.ts for each difference):
 * - the date and time types (`@when`, `@notBefore`, …), `anyURI` (every TEI
 *   pointer) and `duration` get jing-compatible lexical checks;
 * - every `pattern` facet is matched with teikit's XML Schema regex
 *   translation, which handles characters beyond the BMP.
 * Every other datatype and facet keeps salve's check. Values arrive with their
 * Unicode spaces masked (unicode-spaces.ts) and are unmasked here.
 *
 * How: salve has no public way to register a datatype library, and its
 * browser bundle (salve.min.js) keeps the library registry in a closure, so
 * patching salve's modules would fix Node and silently miss browsers. Instead
 * this walks one compiled Grammar and replaces the `datatype` of its `data`
 * patterns with a wrapper. salve reads that field each time it makes a walker
 * for the pattern (data.js, attribute.js: `pat.datatype`), so the wrapper
 * takes effect for every document validated afterwards, in either build, for
 * grammars from an RNG file or from precompiled JSON alike, and salve itself
 * stays untouched. The fields used (`type`, `datatypeLibrary`, `rngParams`,
 * `datatype`, and the `_allowsEmptyContent` cache) are salve-annos 1.2.4's;
 * tests/validate-xsd.test.ts fails if a salve update renames them.
 *
 * Applied once per grammar (idempotent); see relaxng.ts.
 */

export const XSD_DATATYPES = 'http://www.w3.org/2001/XMLSchema-datatypes';

interface RawParam {
  name: string;
  value: string;
}

/** The part of salve's Datatype interface teikit relies on. */
interface SalveDatatype {
  readonly name: string;
  readonly needsContext: boolean;
  readonly regexp: RegExp;
  parseParams(location: string, params?: RawParam[]): Record<string, unknown>;
  parseValue(location: string, value: string, context?: unknown): unknown;
  equal(value: string, schemaValue: unknown, context?: unknown): boolean;
  disallows(value: string, params: Record<string, unknown>, context?: unknown): unknown[] | false;
}

interface DataPattern {
  type: string;
  datatypeLibrary: string;
  datatype: SalveDatatype;
  rngParams?: RawParam[];
  _allowsEmptyContent?: boolean | undefined;
}

const LEXICAL: Record<string, (value: string) => boolean> = {
  anyURI: isValidAnyUri,
  duration: isValidDuration,
};

function lexicalCheck(type: string): ((value: string) => boolean) | undefined {
  const check = isTemporalType(type) ? (value: string): boolean => isValidTemporal(type, value) : LEXICAL[type];
  return check && remembered(check);
}

// A document repeats its pointers ("#ed" on every correction) and dates: each value is checked once.
const REMEMBERED = 4096;
function remembered(check: (value: string) => boolean): (value: string) => boolean {
  const seen = new Map<string, boolean>();
  return (value) => {
    let ok = seen.get(value);
    if (ok === undefined) {
      if (seen.size >= REMEMBERED) seen.clear();
      seen.set(value, (ok = check(value)));
    }
    return ok;
  };
}

/** What `disallows` returns: salve only tests it for truth, but keeps the message for anyone who reads it. */
class DatatypeError {
  constructor(readonly message: string) {}
  toString(): string {
    return this.message;
  }
}

const WRAPPED = Symbol('teikit jing-compatible datatype');
const processed = new WeakSet<object>();
const wrappers = new WeakMap<SalveDatatype, Map<string, SalveDatatype | null>>();
const NO_PARAMS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** Replaces the datatypes of `grammar`'s data patterns where salve and jing disagree. Safe to call again. */
export function installJingDatatypes(grammar: object): { replaced: number } {
  if (processed.has(grammar)) return { replaced: 0 };
  let replaced = 0;
  for (const data of dataPatterns(grammar)) {
    if (data.datatypeLibrary !== XSD_DATATYPES || (data.datatype as { [WRAPPED]?: true })[WRAPPED]) continue;
    const wrapper = wrapperFor(data.datatype, data.type, data.rngParams ?? []);
    if (!wrapper) continue;
    data.datatype = wrapper;
    // salve caches whether "" is allowed, computed with the datatype it had.
    if ('_allowsEmptyContent' in data) data._allowsEmptyContent = undefined;
    replaced++;
  }
  processed.add(grammar);
  return { replaced };
}

/** Every `data` pattern reachable from the grammar; patterns are plain objects linked by fields, Maps and arrays. */
export function dataPatterns(grammar: object): DataPattern[] {
  const found: DataPattern[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [grammar];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isDataPattern(node)) found.push(node);
    if (node instanceof Map) stack.push(...node.values());
    else if (Array.isArray(node)) stack.push(...node);
    else if (!(node instanceof RegExp)) for (const key of Object.keys(node)) if (key !== 'datatype') stack.push((node as Record<string, unknown>)[key]);
  }
  return found;
}

function isDataPattern(node: object): node is DataPattern {
  const d = node as Partial<DataPattern>;
  return typeof d.type === 'string' && typeof d.datatypeLibrary === 'string' && 'rngParams' in node && typeof d.datatype?.disallows === 'function';
}

function wrapperFor(original: SalveDatatype, type: string, params: RawParam[]): SalveDatatype | undefined {
  let byParams = wrappers.get(original);
  if (!byParams) wrappers.set(original, (byParams = new Map()));
  const key = JSON.stringify(params);
  let wrapper = byParams.get(key);
  if (wrapper === undefined) byParams.set(key, (wrapper = makeWrapper(original, type, params) ?? null));
  return wrapper ?? undefined;
}

function makeWrapper(original: SalveDatatype, type: string, params: RawParam[]): SalveDatatype | undefined {
  const lexical = lexicalCheck(type);
  const patterns = params.filter((p) => p.name === 'pattern').map((p) => p.value);
  const otherFacets = params.some((p) => p.name !== 'pattern');
  if (!lexical && patterns.length === 0) return undefined;
  // salve's facet check would rerun its own lexical check; rare enough (anyURI with a length) to leave to salve.
  if (lexical && otherFacets) return undefined;
  let regexes: RegExp[];
  try {
    regexes = patterns.map(compileXsdPattern);
  } catch {
    return undefined; // a Unicode block, or a pattern only salve reads: keep salve's check
  }
  const whitespace = whitespaceOf(type);
  const typeError = [new DatatypeError(`not a valid ${type}`)];
  return {
    [WRAPPED]: true,
    name: original.name,
    needsContext: original.needsContext,
    regexp: original.regexp,
    parseParams: (location, raw) => original.parseParams(location, raw),
    parseValue: (location, value, context) => original.parseValue(location, value, context),
    equal: (value, schemaValue, context) => original.equal(value, schemaValue, context),
    disallows(masked, parsed, context) {
      const value = unmaskSpaces(masked); // see unicode-spaces.ts
      if (lexical) {
        if (!lexical(value)) return typeError;
      } else {
        const errors = original.disallows(value, otherFacets ? withoutPattern(parsed) : NO_PARAMS, context);
        if (errors) return errors;
      }
      const normalised = whitespace(value);
      for (let i = 0; i < regexes.length; i++) {
        if (!regexes[i]!.test(normalised)) return [new DatatypeError(`value does not match the pattern ${patterns[i]}`)];
      }
      return false;
    },
  } as SalveDatatype & { [WRAPPED]: true };
}

function withoutPattern(parsed: Record<string, unknown>): Record<string, unknown> {
  const { pattern: _pattern, ...rest } = parsed;
  return rest;
}

// XML Schema's whiteSpace facet: facets apply to the value after it.
function whitespaceOf(type: string): (value: string) => string {
  if (type === 'string') return (v) => v;
  if (type === 'normalizedString') return (v) => v.replace(/[\t\n\r]/g, ' ');
  return collapseWhitespace;
}
