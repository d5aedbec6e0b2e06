import type { LanguageModel } from './model.js';
import type { Token } from './tokenise.js';

/**
 * A long-range licensing feature: how far back in its sentence the nearest
 * negator (not, no, never, n't, neither …) is. Some words need one ("nor",
 * "either", "any" mostly follow a negative), others rarely have one ("not"
 * itself), and the word bigrams cannot see that far. The corpus gives, for
 * every frequent word, its distribution over the distance buckets; comparing a
 * printed word with a candidate, the ratio of the two probabilities at this
 * place is one more piece of evidence ("we seize it nor in opposition", with no
 * negative before it, reads better as "not"). Most words are indifferent
 * (their distribution is the corpus-wide one) and the ratio is then near 1.
 */

/** Whether a lower-cased word is a negator, as the model builder decided. */
function isNegator(lm: LanguageModel, key: string): boolean {
  return lm.negators.has(key) || key.endsWith("n't") || key.endsWith('n’t');
}

/** Per token, its negation bucket: 0 no negator before it in its sentence, 1… the distance bucket of the nearest. */
export function negationBuckets(lm: LanguageModel, tokens: readonly Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  const bounds = lm.negationBuckets;
  let last = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.sentenceStart) last = -Infinity;
    const d = i - last;
    if (Number.isFinite(d)) {
      let k = bounds.findIndex((b) => d <= b);
      if (k === -1) k = bounds.length;
      out[i] = k + 1;
    }
    if (isNegator(lm, t.key)) last = i;
  }
  return out;
}

/** How many corpus occurrences the corpus-wide distribution is worth when a word's own counts are smoothed. */
const PRIOR_WEIGHT = 20;

/** log P(bucket | word), the word's counts smoothed towards the corpus-wide distribution. */
export function logNegation(lm: LanguageModel, id: number, bucket: number): number {
  const prior = lm.negationPrior[bucket]!;
  const row = id >= 0 ? lm.negationRow[id]! : -1;
  if (row < 0) return Math.log(prior);
  const B = lm.negationPrior.length;
  let n = 0;
  for (let b = 0; b < B; b++) n += lm.negationCounts[row + b]!;
  return Math.log((lm.negationCounts[row + bucket]! + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT));
}
