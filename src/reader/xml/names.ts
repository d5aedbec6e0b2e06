/**
 * XML 1.0 (fifth edition) names and characters, §2.2 and §2.3. Sticky regular
 * expressions read a name at an offset without copying the rest of the text.
 */

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;

const NAME_AT = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const CHAR_REF_AT = /#(?:x([0-9a-fA-F]+)|([0-9]+));/y;

/** The name starting at `pos`, or undefined when none does. */
export function nameAt(s: string, pos: number): string | undefined {
  const end = nameEnd(s, pos);
  return end === pos ? undefined : s.slice(pos, end);
}

/**
 * Where the name starting at `pos` ends (`pos` itself when no name starts
 * there). ASCII names, nearly all of them, are scanned by character code; the
 * rest by the full regular expression. Allocates nothing: it runs for every tag.
 */
export function nameEnd(s: string, pos: number): number {
  let i = pos;
  const first = s.charCodeAt(i);
  if (!isAsciiNameStart(first)) return first < 0x80 ? pos : slowNameEnd(s, pos);
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return slowNameEnd(s, pos);
    if (!isAsciiNameStart(c) && !(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2e) break;
  }
  return i;
}

function isAsciiNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

function slowNameEnd(s: string, pos: number): number {
  NAME_AT.lastIndex = pos;
  return NAME_AT.test(s) ? NAME_AT.lastIndex : pos;
}

/** Whether a code point may appear in an XML 1.0 document at all (§2.2 Char). */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export type Reference =
  | { kind: 'char'; value: string; end: number }
  | { kind: 'entity'; name: string; end: number }
  | { kind: 'bad'; code: 'xml-bad-char-ref' | 'xml-bad-reference'; reason: string };

/** The reference whose `&` is at `amp`: `&#x2014;`, `&#8212;` or `&name;`. */
export function referenceAt(s: string, amp: number): Reference {
  if (s.charCodeAt(amp + 1) === 0x23 /* # */) {
    CHAR_REF_AT.lastIndex = amp + 1;
    const m = CHAR_REF_AT.exec(s);
    if (!m) return { kind: 'bad', code: 'xml-bad-char-ref', reason: 'a character reference must be &#digits; or &#xhex;' };
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    if (!isXmlChar(cp)) return { kind: 'bad', code: 'xml-bad-char-ref', reason: `character reference ${s.slice(amp, CHAR_REF_AT.lastIndex)} names a character XML 1.0 does not allow` };
    return { kind: 'char', value: String.fromCodePoint(cp), end: CHAR_REF_AT.lastIndex };
  }
  const name = nameAt(s, amp + 1);
  if (name === undefined || s.charCodeAt(amp + 1 + name.length) !== 0x3b /* ; */) {
    return { kind: 'bad', code: 'xml-bad-reference', reason: "'&' must start a reference such as &amp; (write a literal ampersand as &amp;)" };
  }
  return { kind: 'entity', name, end: amp + 2 + name.length };
}

/** The five entities every XML processor knows without a declaration (§4.6). */
export const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);
