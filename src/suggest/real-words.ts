import { confusionVariants, matchCase } from './confusions.js';
import { contextScore, neighbourhood } from './context-score.js';
import type { LanguageModel } from './model.js';
import { logNegation } from './negation.js';
import type { Token } from './tokenise.js';
import type { FinderTuning } from './tuning.js';
import type { EmendationSuggestion } from './types.js';

/**
 * Real words in the wrong place ("he" for "be", "die" for "the"): each word the
 * confusion table turns into other words is compared with them in its context;
 * the best replacement is suggested when it fits better by the tuned margin.
 */

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Real words a word may be a misreading of, cached per word (texts repeat their words), across calls. */
export class CandidateCache {
  private static readonly caches = new Map<number, CandidateCache>();
  static for(lm: LanguageModel, minCount: number): CandidateCache {
    let c = CandidateCache.caches.get(minCount);
    if (!c || c.lm !== lm) CandidateCache.caches.set(minCount, (c = new CandidateCache(lm, minCount)));
    return c;
  }
  private readonly cache = new Map<string, [string, string, number][]>();
  constructor(
    private readonly lm: LanguageModel,
    private readonly minCount: number,
  ) {}
  realWords(word: string): [string, string, number][] {
    let hit = this.cache.get(word);
    if (hit) return hit;
    hit = [];
    for (const [variant, edit] of confusionVariants(word)) {
      const id = this.lm.ids.get(variant);
      if (id === undefined) continue;
      const count = this.lm.counts[id]!;
      // A word the corpus mostly capitalises is a name: never suggested for a lower-case word.
      if (count < this.minCount || this.lm.capitalised[id]! * 2 > count) continue;
      hit.push([variant, edit, id]);
    }
    // Bounded: a long run over many texts must not grow without limit.
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, hit);
    return hit;
  }
}

/** `negation`: the token's negation bucket (negation.ts). */
export function realWord(t: Token, i: number, id: number, tokens: readonly Token[], lm: LanguageModel, cache: CandidateCache, tuning: FinderTuning, negation = 0): EmendationSuggestion | undefined {
  const candidates = cache.realWords(t.key);
  if (candidates.length === 0) return undefined;
  const around = neighbourhood(lm, tokens, i);
  const own = contextScore(lm, id, around, tuning);
  const ownPrior = Math.log(lm.counts[id]! + 0.5);
  const ownNegation = tuning.negation === 0 ? 0 : logNegation(lm, id, negation);
  const scored = candidates.map(([word, edit, cid]) => ({
    word,
    edit,
    margin:
      contextScore(lm, cid, around, tuning) -
      own -
      priorDiscount(Math.log(lm.counts[cid]! + 0.5) - ownPrior, tuning) +
      (tuning.negation === 0 ? 0 : tuning.negation * (logNegation(lm, cid, negation) - ownNegation)),
  }));
  scored.sort((a, b) => b.margin - a.margin || (a.word < b.word ? -1 : 1));
  const best = scored[0]!;
  // A neighbour the corpus does not know (often another misreading) leaves half the context unseen: ask for more.
  const blind = isUnknownWord(lm, tokens[i - 1], t.sentenceStart) || isUnknownWord(lm, tokens[i + 1], t.sentenceEnd);
  const needed = tuning.realWordMargin + tuning.commonWordPenalty * Math.log10(1 + lm.counts[id]!) + (blind ? tuning.unknownNeighbourMargin : 0);
  // Below confidence σ(−3) ≈ 0.05 nothing is worth showing, whatever the threshold.
  if (best.margin <= needed - 3) return undefined;
  return {
    id: `e${t.start}`,
    start: t.start,
    end: t.end,
    sic: t.text,
    corr: matchCase(t.text, best.word),
    alternatives: scored.slice(1).filter((s) => s.margin > 0).map((s) => matchCase(t.text, s.word)),
    confidence: round(sigmoid(best.margin - needed)),
    reason: `real word in an unlikely place: OCR confusion ${best.edit}; "${best.word}" fits the context e^${best.margin.toFixed(1)} times better`,
    kind: 'real-word',
  };
}

/** A lower-case word outside the lexicon (names and numbers are expected to be unknown, and the tags guess them). */
function isUnknownWord(lm: LanguageModel, t: Token | undefined, boundary: boolean): boolean {
  return !boundary && t !== undefined && t.kind === 'word' && !t.capitalised && !lm.ids.has(t.key);
}

function priorDiscount(logRatio: number, tuning: FinderTuning): number {
  return (logRatio > 0 ? tuning.priorWeight : tuning.priorWeightRarer) * logRatio;
}
