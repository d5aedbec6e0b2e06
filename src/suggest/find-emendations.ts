import { nonWord } from './non-words.js';
import { punctuation } from './punctuation.js';
import { CandidateCache, realWord } from './real-words.js';
import { modelId } from './context-score.js';
import type { LanguageModel } from './model.js';
import { negationBuckets } from './negation.js';
import type { Token } from './tokenise.js';
import { DEFAULT_TUNING, type FinderTuning } from './tuning.js';
import type { EmendationSuggestion } from './types.js';

/** Every emendation the text calls for, in text order, before the threshold and the config are applied. */
export function findEmendations(text: string, tokens: readonly Token[], lm: LanguageModel, tuning: FinderTuning = DEFAULT_TUNING): EmendationSuggestion[] {
  const out: EmendationSuggestion[] = [];
  const cache = CandidateCache.for(lm, tuning.minCandidateCount);
  const negation = negationBuckets(lm, tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A word hyphenated across a line break is not emended: no entry could anchor inside it.
    if (t.kind !== 'word' || t.joined) continue;
    // A capital inside a sentence is most likely a name: the corpus cannot judge it.
    if (t.capitalised && !t.sentenceStart) continue;
    const id = modelId(lm, t.key);
    if (id >= 0) {
      const s = realWord(t, i, id, tokens, lm, cache, tuning, negation[i]);
      if (s) out.push(s);
    } else {
      // A capitalised non-word starts a sentence here: a misread "The" ("Tbe") or a name; only
      // a frequent word is suggested for it.
      const s = nonWord(text, t, i, tokens, lm, tuning, t.capitalised ? tuning.minCapitalisedCandidateCount : 1);
      if (s) out.push(s);
    }
  }
  out.push(...punctuation(text, tokens, lm));
  return out;
}
