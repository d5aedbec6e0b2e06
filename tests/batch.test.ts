import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tree } from './helpers/tree.js';

// The built entry, as users import it (`npm test` builds dist/ first): the worker
// thread it starts is dist/batch-worker.js.
const { batch } = (await import('../dist/batch.js')) as unknown as typeof import('../src/batch/index.js');
const { encode, validate, TeikitError } = (await import('../dist/index.js')) as unknown as typeof import('../src/index.js');

const REGISTER = { people: [{ id: 'lenin', name: 'Vladimir Ilyich Lenin', forms: ['Lenin'] }], places: [{ id: 'petrograd', name: 'Petrograd' }] };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'teikit-batch-'));
}

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A corpus: texts at the top and in nested folders, one with a character XML forbids at 2:7. */
function corpus(): { dir: string; input: string; texts: Record<string, string> } {
  const dir = tempDir();
  const input = join(dir, 'texts');
  const texts: Record<string, string> = {
    'a.txt': 'Lenin wrote from Petrograd.\n\nA second paragraph.\n',
    'b.txt': 'Nothing to mark here.\n',
    '1917/october.txt': 'On the eve, Lenin came to Petrograd in disguise.\n',
    '1917/deep/letter.txt': 'Dear comrades,\n\nLenin.\n',
  };
  for (const [name, text] of Object.entries(texts)) write(join(input, name), text);
  write(join(input, '1917/bad.txt'), 'A fine line.\nThen a\u0001 control character.\n');
  write(join(input, 'notes.md'), 'not a text to encode');
  return { dir, input, texts };
}


describe('batch()', () => {
  it('is the one export of teikit/batch, and throws the TeikitError users import from teikit', async () => {
    expect(Object.keys(await import('../dist/batch.js'))).toEqual(['batch']);
    const thrown = await batch({ input: join(tmpdir(), 'teikit-no-such-folder'), out: join(tmpdir(), 'teikit-no-such-out') }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TeikitError);
  });

  it('encodes every .txt of a folder tree into mirrored folders, and reports a bad file with its place without stopping', async () => {
    const { dir, input, texts } = corpus();
    const out = join(dir, 'tei');
    const seen: string[] = [];
    const report = await batch({ input, out, jobs: 2, onProgress: (p) => seen.push(`${p.done}/${p.total}`) });

    expect(tree(out)).toEqual(['1917/deep/letter.xml', '1917/october.xml', 'a.xml', 'b.xml']);
    for (const [name, text] of Object.entries(texts)) {
      const xml = readFileSync(join(out, name.replace(/\.txt$/, '.xml')), 'utf8');
      // The same TEI `encode()` writes for the text alone, and valid.
      expect(xml).toBe(encode(text).xml);
      expect(validate(xml).valid).toBe(true);
    }
    expect(report).toMatchObject({ files: 5, encoded: 4, failed: 1, skipped: 0, aborted: false, jobs: 2 });
    expect(report.bytes).toBe(Object.values(texts).reduce((n, t) => n + Buffer.byteLength(t), 0));
    expect(report.failures).toEqual([
      {
        file: join(input, '1917/bad.txt'),
        diagnostics: [
          expect.objectContaining({
            severity: 'error',
            code: 'forbidden-char',
            file: join(input, '1917/bad.txt'),
            line: 2,
            column: 7,
            text: `${join(input, '1917/bad.txt')}:2:7: forbidden-char: character U+0001 is not allowed in XML 1.0 (remove the character; XML 1.0 cannot hold it)`,
          }),
        ],
      },
    ]);
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('applies one config to every text: register and metadata, names counted', async () => {
    const { dir, input } = corpus();
    const config = join(dir, 'edition.json');
    writeFileSync(config, JSON.stringify({ metadata: { editors: [{ id: 'ed', name: 'A. Editor' }] }, register: REGISTER }, null, 2));
    const report = await batch({ input, out: join(dir, 'tei'), config, jobs: 1 });
    expect(report).toMatchObject({ encoded: 4, failed: 1, names: 5, emendations: 0, config });
    const xml = readFileSync(join(dir, 'tei/1917/october.xml'), 'utf8');
    expect(xml).toContain('<persName ref="#lenin">Lenin</persName> came to <placeName ref="#petrograd">Petrograd</placeName>');
    expect(xml).toContain('A. Editor');
  });

  it('writes into each TEI the register entries that text points to (and its author), not the whole corpus register', async () => {
    const { dir, input } = corpus();
    const config = join(dir, 'edition.json');
    const register = { ...REGISTER, organisations: [{ id: 'cc', name: 'Central Committee', forms: ['Central Committee'] }] };
    writeFileSync(config, JSON.stringify({ metadata: { author: { name: 'Lenin', ref: 'lenin' } }, register }));
    await batch({ input, out: join(dir, 'tei'), config, jobs: 2 });
    const ids = (file: string) => [...readFileSync(join(dir, 'tei', file), 'utf8').matchAll(/<(?:person|org|place) xml:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids('a.xml')).toEqual(['lenin', 'petrograd']);
    expect(ids('b.xml')).toEqual(['lenin']); // mentions nobody; the header's author points to lenin
    for (const file of ['a.xml', 'b.xml', '1917/october.xml']) expect(validate(readFileSync(join(dir, 'tei', file), 'utf8')).valid, file).toBe(true);
  });

  it('reports register entries that no text of the batch mentions, once, at their place in the config', async () => {
    const { dir, input } = corpus();
    const config = join(dir, 'edition.json');
    const register = { people: [...REGISTER.people, { id: 'nobody', name: 'Nobody Atall' }], places: REGISTER.places };
    writeFileSync(config, JSON.stringify({ register }, null, 2));
    const report = await batch({ input, out: join(dir, 'tei'), config, force: true });
    // A text failed: it might have mentioned the entry, so nothing is said.
    expect(report.warned).toEqual([]);

    writeFileSync(join(input, '1917/bad.txt'), 'Now fine.\n');
    const all = await batch({ input, out: join(dir, 'tei'), config, force: true });
    expect(all).toMatchObject({ encoded: 5, failed: 0, warnings: 1 });
    expect(all.warned).toEqual([
      {
        file: config,
        diagnostics: [
          expect.objectContaining({
            code: 'register-unused',
            severity: 'warning',
            line: 11,
            column: 7,
            text: `${config}:11:7: register-unused: warning: register entry "nobody" is never mentioned in any text of the batch`,
          }),
        ],
      },
    ]);
  });

  it('refuses a config with anchored entries up front, naming the line and column, and writes nothing', async () => {
    const { dir, input } = corpus();
    const config = join(dir, 'edition.json');
    writeFileSync(config, '{\n  "register": {},\n  "emendations": [{ "sic": "eve", "corr": "evening" }]\n}\n');
    const thrown = await batch({ input, out: join(dir, 'tei'), config }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(TeikitError);
    const d = (thrown as InstanceType<typeof TeikitError>).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'config-batch-anchor', file: 'config', path: '/emendations', place: { line: 3, column: 18 } });
    expect(existsSync(join(dir, 'tei'))).toBe(false);

    writeFileSync(config, '{\n  "register": {\n}');
    const syntax = await batch({ input, out: join(dir, 'tei'), config }).catch((e: unknown) => e);
    expect((syntax as InstanceType<typeof TeikitError>).diagnostics[0]).toMatchObject({ code: 'config-syntax', place: { line: 3, column: 2 } });
  });

  it('skips texts whose TEI is newer than the text and the config, and encodes again what changed', async () => {
    const { dir, input } = corpus();
    const out = join(dir, 'tei');
    const config = join(dir, 'edition.json');
    writeFileSync(config, JSON.stringify({ register: REGISTER }));
    const past = new Date(Date.now() - 60_000);
    for (const f of tree(input)) utimesSync(join(input, f), past, past);
    utimesSync(config, past, past);

    expect(await batch({ input, out, config, jobs: 2 })).toMatchObject({ encoded: 4, skipped: 0, failed: 1 });
    // The bad file has no TEI, so it is tried again; the rest are up to date.
    expect(await batch({ input, out, config, jobs: 2 })).toMatchObject({ encoded: 0, skipped: 4, failed: 1 });

    writeFileSync(join(input, 'a.txt'), 'Lenin, edited.\n');
    const afterEdit = await batch({ input, out, config, jobs: 2 });
    expect(afterEdit).toMatchObject({ encoded: 1, skipped: 3, failed: 1 });
    expect(readFileSync(join(out, 'a.xml'), 'utf8')).toContain('<persName ref="#lenin">Lenin</persName>, edited.');

    writeFileSync(config, JSON.stringify({ register: {} }));
    expect(await batch({ input, out, config, jobs: 2 })).toMatchObject({ encoded: 4, skipped: 0 });
    expect(await batch({ input, out, config, jobs: 2, force: true })).toMatchObject({ encoded: 4, skipped: 0 });
  });

  it('writes byte-identical TEI with one job and with two', async () => {
    const { dir, input } = corpus();
    for (let i = 0; i < 12; i++) write(join(input, `more/t${i}.txt`), `Text ${i}. Lenin in Petrograd, November ${i + 1}, 1917.\n\nMore.\n`);
    const config = join(dir, 'edition.json');
    writeFileSync(config, JSON.stringify({ register: REGISTER }));
    const one = await batch({ input, out: join(dir, 'one'), config, jobs: 1 });
    const two = await batch({ input, out: join(dir, 'two'), config, jobs: 2 });
    expect(tree(join(dir, 'one'))).toEqual(tree(join(dir, 'two')));
    expect(tree(join(dir, 'one'))).toHaveLength(16);
    for (const f of tree(join(dir, 'one'))) expect(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f)))).toBe(true);
    const { timeMs: _a, jobs: _b, out: _c, ...rest1 } = one;
    const { timeMs: _d, jobs: _e, out: _f, ...rest2 } = two;
    expect(rest2).toEqual(rest1);
  });

  it('refuses a text over the size limit, by name, and encodes the rest', async () => {
    const { dir, input } = corpus();
    write(join(input, 'big.txt'), 'Many words. '.repeat(200));
    const report = await batch({ input, out: join(dir, 'tei'), maxInputBytes: 2048 });
    expect(report.failed).toBe(2);
    const big = report.failures.find((f) => f.file.endsWith('big.txt'))!;
    expect(big.diagnostics[0]!.text).toBe(
      `${join(input, 'big.txt')}: input-too-large: 2.3 KB is over the 2 KB limit (--max-input-mb raises it, or the maxInputBytes option of the API; peak memory is about 20× the text)`,
    );
    expect(big.diagnostics[0]).toMatchObject({ code: 'input-too-large' });
    expect(existsSync(join(dir, 'tei/big.xml'))).toBe(false);
    expect(existsSync(join(dir, 'tei/a.xml'))).toBe(true);
  });

  it('stops when aborted: no file is started after, and no temporary or half-written file stays', async () => {
    const dir = tempDir();
    const input = join(dir, 'texts');
    const out = join(dir, 'tei');
    const paragraph = 'Lenin spoke in Petrograd on November 6, 1917, and the hall listened. '.repeat(40);
    for (let i = 0; i < 60; i++) write(join(input, `d${Math.floor(i / 10)}/t${String(i).padStart(2, '0')}.txt`), `${paragraph}\n\n`.repeat(60));
    const controller = new AbortController();
    const report = await batch({
      input,
      out,
      jobs: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    expect(report.aborted).toBe(true);
    expect(report.encoded).toBeGreaterThanOrEqual(2);
    expect(report.encoded).toBeLessThan(60);
    const written = tree(out);
    expect(written.filter((f) => !f.endsWith('.xml'))).toEqual([]);
    // What is there is whole: renamed into place only once complete and valid.
    for (const f of written) expect(readFileSync(join(out, f), 'utf8')).toMatch(/<\/TEI>\n$/);
    expect(written.length).toBeLessThan(60);

    const already = new AbortController();
    already.abort();
    const none = await batch({ input, out: join(dir, 'none'), signal: already.signal });
    expect(none).toMatchObject({ aborted: true, encoded: 0, files: 60 });
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('refuses folders it cannot work with', async () => {
    const { dir, input } = corpus();
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: InstanceType<typeof TeikitError>) => e.code);
    expect(await code(batch({ input: join(dir, 'nope'), out: join(dir, 'tei') }))).toBe('no-such-folder');
    expect(await code(batch({ input: join(input, 'a.txt'), out: join(dir, 'tei') }))).toBe('not-a-folder');
    expect(await code(batch({ input, out: join(input, 'tei') }))).toBe('out-inside-input');
    expect(await code(batch({ input, out: input }))).toBe('out-inside-input');
    expect(await code(batch({ input, out: join(dir, 'texts-tei') }))).toBe('resolved');
    await expect(batch({ input, out: join(dir, 'tei'), jobs: 0 })).rejects.toThrow(/jobs must be a whole number/);
    expect(statSync(join(dir, 'texts-tei')).isDirectory()).toBe(true);
  });
});
