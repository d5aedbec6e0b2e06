// Encoder throughput: MB/s on one core, growth in text length and register size.
import { encode } from '../dist/index.js';
import { makeConfig, makeRegister, makeText } from './generate.mjs';
import { time } from './time.mjs';

const MB = 1024 * 1024;

export function runEncodeBench(log) {
  const rows = [];
  const register10k = makeRegister(10_000);
  const { text: text10, planted } = makeText(10 * MB, register10k, 1000);
  const config10 = makeConfig(register10k, planted);
  encode(text10.slice(0, 200_000).replace(/errtok\d+/g, 'x'), { register: register10k }); // warm up the JIT
  const main = time(() => encode(text10, config10), 3);
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
  for (const size of [1, 2, 5, 10]) {
    const reg = makeRegister(10_000);
    const { text, planted: p } = makeText(size * MB, reg, 100 * size);
    const cfg = makeConfig(reg, p);
    const r = time(() => encode(text, cfg), 3);
    growth.push({ size, ms: r.ms, mbps: Buffer.byteLength(text) / MB / (r.ms / 1000) });
    log(`encode ${size} MB: ${r.ms.toFixed(0)} ms`);
  }

  const registerGrowth = [];
  for (const n of [10, 100, 1000, 10_000]) {
    const reg = makeRegister(n);
    const { text, planted: p } = makeText(10 * MB, reg, 1000);
    const cfg = makeConfig(reg, p);
    const r = time(() => encode(text, cfg), 3);
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
  out.push('', '### Growth with text length (10,000-entry register, 100 emendations per MB)', '', '| MB | ms | ms per MB | MB/s |', '| ---: | ---: | ---: | ---: |');
  for (const g of growth) out.push(`| ${g.size} | ${g.ms.toFixed(0)} | ${(g.ms / g.size).toFixed(0)} | ${g.mbps.toFixed(1)} |`);
  out.push('', '### Growth with register size (10 MB text, 1,000 emendations)', '', '| register entries | ms | MB/s |', '| ---: | ---: | ---: |');
  for (const g of registerGrowth) out.push(`| ${g.n.toLocaleString('en')} | ${g.ms.toFixed(0)} | ${g.mbps.toFixed(1)} |`);
  return out.join('\n');
}
