/**
 * Spaces JavaScript treats as whitespace and XML does not.
 *
 * salve splits list values (`@target="#a #b"`) with JavaScript's `\s` and
 * `trim()`, and tells blank text from text the same way; XML and jing split
 * only at space, tab, CR and LF. So a no-break space inside `@ref` made salve
 * see two pointers where jing sees one, and a paragraph holding only a
 * no-break space looked blank to salve. Before values reach salve, each such
 * space is swapped for a noncharacter (U+FDD0…) that no JavaScript pattern
 * calls whitespace; teikit's datatype checks swap them back (xsd-datatypes.ts).
 * Every other salve datatype treats the stand-in as it treats the space: not
 * a name character, not part of a number, fine in a string.
 */

const SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const STAND_IN_BASE = 0xfdd0;
const SPACE = new RegExp(`[${SPACES}]`, 'g');
const ANY_SPACE = new RegExp(`[${SPACES}]`);
const STAND_IN = new RegExp(`[\\u{${STAND_IN_BASE.toString(16)}}-\\u{${(STAND_IN_BASE + SPACES.length - 1).toString(16)}}]`, 'gu');

/** Whether a document can be masked: it must not hold the stand-ins itself. */
export function canMaskSpaces(text: string): boolean {
  STAND_IN.lastIndex = 0;
  return !STAND_IN.test(text);
}

export function maskSpaces(s: string): string {
  return ANY_SPACE.test(s) ? s.replace(SPACE, (c) => String.fromCharCode(STAND_IN_BASE + SPACES.indexOf(c))) : s;
}

export function unmaskSpaces(s: string): string {
  STAND_IN.lastIndex = 0;
  return STAND_IN.test(s) ? s.replace(STAND_IN, (c) => SPACES[c.charCodeAt(0) - STAND_IN_BASE]!) : s;
}
