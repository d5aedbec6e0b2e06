import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every ```js example in the README runs against the built package, as a user would paste it.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
const distFile = (name: string) => JSON.stringify(fileURLToPath(new URL(`../dist/${name}.js`, import.meta.url)));

function run(code: string) {
  // 'teikit' and its subpath entries ('teikit/suggest', 'teikit/batch') → the built files.
  const source = code.replace(/from 'teikit(?:\/(\w+))?'/g, (_, sub: string | undefined) => `from ${distFile(sub ?? 'index')}`);
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
}

describe('README examples', () => {
  it('has examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((code, i) => [i + 1, code] as const))('example %i runs and prints what its comments say', (_, code) => {
    const r = run(code);
    expect(r.stderr.replace(/^edition\.json:.*\n/gm, '')).toBe('');
    expect(r.status).toBe(0);
    // A comment after console.log / console.error states the output; check its start.
    for (const m of code.matchAll(/\/\/ (edition\.json:[^…\n]*)/g)) expect(r.stderr).toContain(m[1]!.trim());
    if (code.includes('console.log(xml)')) expect(r.stdout).toContain('<choice><sic>attest</sic><corr resp="#ed" cert="high" type="ocr">arrest</corr></choice>');
  });
});
