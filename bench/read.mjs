// Reader throughput: MB/s of TEI on one core, growth in document size, peak heap,
// and how fast hostile documents are refused.
import * as teikit from '../dist/index.js';
import { makeConfig, makeRegister, makeText } from './generate.mjs';
import { time } from './time.mjs';

const MB = 1024 * 1024;

/** Heap held after reading, over the heap before (needs --expose-gc to mean anything). */
function heapGrowth(fn) {
  if (global.gc) global.gc();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  if (global.gc) global.gc();
  const after = process.memoryUsage().heapUsed;
  return { mb: (after - before) / MB, kept };
}

function refusedIn(fn) {
  const t0 = performance.now();
  try {
    fn();
  } catch (err) {
    return { ms: performance.now() - t0, code: err.code ?? String(err) };
  }
  return { ms: performance.now() - t0, code: 'accepted' };
}

/**
 * A TEI edition of about `mb` MB of text, encoded by teikit (names, dates,
 * glosses, omission marks, emendations), with a register of 1,000 entries per MB
 * so that the document grows in proportion.
 */
function edition(encode, mb, lineBreaks = 'join') {
  const register = makeRegister(1_000 * mb);
  const { text, planted } = makeText(mb * MB, register, 100 * mb);
  const config = makeConfig(register, planted);
  return encode(text, { ...config, structure: { ...config.structure, lineBreaks } }, { maxInputBytes: Infinity }).xml;
}

/** `api` (encode, readTei) defaults to the built package: `npx tsup` first. */
export function runReadBench(log, api = teikit) {
  const { encode, readTei } = api;
  if (typeof readTei !== 'function') throw new Error('dist/index.js does not export readTei: export it from src/index.ts and build with npx tsup');
  const rows = [];
  const main = edition(encode, 10);
  readTei(main); // warm up the JIT
  const bytes = Buffer.byteLength(main);
  const r = time(() => readTei(main), 3);
  const m = r.result;
  rows.push({
    case: '10 MB text, 10,000-entry register, encoded by teikit (lines joined)',
    mb: bytes / MB,
    ms: r.ms,
    mbps: bytes / MB / (r.ms / 1000),
    note: `${m.apparatus.length} interventions, ${m.entities.people.length + m.entities.organisations.length + m.entities.places.length} register entries with ${[...m.entities.people, ...m.entities.organisations, ...m.entities.places].reduce((n, e) => n + e.mentions.length, 0)} mentions, ${m.dates.length} dates, ${m.notes.length} notes, ${m.readings.segments.diplomatic.length} segments`,
  });
  log(`read 10 MB TEI: ${r.ms.toFixed(0)} ms, ${(bytes / MB / (r.ms / 1000)).toFixed(1)} MB/s`);

  const kept = edition(encode, 10, 'keep');
  const k = time(() => readTei(kept), 3);
  const kb = Buffer.byteLength(kept);
  rows.push({ case: 'the same with lineBreaks "keep" (an lb on every line)', mb: kb / MB, ms: k.ms, mbps: kb / MB / (k.ms / 1000), note: `${k.result.readings.segments.diplomatic.length} segments` });
  log(`read 10 MB TEI with lb: ${k.ms.toFixed(0)} ms`);

  const heap = heapGrowth(() => readTei(main));
  const growth = [];
  for (const size of [1, 2, 5, 10]) {
    const xml = edition(encode, size);
    const t = time(() => readTei(xml), 3);
    const b = Buffer.byteLength(xml);
    growth.push({ size: b / MB, ms: t.ms, mbps: b / MB / (t.ms / 1000) });
    log(`read ${size} MB text: ${t.ms.toFixed(0)} ms`);
  }

  const NS = 'http://www.tei-c.org/ns/1.0';
  const laughs = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
  const hostile = [
    ['billion laughs (10^9 × "lol")', `<!DOCTYPE TEI [${laughs}]><TEI xmlns="${NS}"><text><body><p>&l9;</p></body></text></TEI>`],
    ['quadratic blowup (100 KB entity × 25,000)', `<!DOCTYPE TEI [<!ENTITY b "${'x'.repeat(100_000)}">]><TEI xmlns="${NS}"><text><body><p>${'&b;'.repeat(25_000)}</p></body></text></TEI>`],
    ['100,000 nested elements', `<TEI xmlns="${NS}"><text><body><p>${'<hi>'.repeat(100_000)}x${'</hi>'.repeat(100_000)}</p></body></text></TEI>`],
    ['100 MB attribute', `<TEI xmlns="${NS}" n="${'x'.repeat(100 * MB)}"/>`],
  ].map(([what, xml]) => ({ what, bytes: Buffer.byteLength(xml), ...refusedIn(() => readTei(xml)) }));
  for (const h of hostile) log(`${h.what}: ${h.code} in ${h.ms.toFixed(0)} ms`);
  return { rows, heap: heap.mb, heapFor: bytes / MB, growth, hostile };
}

export function readMarkdown({ rows, heap, heapFor, growth, hostile }) {
  const out = [];
  out.push('## Read (one core)', '', 'Target: at least 10 MB/s of TEI on a 10 MB edition; time linear in document size. MB are of the XML. Best of 3 runs.', '');
  out.push('| case | MB | ms | MB/s | what it found |', '| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) out.push(`| ${r.case} | ${r.mb.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.mbps.toFixed(1)} | ${r.note} |`);
  out.push('', `Heap held by the model of the ${heapFor.toFixed(1)} MB document (readings, maps, entries): ${heap.toFixed(0)} MB.`);
  out.push('', '### Growth with document size', '', '| MB | ms | ms per MB | MB/s |', '| ---: | ---: | ---: | ---: |');
  for (const g of growth) out.push(`| ${g.size.toFixed(1)} | ${g.ms.toFixed(0)} | ${(g.ms / g.size).toFixed(0)} | ${g.mbps.toFixed(1)} |`);
  out.push('', '### Hostile documents (default limits)', '', '| document | bytes | answer | ms |', '| --- | ---: | --- | ---: |');
  for (const h of hostile) out.push(`| ${h.what} | ${h.bytes.toLocaleString('en')} | \`${h.code}\` | ${h.ms.toFixed(0)} |`);
  return out.join('\n');
}
