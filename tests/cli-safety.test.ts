import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What the CLI does with inputs that could cost a user their files.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/', import.meta.url));

function teikit(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-safety-'));
  copyFileSync(join(lenin, 'lenin-1917-11-06.xml'), join(dir, 'letter.xml'));
  writeFileSync(join(dir, 'letter.txt'), 'We must not wait.\n');
  mkdirSync(join(dir, 'afolder'));
  return dir;
}

describe('the CLI keeps the user\'s files', () => {
  it('refuses -o naming the input, and leaves the input as it was', () => {
    const dir = workdir();
    const tei = readFileSync(join(dir, 'letter.xml'), 'utf8');
    const render = teikit(['render', 'letter.xml', '-o', './letter.xml'], dir);
    expect(render.status).toBe(2);
    expect(render.stderr).toContain('-o ./letter.xml is the input file');
    expect(readFileSync(join(dir, 'letter.xml'), 'utf8')).toBe(tei);
    const encode = teikit(['encode', 'letter.txt', '-o', 'letter.txt'], dir);
    expect(encode.status).toBe(2);
    expect(readFileSync(join(dir, 'letter.txt'), 'utf8')).toBe('We must not wait.\n');
  });

  it('names a folder given as a file, with exit 1 and no stack trace', () => {
    const dir = workdir();
    for (const command of ['encode', 'render', 'read', 'suggest']) {
      const r = teikit([command, 'afolder'], dir);
      expect(r.status, command).toBe(1);
      expect(r.stderr, command).toBe('afolder: eisdir: is a folder, not a file\n');
    }
  });

  it('names the output the user gave, not a temporary file, when it cannot be written', () => {
    const dir = workdir();
    const r = teikit(['render', 'letter.xml', '-o', 'nowhere/page.html'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('nowhere/page.html: enoent: no such file or folder\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('build does not replace an HTML page or TEI file that teikit did not write, and writes nothing then', () => {
    const dir = workdir();
    const edition = join(dir, 'edition');
    mkdirSync(edition);
    copyFileSync(join(lenin, 'lenin-1917-11-06.txt'), join(edition, 'lenin-1917-11-06.txt'));
    copyFileSync(join(lenin, 'edition.json'), join(edition, 'edition.json'));
    writeFileSync(join(edition, 'lenin-1917-11-06.html'), '<html><body>The archive\'s own page</body></html>\n');
    const r = teikit(['build', 'edition'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not-teikit-output: edition/lenin-1917-11-06.html exists and was not written by teikit');
    expect(readFileSync(join(edition, 'lenin-1917-11-06.html'), 'utf8')).toBe('<html><body>The archive\'s own page</body></html>\n');
    expect(readdirSync(edition).sort()).toEqual(['edition.json', 'lenin-1917-11-06.html', 'lenin-1917-11-06.txt']);
  });

  it('batch refuses texts whose TEI would land on the same file, and encodes the rest', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'texts'));
    writeFileSync(join(dir, 'texts', 'x.txt'), 'Alpha text one.\n');
    writeFileSync(join(dir, 'texts', 'x.Txt'), 'Beta text two.\n');
    writeFileSync(join(dir, 'texts', 'y.txt'), 'Gamma.\n');
    const r = teikit(['batch', 'texts', '--out', 'tei', '--format', 'json'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { encoded: number; failed: number; failures: { file: string; diagnostics: { code: string }[] }[] };
    expect(report).toMatchObject({ encoded: 1, failed: 2 });
    expect(report.failures.map((f) => [f.file, f.diagnostics[0]!.code])).toEqual([
      [join('texts', 'x.Txt'), 'output-collision'],
      [join('texts', 'x.txt'), 'output-collision'],
    ]);
    expect(readdirSync(join(dir, 'tei'))).toEqual(['y.xml']);
  });
});
