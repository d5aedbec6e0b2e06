import { bigramCount, tagTrigramCount, type LanguageModel } from './model.js';
import type { Token } from './tokenise.js';

/**
 * How well a word fits between its neighbours: the log-probability of the two
 * word bigrams around it (Witten–Bell interpolation with the unigram, so an
 * unseen pair still scores by frequency), plus a weight times the same for its
 * part-of-speech tags (a class model: Σ over the word's tags of P(tag → tag)
 * P(word | tag) P(tag → next tag)), which generalises where the word pairs
 * are too rare to count.
 */
export interface ScoreWeights {
  /** Weight of the part-of-speech model against the word model. */
  pos: number;
}

/** The neighbours of a position, as model ids (-1: unknown), with their tag distributions. */
export interface Neighbourhood {
  prev: number;
  next: number;
  /** [tag, probability] pairs (at most three), or undefined when nothing is known. */
  prevTags: TagWeights | undefined;
  nextTags: TagWeights | undefined;
  /** The most likely tag two tokens before and after (-1: unknown). */
  prevTag2: number;
  nextTag2: number;
}

const SENTENCE_START = '<s>';
const SENTENCE_END = '</s>';

export function modelId(lm: LanguageModel, key: string): number {
  return lm.ids.get(key) ?? -1;
}

export function neighbourhood(lm: LanguageModel, tokens: readonly Token[], i: number): Neighbourhood {
  const t = tokens[i]!;
  const startsHere = t.sentenceStart || i === 0;
  const endsHere = t.sentenceEnd || i === tokens.length - 1;
  const prevTok = startsHere ? undefined : tokens[i - 1];
  const nextTok = endsHere ? undefined : tokens[i + 1];
  const prev = modelId(lm, prevTok ? prevTok.key : SENTENCE_START);
  const next = modelId(lm, nextTok ? nextTok.key : SENTENCE_END);
  // Two away: the sentence boundary, or the neighbour's neighbour.
  const prevTok2 = !prevTok || prevTok.sentenceStart || i < 2 ? undefined : tokens[i - 2];
  const nextTok2 = !nextTok || nextTok.sentenceEnd || i + 2 >= tokens.length ? undefined : tokens[i + 2];
  return {
    prev,
    next,
    prevTags: prevTok ? tagDistribution(lm, prev, prevTok) : boundaryTag(lm, SENTENCE_START),
    nextTags: nextTok ? tagDistribution(lm, next, nextTok) : boundaryTag(lm, SENTENCE_END),
    prevTag2: !prevTok ? -1 : prevTok2 ? bestTag(tagDistribution(lm, modelId(lm, prevTok2.key), prevTok2)) : lm.tags.indexOf(SENTENCE_START),
    nextTag2: !nextTok ? -1 : nextTok2 ? bestTag(tagDistribution(lm, modelId(lm, nextTok2.key), nextTok2)) : lm.tags.indexOf(SENTENCE_END),
  };
}

function boundaryTag(lm: LanguageModel, tag: string): TagWeights | undefined {
  const id = lm.tags.indexOf(tag);
  return id < 0 ? undefined : [[id, 1]];
}

function bestTag(dist: TagWeights | undefined): number {
  if (!dist || dist.length === 0) return -1;
  let best = dist[0]!;
  for (const d of dist) if (d[1] > best[1]) best = d;
  return best[0];
}

/** P(tag | word), or for a word the corpus lacks a guess from its shape (capitalised: a proper noun). */
export type TagWeights = readonly (readonly [tag: number, p: number])[];

export function tagDistribution(lm: LanguageModel, id: number, token: Token | undefined): TagWeights | undefined {
  if (id >= 0) {
    const from = lm.wordTagStart[id]!;
    const to = lm.wordTagStart[id + 1]!;
    let total = 0;
    for (let k = from; k < to; k++) total += lm.wordTagCounts[k]!;
    if (total === 0) return undefined;
    const dist: [number, number][] = [];
    for (let k = from; k < to; k++) dist.push([lm.wordTagIds[k]!, lm.wordTagCounts[k]! / total]);
    return dist;
  }
  const guess = !token ? undefined : token.kind === 'number' ? 'cd' : token.capitalised ? 'np' : undefined;
  const tag = guess === undefined ? -1 : lm.tags.indexOf(guess);
  if (tag < 0) return undefined;
  return [[tag, 1]];
}

const logCache = new WeakMap<LanguageModel, { unigramDenominator: number }>();

function unigramP(lm: LanguageModel, id: number): number {
  let c = logCache.get(lm);
  if (!c) logCache.set(lm, (c = { unigramDenominator: lm.totalTokens + 0.5 * lm.words.length }));
  return ((id >= 0 ? lm.counts[id]! : 0) + 0.5) / c.unigramDenominator;
}

/** log P(b | a), Witten–Bell interpolated with the unigram. */
export function logBigram(lm: LanguageModel, a: number, b: number): number {
  const pu = unigramP(lm, b);
  if (a < 0) return Math.log(pu);
  const ca = lm.counts[a]!;
  const types = lm.rowStart[a + 1]! - lm.rowStart[a]!;
  if (ca === 0 || types === 0) return Math.log(pu);
  const cab = b >= 0 ? bigramCount(lm, a, b) : 0;
  const lambda = ca / (ca + types);
  return Math.log(lambda * (cab / ca) + (1 - lambda) * pu);
}

/**
 * log of the class-model probability of the word between its neighbours' tags
 * (undefined: the word has no tags): Σ over the tags t of the word and u, v of
 * its neighbours of P(u) P(t | u) P(word | t) P(v | u, t), the last a tag
 * trigram interpolated with the bigram P(v | t).
 */
export function logPos(lm: LanguageModel, id: number, around: Neighbourhood): number | undefined {
  if (id < 0) return undefined;
  const from = lm.wordTagStart[id]!;
  const to = lm.wordTagStart[id + 1]!;
  const tags: [number, number][] = [];
  for (let k = from; k < to; k++) {
    const t = lm.wordTagIds[k]!;
    tags.push([t, lm.wordTagCounts[k]! / Math.max(1, lm.tagCounts[t]!)]);
  }
  return logClass(lm, tags, around);
}

/** logPos for a word the corpus never saw, with the tag `tag`: P(word | tag) is that of a word seen once. */
export function logPosUnseen(lm: LanguageModel, tag: string, around: Neighbourhood): number | undefined {
  const t = lm.tags.indexOf(tag);
  if (t < 0) return undefined;
  return logClass(lm, [[t, 1 / Math.max(1, lm.tagCounts[t]!)]], around);
}

/** The class model of logPos over [tag, P(word | tag)] pairs. */
function logClass(lm: LanguageModel, tags: readonly [number, number][], around: Neighbourhood): number {
  const T = lm.tags.length;
  const before = around.prevTags ?? NO_TAG;
  const after = around.nextTags ?? NO_TAG;
  const u2 = around.prevTag2;
  const v2 = around.nextTag2;
  let sum = 0;
  for (const [t, pWordGivenTag] of tags) {
    for (const [u, wu] of before) {
      // P(t | u2 u): the tag trigram from two to the left, backing off to P(t | u).
      const into = u < 0 ? 1 : tagTrigram(lm, T, u2, u, t);
      for (const [v, wv] of after) {
        if (v < 0) {
          sum += wu * wv * into * pWordGivenTag;
          continue;
        }
        // P(v | u t) and P(v2 | t v): the word's tag must also fit two to the right.
        const out = u < 0 ? tagBigramP(lm, T, t, v) : tagTrigram(lm, T, u, t, v);
        const out2 = v2 < 0 ? 1 : tagTrigram(lm, T, t, v, v2);
        sum += wu * wv * into * pWordGivenTag * out * out2;
      }
    }
  }
  return Math.log(sum + 1e-12);
}

function tagBigramP(lm: LanguageModel, T: number, a: number, b: number): number {
  return (lm.tagBigrams[a * T + b]! + 0.1) / (lm.tagCounts[a]! + 0.1 * T);
}

/** P(c | a b), interpolated with P(c | b) (a < 0: the bigram alone). */
function tagTrigram(lm: LanguageModel, T: number, a: number, b: number, c: number): number {
  const bigram = tagBigramP(lm, T, b, c);
  if (a < 0) return bigram;
  const ab = lm.tagBigrams[a * T + b]!;
  if (ab === 0) return bigram;
  const lambda = ab / (ab + 5);
  return lambda * (tagTrigramCount(lm, (a * T + b) * T + c) / ab) + (1 - lambda) * bigram;
}

/** An unknown neighbour: no evidence either way. */
const NO_TAG: TagWeights = [[-1, 1]];

/** The combined context score of the word with model id `id` at a position. */
export function contextScore(lm: LanguageModel, id: number, around: Neighbourhood, weights: ScoreWeights): number {
  const words = logBigram(lm, around.prev, id) + logBigram(lm, id, around.next);
  const pos = logPos(lm, id, around);
  return words + (pos === undefined ? 0 : weights.pos * pos);
}
