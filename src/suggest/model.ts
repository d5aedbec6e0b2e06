import data from './model/brown-model.json';

/**
 * The statistics the suggester scores with, decoded once from the JSON that
 * scripts/build-suggest-model.mjs derives from the Brown Corpus (MIT). Words are
 * lower-cased and numbered by frequency; bigrams are rows of a sparse matrix
 * (compressed sparse rows) searched by bisection, which decodes in a few
 * milliseconds where a Map of 370,000 entries would take ten times longer.
 */
export interface LanguageModel {
  /** Lower-cased word → id. `<s>` and `</s>` mark sentence ends. */
  readonly ids: ReadonlyMap<string, number>;
  readonly words: readonly string[];
  readonly counts: Uint32Array;
  /** How often each word was capitalised inside a sentence. */
  readonly capitalised: Uint32Array;
  readonly totalTokens: number;
  readonly tags: readonly string[];
  /** Per word, its (at most three) most frequent tags: offsets into tagIds/tagCounts. */
  readonly wordTagStart: Uint32Array;
  readonly wordTagIds: Uint16Array;
  readonly wordTagCounts: Uint32Array;
  readonly tagCounts: Float64Array;
  /** tagBigrams[a * tags.length + b]. */
  readonly tagBigrams: Uint32Array;
  /** Tag trigram counts by key (a·T + b)·T + c: see tagTrigramCount. */
  readonly tagTrigramKeys: Int32Array;
  readonly tagTrigramCounts: Uint32Array;
  readonly rowStart: Uint32Array;
  readonly cols: Uint32Array;
  readonly vals: Uint32Array;
  /** Proper nouns that mostly follow in/at/from/near/to in the corpus. */
  readonly gazetteer: ReadonlySet<string>;
  /** Words that license "nor" and its kind later in a sentence (see negation.ts). */
  readonly negators: ReadonlySet<string>;
  /** Upper bounds of the negation-distance buckets, in tokens. */
  readonly negationBuckets: readonly number[];
  /** Per word, the offset of its bucket counts in negationCounts (-1: too rare, use the corpus-wide distribution). */
  readonly negationRow: Int32Array;
  readonly negationCounts: Uint32Array;
  /** The corpus-wide distribution over the buckets. */
  readonly negationPrior: Float64Array;
  readonly about: string;
}

let cached: LanguageModel | undefined;

/** The model, decoded on first use (about 50 ms) and kept. */
export function languageModel(): LanguageModel {
  cached ??= decodeModel(data);
  return cached;
}

interface ModelData {
  about: string;
  tokens: number;
  words: string;
  counts: string;
  capitalised: string;
  tags: string;
  wordTags: string;
  tagBigrams: string;
  tagTrigrams: string;
  bigrams: string;
  gazetteer: string;
  negators: string;
  negationBuckets: string;
  negation: string;
}

function decodeModel(m: ModelData): LanguageModel {
  const words = m.words.split('\n');
  const ids = new Map<string, number>();
  words.forEach((w, i) => ids.set(w, i));
  const counts = Uint32Array.from(readVarints(m.counts));
  const capitalised = Uint32Array.from(readVarints(m.capitalised));
  const tags = m.tags.split(' ');

  const wt = readVarints(m.wordTags);
  const wordTagStart = new Uint32Array(words.length + 1);
  const wordTagIds = new Uint16Array(words.length * 3);
  const wordTagCounts = new Uint32Array(words.length * 3);
  let p = 0;
  let n = 0;
  for (let w = 0; w < words.length; w++) {
    wordTagStart[w] = n;
    const k = wt[p++]!;
    for (let j = 0; j < k; j++) {
      wordTagIds[n] = wt[p++]!;
      wordTagCounts[n] = wt[p++]!;
      n++;
    }
  }
  wordTagStart[words.length] = n;

  const tagBigrams = Uint32Array.from(readVarints(m.tagBigrams));
  const T = tags.length;
  const tagCounts = new Float64Array(T);
  for (let a = 0; a < T; a++) {
    let s = 0;
    for (let b = 0; b < T; b++) s += tagBigrams[a * T + b]!;
    tagCounts[a] = s;
  }

  // An open-addressing hash table in typed arrays: looked up for every candidate word, several
  // times, it is three times faster than a Map of 45,000 numbers.
  const tt = readVarints(m.tagTrigrams);
  const size = 1 << Math.ceil(Math.log2(tt.length * 2 + 2));
  const tagTrigramKeys = new Int32Array(size).fill(-1);
  const tagTrigramCounts = new Uint32Array(size);
  for (let k = 0, key = 0; k < tt.length; k += 2) {
    key += tt[k]!;
    let slot = hashSlot(key, size);
    while (tagTrigramKeys[slot] !== -1) slot = (slot + 1) & (size - 1);
    tagTrigramKeys[slot] = key;
    tagTrigramCounts[slot] = tt[k + 1]!;
  }

  const bg = readVarints(m.bigrams);
  const rowStart = new Uint32Array(words.length + 1);
  let total = 0;
  for (let i = 0, w = 0; w < words.length; w++) {
    const len = bg[i]!;
    total += len;
    i += 1 + 2 * len;
  }
  const cols = new Uint32Array(total);
  const vals = new Uint32Array(total);
  let i = 0;
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    rowStart[w] = at;
    const len = bg[i++]!;
    let col = 0;
    for (let j = 0; j < len; j++) {
      col += bg[i++]!;
      cols[at] = col;
      vals[at] = bg[i++]!;
      at++;
    }
  }
  rowStart[words.length] = at;

  const negationBuckets = m.negationBuckets.split(' ').map(Number);
  const B = negationBuckets.length + 2;
  const nd = readVarints(m.negation);
  const negationRow = new Int32Array(words.length).fill(-1);
  const negationCounts = new Uint32Array((nd.length / (B + 1)) * B);
  const negationPrior = new Float64Array(B);
  for (let k = 0, w = 0, row = 0; k < nd.length; k += B + 1, row += B) {
    w += nd[k]!;
    negationRow[w] = row;
    for (let b = 0; b < B; b++) {
      negationCounts[row + b] = nd[k + 1 + b]!;
      negationPrior[b] = negationPrior[b]! + nd[k + 1 + b]!;
    }
  }
  const priorTotal = negationPrior.reduce((a, b) => a + b, 0);
  for (let b = 0; b < B; b++) negationPrior[b] = (negationPrior[b]! + 1) / (priorTotal + B);

  return {
    ids,
    words,
    counts,
    capitalised,
    totalTokens: m.tokens,
    tags,
    wordTagStart,
    wordTagIds,
    wordTagCounts,
    tagCounts,
    tagBigrams,
    tagTrigramKeys,
    tagTrigramCounts,
    rowStart,
    cols,
    vals,
    gazetteer: new Set(m.gazetteer.split('\n')),
    negators: new Set(m.negators.split(' ')),
    negationBuckets,
    negationRow,
    negationCounts,
    negationPrior,
    about: m.about,
  };
}

function hashSlot(key: number, size: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0 & (size - 1);
}

/** How often the tag trigram with key (a·T + b)·T + c occurred. */
export function tagTrigramCount(lm: LanguageModel, key: number): number {
  const keys = lm.tagTrigramKeys;
  const mask = keys.length - 1;
  for (let slot = hashSlot(key, keys.length); ; slot = (slot + 1) & mask) {
    const k = keys[slot]!;
    if (k === key) return lm.tagTrigramCounts[slot]!;
    if (k === -1) return 0;
  }
}

/** How often word `b` followed word `a` (ids). */
export function bigramCount(lm: LanguageModel, a: number, b: number): number {
  let lo = lm.rowStart[a]!;
  let hi = lm.rowStart[a + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = lm.cols[mid]!;
    if (c === b) return lm.vals[mid]!;
    if (c < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of unsigned LEB128 varints → numbers, without atob or Buffer (same code in every runtime). */
function readVarints(b64: string): number[] {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) value[BASE64.charCodeAt(i)] = i;
  const out: number[] = [];
  let acc = 0;
  let shift = 1;
  let bits = 0;
  let buffer = 0;
  for (let i = 0; i < b64.length; i++) {
    const v = value[b64.charCodeAt(i)]!;
    if (v < 0) continue; // padding
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
      acc += (byte & 0x7f) * shift;
      if (byte & 0x80) {
        shift *= 128;
      } else {
        out.push(acc);
        acc = 0;
        shift = 1;
      }
    }
  }
  return out;
}
