import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode } from '../dist/index.js';

// `teikit encode` encodes a text of 12 MB or more in a thread of its own (see
// src/cli/encode-command.ts), so these texts are just over that size: what the
// thread hands back must be exactly what the API writes, and its errors must
// reach the user as the same diagnostics.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const MB = 1024 * 1024;

function teikit(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 64 * MB });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const config = {
  metadata: { title: 'A long text', editors: [{ id: 'ed', name: 'An Editor' }] },
  register: { people: [{ id: 'lenin', name: 'Vladimir Lenin', forms: ['Lenin'] }], places: [{ id: 'petrograd', name: 'Petrograd' }] },
  emendations: [{ sic: 'Petrogard', corr: 'Petrograd', type: 'ocr' }],
};

/** Paragraphs of about `bytes` in all, with names, a date, an emendation and non-ASCII text. */
function longText(bytes: number): string {
  const filler = 'and the delegates of the congress listened while the speaker went on about land, bread and peace, '.repeat(6);
  const paragraph = `Lenin spoke in Petrograd on 6 November 1917 [so the minutes say] about the Soviets — “all power” — ${filler}and the war...\n\n`;
  return 'Petrogard, a letter.\n\n' + paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph)));
}

describe('teikit encode on a text of 12 MB or more', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-large-'));
  const configPath = join(dir, 'edition.json');
  writeFileSync(configPath, JSON.stringify(config));
  const text = longText(12.5 * MB);

  it('writes the same TEI as encode(), to a file and to stdout', () => {
    const source = join(dir, 'long.txt');
    writeFileSync(source, text);
    const expected = encode(text, config, { maxInputBytes: Infinity }).xml;
    const out = join(dir, 'long.xml');
    const toFile = teikit(['encode', source, '--config', configPath, '-o', out, '--max-input-mb', '20']);
    expect(toFile.stderr).toBe('');
    expect(toFile.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    const toStdout = teikit(['encode', '-', '--config', configPath, '--max-input-mb', '20'], Buffer.from(text));
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(expected);
  }, 180_000);

  it('reports errors found in the text with their line and column', () => {
    const bad = join(dir, 'bad.txt');
    // A control character near the end, and invalid UTF-8 in a second file.
    writeFileSync(bad, `${text}Here\u0007.\n`);
    const lines = text.split('\n').length;
    const r = teikit(['encode', bad, '--config', configPath, '-o', join(dir, 'bad.xml'), '--max-input-mb', '20']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lines}:5: `));
    const badBytes = join(dir, 'bad-bytes.txt');
    writeFileSync(badBytes, Buffer.concat([Buffer.from(text), Buffer.from([0xff])]));
    const r2 = teikit(['encode', badBytes, '--max-input-mb', '20']);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('invalid-utf8');
    expect(r2.stdout).toBe('');
  }, 180_000);
});

describe('teikit build', () => {
  it('refuses a source text over the limit, naming the option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-large-build-'));
    const edition = join(dir, 'ed');
    mkdirSync(edition);
    writeFileSync(join(edition, 'edition.json'), JSON.stringify(config));
    writeFileSync(join(edition, 'text.txt'), longText(40 * 1024));
    const refused = teikit(['build', edition, '--max-input-mb', '0.03']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('input-too-large: 40 KB is over the 31 KB limit');
    expect(refused.stderr).toContain('--max-input-mb raises it');
    const built = teikit(['build', edition, '--max-input-mb', '1']);
    expect(built.status).toBe(0);
    expect(readFileSync(join(edition, 'text.xml'), 'utf8')).toBe(encode(readFileSync(join(edition, 'text.txt'), 'utf8'), config).xml);
  });
});
