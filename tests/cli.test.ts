import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { version } from '../src/index.js';

// The built CLI, as a user runs it (`npm test` builds dist/ first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/', import.meta.url));

function teikit(args: string[], input?: string | Buffer, cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'teikit-cli-'));
}

describe('teikit CLI', () => {
  it('prints its version and help', () => {
    expect(teikit(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = teikit(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('teikit encode <text-file|->');
    expect(help.stdout).toContain('teikit build <edition-dir>...');
  });

  it('exits 2 on bad usage', () => {
    expect(teikit([]).status).toBe(2);
    const unknown = teikit(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(teikit(['encode']).status).toBe(2);
    expect(teikit(['encode', 'a.txt', '--no-such-flag']).status).toBe(2);
    expect(teikit(['build']).status).toBe(2);
  });

  it('encodes a file to stdout, and standard input with -', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'First paragraph.\n\nSecond paragraph.\n');
    const fromFile = teikit(['encode', join(dir, 'a.txt')]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toContain('<p>First paragraph.</p>');
    const fromStdin = teikit(['encode', '-'], 'First paragraph.\n\nSecond paragraph.\n');
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('writes -o output whole, leaving no temporary file behind', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Some text.\n');
    const r = teikit(['encode', join(dir, 'a.txt'), '-o', join(dir, 'a.xml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'a.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI [^]*<\/TEI>\n$/);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'a.xml']);
  });

  it('reports bad input as file:line:col: code: message and exits 1, writing nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x4f, 0x6b, 0x0a, 0x61, 0xff, 0x62]));
    const r = teikit(['encode', join(dir, 'bad.txt'), '-o', join(dir, 'bad.xml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${join(dir, 'bad.txt')}:2:2: invalid-utf8: invalid UTF-8 byte 0xff at byte offset 4 (save the file as UTF-8)\n`);
    expect(existsSync(join(dir, 'bad.xml'))).toBe(false);
  });

  it('names the line and column in edition.json of a config error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'The government must he arrested.\n');
    writeFileSync(join(dir, 'edition.json'), '{\n  "emendations": [\n    { "sic": "he", "corr": "be", "cert": "sure" }\n  ]\n}\n');
    const r = teikit(['encode', join(dir, 'a.txt'), '--config', join(dir, 'edition.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'edition.json')}:3:42: config-schema: must be one of "high", "medium", "low", "unknown"`);
  });

  it('reports a missing file and exits 1', () => {
    const r = teikit(['encode', 'no-such-file.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('no-such-file.txt: enoent: no such file or folder\n');
  });

  it('builds an edition folder, and --check tells a stale TEI file from a fresh one', () => {
    const dir = join(tempDir(), 'lenin');
    cpSync(lenin, dir, { recursive: true });
    const xmlPath = join(dir, 'lenin-1917-11-06.xml');
    expect(teikit(['build', '--check', dir]).status).toBe(0);
    writeFileSync(xmlPath, readFileSync(xmlPath, 'utf8').replace('arrest', 'attest'));
    const stale = teikit(['build', '--check', dir]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stale');
    expect(teikit(['build', dir]).status).toBe(0);
    expect(readFileSync(xmlPath, 'utf8')).toBe(readFileSync(join(lenin, 'lenin-1917-11-06.xml'), 'utf8'));
    expect(teikit(['build', '--check', dir]).status).toBe(0);
  });

  it('reads TEI back: a reading as text, the model as JSON, from a file or standard input', () => {
    const xmlPath = join(lenin, 'lenin-1917-11-06.xml');
    const corrected = teikit(['read', xmlPath, '--reading', 'corrected']);
    expect(corrected.status).toBe(0);
    expect(corrected.stdout).toContain('this very night, arrest the government');
    const diplomatic = teikit(['read', '-'], readFileSync(xmlPath));
    expect(diplomatic.stdout).toContain('this very night, attest the government');
    const model = JSON.parse(teikit(['read', xmlPath, '--format', 'json']).stdout);
    expect(model.apparatus.filter((a: { kind: string }) => a.kind === 'sic-corr')).toHaveLength(10);
    expect(teikit(['read', xmlPath, '--reading', 'both']).status).toBe(2);
    const bad = teikit(['read', '-'], '<TEI><p>unclosed</TEI>');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:1:\d+: xml-/);
  });

  it('refuses a folder that is not an edition', () => {
    const dir = tempDir();
    const r = teikit(['build', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not-an-edition');
  });
});
