import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render } from '../src/render/index.js';

// The built CLI, as a user runs it (`npm test` builds dist/ first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/', import.meta.url));
const leninXml = join(lenin, 'lenin-1917-11-06.xml');

function teikit(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'teikit-render-'));

describe('teikit render', () => {
  it('writes the reading view to a file, atomically, or to standard output', () => {
    const dir = tempDir();
    const out = join(dir, 'lenin.html');
    const r = teikit(['render', leninXml, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${out}: written\n`);
    expect(readFileSync(out, 'utf8')).toBe(render(readFileSync(leninXml)));
    expect(readdirSync(dir)).toEqual(['lenin.html']); // no temporary file left behind

    const piped = teikit(['render', '-', '--reading', 'diplomatic'], readFileSync(leninXml));
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(render(readFileSync(leninXml), { reading: 'diplomatic' }));
    expect(teikit(['--help']).stdout).toContain('teikit render <xml-file|->');
  });

  it('reports bad input as file:line:col: code: message, exit 1, and writes nothing', () => {
    const dir = tempDir();
    const out = join(dir, 'bad.html');
    const bad = teikit(['render', '-', '-o', out], '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>unclosed</text></TEI>');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:1:\d+: xml-[a-z-]+: /);
    expect(existsSync(out)).toBe(false);
    const missing = teikit(['render', join(dir, 'missing.xml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`${join(dir, 'missing.xml')}: enoent: no such file or folder\n`);
    const warned = teikit(['render', '-'], '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName ref="#nobody">N</persName></p></body></text></TEI>');
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/^<stdin>:1:\d+: ref-not-found: warning: /m);
  });

  it('refuses bad usage with exit 2', () => {
    expect(teikit(['render']).status).toBe(2);
    expect(teikit(['render', leninXml, '--reading', 'both']).status).toBe(2);
    expect(teikit(['render', leninXml, '--colour']).status).toBe(2);
  });
});

describe('teikit build and the reading view', () => {
  it('writes the HTML beside the TEI, and --check fails when it is missing or stale', () => {
    const dir = join(tempDir(), 'lenin');
    cpSync(lenin, dir, { recursive: true });
    const htmlPath = join(dir, 'lenin-1917-11-06.html');
    expect(teikit(['build', '--check', dir]).status).toBe(0);

    writeFileSync(htmlPath, readFileSync(htmlPath, 'utf8').replace('arrest', 'attest'));
    const stale = teikit(['build', '--check', dir]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${htmlPath}: stale: differs from what the edition builds`);

    rmSync(htmlPath);
    expect(teikit(['build', '--check', dir]).stderr).toContain(`${htmlPath}: stale: missing`);
    const built = teikit(['build', dir]);
    expect(built.status).toBe(0);
    expect(built.stderr).toContain(`${htmlPath}: written`);
    expect(readFileSync(htmlPath, 'utf8')).toBe(readFileSync(join(lenin, 'lenin-1917-11-06.html'), 'utf8'));
    expect(teikit(['build', '--check', dir]).status).toBe(0);
  });
});
