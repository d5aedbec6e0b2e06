import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runRead, toJson } from '../src/cli/read-command.js';
import { readTei } from '../src/reader/index.js';

/**
 * `teikit read`, through runRead (main.ts wires `teikit read <xml-file>
 * [--reading diplomatic|corrected] [--format text|json]` to it): what it
 * prints on standard output and standard error, and its exit status.
 */

const letter = fileURLToPath(new URL('./reader-fixtures/manuscript-letter/input.xml', import.meta.url));
const NS = 'http://www.tei-c.org/ns/1.0';

let out: string;
let err: string;
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'teikit-read-')), name);
  writeFileSync(path, content);
  return path;
}

describe('teikit read', () => {
  it('prints the diplomatic reading, and the diagnostics as file:line:col: code: message', () => {
    expect(runRead({ file: letter, reading: 'diplomatic', format: 'text' })).toBe(0);
    expect(out).toBe(`${readTei(readFileSync(letter)).readings.diplomatic}\n`);
    expect(out).toContain('yesterday only this morning, and I hastenwrite at');
    expect(err.split('\n').filter(Boolean)).toEqual([
      `${letter}:77:101: not-in-readings: info: <desc> inside <gap> describes the gap; the readings show the placeholder "[…]" (once, first here)`,
      `${letter}:78:27: ref-not-found: warning: <placeName ref="#edinburgh"> points to "#edinburgh", which no element of the document has as its xml:id (add the entry to the register (listPerson, listOrg, listPlace) or correct the pointer)`,
    ]);
  });

  it('prints the corrected reading', () => {
    expect(runRead({ file: letter, reading: 'corrected', format: 'text' })).toBe(0);
    expect(out).toContain('only this morning, and I write at');
    expect(out).toContain('William came yesterday with the books you');
  });

  it('prints the whole model as JSON valid against the schema, number arrays on one line', () => {
    expect(runRead({ file: letter, reading: 'diplomatic', format: 'json' })).toBe(0);
    const model = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(model)).toEqual(['metadata', 'readings', 'apparatus', 'entities', 'dates', 'notes', 'diagnostics']);
    expect(model).toEqual(JSON.parse(JSON.stringify(readTei(readFileSync(letter)))));
    expect(out).toMatch(/"diplomatic": \[64, 72\],/);
    const schema = JSON.parse(readFileSync(new URL('../schemas/reading.schema.json', import.meta.url), 'utf8')) as object;
    expect(new Ajv({ strict: true }).validate(schema, model)).toBe(true);
  });

  it('keeps text that looks like a number array as text in the JSON', () => {
    const json = toJson(readTei(`<TEI xmlns="${NS}"><text><body><p>see [ 12, 13 ] and [1]</p></body></text></TEI>`));
    expect(JSON.parse(json).readings.diplomatic).toBe('see [ 12, 13 ] and [1]');
    expect(json).not.toContain('\\u0000');
  });

  it('passes readTei options on (a witness to read)', () => {
    const app = fileURLToPath(new URL('./reader-fixtures/critical-apparatus/input.xml', import.meta.url));
    expect(runRead({ file: app, reading: 'diplomatic', format: 'text', options: { witness: 'C' } })).toBe(0);
    expect(out).toMatch(/^The mylner was a stout carl/);
  });

  it('exits 1 on a file that is not XML, naming the place', () => {
    const path = tempFile('notes.txt', 'V. I. Lenin\n(Perry 326)\n');
    expect(runRead({ file: path, reading: 'diplomatic', format: 'text' })).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`${path}:1:1: not-xml: the file does not start with markup ("<") but with "V. I. Lenin\\n(Perry 3": it is not an XML document\n`);
  });

  it('exits 1 on invalid UTF-8 and on XML that is not well-formed', () => {
    const bad = tempFile('bad.xml', Buffer.concat([Buffer.from(`<TEI xmlns="${NS}">\n<p>`), Buffer.from([0xff]), Buffer.from('</p></TEI>')]));
    expect(runRead({ file: bad, reading: 'diplomatic', format: 'text' })).toBe(1);
    expect(err).toContain(`${bad}:2:4: invalid-utf8: invalid UTF-8 byte 0xff`);
    err = '';
    const broken = tempFile('broken.xml', `<TEI xmlns="${NS}"><text>\n<body></text></TEI>`);
    expect(runRead({ file: broken, reading: 'diplomatic', format: 'json' })).toBe(1);
    expect(err).toBe(`${broken}:2:7: xml-mismatched-tag: end tag </text> does not match the start tag <body> at 2:1\n`);
  });

  it('exits 1 on a file that does not exist', () => {
    expect(runRead({ file: '/no/such/file.xml', reading: 'diplomatic', format: 'text' })).toBe(1);
    expect(err).toBe('/no/such/file.xml: enoent: no such file or folder\n');
  });
});
