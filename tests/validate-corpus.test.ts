import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchema, type Schema } from '../src/validate/schema.js';
import type { ValidationResult } from '../src/validate/types.js';
import { validate } from '../src/validate/validate.js';
import { JING_SKIP_REASON, jingAvailable, jingFiles, TEI_ALL } from './helpers/jing.js';

/**
 * teikit's verdict must be jing's: on every document of tests/validation-corpus
 * (see its README), against tei_all.rng and against teikit.rng, and on every
 * fixture and edition teikit builds. jing runs once per schema over the whole
 * corpus; its first complaint about a document must be where teikit's is.
 */
const CORPUS = fileURLToPath(new URL('./validation-corpus/', import.meta.url));
const TEIKIT_RNG = fileURLToPath(new URL('../schemas/teikit.rng', import.meta.url));
const FOLDERS = ['valid', 'invalid', 'not-well-formed', 'jing-differs'] as const;
const NO_RULES = { 'unique-xml-id': false, 'pointer-resolves': false, 'choice-pair': false, 'real-date': false, 'julian-agrees': false, 'cert-value': false, 'note-attributed': false, 'policy-stated': false } as const;

const documents = FOLDERS.flatMap((folder) => readdirSync(join(CORPUS, folder)).filter((f) => f.endsWith('.xml')).sort().map((f) => `${folder}/${f}`));
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { tei_all: string; teikit: string }>;
const outputs = [
  fileURLToPath(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url)),
  ...readdirSync(new URL('./fixtures/', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => fileURLToPath(new URL(`./fixtures/${d.name}/expected.xml`, import.meta.url))),
];

const schemas: Record<'tei_all' | 'teikit', Schema | undefined> = { tei_all: undefined, teikit: undefined };
beforeAll(async () => {
  schemas.tei_all = await loadSchema(TEI_ALL);
  schemas.teikit = await loadSchema(TEIKIT_RNG); // compiled from the RNG, not the shipped JSON: both must agree with jing
});

const check = (path: string, schema: 'tei_all' | 'teikit'): ValidationResult => validate(readFileSync(path), { schema: schemas[schema]!, rules: NO_RULES });
const summary = (r: ValidationResult): string => (r.valid ? 'valid' : `${r.diagnostics[0]!.code} ${r.diagnostics[0]!.line}:${r.diagnostics[0]!.column}`);

describe('the validation corpus', () => {
  it('has at least 40 documents, each with its expected verdicts', () => {
    expect(documents.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual([...documents].sort());
  });

  it.each(documents)('%s gets the verdicts and first diagnostics recorded in expected.json', (doc) => {
    const path = join(CORPUS, doc);
    expect({ tei_all: summary(check(path, 'tei_all')), teikit: summary(check(path, 'teikit')) }).toEqual(expected[doc]);
    const folder = doc.split('/')[0];
    expect(check(path, 'tei_all').valid).toBe(folder === 'valid');
    expect(check(path, 'teikit').valid).toBe(folder === 'valid' && doc.startsWith('valid/teikit-'));
  });

  it.each(outputs)('teikit output %s is valid against teikit.rng, tei_all.rng and teikit’s rules', (path) => {
    expect(check(path, 'tei_all')).toEqual({ valid: true, diagnostics: [] });
    expect(check(path, 'teikit')).toEqual({ valid: true, diagnostics: [] });
    expect(validate(readFileSync(path))).toEqual({ valid: true, diagnostics: [] });
  });
});

/** jing's first complaint per document, `line:column`, or 'valid'; for a document that is not well-formed, its fatal error. */
function jingVerdicts(files: readonly string[], schema: string): Map<string, string> {
  const out = new Map<string, string>();
  // jing stops at the first document that is not well-formed and reports nothing on the rest:
  // well-formed documents go in one run, the others one by one (against an any-XML schema: fatal errors do not depend on it).
  const wellFormed = files.filter((f) => !f.includes('/not-well-formed/'));
  for (const [file, lines] of jingFiles(wellFormed, schema)) out.set(file, firstPlace(lines, /: (?:error|fatal): /));
  for (const file of files.filter((f) => f.includes('/not-well-formed/'))) {
    for (const [f, lines] of jingFiles([file], anyXmlSchema())) out.set(f, firstPlace(lines, /: fatal: /));
  }
  return out;
}

function firstPlace(lines: string[], kind: RegExp): string {
  const line = lines.find((l) => kind.test(l));
  const m = line === undefined ? undefined : /:(\d+):(\d+): /.exec(line);
  return m ? `${m[1]}:${m[2]}` : 'valid';
}

let anyXml: string | undefined;
function anyXmlSchema(): string {
  if (anyXml) return anyXml;
  anyXml = join(mkdtempSync(join(tmpdir(), 'teikit-anyxml-')), 'any.rng');
  writeFileSync(anyXml, `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="any"/></start>
  <define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define></grammar>`);
  return anyXml;
}

describe.skipIf(!jingAvailable)(`agreement with jing (skipped only if ${JING_SKIP_REASON})`, () => {
  const files = documents.map((d) => resolve(CORPUS, d));
  const place = (summaryLine: string): string => summaryLine.replace(/^\S+ /, '');

  it.each([
    ['tei_all.rng', 'tei_all', TEI_ALL],
    ['teikit.rng', 'teikit', TEIKIT_RNG],
  ] as const)('judges every corpus document as jing does against %s, and points where jing points', (_name, key, schemaPath) => {
    const jing = jingVerdicts(files, schemaPath);
    const disagreements: string[] = [];
    for (const doc of documents) {
      const mine = summary(check(join(CORPUS, doc), key));
      const theirs = jing.get(resolve(CORPUS, doc)) ?? 'not run';
      // jing-differs/: jing lets \p{C} characters through negated classes on Java 9+ (see the corpus README).
      const expectedJing = doc.startsWith('jing-differs/') && key === 'tei_all' ? 'valid' : mine === 'valid' ? 'valid' : place(mine);
      if (theirs !== expectedJing) disagreements.push(`${doc}: teikit ${mine}, jing ${theirs}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with jing that teikit’s fixtures and editions are valid against both schemas', () => {
    for (const schema of [TEI_ALL, TEIKIT_RNG]) {
      const jing = jingFiles(outputs, schema);
      expect([...jing.entries()].filter(([, errors]) => errors.length > 0)).toEqual([]);
    }
  });
});
