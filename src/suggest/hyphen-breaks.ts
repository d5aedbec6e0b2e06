import { isWordHyphenBreak } from '../source/normalise.js';

// The blanks the encoder trims at the ends of lines (src/source/lines.ts); a no-break space is text.
const BLANK = /[ \t\f\v]/;

/**
 * The words the encoder joins across a line break ("govern-⏎ment" →
 * "government"), as [start, end) offsets of the text as given, from the first
 * half's start to the second half's end. Neither half is a word of the text:
 * an emendation or a name found in one would damage the joined word, so
 * suggest() leaves them alone.
 *
 * The judgement is the encoder's own (isWordHyphenBreak), asked on a small
 * window around each break with its white space as the encoder sees it (blanks
 * at the end and start of the lines dropped, any line ending as LF), so that
 * the offsets into this text need no mapping.
 */
export function hyphenBreakRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    const nl = m.index;
    const breakEnd = nl + m[0].length;
    let hyphen = nl - 1;
    while (hyphen >= 0 && BLANK.test(text[hyphen]!)) hyphen--;
    let next = breakEnd;
    while (next < text.length && BLANK.test(text[next]!)) next++;
    if (hyphen >= 1 && text[hyphen] === '-' && next < text.length) {
      // Enough of the line before for letterBefore to step over combining marks.
      const from = Math.max(0, hyphen - 16);
      const window = `${text.slice(from, hyphen + 1)}\n${text.slice(next, next + 2)}`;
      if (isWordHyphenBreak(window, hyphen + 1 - from)) out.push([wordStart(text, hyphen), wordEnd(text, next)]);
    }
  }
  return out;
}

// Letters, marks, digits, inner apostrophes and hyphens, and either half of a surrogate pair
// (a letter outside the BMP): the characters a token of the suggester is made of.
const WORD_UNIT = /[\p{L}\p{M}\p{N}'’\-\ud800-\udfff]/u;

function wordStart(text: string, hyphen: number): number {
  let i = hyphen;
  while (i > 0 && WORD_UNIT.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && WORD_UNIT.test(text[i]!)) i++;
  return i;
}
