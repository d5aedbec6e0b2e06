import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const require = createRequire(import.meta.url);

// The public API is a promise to users: adding an export is a decision, removing one a breaking change.
const EXPORTS = [
  'TeikitError',
  'analyse',
  'checkConfig',
  'defaultHandlers',
  'elementAt',
  'elementPath',
  'encode',
  'formatDiagnostic',
  'gregorianToJulian',
  'julianToGregorian',
  'loadSchema',
  'normaliseSource',
  'parseConfigText',
  'precompileSchema',
  'readTei',
  'render',
  'validate',
  'version',
];

describe('public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual(EXPORTS);
  });

  it('ships the same API as ESM and CommonJS builds', async () => {
    const esm = await import('../dist/index.js');
    const cjs = require('../dist/index.cjs');
    expect(Object.keys(esm).sort()).toEqual(EXPORTS);
    expect(Object.keys(cjs).sort()).toEqual(EXPORTS);
    expect(cjs.encode('One paragraph.').xml).toBe(esm.encode('One paragraph.').xml);
  });

  it('keeps Node-only modules out of the library build, so it runs in a browser bundle', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');
    expect(bundle).not.toMatch(/from ["']node:|require\(["'](node:)?(fs|path|os|child_process|crypto)["']\)/);
  });
});

describe('encode() input-size limit', () => {
  // Refused before any work: a text that would need gigabytes never starts.
  it('refuses a text over 10 MB by default, naming the size, the limit and the option', () => {
    const big = 'a '.repeat(5_300_000); // 10.1 MB
    let thrown: unknown;
    try {
      api.encode(big);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(api.TeikitError);
    const d = (thrown as InstanceType<typeof api.TeikitError>).diagnostics[0]!;
    expect(d.code).toBe('input-too-large');
    expect(d.message).toBe('10,600,000 bytes is over the 10,485,760 bytes limit');
    expect(d.hint).toContain('maxInputBytes');
  });

  it('takes a text at the limit the caller sets', () => {
    expect(() => api.encode('We must not wait.', {}, { maxInputBytes: 10 })).toThrow(/input-too-large|over the 10 bytes limit/);
    expect(api.encode('We must not wait.', {}, { maxInputBytes: 17 }).xml).toContain('We must not wait.');
  });
});
