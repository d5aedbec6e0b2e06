import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseValidateArgs, runValidate } from '../src/cli/validate-command.js';
import { UsageError } from '../src/cli/report.js';
import { TEI_ALL } from './helpers/jing.js';

/** `teikit validate`: runValidate() as main.ts calls it, with its output captured. */
const lenin = fileURLToPath(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url));
const corpus = (doc: string): string => fileURLToPath(new URL(`./validation-corpus/${doc}`, import.meta.url));
const teikitRng = fileURLToPath(new URL('../schemas/teikit.rng', import.meta.url));

async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const args = parseValidateArgs(argv);
  if (args === 'help') throw new Error('help');
  const status = await runValidate(args);
  vi.restoreAllMocks();
  return { status, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('teikit validate', () => {
  it('prints nothing and exits 0 when every file is valid', async () => {
    expect(await run([lenin, corpus('valid/teikit-month-day-dates.xml')])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('prints one line per problem, schema problems and rule findings, and exits 1', async () => {
    const file = corpus('invalid/when-31-april.xml');
    const r = await run(['--schema', TEI_ALL, lenin, file]);
    expect(r).toEqual({
      status: 1,
      stdout: [
        `${file}:12:34: error attribute-value-invalid: value "1917-04-31" of attribute "when" is invalid\n`,
        `${file}:12:16: error real-date: @when "1917-04-31" is not a real date: April 1917 has 30 days\n`,
      ].join(''),
      stderr: '',
    });
  });

  it('validates against teikit’s schema unless told otherwise', async () => {
    const outside = corpus('valid/div-with-head.xml');
    expect((await run([outside])).status).toBe(1);
    expect((await run(['--schema', TEI_ALL, outside])).status).toBe(0);
    expect((await run(['--schema', teikitRng, lenin])).status).toBe(0);
  });

  it('writes JSON: one object per file', async () => {
    const bad = corpus('not-well-formed/bare-ampersand.xml');
    const missing = join(mkdtempSync(join(tmpdir(), 'teikit-validate-')), 'missing.xml');
    const r = await run(['--format', 'json', lenin, bad, missing]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { file: lenin, valid: true, diagnostics: [] },
      {
        file: bad,
        valid: false,
        diagnostics: [{ severity: 'error', code: 'not-well-formed', message: '"&" does not start an entity or character reference; write a literal & as &amp;', line: 12, column: 17 }],
      },
      { file: missing, valid: false, diagnostics: [{ severity: 'error', code: 'unreadable', message: 'no such file or folder', line: 0, column: 0 }] },
    ]);
  });

  it('says which file it cannot read, and exits 1', async () => {
    const r = await run(['no-such-file.xml']);
    expect(r).toEqual({ status: 1, stdout: '', stderr: 'no-such-file.xml: unreadable: no such file or folder\n' });
  });

  it('says when the schema cannot be used, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teikit-validate-'));
    writeFileSync(join(dir, 'broken.rng'), '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>');
    const r = await run(['--schema', join(dir, 'broken.rng'), lenin]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${join(dir, 'broken.rng')}: bad-schema: not a usable RelaxNG schema: `));
  });

  it('refuses bad usage (exit 2 in main.ts)', () => {
    expect(() => parseValidateArgs([])).toThrow(UsageError);
    expect(() => parseValidateArgs(['a.xml', '--format', 'yaml'])).toThrow(/--format is text or json, not "yaml"/);
    expect(() => parseValidateArgs(['a.xml', '--no-such-flag'])).toThrow(/Unknown option/);
    expect(parseValidateArgs(['--help'])).toBe('help');
  });
});
