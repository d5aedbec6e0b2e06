import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError, parse } from 'jsonc-parser';
import schema from '../../schemas/edition.schema.json';
import { TeikitError, error, type Diagnostic } from '../diagnostics.js';
import { hasForbiddenXmlChar } from '../source/xml-chars.js';
import type { EditionConfig } from './types.js';

let compiled: ValidateFunction | undefined;

// Compiled on first use and kept: a batch of thousands of files pays for it once.
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
  return compiled;
}

/**
 * Parses the text of an edition.json. Syntax errors name the line and column;
 * comments and trailing commas are refused, since other tools read the file too.
 */
export function parseConfigText(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const distinct = errors.filter((e, i) => errors.findIndex((f) => f.offset === e.offset) === i);
    throw new TeikitError(
      distinct.slice(0, 5).map((e) =>
        error('config-syntax', `JSON syntax error: ${describeParseError(printParseErrorCode(e.error))}`, {
          file: 'config',
          place: placeInText(text, e.offset),
        }),
      ),
    );
  }
  return value;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Checks a config against schemas/edition.schema.json, then the cross-references
 * a schema cannot express (ids unique, `resp` pointing at a declared editor).
 * With the config's JSON text, each problem also gets its line and column.
 */
export function checkConfig(config: unknown, jsonText?: string): Diagnostic[] {
  const validate = validator();
  const found: Diagnostic[] = [];
  if (!validate(config)) {
    for (const e of simplify(validate.errors ?? [])) {
      // An unknown property is reported at the property itself, where the user must look.
      const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
      found.push(error('config-schema', describe(e), { file: 'config', path: e.instancePath + extra || '/' }));
    }
  } else {
    found.push(...checkReferences(config as EditionConfig), ...checkCharacters(config));
  }
  if (jsonText !== undefined) locateInConfig(found, jsonText);
  return found;
}

/** Gives each config diagnostic with a JSON path the line and column of that path in the config's text. */
export function locateInConfig(diagnostics: Diagnostic[], jsonText: string): void {
  const wanted = diagnostics.filter((d) => d.file === 'config' && d.path !== undefined && d.place === undefined);
  if (wanted.length === 0) return;
  const tree = parseTree(jsonText);
  if (!tree) return;
  for (const d of wanted) {
    const node = findNodeAtLocation(tree, pathSegments(d.path!));
    // An unknown property is shown at its key, the rest at the offending value.
    const at = d.message.startsWith('unknown property') && node?.parent?.type === 'property' ? node.parent : node;
    if (at) d.place = placeInText(jsonText, at.offset);
  }
}

/** Throws a TeikitError listing every problem, or returns the config typed. */
export function assertConfig(config: unknown, jsonText?: string): EditionConfig {
  const found = checkConfig(config, jsonText);
  if (found.length > 0) throw new TeikitError(found);
  return config as EditionConfig;
}

function pathSegments(path: string): (string | number)[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function placeInText(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

// An `anyOf` failure makes ajv report every branch; one message per place reads better.
function simplify(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOf = errors.filter((e) => e.keyword === 'anyOf');
  const kept = errors.filter(
    (e) => e.keyword === 'anyOf' || !anyOf.some((a) => e.schemaPath.startsWith(a.schemaPath.replace(/\/anyOf$/, '/anyOf/'))),
  );
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${describe(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'anyOf':
      return anyOfMessage(e);
    case 'pattern':
      return `${JSON.stringify(e.data)} does not have the required form (${patternName(String(p.pattern))})`;
    case 'type':
      return `must be of type ${String(p.type)}`;
    case 'minLength':
      return 'must not be empty';
    default:
      return e.message ?? e.keyword;
  }
}

function anyOfMessage(e: ErrorObject): string {
  if (e.schemaPath.includes('/structure/')) return 'must be a source line number (an integer from 1) or false';
  return 'needs "context" or "at" to say where it applies';
}

const PATTERN_NAMES: Record<string, string> = {
  '^[A-Za-z_][A-Za-z0-9._-]*$': 'an id: a letter or _ followed by letters, digits, ".", "_" or "-"',
  '^[1-9][0-9]*:[1-9][0-9]*$': '"line:column", both from 1',
  '^Q[1-9][0-9]*$': 'a Wikidata id such as "Q1394"',
  '\\S': 'some text that is not only whitespace',
  '^[^\\s]+$': 'a single word without spaces',
  '\\.xml$': 'a file name ending in .xml',
};

function patternName(pattern: string): string {
  if (pattern.startsWith('^[0-9]{4}')) return 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD';
  return PATTERN_NAMES[pattern] ?? `pattern ${pattern}`;
}

/**
 * Every string of the config may end up in the TEI, so none may hold what XML
 * 1.0 forbids. The walk keeps the path as a stack of keys and writes it out
 * only for a bad string: a register of thousands of entries has many strings.
 */
function checkCharacters(value: unknown, keys: (string | number)[] = [], found: Diagnostic[] = []): Diagnostic[] {
  if (typeof value === 'string') {
    if (hasForbiddenXmlChar(value)) {
      const path = keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') || '/';
      found.push(error('config-forbidden-char', 'holds a character XML 1.0 does not allow (a control character or a lone surrogate)', { file: 'config', path }));
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      checkCharacters(value[i], keys, found);
      keys.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k in value) {
      keys.push(k);
      checkCharacters((value as Record<string, unknown>)[k], keys, found);
      keys.pop();
    }
  }
  return found;
}

function checkReferences(config: EditionConfig): Diagnostic[] {
  const found: Diagnostic[] = [];
  const ids = new Map<string, string>();
  const declare = (id: string, path: string): void => {
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      found.push(error('config-duplicate-id', `id "${id}" is already used at ${earlier}`, { file: 'config', path: `${path}/id` }));
    } else {
      ids.set(id, path);
    }
  };
  // teikit declares these itself in calendarDesc.
  ids.set('julian', '(teikit: calendarDesc)');
  ids.set('gregorian', '(teikit: calendarDesc)');
  const people = new Set<string>();
  config.metadata?.editors?.forEach((e, i) => {
    declare(e.id, `/metadata/editors/${i}`);
    people.add(e.id);
  });
  config.metadata?.source?.editors?.forEach((e, i) => {
    declare(e.id, `/metadata/source/editors/${i}`);
    people.add(e.id);
  });
  const register = config.register ?? {};
  for (const list of ['people', 'organisations', 'places'] as const) {
    register[list]?.forEach((entry, i) => declare(entry.id, `/register/${list}/${i}`));
  }
  const personIds = new Set(register.people?.map((p) => p.id) ?? []);

  const resp = (id: string | undefined, path: string): void => {
    if (id !== undefined && !people.has(id)) {
      found.push(
        error('config-unknown-resp', `"${id}" is not an editor declared in metadata.editors or metadata.source.editors`, {
          file: 'config',
          path,
        }),
      );
    }
  };
  resp(config.defaults?.resp, '/defaults/resp');
  resp(config.structure?.glossResp, '/structure/glossResp');
  config.emendations?.forEach((e, i) => resp(e.resp, `/emendations/${i}/resp`));
  config.supplied?.forEach((e, i) => resp(e.resp, `/supplied/${i}/resp`));
  config.regularisations?.forEach((e, i) => resp(e.resp, `/regularisations/${i}/resp`));
  config.metadata?.revisions?.forEach((r, i) => resp(r.who, `/metadata/revisions/${i}/who`));
  const authorRef = config.metadata?.author?.ref;
  if (authorRef !== undefined && !personIds.has(authorRef)) {
    found.push(error('config-unknown-ref', `"${authorRef}" is not a person in register.people`, { file: 'config', path: '/metadata/author/ref' }));
  }
  const julian = config.metadata?.date?.julian;
  if (julian !== undefined && config.metadata?.date?.when.length !== julian.length) {
    found.push(error('config-date', 'the Julian date must have the same precision as "when"', { file: 'config', path: '/metadata/date/julian' }));
  }
  return found;
}
