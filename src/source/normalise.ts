import { codePointBefore } from './word-chars.js';
import type { SourceLine } from './lines.js';

/**
 * The documented whitespace normalisation. Everything teikit writes, and every
 * reading rebuilt from its TEI, is equal to the source after exactly this:
 *
 * - line endings become LF;
 * - spaces and tabs around each line are dropped, and inside a line every run of
 *   spaces and tabs becomes one space;
 * - the lines of a unit (paragraph, headnote, author line, …) are joined with one
 *   space, or kept apart with LF when the edition keeps the source's line layout;
 *   a line ending in a hyphen after a letter, before a line starting with a
 *   letter ("revolu-" / "tion"), is joined without a space, the hyphen kept;
 * - units are separated by one blank line (`\n\n`), also where the source put an
 *   author or citation line directly above the next line.
 *
 * Offsets of the normalised text map back to the source, so a diagnostic about a
 * span can name the line and column the user sees.
 */

export type UnitRole = 'author' | 'citation' | 'headnote' | 'paragraph';

export interface SourceUnit {
  role: UnitRole;
  lines: readonly SourceLine[];
}

export interface NormalisedUnit {
  role: UnitRole;
  start: number;
  end: number;
  /** 1-based source line the unit starts on. */
  firstLine: number;
}

export interface NormalisedText {
  text: string;
  units: NormalisedUnit[];
  map: OffsetMap;
}

/**
 * Segments of the normalised text that were copied verbatim from the source.
 * Between segments stand the characters normalisation wrote (single spaces,
 * LFs, blank lines).
 */
export class OffsetMap {
  private readonly norm: number[] = [];
  private readonly src: number[] = [];
  private readonly len: number[] = [];

  add(normStart: number, srcStart: number, length: number): void {
    if (length > 0) {
      this.norm.push(normStart);
      this.src.push(srcStart);
      this.len.push(length);
    }
  }

  /** Source offset of a normalised offset; a written character maps to where the whitespace it replaced began. */
  toSource(offset: number): number {
    const i = lastAtOrBefore(this.norm, offset);
    if (i < 0) return 0;
    return this.src[i]! + Math.min(offset - this.norm[i]!, this.len[i]!);
  }

  /** Normalised offset of a source offset, or undefined when the source character was whitespace that normalisation rewrote. */
  fromSource(offset: number): number | undefined {
    const i = lastAtOrBefore(this.src, offset);
    if (i < 0) return undefined;
    const within = offset - this.src[i]!;
    return within < this.len[i]! ? this.norm[i]! + within : undefined;
  }
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const MARK = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;

/**
 * Whether a letter stands before `at`, perhaps with combining marks on it ("ré"
 * written as e + U+0301). Marks on something else ("❤️" is U+2764 + U+FE0F) do
 * not make a letter.
 */
function letterBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0) {
    const cp = codePointBefore(text, i);
    const c = String.fromCodePoint(cp);
    if (!MARK.test(c)) return LETTER.test(c);
    i -= cp > 0xffff ? 2 : 1;
  }
  return false;
}

/**
 * Whether a hyphen at `hyphen` followed by a line break, with the next line
 * starting at `next`, splits one word: "revolu-" / "tion". Checked on code
 * points, so a letter outside the BMP counts.
 */
function hyphenJoins(text: string, hyphen: number, next: number): boolean {
  if (text[hyphen] !== '-' || hyphen < 1 || next >= text.length) return false;
  return letterBefore(text, hyphen) && LETTER.test(String.fromCodePoint(text.codePointAt(next)!));
}

function hyphenatedBreak(source: string, previous: SourceLine, next: SourceLine): boolean {
  return previous.contentEnd - previous.contentStart >= 2 && next.contentStart < next.contentEnd && hyphenJoins(source, previous.contentEnd - 1, next.contentStart);
}

/** In normalised text with kept line breaks: is the LF at `i` inside a hyphenated word? */
export function isWordHyphenBreak(text: string, i: number): boolean {
  return i >= 2 && hyphenJoins(text, i - 1, i + 1);
}

const BLANK_RUN = /[ \t\f\v]{2,}|[\t\f\v]/g;

/**
 * Runs of blanks the normalisation rewrites, as (offset, length) pairs: two or
 * more blanks, or a single tab, form feed or vertical tab. Most texts have
 * none, and two native scans that say so are several times faster than the
 * regex (which, without a literal first character, tries every offset).
 */
function blankRuns(source: string): number[] {
  const runs: number[] = [];
  if (source.indexOf('  ') === -1 && !/[\t\f\v]/.test(source)) return runs;
  BLANK_RUN.lastIndex = 0;
  for (let m = BLANK_RUN.exec(source); m; m = BLANK_RUN.exec(source)) runs.push(m.index, m[0].length);
  return runs;
}

export function normaliseUnits(source: string, units: readonly SourceUnit[], keepLineBreaks: boolean): NormalisedText {
  const parts: string[] = [];
  const map = new OffsetMap();
  const out: NormalisedUnit[] = [];
  let length = 0;
  const write = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const copy = (from: number, to: number): void => {
    map.add(length, from, to - from);
    write(source.slice(from, to));
  };

  const blanks = blankRuns(source);
  let b = 0;

  units.forEach((unit, u) => {
    if (u > 0) write('\n\n');
    const start = length;
    unit.lines.forEach((line, l) => {
      if (l > 0) write(keepLineBreaks ? '\n' : hyphenatedBreak(source, unit.lines[l - 1]!, line) ? '' : ' ');
      let from = line.contentStart;
      while (b < blanks.length && blanks[b]! < line.contentStart) b += 2;
      for (; b < blanks.length && blanks[b]! < line.contentEnd; b += 2) {
        copy(from, blanks[b]!);
        write(' ');
        from = blanks[b]! + blanks[b + 1]!;
      }
      copy(from, line.contentEnd);
    });
    out.push({ role: unit.role, start, end: length, firstLine: unit.lines[0]?.number ?? 1 });
  });
  return { text: parts.join(''), units: out, map };
}
