// npm run bench: every benchmark of the project, written to bench/RESULTS.md.
// Benchmarks, not tests: nothing here fails on a slow machine; it reports.
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { batchMarkdown, runBatchBench } from './batch.mjs';
import { encodeMarkdown, memoryMarkdown, runEncodeBench, runMemoryBench } from './encode.mjs';
import { readMarkdown, runReadBench } from './read.mjs';
import { renderMarkdown, runRenderBench } from './render.mjs';
import { runSuggestBench, suggestMarkdown } from './suggest.mjs';
import { runValidateBench, validateMarkdown } from './validate.mjs';

const log = (s) => process.stderr.write(`${s}\n`);
const started = new Date();
const loadBefore = loadavg()[0];
const sections = [];
const timed = async (name, fn) => {
  const t0 = performance.now();
  const md = await fn();
  log(`${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  sections.push(md);
};

await timed('encode', () => encodeMarkdown(runEncodeBench(log)));
await timed('encode memory', () => memoryMarkdown(runMemoryBench(log)));
await timed('batch', () => batchMarkdown(runBatchBench(log)));
await timed('read', () => readMarkdown(runReadBench(log)));
await timed('validate', async () => validateMarkdown(await runValidateBench(log)));
await timed('render', async () => renderMarkdown(await runRenderBench(log)));
await timed('suggest', async () => suggestMarkdown(await runSuggestBench(log)));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'} (availableParallelism ${availableParallelism()}), Node ${process.version}, ${process.platform}/${process.arch}`;
const md = [
  '# Benchmark results',
  '',
  `Machine: ${machine}. Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end: other work on the machine slows every figure, and parallel speed-ups most.`,
  '',
  `Command: \`npm run bench\` (builds with tsup, then \`node --expose-gc --max-old-space-size=8192 bench/run.mjs\`; \`BENCH_HUGE=1\` adds a 200 MB encode with the limit raised). Run took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s.`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
writeFileSync(new URL('./RESULTS.md', import.meta.url), md);
log('wrote bench/RESULTS.md');
