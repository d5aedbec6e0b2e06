/**
 * Golden fixtures of the reader: whole TEI documents in the styles of
 * well-known kinds of edition, read end to end.
 *
 * tests/reader-fixtures/<case>/
 *   input.xml                 the TEI, read as bytes
 *   case.json                 optional: { "input": "<path relative to the case>", "options": ReadOptions }
 *   expected.json             the whole model, as `teikit read --format json` prints it, reviewed by hand
 *   expected-diplomatic.txt   the diplomatic reading (also in expected.json; here to be read and diffed as text)
 *   expected-corrected.txt    the corrected reading
 *
 * When the reader's output changes on purpose, regenerate with
 *
 *   UPDATE_READER_FIXTURES=1 npx vitest run tests/reader-fixtures.test.ts
 *
 * and review `git diff tests/reader-fixtures` as an editor would: every reading, every
 * apparatus entry, every mention. A golden file is only worth what its review was.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toJson } from '../src/cli/read-command.js';
import { readTei, type ReadOptions, type ReadResult } from '../src/reader/index.js';

const ROOT = new URL('./reader-fixtures/', import.meta.url);
const UPDATE = process.env.UPDATE_READER_FIXTURES === '1';
const schema = JSON.parse(readFileSync(new URL('../schemas/reading.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function run(name: string): ReadResult {
  const dir = new URL(`${name}/`, ROOT);
  const spec = existsSync(new URL('case.json', dir)) ? (JSON.parse(readFileSync(new URL('case.json', dir), 'utf8')) as { input?: string; options?: ReadOptions }) : {};
  return readTei(readFileSync(new URL(spec.input ?? 'input.xml', dir)), spec.options ?? {});
}

function compare(name: string, file: string, actual: string): void {
  const path = new URL(`${name}/${file}`, ROOT);
  if (UPDATE) writeFileSync(path, actual);
  else expect(actual, `${name}/${file} (regenerate with UPDATE_READER_FIXTURES=1 and review the diff)`).toBe(readFileSync(path, 'utf8'));
}

type Ordered = Record<string, unknown>;
const independent = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true, trimValues: false, parseTagValue: false, processEntities: false });

/**
 * The words of every text node in the TEI's `text` elements, each with the
 * names of the elements around it, found by a parser other than teikit's.
 */
function bodyWords(xml: string): { word: string; ancestors: string[] }[] {
  const out: { word: string; ancestors: string[] }[] = [];
  const visit = (nodes: Ordered[], ancestors: string[], inText: boolean): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      if (name === '#text') {
        if (inText) for (const word of String(node['#text']).split(/\s+/).filter((w) => w !== '' && !w.includes('&'))) out.push({ word, ancestors });
      } else if (Array.isArray(node[name])) {
        visit(node[name] as Ordered[], [...ancestors, name], inText || name === 'text');
      }
    }
  };
  visit(independent.parse(xml) as Ordered[], [], false);
  return out;
}

describe('reader fixtures', () => {
  it('has the fixtures the issue asks for', () => {
    expect(cases).toEqual(expect.arrayContaining(['manuscript-letter', 'early-print', 'critical-apparatus']));
  });

  describe.each(cases)('%s', (name) => {
    const result = run(name);

    it('gives the reviewed readings and model', () => {
      compare(name, 'expected-diplomatic.txt', `${result.readings.diplomatic}\n`);
      compare(name, 'expected-corrected.txt', `${result.readings.corrected}\n`);
      compare(name, 'expected.json', `${toJson(result)}\n`);
    });

    it('is valid against schemas/reading.schema.json', () => {
      const ok = validate(JSON.parse(JSON.stringify(result)));
      expect(validate.errors ?? [], 'schema errors').toEqual([]);
      expect(ok).toBe(true);
    });

    it('loses no word of the text silently: each is in a reading, a note, an alternative, or a diagnostic names its element', () => {
      const dir = new URL(`${name}/`, ROOT);
      const spec = existsSync(new URL('case.json', dir)) ? (JSON.parse(readFileSync(new URL('case.json', dir), 'utf8')) as { input?: string }) : {};
      const xml = readFileSync(new URL(spec.input ?? 'input.xml', dir), 'utf8');
      const kept = [
        result.readings.diplomatic,
        result.readings.corrected,
        ...result.notes.flatMap((n) => [n.text, n.edited ?? '']),
        ...result.apparatus.flatMap((a) => (a.alternatives ?? []).flatMap((x) => [x.text, x.edited ?? ''])),
      ].join('\n');
      const said = result.diagnostics.filter((d) => d.code === 'not-in-readings').map((d) => d.message);
      const lost = bodyWords(xml).filter(({ word, ancestors }) => !kept.includes(word) && !ancestors.some((a) => said.some((m) => m.startsWith(`<${a}>`))));
      expect(lost).toEqual([]);
    });

    it('points each entry at text that says what the entry says', () => {
      for (const a of result.apparatus.filter((x) => x.note === undefined)) {
        expect(result.readings.diplomatic.slice(...a.offsets.diplomatic)).toBe(a.source);
        expect(result.readings.corrected.slice(...a.offsets.corrected)).toBe(a.edited);
      }
      const mentions = [...result.entities.people, ...result.entities.organisations, ...result.entities.places].flatMap((e) => e.mentions).concat(result.entities.unresolved);
      for (const m of [...mentions, ...result.dates].filter((x) => x.note === undefined)) expect(result.readings.diplomatic.slice(...m.offsets.diplomatic)).toBe(m.text);
    });
  });
});
