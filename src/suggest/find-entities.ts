import type { LanguageModel } from './model.js';
import type { Token } from './tokenise.js';
import type { EntitySuggestion, EntityType } from './types.js';

/**
 * Names and dates, found by cues a reader would use, and nothing cleverer:
 * a title before capitalised words (a person), an organisation word inside a
 * capitalised phrase (an organisation), a preposition of place before a
 * proper noun, or a proper noun the corpus mostly finds after one (a place),
 * month names with days and years (a date). Capitalised words at the start of
 * a sentence count only when the corpus mostly capitalises them.
 */

const TITLES = new Set(
  'general gen. mr. mrs. miss ms. dr. professor prof. president colonel col. captain capt. lieutenant lt. major sir lady lord king queen prince princess comrade senator governor judge bishop father saint st. tsar czar emperor admiral marshal'.split(
    ' ',
  ),
);
const ORG_WORDS = new Set(
  'committee party council company co. corporation union association society army navy government congress bank university college church ministry department bureau league institute assembly parliament senate court commission board club federation soviet soviets guard guards regiment'.split(
    ' ',
  ),
);
const PLACE_WORDS = new Set('city river street county mountains mountain island islands lake sea ocean province state square bay valley'.split(' '));
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'towards', 'into']);
const PARTICLES = new Set(['of', 'for', 'de', 'du', 'da', 'di', 'von', 'van', 'der', 'la', 'le']);
const MONTHS = 'january february march april may june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.'.split(' ');
const MONTH = new Set(MONTHS);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

export function findEntities(text: string, tokens: readonly Token[], lm: LanguageModel): EntitySuggestion[] {
  const out: EntitySuggestion[] = [];
  const taken = new Uint8Array(tokens.length);
  findDates(text, tokens, out, taken);
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isNameWord(tokens, i, lm)) continue;
    // The run of capitalised words (with "of the" and the like inside it).
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      if (taken[j + 1] || n.start - tokens[j]!.end > 1 || /\n/.test(text.slice(tokens[j]!.end, n.start))) break;
      if (n.kind === 'word' && n.capitalised && !MONTH.has(n.key)) {
        j++;
        continue;
      }
      // "Central Committee of the Bolsheviks", "Ludwig van Beethoven": a particle (then "the")
      // inside a name only when a capitalised word follows; "and" never joins two names.
      let k = j + 1;
      if (k < tokens.length && tokens[k]!.kind === 'word' && PARTICLES.has(tokens[k]!.key) && !tokens[k]!.capitalised) {
        k++;
        if (k < tokens.length && tokens[k]!.key === 'the' && !tokens[k]!.capitalised) k++;
      }
      if (k > j + 1 && k < tokens.length && tokens[k]!.capitalised && tokens[k]!.kind === 'word' && tokens[k]!.start - tokens[k - 1]!.end <= 1) {
        j = k;
        continue;
      }
      break;
    }
    const run = tokens.slice(i, j + 1);
    for (let k = i; k <= j; k++) taken[k] = 1;
    const guess = classify(run, tokens[i - 1], lm);
    if (!guess) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    out.push({ id: `n${first.start}`, start: first.start, end: last.end, text: text.slice(first.start, last.end), type: guess.type, confidence: guess.confidence, reason: guess.reason });
  }
  // One suggestion per name: the register needs it once, and its forms are found everywhere.
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.type} ${e.text.replace(/\s+/g, ' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isNameWord(tokens: readonly Token[], i: number, lm: LanguageModel): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'word' || !t.capitalised || t.key === 'i' || MONTH.has(t.key) || WEEKDAYS.has(t.key)) return false;
  if (!t.sentenceStart) return true;
  // An initial ("V. I. Lenin") starts a name wherever it stands.
  if (/^\p{Lu}\.$/u.test(t.text)) return true;
  // At a sentence start every word is capitalised: only a word the corpus mostly capitalises is a name.
  const id = lm.ids.get(t.key);
  return id === undefined ? false : lm.capitalised[id]! * 2 > lm.counts[id]! || TITLES.has(t.key);
}

function classify(run: readonly Token[], before: Token | undefined, lm: LanguageModel): { type: EntityType; confidence: number; reason: string } | undefined {
  const keys = run.map((t) => t.key);
  const head = keys[0]!;
  if (TITLES.has(head) && run.length > 1) return { type: 'person', confidence: 0.85, reason: `title "${run[0]!.text}"` };
  const orgWord = keys.find((k) => ORG_WORDS.has(k));
  if (orgWord && run.length > 1) return { type: 'org', confidence: 0.8, reason: `organisation word "${orgWord}"` };
  const placeWord = keys.find((k) => PLACE_WORDS.has(k));
  if (placeWord && run.length > 1) return { type: 'place', confidence: 0.75, reason: `place word "${placeWord}"` };
  if (orgWord || placeWord) return undefined;
  const inGazetteer = run.length === 1 && lm.gazetteer.has(run[0]!.text);
  const afterPreposition = before !== undefined && before.kind === 'word' && PLACE_PREPOSITIONS.has(before.key);
  if (afterPreposition && inGazetteer) return { type: 'place', confidence: 0.85, reason: `"${before.text}" + a place name of the corpus` };
  if (inGazetteer) return { type: 'place', confidence: 0.65, reason: 'a place name of the corpus' };
  // Words the corpus knows mostly in lower case ("The", "History") make a heading, not a name.
  const nameLike = run.every((t) => {
    if (/^\p{Lu}\.$/u.test(t.text)) return true;
    const id = lm.ids.get(t.key);
    return id === undefined || lm.capitalised[id]! * 2 > lm.counts[id]!;
  });
  if (!nameLike) return undefined;
  if (afterPreposition && before.key !== 'to') return { type: 'place', confidence: 0.55, reason: `"${before.text}" + a proper noun` };
  if (run.length > 1) return { type: 'person', confidence: 0.6, reason: 'capitalised words inside a sentence' };
  return { type: 'person', confidence: 0.4, reason: 'a capitalised word inside a sentence' };
}

/** Month-name dates ("6 November 1917", "November 6", "October 24, 1917", "November 1917") and years after "in". */
function findDates(text: string, tokens: readonly Token[], out: EntitySuggestion[], taken: Uint8Array): void {
  const isDay = (t: Token | undefined): boolean => t !== undefined && /^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$/.test(t.key);
  const isYear = (t: Token | undefined): boolean => t !== undefined && /^1[0-9]{3}$|^20[0-9]{2}$/.test(t.key);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let from = i;
    let to = i;
    if (MONTH.has(t.key) && t.capitalised) {
      // "May" alone is a verb far more often: a month needs a day or a year beside it.
      if (isDay(tokens[i - 1])) from = i - 1;
      if (isDay(tokens[i + 1])) to = i + 1;
      if (tokens[to + 1]?.key === ',' && isYear(tokens[to + 2])) to += 2;
      else if (isYear(tokens[to + 1])) to += 1;
      if (from === i && to === i) continue;
    } else if (isYear(t) && ['in', 'since', 'until', 'of'].includes(tokens[i - 1]?.key ?? '') && !taken[i]) {
      // a bare year
    } else continue;
    if (taken[from]) continue;
    for (let k = from; k <= to; k++) taken[k] = 1;
    const a = tokens[from]!;
    const b = tokens[to]!;
    out.push({ id: `n${a.start}`, start: a.start, end: b.end, text: text.slice(a.start, b.end), type: 'date', confidence: from === to ? 0.6 : 0.85, reason: from === to ? 'a year' : 'a month name with a day or year' });
  }
}
