import { hyphenBreakRanges } from './hyphen-breaks.js';
import type { LanguageModel } from './model.js';

/**
 * Words and punctuation with their UTF-16 offsets in the text as given, cut
 * the way the Brown Corpus cuts them (so that the counts apply): a word keeps
 * inner apostrophes and hyphens ("don't", "to-day"), an abbreviation keeps its
 * period when the corpus knows it as one ("Co.", "Mr."), every other
 * punctuation mark is a token of its own. A word the encoder joins across a
 * line break ("govern-⏎ment") is one token, read as the joined word
 * ("government"), so that its neighbours are judged beside the right word.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The key into the model: lower-cased; quotes of any shape as `"` or `'`. */
  key: string;
  kind: 'word' | 'number' | 'punct';
  /** First token of a sentence (after . ! ? or a blank line, or at the start). */
  sentenceStart: boolean;
  /** Last token of a sentence. */
  sentenceEnd: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** A word hyphenated across a line break: `text` as printed, `key` the joined word. */
  joined?: true;
}

const TOKEN_SOURCE = /([\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\.\.\.|…|--|—|\S)/gu;
const QUOTE_KEYS: Record<string, string> = { '“': '"', '”': '"', '„': '"', '"': '"', '‘': "'", '’': "'", "'": "'" };
const LOWER = /^\p{Ll}/u;

/** Whether text[from, to) — white space between two tokens — holds an empty line. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) newlines++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) newlines++;
  }
  return newlines >= 2;
}

/** The first character after white space from `index` (a whole code point), if any. */
function nextVisible(text: string, index: number): string | undefined {
  for (let i = index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) continue;
    return String.fromCodePoint(text.codePointAt(i)!);
  }
  return undefined;
}

export function tokenise(text: string, lm: LanguageModel): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let lastEnd = 0;
  // A regex of its own per call: lastIndex is moved past an abbreviation's period.
  const re = new RegExp(TOKEN_SOURCE);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    let value = m[0];
    if (tokens.length > 0 && start - lastEnd > 1 && hasBlankLine(text, lastEnd, start)) {
      tokens[tokens.length - 1]!.sentenceEnd = true;
      sentenceStart = true;
    }
    if (m[1] !== undefined) {
      // "Co." is one token in the corpus, "revolution." two.
      if (text[start + value.length] === '.' && text[start + value.length + 1] !== '.' && lm.ids.has(`${value.toLowerCase()}.`)) value += '.';
      const isNumber = /^[\p{N}]/u.test(value) || /\p{N}/u.test(value);
      tokens.push({
        text: value,
        start,
        end: start + value.length,
        key: value.toLowerCase(),
        kind: isNumber ? 'number' : 'word',
        sentenceStart,
        sentenceEnd: false,
        capitalised: /^\p{Lu}/u.test(value),
      });
      re.lastIndex = start + value.length;
      sentenceStart = false;
    } else {
      tokens.push({ text: value, start, end: start + value.length, key: QUOTE_KEYS[value] ?? value, kind: 'punct', sentenceStart, sentenceEnd: false, capitalised: false });
      if (value === '.' || value === '!' || value === '?' || value === '...' || value === '…') {
        // The sentence ends unless what follows starts in lower case.
        const next = nextVisible(text, start + value.length);
        if (next === undefined || !LOWER.test(next)) {
          tokens[tokens.length - 1]!.sentenceEnd = true;
          sentenceStart = true;
        }
      }
    }
    lastEnd = tokens[tokens.length - 1]!.end;
  }
  if (tokens.length > 0) tokens[tokens.length - 1]!.sentenceEnd = true;
  return joinHyphenBreaks(text, tokens);
}

/** Tokens inside a word the encoder joins across a line break ("govern", "-", "ment") become one. */
function joinHyphenBreaks(text: string, tokens: Token[]): Token[] {
  const ranges = hyphenBreakRanges(text);
  if (ranges.length === 0) return tokens;
  const out: Token[] = [];
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < ranges.length && ranges[r]![1] <= t.start) r++;
    const range = ranges[r];
    if (!range || t.start !== range[0]) {
      out.push(t);
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.end <= range[1]) j++;
    const last = tokens[j]!;
    const printed = text.slice(t.start, last.end);
    // Read as the word a reader sees, "government": the hyphen (which the encoder keeps) only marks the break.
    const key = printed.replace(/-[ \t\f\v]*(?:\r\n|\r|\n)[ \t\f\v]*/g, '').toLowerCase();
    out.push({ ...t, text: printed, end: last.end, key, kind: /\p{N}/u.test(key) ? 'number' : 'word', sentenceEnd: last.sentenceEnd, joined: true });
    i = j;
    r++;
  }
  return out;
}
