// Encoder throughput: MB/s on one core, growth in text length and register size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from '../dist/index.js';
import { makeConfig, makeRegister, makeText } from './generate.mjs';
// The benchmark texts reach 100 MB: past encode()'s default 10 MB input limit on purpose.
const ANY_SIZE = { maxInputBytes: Infinity };
import { time } from './time.mjs';

const MB = 1024 * 1024;

export function runEncodeBench(log) {
  const rows = [];
  const register10k = makeRegister(10_000);
  const { text: text10, planted } = makeText(10 * MB, register10k, 1000);
  const config10 = makeConfig(register10k, planted);
  encode(text10.slice(0, 200_000).replace(/errtok\d+/g, 'x'), { register: register10k }); // warm up the JIT
  const main = time(() => encode(text10, config10, ANY_SIZE), 3);
  const bytes = Buffer.byteLength(text10);
  const spans = main.result.edition.spans;
  const count = (k) => spans.filter((s) => s.kind === k).length;
  rows.push({
    case: '10 MB, 10,000-entry register, 1,000 emendations',
    mb: bytes / MB,
    ms: main.ms,
    mbps: bytes / MB / (main.ms / 1000),
    note: `${count('name')} names, ${count('date')} dates, ${count('choice')} emendations, ${count('gloss')} glosses, ${count('omission')} omissions; output ${(Buffer.byteLength(main.result.xml) / MB).toFixed(1)} MB`,
  });
  log(`encode 10 MB: ${main.ms.toFixed(0)} ms, ${(bytes / MB / (main.ms / 1000)).toFixed(1)} MB/s`);

  const growth = [];
  for (const size of [1, 10, 100]) {
    const reg = makeRegister(10_000);
    const { text, planted: p } = makeText(size * MB, reg, 100 * size);
    const cfg = makeConfig(reg, p);
    // 100 MB takes a while and holds gigabytes: once is enough to see the trend.
    const r = time(() => encode(text, cfg, ANY_SIZE), size >= 100 ? 1 : 3);
    growth.push({ size, ms: r.ms, mbps: Buffer.byteLength(text) / MB / (r.ms / 1000) });
    log(`encode ${size} MB: ${r.ms.toFixed(0)} ms`);
  }

  const registerGrowth = [];
  for (const n of [10, 100, 1000, 10_000]) {
    const reg = makeRegister(n);
    const { text, planted: p } = makeText(10 * MB, reg, 1000);
    const cfg = makeConfig(reg, p);
    const r = time(() => encode(text, cfg, ANY_SIZE), 3);
    registerGrowth.push({ n, ms: r.ms, mbps: Buffer.byteLength(text) / MB / (r.ms / 1000) });
    log(`encode 10 MB with ${n} register entries: ${r.ms.toFixed(0)} ms`);
  }
  return { rows, growth, registerGrowth };
}

export function encodeMarkdown({ rows, growth, registerGrowth }) {
  const out = [];
  out.push('## Encode (one core)', '', 'Target: at least 15 MB/s on a 10 MB text with a 10,000-entry register and 1,000 emendations; time linear in text length, nearly flat in register size. Best of 3 runs.', '');
  out.push('| case | MB | ms | MB/s | what it found |', '| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) out.push(`| ${r.case} | ${r.mb.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.mbps.toFixed(1)} | ${r.note} |`);
  out.push('', '### Growth with text length (10,000-entry register, 100 emendations per MB; 100 MB run once, the others best of 3)', '', '| MB | ms | ms per MB | MB/s |', '| ---: | ---: | ---: | ---: |');
  for (const g of growth) out.push(`| ${g.size} | ${g.ms.toFixed(0)} | ${(g.ms / g.size).toFixed(0)} | ${g.mbps.toFixed(1)} |`);
  const first = growth.find((g) => g.size === 10);
  const last = growth.at(-1);
  if (first && last && last.size > first.size) {
    const ratio = last.ms / last.size / (first.ms / first.size);
    out.push('', `Time per MB at ${last.size} MB is ${ratio.toFixed(2)}× that at ${first.size} MB: ${ratio <= 1.25 ? 'linear' : 'worse than linear'} (1 MB pays the fixed cost of compiling the 10,000-entry register).`);
  }
  out.push('', '### Growth with register size (10 MB text, 1,000 emendations)', '', '| register entries | ms | MB/s |', '| ---: | ---: | ---: |');
  for (const g of registerGrowth) out.push(`| ${g.n.toLocaleString('en')} | ${g.ms.toFixed(0)} | ${g.mbps.toFixed(1)} |`);
  return out.join('\n');
}


const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/**
 * Peak memory (maxRSS) of `teikit encode` as a user runs it, on generated texts
 * of 10, 50, 100 and 200 MB, with the default input limit and with it raised.
 * The promise: at most 4 × the text + 200 MB, or a refusal naming the limit and
 * the option. 200 MB with the limit raised needs several GB and minutes: only
 * with BENCH_HUGE=1.
 */
export function runMemoryBench(log) {
  const dir = mkdtempSync(join(tmpdir(), 'teikit-bench-memory-'));
  try {
    const register = makeRegister(1000);
    const config = join(dir, 'edition.json');
    writeFileSync(config, JSON.stringify({ metadata: { title: 'Memory', editors: [{ id: 'ed', name: 'E' }] }, register }));
    const { text } = makeText(100 * MB, register, 0);
    const files = {};
    for (const size of [10, 15, 20, 50, 100]) {
      files[size] = join(dir, `t${size}.txt`);
      writeFileSync(files[size], size === 100 ? text : text.slice(0, size * MB));
    }
    files[200] = join(dir, 't200.txt');
    writeFileSync(files[200], text);
    appendFileSync(files[200], text);
    // Measured from inside the process at exit: no /usr/bin/time needed.
    const preload = join(dir, 'max-rss.cjs');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.TEIKIT_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
    const rows = [];
    const cases = [
      [10, []],
      [15, ['--max-input-mb', '1000']],
      [20, ['--max-input-mb', '1000']],
      [50, []],
      [50, ['--max-input-mb', '1000']],
      [100, ['--max-input-mb', '1000']],
      [200, []],
      ...(process.env.BENCH_HUGE === '1' ? [[200, ['--max-input-mb', '1000']]] : []),
    ];
    for (const [size, flags] of cases) {
      const rssFile = join(dir, 'rss');
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'encode', files[size], '--config', config, '-o', join(dir, 'out.xml'), ...flags], {
        encoding: 'utf8',
        env: { ...process.env, TEIKIT_BENCH_RSS: rssFile },
      });
      const ms = performance.now() - t0;
      const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      const budget = 4 * size + 200;
      const answer = r.status === 0 ? 'encoded' : (r.stderr.match(/input-too-large: [^(]*/)?.[0]?.trim() ?? `exit ${r.status}: ${r.stderr.split('\n')[0]}`);
      rows.push({ size, flags: flags.join(' '), status: r.status, ms, peakMb, budget, answer });
      log(`encode ${size} MB ${flags.join(' ')}: exit ${r.status}, peak ${peakMb.toFixed(0)} MB (budget ${budget} MB), ${ms.toFixed(0)} ms`);
      rmSync(rssFile, { force: true });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function memoryMarkdown(rows) {
  const out = [];
  out.push(
    '## Encode memory (`teikit encode`, peak RSS)',
    '',
    "Promise: a text encodes with peak memory at most 4 × its size + 200 MB, or is refused with a clear message naming the limit and the option that changes it. `teikit encode` refuses texts over 10 MB unless `--max-input-mb` raises the limit, and encodes a text of 12 MB or more in a thread of its own, so that validating the output does not share the heap with the encoder's garbage; peak RSS is measured inside the process at exit (`process.resourceUsage().maxRSS`, which counts every thread), garbage included. Texts generated with a 1,000-entry register.",
    '',
    '| text | command | exit | peak MB | 4 × size + 200 MB | within | answer | ms |',
    '| ---: | --- | ---: | ---: | ---: | --- | --- | ---: |',
  );
  for (const r of rows) {
    out.push(`| ${r.size} MB | \`node dist/cli.js encode t${r.size}.txt --config edition.json -o out.xml${r.flags ? ` ${r.flags}` : ''}\` | ${r.status} | ${r.peakMb.toFixed(0)} | ${r.budget} | ${r.peakMb <= r.budget ? 'yes' : 'no'} | ${r.answer} | ${r.ms.toFixed(0)} |`);
  }
  if (!rows.some((r) => r.size === 200 && r.flags)) out.push('', '200 MB with the limit raised is left out (several GB, minutes): `BENCH_HUGE=1 npm run bench` runs it.');
  return out.join('\n');
}
