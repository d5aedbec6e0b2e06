import { lexiconVariants2, matchCase } from './confusions.js';
import { contextScore, logBigram, neighbourhood, type Neighbourhood } from './context-score.js';
import { bigramCount, type LanguageModel } from './model.js';
import type { Token } from './tokenise.js';
import type { FinderTuning } from './tuning.js';
import type { EmendationSuggestion } from './types.js';

/**
 * Words the lexicon lacks, corrected by the confusion table, as two words run
 * together ("tothe"), or as half of a word split in two ("govern ment"). The
 * candidates compete by their fit in the context.
 */

const round = (x: number): number => Math.round(x * 1000) / 1000;

interface Candidate {
  corr: string;
  start: number;
  end: number;
  score: number;
  why: string;
  kind: EmendationSuggestion['kind'];
}

export function nonWord(text: string, t: Token, i: number, tokens: readonly Token[], lm: LanguageModel, tuning: FinderTuning, minCount: number): EmendationSuggestion | undefined {
  const word = t.key;
  if (word.length < 2) return undefined;
  // A compound of known words ("death-blow") is a word.
  if (word.includes('-') && word.split('-').every((p) => p === '' || lm.ids.has(p))) return undefined;
  const around = neighbourhood(lm, tokens, i);
  const candidates: Candidate[] = [];
  const known = (s: string): boolean => {
    const id = lm.ids.get(s);
    return id !== undefined && lm.counts[id]! >= minCount && lm.capitalised[id]! * 2 <= lm.counts[id]!;
  };
  for (const [variant, edit] of lexiconVariants2(word, known)) {
    const id = lm.ids.get(variant)!;
    const edits = edit.split(', ').length;
    candidates.push({
      corr: matchCase(t.text, variant),
      start: t.start,
      end: t.end,
      score: contextScore(lm, id, around, tuning) - (edits - 1) * tuning.extraEditCost,
      why: `not a word: OCR confusion ${edit}`,
      kind: 'non-word',
    });
  }
  // Two words run together ("tothe").
  for (let k = 1; k < word.length; k++) {
    const a = lm.ids.get(word.slice(0, k));
    const b = lm.ids.get(word.slice(k));
    if (a === undefined || b === undefined || lm.counts[a]! < 20 || lm.counts[b]! < 20) continue;
    if (k === 1 && !/^[ai]$/.test(word.slice(0, 1))) continue;
    if (word.length - k === 1 && !/^[ai]$/.test(word.slice(k))) continue;
    // The two words must be seen together: "tothe" is "to the", but "handgun" is not "hand gun".
    if (bigramCount(lm, a, b) < tuning.minJoinBigram) continue;
    const score = logBigram(lm, around.prev, a) + logBigram(lm, a, b) + logBigram(lm, b, around.next) + 2;
    candidates.push({ corr: matchCase(t.text, `${word.slice(0, k)} ${word.slice(k)}`), start: t.start, end: t.end, score, why: 'not a word: two words run together', kind: 'join' });
  }
  // A word split in two ("govern ment"): joined with a neighbour on the same line.
  for (const [j, first] of [
    [i - 1, true],
    [i + 1, false],
  ] as const) {
    const other = tokens[j];
    if (!other || other.kind !== 'word') continue;
    const left = first ? other : t;
    const right = first ? t : other;
    const gap = text.slice(left.end, right.start);
    if (!/^[ \t]{1,2}$/.test(gap) || right.capitalised) continue;
    const joined = left.key + right.key;
    const id = lm.ids.get(joined);
    if (id === undefined || lm.counts[id]! < 2) continue;
    const ctx: Neighbourhood = neighbourhood(lm, tokens, first ? j : i);
    const after = neighbourhood(lm, tokens, first ? i : j);
    const score = logBigram(lm, ctx.prev, id) + logBigram(lm, id, after.next) + 2;
    candidates.push({ corr: matchCase(left.text, joined), start: left.start, end: right.end, score, why: 'a word split in two', kind: 'split' });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.score - a.score || (a.corr < b.corr ? -1 : 1));
  const best = candidates[0]!;
  // Confidence: the best candidate's share against the others (a softmax over context scores).
  let z = 0;
  for (const c of candidates) z += Math.exp(c.score - best.score);
  const share = 1 / z;
  return {
    id: `e${best.start}`,
    start: best.start,
    end: best.end,
    sic: text.slice(best.start, best.end),
    corr: best.corr,
    alternatives: candidates.slice(1, 5).filter((c) => c.start === best.start && c.end === best.end).map((c) => c.corr),
    confidence: round(0.5 + 0.5 * share),
    reason: best.why,
    kind: best.kind,
  };
}
