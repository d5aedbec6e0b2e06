// npm run bench: every benchmark of the project, written to bench/RESULTS.md.
// Benchmarks, not tests: nothing here fails on a slow machine; it reports.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { encodeMarkdown, runEncodeBench } from './encode.mjs';
import { readMarkdown, runReadBench } from './read.mjs';
import { runValidateBench, validateMarkdown } from './validate.mjs';

const log = (s) => process.stderr.write(`${s}\n`);
const started = new Date();
const encode = runEncodeBench(log);
const read = runReadBench(log);
const validation = await runValidateBench(log);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
const md = [
  '# Benchmark results',
  '',
  `Machine: ${machine}. Command: \`npm run bench\` (builds, then \`node --expose-gc bench/run.mjs\`). Run took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s.`,
  '',
  encodeMarkdown(encode),
  '',
  readMarkdown(read),
  '',
  validateMarkdown(validation),
  '',
].join('\n');
writeFileSync(new URL('./RESULTS.md', import.meta.url), md);
log('wrote bench/RESULTS.md');
