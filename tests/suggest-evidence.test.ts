import { describe, expect, it } from 'vitest';
import { languageModel } from '../src/suggest/model.js';
import { logNegation, negationBuckets } from '../src/suggest/negation.js';
import { suggest } from '../src/suggest/suggest.js';
import { tokenise } from '../src/suggest/tokenise.js';

// The evidence added after the first version: negation licensing (a long-range
// feature for every confusion) and names split from their endings.

const lm = languageModel();
const nor = (text: string, tuning = {}) => suggest(text, { threshold: 0, entities: false, tuning }).emendations.find((e) => e.sic === 'nor');

describe('negation licensing', () => {
  it('measures the distance back to the nearest negator, within the sentence only', () => {
    const tokens = tokenise("He did not go. They didn't stay nor leave. Nor here", lm);
    const bucket = (word: string) => negationBuckets(lm, tokens)[tokens.findIndex((t) => t.text === word)];
    expect(bucket('He')).toBe(0);
    expect(bucket('go')).toBe(1); // one token after "not"
    expect(bucket('They')).toBe(0); // a new sentence forgets the "not"
    expect(bucket('nor')).toBe(1); // after "didn't"
    expect(bucket('here')).toBe(1); // "Nor" is itself a negator
  });

  it('knows from the corpus that "nor" follows a negative and "not" seldom does', () => {
    const id = (w: string) => lm.ids.get(w)!;
    // Bucket 0: no negator before it in the sentence.
    expect(logNegation(lm, id('nor'), 0)).toBeLessThan(Math.log(0.4));
    expect(logNegation(lm, id('not'), 0)).toBeGreaterThan(Math.log(0.85));
    // A word with no preference keeps the corpus-wide distribution, near 0.88 for bucket 0.
    expect(Math.exp(logNegation(lm, id('the'), 0))).toBeGreaterThan(0.85);
  });

  it('flags "nor" without a negative before it, and not after one', () => {
    const bare = 'If we seize power today, we seize it nor in opposition to the Soviets but on their behalf.';
    const licensed = 'We never seize power today, we seize it nor in opposition to the Soviets but on their behalf.';
    expect(suggest(bare).emendations.map((e) => `${e.sic}→${e.corr}`)).toEqual(['nor→not']);
    expect(suggest(licensed).emendations).toEqual([]);
    // The evidence is what makes the difference: without it the same "nor" stays below the threshold.
    expect(nor(bare)!.confidence).toBeGreaterThan(0.5);
    expect(nor(bare, { negation: 0 })!.confidence).toBeLessThan(0.5);
    expect(nor(licensed)!.confidence).toBeLessThan(nor(bare)!.confidence);
  });
});

describe('names split from their endings', () => {
  const splits = (text: string) => suggest(text, { entities: false }).emendations.map((e) => [text.slice(e.start, e.end), e.corr, e.kind]);

  it('joins a name and an ending that makes a noun of it, also when letters of the ending are misread', () => {
    expect(splits('They were the Darwin ians of their day.')).toEqual([['Darwin ians', 'Darwinians', 'split']]);
    expect(splits('It is Marx ism.')).toEqual([['Marx ism', 'Marxism', 'split']]);
    expect(splits('They were the Trotsky istz of their day.')).toEqual([['Trotsky istz', 'Trotskyists', 'split']]);
  });

  it('is never more than fairly sure, and leaves words that are no names alone', () => {
    const [e] = suggest('They were the Darwin ians of their day.').emendations;
    expect(e!.confidence).toBeLessThanOrEqual(0.7);
    expect(splits('They were the big ians of their day.')).toEqual([]);
    // A lexical correction of the fragment still wins where there is one.
    expect(splits('They met in Congress iuto the night.')).toEqual([['iuto', 'into', 'non-word']]);
  });
});

describe('names split from their endings, with a register', () => {
  it('still joins a registered name to its ending, but never alters the name itself', () => {
    const text = 'The onslaught of the Kornilov irks shows that we must act.';
    const config = { register: { people: [{ id: 'kornilov', name: 'Lavr Kornilov', forms: ['Kornilov'] }] } };
    const [e] = suggest(text, { config }).emendations;
    expect([text.slice(e!.start, e!.end), e!.corr]).toEqual(['Kornilov irks', 'Kornilovites']);
    expect(suggest(text, { config }).entities.map((n) => n.text)).not.toContain('Kornilov');
  });
});
