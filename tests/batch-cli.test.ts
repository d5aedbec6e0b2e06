import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine, progressReporter } from '../src/cli/progress.js';
import type { BatchProgress } from '../src/batch/types.js';
import { tree } from './helpers/tree.js';

// The built CLI, as a user runs it (`npm test` builds dist/ first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function teikit(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-batch-cli-'));
  write(join(dir, 'texts/a.txt'), 'Lenin wrote from Petrograd.\n');
  write(join(dir, 'texts/sub/b.txt'), 'Nothing to mark.\n\nSecond paragraph.\n');
  write(join(dir, 'texts/sub/bad.txt'), 'Fine.\nBad \u0002 here.\n');
  return dir;
}


const progress = (p: Partial<BatchProgress>): BatchProgress => ({ done: 0, total: 10, failed: 0, skipped: 0, bytes: 0, file: 'x.txt', diagnostics: [], elapsedMs: 0, ...p });

describe('teikit batch', () => {
  it('encodes the tree, prints the bad file as file:line:col, the summary on stdout, and exits 1', () => {
    const dir = corpus();
    const r = teikit(['batch', 'texts', '--out', 'tei', '--jobs', '2'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join('texts', 'sub', 'bad.txt')}:2:5: forbidden-char: character U+0002 is not allowed in XML 1.0`);
    // Not a terminal: plain progress lines, the last one the final count.
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^teikit batch: 3\/3 files \(100%\), [\d.]+ files\/s, ETA 0:00, 1 failed$/);
    expect(r.stderr).not.toContain('\r');
    expect(r.stdout).toMatch(/^teikit batch: 3 files\n {2}encoded {3}2 \(/);
    expect(r.stdout).toContain('  failed    1 (see the problems above; their TEI was not written)');
    expect(r.stdout).toContain('  marked    0 emendations, 0 names; 0 warnings');
    expect(tree(join(dir, 'tei'))).toEqual(['a.xml', join('sub', 'b.xml')]);
    // A rerun skips what is up to date; without failures it exits 0.
    write(join(dir, 'texts/sub/bad.txt'), 'Fixed now.\n');
    const again = teikit(['batch', 'texts', '--out', 'tei'], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('  encoded   1 (');
    expect(again.stdout).toContain('  skipped   2 (');
  });

  it('prints the report as JSON with --format json', () => {
    const dir = corpus();
    write(join(dir, 'edition.json'), JSON.stringify({ register: { people: [{ id: 'lenin', name: 'Lenin' }] } }));
    const r = teikit(['batch', 'texts', '--out', 'tei', '--config', 'edition.json', '--format', 'json', '-j', '1'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual(
      ['aborted', 'bytes', 'config', 'emendations', 'encoded', 'failed', 'failures', 'files', 'input', 'jobs', 'names', 'out', 'outputBytes', 'skipped', 'timeMs', 'warned', 'warnings'].sort(),
    );
    expect(report).toMatchObject({ input: 'texts', out: 'tei', config: 'edition.json', jobs: 1, files: 3, encoded: 2, failed: 1, skipped: 0, names: 1, aborted: false });
    expect(typeof report.timeMs).toBe('number');
    expect(report.failures).toEqual([
      {
        file: join('texts', 'sub', 'bad.txt'),
        diagnostics: [
          {
            severity: 'error',
            code: 'forbidden-char',
            message: 'character U+0002 is not allowed in XML 1.0',
            file: join('texts', 'sub', 'bad.txt'),
            line: 2,
            column: 5,
            hint: 'remove the character; XML 1.0 cannot hold it',
            text: `${join('texts', 'sub', 'bad.txt')}:2:5: forbidden-char: character U+0002 is not allowed in XML 1.0 (remove the character; XML 1.0 cannot hold it)`,
          },
        ],
      },
    ]);
  });

  it('fails a bad config up front with its line and column', () => {
    const dir = corpus();
    write(join(dir, 'edition.json'), '{\n  "supplied": [{ "text": "all", "context": "at [] costs" }]\n}\n');
    const r = teikit(['batch', 'texts', '--out', 'tei', '--config', 'edition.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('edition.json:2:15: config-batch-anchor: "supplied" anchor entries to places in one text');
    expect(existsSync(join(dir, 'tei'))).toBe(false);
  });

  it('says clearly what is wrong with the folders and arguments', () => {
    const dir = corpus();
    const missing = teikit(['batch', 'nope', '--out', 'tei'], dir);
    expect(missing).toMatchObject({ status: 1, stderr: 'teikit batch: no-such-folder: the input folder nope does not exist\n' });
    const inside = teikit(['batch', 'texts', '--out', 'texts/tei'], dir);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain('out-inside-input: the output folder texts/tei is inside the input folder texts');
    expect(teikit(['batch', 'texts', '--out', 'texts'], dir).status).toBe(2);
    expect(teikit(['batch', 'texts'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('batch needs --out <dir>') });
    expect(teikit(['batch', 'texts', '--out', 'tei', '--jobs', '0'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--jobs takes a whole number above 0, not "0"') });
    expect(teikit(['batch', 'texts', '--out', 'tei', '--format', 'xml'], dir).status).toBe(2);
    expect(teikit(['batch', '--out', 'tei'], dir).status).toBe(2);
    expect(teikit(['--help']).stdout).toContain('teikit batch <input-dir> --out <dir>');
    expect(existsSync(join(dir, 'tei'))).toBe(false);
  });

  it('stops cleanly on Ctrl-C: summary, exit 130, no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-batch-cli-'));
    const paragraph = 'Lenin spoke in Petrograd on November 6, 1917, and the hall listened. '.repeat(40);
    for (let i = 0; i < 80; i++) write(join(dir, `texts/t${String(i).padStart(2, '0')}.txt`), `${paragraph}\n\n`.repeat(60));
    const child = spawn(process.execPath, [cli, 'batch', 'texts', '--out', 'tei', '--jobs', '2'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // The first progress line: the batch is under way.
      if (/files \(/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).toContain('teikit batch: stopping');
    expect(stdout).toMatch(/^teikit batch: stopped after \d+ of 80 files\n/);
    const written = tree(join(dir, 'tei'));
    expect(written.length).toBeLessThan(80);
    expect(written.filter((f) => !f.endsWith('.xml'))).toEqual([]);
    for (const f of written) expect(readFileSync(join(dir, 'tei', f), 'utf8')).toMatch(/<\/TEI>\n$/);
  });

  it('refuses a text over --max-input-mb with the limit and the option named', () => {
    const dir = corpus();
    write(join(dir, 'big.txt'), 'Many words here. '.repeat(1000));
    const r = teikit(['encode', 'big.txt', '--max-input-mb', '0.01'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('big.txt: input-too-large: 17 KB is over the 10 KB limit (--max-input-mb raises it, or the maxInputBytes option of the API; peak memory is about 20× the text)\n');
    expect(teikit(['encode', 'big.txt', '--max-input-mb', '1'], dir).status).toBe(0);
    const batch = teikit(['batch', '.', '--out', '../tei-of-' + relative(tmpdir(), dir), '--max-input-mb', '0.01', '--format', 'json'], dir);
    const report = JSON.parse(batch.stdout);
    expect(report.failures.map((f: { file: string; diagnostics: { code: string }[] }) => [f.file, f.diagnostics[0]!.code])).toEqual([
      ['big.txt', 'input-too-large'],
      [join('texts', 'sub', 'bad.txt'), 'forbidden-char'],
    ]);
  });
});

describe('batch progress', () => {
  it('draws a bar on a terminal, redrawn in place and cleared at the end', () => {
    let out = '';
    let t = 0;
    const reporter = progressReporter({ isTTY: true, columns: 80, write: (s: string) => (out += s) }, () => t);
    reporter.update(progress({ done: 1, elapsedMs: 1000 }));
    t = 50; // throttled: not redrawn within 100 ms
    reporter.update(progress({ done: 2, elapsedMs: 1050 }));
    t = 200;
    reporter.print(['a.txt:1:1: code: message']);
    reporter.finish();
    expect(out).toBe(
      `\r${progressBar(progress({ done: 1, elapsedMs: 1000 }), 80)}\x1b[K` +
        '\r\x1b[Ka.txt:1:1: code: message\n' +
        `\r${progressBar(progress({ done: 2, elapsedMs: 1050 }), 80)}\x1b[K` +
        '\r\x1b[K',
    );
    expect(progressBar(progress({ done: 5, total: 10, elapsedMs: 2000 }), 80)).toBe('[###############---------------] 5/10 50%  2.5 files/s  ETA 0:02');
    expect(progressBar(progress({ done: 5, total: 10, elapsedMs: 2000 }), 30).length).toBeLessThan(30);
  });

  it('writes plain lines elsewhere, at most one a second, and the final count', () => {
    let out = '';
    let t = 0;
    const reporter = progressReporter({ write: (s: string) => (out += s) }, () => t);
    for (let i = 1; i <= 10; i++) {
      t = i * 300;
      reporter.update(progress({ done: i, elapsedMs: t, skipped: 0 }));
    }
    reporter.finish();
    expect(out.split('\n').filter(Boolean)).toEqual([
      progressLine(progress({ done: 1, elapsedMs: 300 })),
      progressLine(progress({ done: 5, elapsedMs: 1500 })),
      progressLine(progress({ done: 9, elapsedMs: 2700 })),
      progressLine(progress({ done: 10, elapsedMs: 3000 })),
    ]);
    expect(progressLine(progress({ done: 4, total: 8, skipped: 2, failed: 1, elapsedMs: 1000 }))).toBe('teikit batch: 4/8 files (50%), 2.0 files/s, ETA 0:02, 1 failed');
  });
});
