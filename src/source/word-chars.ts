/**
 * Word boundaries, shared by every matcher: a letter, digit or combining mark
 * is a word character, so a match must not continue one on either side.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

// 0 = not yet classified, 1 = word character, 2 = not. Boundary checks happen
// only at candidate matches, so the regex runs at most once per BMP code point.
let bmpWordClass: Uint8Array | undefined;

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    // ASCII is most of what we see; decide without the regex or the table.
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  }
  if (cp > 0xffff) return WORD_CHAR.test(String.fromCodePoint(cp));
  bmpWordClass ??= new Uint8Array(0x10000);
  let c = bmpWordClass[cp]!;
  if (c === 0) {
    c = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
    bmpWordClass[cp] = c;
  }
  return c === 1;
}

/** The code point that ends just before `index` (a surrogate pair counts as one). */
export function codePointBefore(s: string, index: number): number {
  const lo = s.charCodeAt(index - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && index >= 2) {
    const hi = s.charCodeAt(index - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Whether [start, end) of `text` neither starts nor ends inside a word (checked only where the match itself starts or ends with a word character). */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  if (start >= end) return true;
  if (start > 0 && isWordCodePoint(text.codePointAt(start)!) && isWordCodePoint(codePointBefore(text, start))) return false;
  if (end < text.length && isWordCodePoint(codePointBefore(text, end)) && isWordCodePoint(text.codePointAt(end)!)) return false;
  return true;
}
