import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode } from '../src/encode.js';
import { parseConfigText } from '../src/config/validate-config.js';
import type { EditionConfig } from '../src/config/types.js';

// The built CLI, as a user runs it (`npm test` builds dist/ first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/', import.meta.url));

function teikit(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with the Lenin text and a config without its emendations, supplied word or regularisation. */
function workspace(indent = 2): { dir: string; text: string; configPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-suggest-'));
  copyFileSync(join(lenin, 'lenin-1917-11-06.txt'), join(dir, 'lenin.txt'));
  const full = JSON.parse(readFileSync(join(lenin, 'edition.json'), 'utf8')) as EditionConfig & { $schema?: string };
  const { emendations: _e, supplied: _s, regularisations: _r, $schema: _schema, ...rest } = full;
  const config = { ...rest, source: 'lenin.txt', output: 'lenin.xml' };
  const json = JSON.stringify(config, null, indent);
  const configPath = join(dir, 'edition.json');
  writeFileSync(configPath, `${json}\n`);
  return { dir, text: readFileSync(join(dir, 'lenin.txt'), 'utf8'), configPath };
}

describe('teikit suggest', () => {
  it('prints suggestions as JSON with offsets into the text', () => {
    const { text, configPath, dir } = workspace();
    const r = teikit(['suggest', 'lenin.txt', '--config', configPath, '--format', 'json'], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { emendations: { id: string; start: number; end: number; sic: string; corr: string; confidence: number; reason: string; alternatives: string[] }[]; entities: unknown[] };
    expect(Object.keys(out).sort()).toEqual(['emendations', 'entities']);
    expect(out.emendations.length).toBeGreaterThan(3);
    for (const e of out.emendations) {
      expect(text.slice(e.start, e.end)).toBe(e.sic);
      expect(e).toMatchObject({ id: expect.any(String), corr: expect.any(String), confidence: expect.any(Number), reason: expect.any(String), alternatives: expect.any(Array) });
    }
    expect(out.emendations.map((e) => `${e.sic}→${e.corr}`)).toContain('die→the');
  });

  it('prints line:col  sic → corr  (confidence, reason) and the id as text', () => {
    const { configPath, dir } = workspace();
    const r = teikit(['suggest', 'lenin.txt', '--config', configPath], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^27:38 {2}die → the {2}\(1\.00, real word in an unlikely place: OCR confusion di→th; [^)]*\) {2}e\d+$/m);
    expect(r.stdout).toMatch(/^27:148 {2}\. → , {2}\(0\.70, a full stop before a lower-case word[^)]*\)/m);
  });

  it('--accept writes anchored entries into edition.json that encode, keeping its formatting', () => {
    const { text, configPath, dir } = workspace(4);
    const original = readFileSync(configPath, 'utf8');
    const listed = JSON.parse(teikit(['suggest', 'lenin.txt', '--config', configPath, '--format', 'json'], dir).stdout) as {
      emendations: { id: string; sic: string; corr: string; start: number }[];
      entities: { id: string; text: string }[];
    };
    const he = listed.emendations.filter((e) => e.sic === 'he');
    const dot = listed.emendations.find((e) => e.sic === '.')!;
    const name = listed.entities.find((n) => n.text === 'V. I. Lenin') ?? listed.entities.find((n) => n.text === 'Kerensky and Co.');
    expect(he.length).toBeGreaterThanOrEqual(2);
    const ids = [...he.map((e) => e.id), dot.id, ...(name ? [name.id] : [])];
    const r = teikit(['suggest', 'lenin.txt', '--config', configPath, '--accept', ids.join(',')], dir);
    expect(r.stderr).toContain('added emendation "he" → "be"');
    expect(r.status).toBe(0);
    const written = readFileSync(configPath, 'utf8');
    // The editor's text is kept as it was (4-space indentation, key order); the new entries follow its indentation.
    expect(written.startsWith(original.slice(0, original.lastIndexOf('\n}')))).toBe(true);
    expect(written).toMatch(/\n {4}"emendations": \[\n {8}\{\n {12}"sic": "he",/);
    const config = parseConfigText(written) as EditionConfig;
    expect(config.emendations).toHaveLength(he.length + 1);
    for (const e of config.emendations!) {
      expect(e.context).toMatch(/\[/);
      expect(e.type).toMatch(/^ocr/);
    }
    expect(config.emendations).toContainEqual(expect.objectContaining({ sic: '.', corr: ',', type: 'ocr-punctuation' }));
    // The accepted emendations are in the TEI, each at the place suggested.
    const { xml } = encode(text, config);
    expect(xml.match(/<sic>he<\/sic>/g)).toHaveLength(he.length);
    expect(xml).toContain('<sic>.</sic>');
    // Accepted suggestions are not suggested again.
    const again = JSON.parse(teikit(['suggest', 'lenin.txt', '--config', configPath, '--format', 'json'], dir).stdout) as { emendations: { id: string }[] };
    for (const id of ids.filter((i) => i.startsWith('e'))) expect(again.emendations.map((e) => e.id)).not.toContain(id);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--accept adds names to the register and dates as hints, which then encode and are not suggested again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-suggest-'));
    const text = 'On 6 November 1917 the Revolutionary Military Committee met in Copenhagen with General Kornilov.\n\nIn 1917 they met again.\n';
    writeFileSync(join(dir, 't.txt'), text);
    writeFileSync(join(dir, 'e.json'), '{\n  "metadata": { "title": "T" }\n}\n');
    const listed = JSON.parse(teikit(['suggest', 't.txt', '--config', 'e.json', '--format', 'json'], dir).stdout) as { entities: { id: string; text: string; type: string }[] };
    expect(listed.entities.map((n) => [n.text, n.type])).toEqual(
      expect.arrayContaining([
        ['Revolutionary Military Committee', 'org'],
        ['Copenhagen', 'place'],
        ['General Kornilov', 'person'],
        ['1917', 'date'],
      ]),
    );
    // "6 November 1917" the encoder dates by itself: a hint would only override it.
    expect(listed.entities.map((n) => n.text)).not.toContain('6 November 1917');
    const r = teikit(['suggest', 't.txt', '--config', 'e.json', '--accept', listed.entities.map((n) => n.id).join(',')], dir);
    expect(r.status).toBe(0);
    const config = parseConfigText(readFileSync(join(dir, 'e.json'), 'utf8')) as EditionConfig;
    expect(config.register?.people).toEqual([{ id: 'general-kornilov', name: 'General Kornilov', forms: ['General Kornilov'] }]);
    expect(config.register?.organisations?.[0]).toMatchObject({ id: 'revolutionary-military-committee' });
    expect(config.register?.places?.[0]).toMatchObject({ id: 'copenhagen', forms: ['Copenhagen'] });
    expect(config.dates).toEqual([{ context: 'In [1917]', value: '1917' }]);
    const { xml } = encode(text, config);
    expect(xml).toContain('<persName ref="#general-kornilov">General Kornilov</persName>');
    expect(xml).toContain('<placeName ref="#copenhagen">Copenhagen</placeName>');
    expect(xml).toContain('<date when="1917-11-06">6 November 1917</date>');
    expect(xml).toContain('<date when="1917">1917</date>');
    const again = JSON.parse(teikit(['suggest', 't.txt', '--config', 'e.json', '--format', 'json'], dir).stdout) as { entities: unknown[] };
    expect(again.entities).toEqual([]);
  });

  it('refuses an unknown id (exit 1) and writes nothing', () => {
    const { configPath, dir } = workspace();
    const before = readFileSync(configPath, 'utf8');
    const r = teikit(['suggest', 'lenin.txt', '--config', configPath, '--accept', 'e999999'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown-suggestion: no suggestion has the id "e999999"');
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  it('exits 1 on a missing file and 2 on bad usage', () => {
    const { configPath, dir } = workspace();
    const missing = teikit(['suggest', 'no-such.txt'], dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such.txt: enoent: no such file or folder');
    expect(teikit(['suggest', 'lenin.txt', '--config', 'nope.json'], dir).status).toBe(1);
    expect(teikit(['suggest', 'lenin.txt', '--accept', 'e1'], dir).status).toBe(2);
    expect(teikit(['suggest', 'lenin.txt', '--format', 'xml'], dir).status).toBe(2);
    expect(teikit(['suggest', 'lenin.txt', '--threshold', 'high'], dir).status).toBe(2);
    expect(teikit(['suggest'], dir).status).toBe(2);
    expect(teikit(['suggest', 'lenin.txt', '--config', configPath, '--threshold', '1'], dir)).toMatchObject({ status: 0 });
  });
});
