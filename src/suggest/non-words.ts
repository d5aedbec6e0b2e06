import { confusionVariants, lexiconVariants2, matchCase } from './confusions.js';
import { contextScore, logBigram, logPosUnseen, neighbourhood, type Neighbourhood } from './context-score.js';
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

/**
 * Endings that make a noun of a name ("Kornilovites", "Marxists", "Darwinians",
 * "Leninism"): a name the corpus lacks cannot be joined to them by the lexicon,
 * so they are listed. General English morphology, not words of any one text.
 */
const NAME_SUFFIXES = new Set(['ites', 'ite', 'ists', 'ist', 'ians', 'ian', 'ans', 'ism', 'isms', 'ese']);

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
  const derived = nameDerivative(text, t, i, tokens, lm, tuning);
  if (derived) candidates.push(derived);
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
    // A name's ending is a guess the lexicon cannot confirm: never more than fairly sure.
    confidence: round(best.why.startsWith('a name split') ? Math.min(0.7, 0.5 + 0.5 * share) : 0.5 + 0.5 * share),
    reason: best.why,
    kind: best.kind,
  };
}

/**
 * A name split from its ending ("Kornilov irks" for "Kornilovites"): the non-word
 * follows a capitalised word on the same line and is, read through at most one
 * confusion of the table, an ending that makes a noun of a name. Its score is
 * low (a guess where the lexicon cannot help), so any lexical candidate wins.
 */
function nameDerivative(text: string, t: Token, i: number, tokens: readonly Token[], lm: LanguageModel, tuning: FinderTuning): Candidate | undefined {
  const name = tokens[i - 1];
  if (!name || name.kind !== 'word' || !name.capitalised || t.capitalised || !/^[ \t]$/.test(text.slice(name.end, t.start))) return undefined;
  // A known lower-case word before it is not a name ("The ites" is no name).
  const nameId = lm.ids.get(name.key);
  if (nameId !== undefined && lm.capitalised[nameId]! * 2 <= lm.counts[nameId]!) return undefined;
  let ending: string | undefined;
  let misread = 0;
  let why = 'a name split from its ending';
  if (NAME_SUFFIXES.has(t.key)) ending = t.key;
  else if (t.key.length >= 4) {
    // A damaged ending of four letters or more: two letters misread in place, the first intact.
    for (const s of NAME_SUFFIXES) {
      if (s.length !== t.key.length || s[0] !== t.key[0]) continue;
      let diff = 0;
      for (let k = 0; k < s.length; k++) if (s[k] !== t.key[k]) diff++;
      if (diff <= 2) {
        ending = s;
        misread = diff;
        why = `a name split from its ending, ${diff} letter(s) misread`;
        break;
      }
    }
  }
  if (ending === undefined) {
    for (const [variant, edit] of confusionVariants(t.key)) {
      if (NAME_SUFFIXES.has(variant)) {
        ending = variant;
        misread = 1;
        why = `a name split from its ending, OCR confusion ${edit}`;
        break;
      }
    }
  }
  if (ending === undefined) return undefined;
  // Scored like the one-word candidates: the joined word, unseen, as a proper noun between the
  // name's left neighbour and the ending's right one. The name itself is unseen in either reading,
  // so its own probability is left out of both.
  const left = neighbourhood(lm, tokens, i - 1);
  const right = neighbourhood(lm, tokens, i);
  const around: Neighbourhood = { ...right, prev: left.prev, prevTags: left.prevTags, prevTag2: left.prevTag2 };
  const pos = logPosUnseen(lm, ending.endsWith('s') ? 'nps' : 'np', around);
  // Each misread letter costs as a confusion beyond the first does for other non-words, and so does the space.
  const score = logBigram(lm, -1, around.next) + (pos === undefined ? 0 : tuning.pos * pos) - (misread + 1) * tuning.extraEditCost;
  return { corr: name.text + ending, start: name.start, end: t.end, score, why, kind: 'split' };
}
