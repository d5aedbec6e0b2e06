import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { TEI_ALL } from './helpers/jing.js';
import { loadSchema, precompileSchema } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';

const HEADER = '<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>';
const tei = (body: string, header = HEADER): string => `<TEI xmlns="http://www.tei-c.org/ns/1.0">\n${header}\n<text><body>\n${body}\n</body></text>\n</TEI>\n`;
const lenin = readFileSync(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url), 'utf8');
const NO_RULES = { 'unique-xml-id': false, 'pointer-resolves': false, 'choice-pair': false, 'real-date': false, 'julian-agrees': false, 'cert-value': false, 'note-attributed': false, 'policy-stated': false } as const;
const where = (r: ReturnType<typeof validate>): string[] => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
/** The 1-based line and column of an offset, counted as jing counts them. */
const placeOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
};

// tei_all takes two seconds to compile; loadSchema() keeps it for every test that asks.
const teiAll = () => loadSchema(TEI_ALL);
beforeAll(teiAll);

describe('validate() with teikit’s own schema', () => {
  it('finds nothing to say about teikit’s own TEI', () => {
    expect(validate(lenin)).toEqual({ valid: true, diagnostics: [] });
    const { xml } = encode('An author\n\nOn November 6 they met; on May 1 they parted.');
    expect(xml).toContain('when="--11-06"');
    expect(validate(xml)).toEqual({ valid: true, diagnostics: [] });
  });

  it('rejects TEI that teikit does not write, just after the start tag, as jing does', () => {
    const withHead = lenin.replace('<div type="letter">', '<div type="letter">\n        <head>The letter</head>');
    const r = validate(withHead);
    expect(r.valid).toBe(false);
    expect(r.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'element-not-allowed',
      message: 'element "head" not allowed here',
      ...placeOf(withHead, withHead.indexOf('<head>') + '<head>'.length),
    });
  });

  it('takes bytes in the encoding the document declares', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lenin.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
    expect(validate(utf16)).toEqual({ valid: true, diagnostics: [] });
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${tei('<p><persName ref="#Céline">C.</persName></p>')}`, 'latin1');
    expect(validate(latin1).diagnostics.find((d) => d.rule === 'pointer-resolves')?.message).toBe('@ref points to "#Céline", but no element has xml:id "Céline"');
  });
});

describe('the order of the checks', () => {
  it('stops at the first well-formedness error, as jing does', () => {
    const r = validate(tei('<p>Smith & Co.</p>\n<p class="x">never checked</p>'));
    expect(r).toEqual({
      valid: false,
      diagnostics: [{ severity: 'error', code: 'not-well-formed', message: '"&" does not start an entity or character reference; write a literal & as &amp;', line: 4, column: 11 }],
    });
  });

  it('says where bytes are not the encoding they claim', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<TEI>Caf'), Buffer.from([0xe9]), Buffer.from('</TEI>')]);
    expect(validate(bytes).diagnostics).toEqual([{ severity: 'error', code: 'bad-encoding', message: 'the bytes are not valid UTF-8', line: 2, column: 9 }]);
  });

  it('reports schema problems before rule findings, each in document order', async () => {
    const r = validate(tei('<p xml:id="a">One <persName ref="#nobody">X</persName>.</p>\n<p xml:id="a" class="x">Two.</p>'), { schema: await teiAll() });
    expect(where(r)).toEqual([
      '5:25 error duplicate-id',
      '5:25 error attribute-not-allowed',
      '4:29 error pointer-resolves',
      '5:4 error unique-xml-id',
    ]);
  });

  it('is valid with warnings only', () => {
    const same = lenin.replace('<sic>attest</sic><corr resp="#teikit-editors" cert="high" type="ocr">arrest</corr>', '<sic>attest</sic><corr resp="#teikit-editors" cert="high" type="ocr">attest</corr>');
    const r = validate(same);
    expect(r.valid).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'choice-pair',
        rule: 'choice-pair',
        message: 'the <sic> and <corr> of this choice read the same, "attest"',
        ...placeOf(same, same.indexOf('<choice><sic>attest')),
      },
    ]);
    expect(validate(same, { rules: { 'choice-pair': 'error' } }).valid).toBe(false);
  });
});

describe('maxErrors', () => {
  it('caps the schema problems reported, not the verdict', () => {
    const many = lenin.replace(/<p>/g, '<p class="x">');
    expect(validate(many).diagnostics.length).toBeGreaterThan(10);
    const capped = validate(many, { maxErrors: 3 });
    expect(capped.valid).toBe(false);
    expect(capped.diagnostics.map((d) => d.code)).toEqual(['attribute-not-allowed', 'attribute-not-allowed', 'attribute-not-allowed']);
    expect(validate(many, { maxErrors: 0 }).valid).toBe(false);
  });
});

describe('rule settings', () => {
  const dangling = tei('<p><persName ref="#nobody">X</persName></p>');
  it('turns a rule off or changes its severity', () => {
    expect(validate(dangling).diagnostics.map((d) => d.code)).toContain('pointer-resolves');
    expect(validate(dangling, { rules: { 'pointer-resolves': false } }).diagnostics.map((d) => d.code)).not.toContain('pointer-resolves');
    const warned = validate(dangling, { rules: { 'pointer-resolves': 'warning' } });
    expect(warned.diagnostics.find((d) => d.code === 'pointer-resolves')).toMatchObject({ severity: 'warning', rule: 'pointer-resolves' });
  });

  it('refuses a rule it does not have', () => {
    expect(() => validate(dangling, { rules: { 'no-such-rule': false } })).toThrow(/unknown rule "no-such-rule"; the rules are unique-xml-id, pointer-resolves/);
  });
});

describe('loadSchema()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-schema-'));
  const rng = (body: string): string =>
    `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">${body}</grammar>`;
  writeFileSync(join(dir, 'para.rng'), rng('<define name="para"><element name="p"><text/></element></define>'));
  writeFileSync(join(dir, 'main.rng'), rng('<include href="para.rng"/><start><element name="TEI"><oneOrMore><ref name="para"/></oneOrMore></element></start>'));
  const doc = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></TEI>';

  it('reads a schema from a path, a URL, its text or its precompiled JSON, includes and all', async () => {
    const fromPath = await loadSchema(join(dir, 'main.rng'));
    const fromUrl = await loadSchema(pathToFileURL(join(dir, 'main.rng')));
    const fromText = await loadSchema(readFileSync(join(dir, 'main.rng'), 'utf8'), { baseUrl: pathToFileURL(join(dir, 'main.rng')) });
    const fromJson = await loadSchema(await precompileSchema(pathToFileURL(join(dir, 'main.rng'))));
    for (const schema of [fromPath, fromUrl, fromText, fromJson]) {
      expect(validate(doc, { schema, rules: NO_RULES })).toEqual({ valid: true, diagnostics: [] });
      expect(validate(doc.replace('<p>x</p>', ''), { schema, rules: NO_RULES }).valid).toBe(false);
    }
  });

  it('compiles the same schema text once, wherever it is read from', async () => {
    const solo = rng('<start><element name="TEI"><text/></element></start>');
    writeFileSync(join(dir, 'solo.rng'), solo);
    writeFileSync(join(dir, 'solo-copy.rng'), solo);
    expect(await loadSchema(join(dir, 'solo-copy.rng'))).toBe(await loadSchema(join(dir, 'solo.rng')));
    expect(await loadSchema(solo)).toBe(await loadSchema(join(dir, 'solo.rng')));
    // with includes, the same text elsewhere may mean another schema
    const a = await loadSchema(join(dir, 'main.rng'));
    const b = await loadSchema(pathToFileURL(join(dir, 'main.rng')));
    expect(b).toBe(a);
    writeFileSync(join(dir, 'main.rng'), `${readFileSync(join(dir, 'main.rng'), 'utf8')}\n<!-- edited -->`);
    expect(await loadSchema(join(dir, 'main.rng'))).not.toBe(a);
  });

  it('says why a schema cannot be used', async () => {
    await expect(loadSchema('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>')).rejects.toThrow(/^not a usable RelaxNG schema: /);
    await expect(loadSchema(join(dir, 'missing.rng'))).rejects.toThrow(/ENOENT/);
  });

  it('validates against tei_all as jing does on the cases salve got wrong', async () => {
    const schema = await teiAll();
    const ok = (body: string): boolean => validate(tei(body), { schema, rules: NO_RULES }).valid;
    expect(ok('<p><date when="--11-06">6 November</date></p>')).toBe(true);
    expect(ok('<p><date when="0000-01-01">year zero</date></p>')).toBe(false);
    expect(ok('<p xml:id="a">x</p><p xml:id="a">y</p>')).toBe(false);
    expect(ok('<p><seg type="𠮷">a CJK Extension B character</seg></p>')).toBe(true);
    expect(ok('<p><ref target="http:">no scheme-specific part</ref></p>')).toBe(false);
  });
});

describe('the library', () => {
  it('imports no Node module, so it runs in a browser bundle', () => {
    const dir = fileURLToPath(new URL('../src/validate/', import.meta.url));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from ["']node:|require\(/);
  });
});
