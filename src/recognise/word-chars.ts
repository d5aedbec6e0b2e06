const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Whether the character at `index` is a letter, digit or mark. With `before`,
 * `index` may be the low half of a surrogate pair, and the whole pair is read.
 */
export function isWordChar(text: string, index: number, before = false): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let ch: string;
  if (before && code >= 0xdc00 && code <= 0xdfff && index > 0) ch = text.slice(index - 1, index + 1);
  else if (code >= 0xd800 && code <= 0xdbff) ch = text.slice(index, index + 2);
  else ch = text[index]!;
  return WORD.test(ch);
}
