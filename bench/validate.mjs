// Validation speed: schema load and compile, time per document, and throughput on
// 1,000 generated editions, beside jing over the same files in one JVM run.
// Target: for 1,000 files, `teikit validate` with teikit's schema at least as fast as
// `jing schemas/teikit.rng f1 … f1000`, end to end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode, loadSchema, precompileSchema, validate } from '../dist/index.js';
import { makeConfig, makeRegister, makeText, rng } from './generate.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const TEIKIT_RNG = fileURLToPath(new URL('../schemas/teikit.rng', import.meta.url));
const TEI_ALL = fileURLToPath(new URL('../../shared/tei/tei_all.rng', import.meta.url));
const LENIN = fileURLToPath(new URL('../editions/lenin-1917-11-06/lenin-1917-11-06.xml', import.meta.url));
const FILES = 1000;

const now = () => performance.now();
async function once(fn) {
  const t = now();
  const result = await fn();
  return { ms: now() - t, result };
}
/** The median of `runs` timings, in ms per call. */
function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
function wall(command, args) {
  const t = now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: now() - t, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
const jingInstalled = () => spawnSync('sh', ['-c', 'command -v jing']).status === 0;

/** 1,000 small editions (a few KB of text each, a 30-entry register, three emendations), as teikit writes them. */
function generateEditions(dir, log) {
  const files = [];
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const register = makeRegister(30, rng(1000 + i));
    const { text, planted } = makeText(3000, register, 3, rng(5000 + i));
    const { xml } = encode(text, makeConfig(register, planted));
    const file = join(dir, `edition-${String(i).padStart(4, '0')}.xml`);
    writeFileSync(file, xml);
    files.push(file);
    bytes += Buffer.byteLength(xml);
  }
  log(`generated ${FILES} editions, ${(bytes / 1024 / FILES).toFixed(1)} KB each on average`);
  return { files, bytes };
}

export async function runValidateBench(log) {
  const haveJing = jingInstalled();
  const load = [];

  // Schema load and compile, each the first time in this process (later loads hit the cache).
  const builtIn = await once(() => validate('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'));
  load.push({ what: 'teikit schema, built in (precompiled JSON), first validate()', ms: builtIn.ms });
  const teikitRng = await once(() => loadSchema(readFileSync(TEIKIT_RNG, 'utf8')));
  load.push({ what: 'schemas/teikit.rng, compiled from RNG', ms: teikitRng.ms });
  const teiAll = await once(() => loadSchema(TEI_ALL));
  load.push({ what: 'tei_all.rng, compiled from RNG', ms: teiAll.ms });
  const teiAllJson = await precompileSchema(readFileSync(TEI_ALL, 'utf8'));
  const teiAllFromJson = await once(() => loadSchema(JSON.parse(teiAllJson)));
  load.push({ what: `tei_all, from precompiled JSON (${(teiAllJson.length / 1024 / 1024).toFixed(1)} MB)`, ms: teiAllFromJson.ms });
  for (const l of load) log(`load ${l.what}: ${l.ms.toFixed(0)} ms`);

  // Time per document: the Lenin edition (17 KB), warm, median of 50.
  const lenin = readFileSync(LENIN);
  const perDocument = [
    { what: 'Lenin edition, teikit schema + rules', ms: median(() => validate(lenin), 50) },
    { what: 'Lenin edition, tei_all + rules', ms: median(() => validate(lenin, { schema: teiAll.result }), 50) },
  ];
  for (const p of perDocument) log(`${p.what}: ${p.ms.toFixed(2)} ms`);

  const dir = mkdtempSync(join(tmpdir(), 'teikit-bench-validate-'));
  try {
    const { files, bytes } = generateEditions(dir, log);
    const inProcess = [];
    for (const [what, schema] of [
      ['teikit schema', undefined],
      ['tei_all', teiAll.result],
    ]) {
      const r = await once(() => {
        let invalid = 0;
        for (const f of files) if (!validate(readFileSync(f), schema ? { schema } : {}).valid) invalid++;
        return invalid;
      });
      inProcess.push({ what, ms: r.ms, invalid: r.result });
      log(`in process, ${what}: ${FILES} files in ${r.ms.toFixed(0)} ms (${r.result} invalid)`);
    }

    // End to end: one process each, from start to exit, as a user or CI runs them.
    const endToEnd = [];
    const cli = wall(process.execPath, [CLI, 'validate', ...files]);
    const cliWorks = !/unknown command/.test(cli.stderr);
    endToEnd.push({ what: 'teikit validate f1 … f1000 (teikit schema)', command: 'node dist/cli.js validate f1 … f1000', ...cli, available: cliWorks });
    const cliTeiAll = wall(process.execPath, [CLI, 'validate', '--schema', TEI_ALL, ...files]);
    endToEnd.push({ what: 'teikit validate --schema tei_all.rng f1 … f1000', command: 'node dist/cli.js validate --schema ../shared/tei/tei_all.rng f1 … f1000', ...cliTeiAll, available: cliWorks });
    if (haveJing) {
      endToEnd.push({ what: 'jing schemas/teikit.rng f1 … f1000', command: 'jing schemas/teikit.rng f1 … f1000', ...wall('jing', [TEIKIT_RNG, ...files]), available: true });
      endToEnd.push({ what: 'jing tei_all.rng f1 … f1000', command: 'jing ../shared/tei/tei_all.rng f1 … f1000', ...wall('jing', [TEI_ALL, ...files]), available: true });
    }
    for (const e of endToEnd) log(`${e.what}: ${e.available ? `${e.ms.toFixed(0)} ms, exit ${e.status}` : 'not wired into the CLI'}`);
    return { load, perDocument, inProcess, endToEnd, files: FILES, bytes, haveJing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function validateMarkdown({ load, perDocument, inProcess, endToEnd, files, bytes, haveJing }) {
  const out = [];
  out.push(
    '## Validate',
    '',
    `Target: for ${files.toLocaleString('en')} files, \`teikit validate\` with teikit's schema at least as fast as jing with schemas/teikit.rng, end to end (one process each, start to exit). The files are editions teikit generated from the benchmark text generator, ${(bytes / 1024 / files).toFixed(1)} KB each on average.`,
    '',
    '### Loading a schema (first load in a process; later loads of the same text hit the cache)',
    '',
    '| schema | ms |',
    '| --- | ---: |',
  );
  for (const l of load) out.push(`| ${l.what} | ${l.ms.toFixed(0)} |`);
  out.push('', '### One document, warm (median of 50)', '', '| document and schema | ms |', '| --- | ---: |');
  for (const p of perDocument) out.push(`| ${p.what} | ${p.ms.toFixed(2)} |`);
  out.push('', `### ${files.toLocaleString('en')} files in one process (\`validate()\` after the schema is loaded)`, '', '| schema | ms | files/s | invalid |', '| --- | ---: | ---: | ---: |');
  for (const r of inProcess) out.push(`| ${r.what} | ${r.ms.toFixed(0)} | ${((files / r.ms) * 1000).toFixed(0)} | ${r.invalid} |`);
  out.push('', `### ${files.toLocaleString('en')} files end to end`, '', '| command | ms | exit |', '| --- | ---: | ---: |');
  for (const e of endToEnd) out.push(`| \`${e.command}\` | ${e.available ? e.ms.toFixed(0) : 'n/a'} | ${e.available ? e.status : '–'} |`);
  const teikit = endToEnd.find((e) => e.what.startsWith('teikit validate f1'));
  const jing = endToEnd.find((e) => e.what.startsWith('jing schemas/teikit.rng'));
  out.push('');
  if (!haveJing) out.push('jing is not installed: no comparison.');
  else if (!teikit?.available) out.push('`teikit validate` is not wired into the CLI yet: no end-to-end comparison.');
  else out.push(`teikit with its own schema took ${(teikit.ms / jing.ms).toFixed(2)}× jing's time: the target is ${teikit.ms <= jing.ms ? 'met' : 'missed'}.`);
  return out.join('\n');
}
