/**
 * Golden fixtures: small, real-looking texts, one feature each, encoded end to end.
 *
 * tests/fixtures/<case>/
 *   input.txt                  the source, read as bytes (so CRLF, a BOM or bad UTF-8 reach teikit as they are)
 *   edition.json               the edition config, passed to encode() with its text as `configText` (may be `{}`)
 *   expected.xml               teikit's TEI for it, reviewed line by line by a person
 *   expected-diagnostics.json  optional: the warnings encode() must report, in order,
 *                              as [{ code, severity, line?, column? }]; without it, none
 *
 * tests/fixtures-errors/<case>/
 *   input.txt, edition.json    as above
 *   expected-error.json        { code, message (a substring), file?, path?, line?, column? }: encode()
 *                              must throw a TeikitError whose first diagnostic with that code matches
 *
 * Regenerating: when teikit's output changes on purpose, run
 *
 *   UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts
 *
 * which writes every expected.xml from the current code instead of comparing with it (all the
 * other checks still run). Then read `git diff tests/fixtures` as a TEI editor would, element by
 * element, before committing: a golden file is only worth what its review was. UPDATE_FIXTURES
 * never writes expected-diagnostics.json or expected-error.json; those are kept by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode, normaliseSource, parseConfigText, TeikitError, type Diagnostic, type EditionConfig } from '../src/index.js';
import { JING_SKIP_REASON, jingAvailable, jingFiles } from './helpers/jing.js';
import { assertWellFormed, rebuild } from './helpers/rebuild.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ERROR_FIXTURES = fileURLToPath(new URL('./fixtures-errors/', import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === '1';

interface ExpectedDiagnostic {
  code: string;
  severity: 'warning' | 'error';
  line?: number;
  column?: number;
}

interface ExpectedError {
  code: string;
  /** A substring of the message. */
  message: string;
  file?: 'source' | 'config';
  path?: string;
  line?: number;
  column?: number;
}

function caseNames(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function readCase(dir: string): { bytes: Uint8Array; configText: string } {
  return {
    bytes: new Uint8Array(readFileSync(join(dir, 'input.txt'))),
    configText: readFileSync(join(dir, 'edition.json'), 'utf8'),
  };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** A diagnostic as the fixtures write it, with only the keys the expectation names. */
function shown(d: Diagnostic, keys: readonly string[]): Record<string, unknown> {
  const all: Record<string, unknown> = { code: d.code, severity: d.severity, line: d.place?.line, column: d.place?.column };
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}

const cases = caseNames(FIXTURES);
const errorCases = caseNames(ERROR_FIXTURES);

describe('golden fixtures', () => {
  it('has the cases this suite promises (a missing folder must not pass silently)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
    expect(errorCases.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const expectedFile = join(dir, 'expected.xml');
    const diagnosticsFile = join(dir, 'expected-diagnostics.json');
    // Encoded on first use, inside a test: a fixture that throws fails its own tests, not the whole file.
    let done: { bytes: Uint8Array; config: EditionConfig; xml: string; diagnostics: Diagnostic[] } | undefined;
    const run = (): NonNullable<typeof done> => {
      if (!done) {
        const { bytes, configText } = readCase(dir);
        const config = parseConfigText(configText) as EditionConfig;
        const { xml, diagnostics } = encode(bytes, config, { configText });
        done = { bytes, config, xml, diagnostics };
      }
      return done;
    };

    it(UPDATE ? 'writes expected.xml (UPDATE_FIXTURES=1)' : 'encodes to expected.xml byte for byte', () => {
      const { xml } = run();
      if (UPDATE) {
        writeFileSync(expectedFile, xml);
        return;
      }
      expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_FIXTURES=1 npx vitest run tests/fixtures.test.ts and review it`).toBe(true);
      expect(xml).toBe(readFileSync(expectedFile, 'utf8'));
    });

    it('reports exactly the expected warnings', () => {
      const { diagnostics } = run();
      const expected = existsSync(diagnosticsFile) ? readJson<ExpectedDiagnostic[]>(diagnosticsFile) : [];
      // Each actual diagnostic is shown with the keys its expectation names; extra or missing ones show in full.
      const actual = diagnostics.map((d, i) => shown(d, Object.keys(expected[i] ?? { code: 0, severity: 0, line: 0, column: 0 })));
      expect(actual).toEqual(expected);
      for (const d of diagnostics) expect(d.severity).toBe('warning');
    });

    it('is well-formed, and its source reading rebuilds the normalised source', () => {
      const { bytes, config, xml } = run();
      assertWellFormed(xml);
      expect(rebuild(xml, 'source')).toBe(normaliseSource(bytes, config));
    });
  });

  // One JVM for every file: jing takes a few seconds to start and load tei_all.
  it.skipIf(!jingAvailable)(`every expected.xml is valid TEI according to jing and tei_all.rng (skipped only if ${JING_SKIP_REASON})`, () => {
    const files = cases.map((name) => join(FIXTURES, name, 'expected.xml'));
    for (const f of files) expect(existsSync(f), `${f} is missing`).toBe(true);
    const result = jingFiles(files);
    const invalid = Object.fromEntries(
      files.map((f): [string, string[]] => [f, result.get(resolve(f)) ?? []]).filter(([, errors]) => errors.length > 0),
    );
    expect(invalid).toEqual({});
  });
});

describe('error fixtures', () => {
  describe.each(errorCases)('%s', (name) => {
    it('is refused with the expected error, place and path', () => {
      const dir = join(ERROR_FIXTURES, name);
      const { bytes, configText } = readCase(dir);
      const expected = readJson<ExpectedError>(join(dir, 'expected-error.json'));
      let thrown: unknown;
      try {
        // A config that is not even JSON fails here, with the same kind of error.
        const config = parseConfigText(configText) as EditionConfig;
        encode(bytes, config, { configText });
      } catch (err) {
        thrown = err;
      }
      expect(thrown, 'encode() should have thrown').toBeInstanceOf(TeikitError);
      const all = (thrown as TeikitError).diagnostics;
      const d = all.find((x) => x.code === expected.code);
      expect(d, `no "${expected.code}" among: ${all.map((x) => `${x.code}: ${x.message}`).join('; ')}`).toBeDefined();
      expect(d!.severity).toBe('error');
      expect(d!.message).toContain(expected.message);
      if (expected.file !== undefined) expect(d!.file).toBe(expected.file);
      if (expected.path !== undefined) expect(d!.path).toBe(expected.path);
      if (expected.line !== undefined) expect(d!.place?.line).toBe(expected.line);
      if (expected.column !== undefined) expect(d!.place?.column).toBe(expected.column);
    });
  });
});
