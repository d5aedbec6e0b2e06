import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * validate() in a browser bundle. A bundler follows salve-annos's "browser"
 * field to salve.min.js, a separate build of salve whose internals live in a
 * closure: teikit's datatype fixes and group rewrite must work on it too,
 * not only on the lib/ build Node loads. The bundle is made as a bundler for
 * browsers would make it (esbuild, platform browser) and run in a child
 * process with only the globals salve.min.js expects of a page (`self`,
 * `window`); no Node module is available to it.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('validate() bundled for a browser', () => {
  it('runs on salve.min.js with jing’s datatypes, the built-in schema and schemas compiled from text', async () => {
    const result = await build({
      stdin: {
        contents: "export { validate } from './src/validate/validate.ts'; export { loadSchema } from './src/validate/schema.ts';",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const bundle = result.outputFiles[0]!.text;
    expect(bundle).not.toMatch(/from ["']node:|require\(["'](?:node:)?fs["']\)/);
    // esbuild names each bundled file in a comment: salve's browser build, and none of lib/
    const salveFiles = bundle.match(/^\/\/ \S*node_modules\/salve-annos\/\S+$/gm) ?? [];
    expect(salveFiles.length).toBe(1);
    expect(salveFiles[0]).toMatch(/\/salve\.min\.js$/);

    const dir = mkdtempSync(join(tmpdir(), 'teikit-browser-'));
    writeFileSync(join(dir, 'bundle.mjs'), bundle);
    const inputs = {
      lenin: read('../editions/lenin-1917-11-06/lenin-1917-11-06.xml'),
      monthDay: read('./validation-corpus/valid/teikit-month-day-dates.xml'),
      yearZero: read('./validation-corpus/invalid/when-year-0000.xml'),
      uris: read('./validation-corpus/valid/uris-jing-accepts.xml'),
      rng: `<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
        <start><element name="TEI"><oneOrMore><element name="date"><attribute name="when"><data type="gMonthDay"/></attribute><text/></element></oneOrMore></element></start></grammar>`,
    };
    writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs));
    writeFileSync(
      join(dir, 'page.mjs'),
      `globalThis.self = globalThis; globalThis.window = globalThis;
      const inputs = JSON.parse(await (await import('node:fs')).promises.readFile(new URL('./inputs.json', import.meta.url), 'utf8'));
      const { validate, loadSchema } = await import('./bundle.mjs');
      const codes = (xml, options) => validate(xml, options).diagnostics.map((d) => d.code);
      const schema = await loadSchema(inputs.rng);
      const doc = (when) => '<TEI xmlns="http://www.tei-c.org/ns/1.0"><date when="' + when + '">d</date></TEI>';
      console.log(JSON.stringify({
        lenin: codes(inputs.lenin),
        monthDay: codes(inputs.monthDay),
        duplicate: codes(inputs.lenin.replace('xml:id="kornilov"', 'xml:id="lenin"')).filter((c) => c === 'duplicate-id'),
        compiled: [codes(doc('--11-06'), { schema }), codes(doc('--02-30'), { schema })],
      }));`,
    );
    const run = spawnSync(process.execPath, [join(dir, 'page.mjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      lenin: [],
      monthDay: [],
      duplicate: ['duplicate-id'],
      compiled: [[], ['attribute-value-invalid', 'real-date']],
    });
  });
});
