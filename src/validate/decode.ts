/**
 * Bytes to text the way an XML parser must: a byte-order mark, else the
 * `encoding` of the XML declaration, else UTF-8 (XML 1.0 §4.3.3, Appendix F).
 * A string is taken as already decoded; only a leading BOM is dropped, as jing
 * does not count it as a character.
 */

import { firstInvalidUtf8 } from '../source/utf8.js';

/** On failure, `textBefore` is the text up to the bad byte, so the caller can say where it is. */
export type DecodeResult = { text: string } | { error: { message: string; textBefore: string } };

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

const DECLARED_ENCODING = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["'][^"']*["'][ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

export function decodeXml(input: string | Uint8Array): DecodeResult {
  if (typeof input === 'string') return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => input[i] === b)) return decodeAs(input.subarray(bom.length), encoding);
  }
  // UTF-16 without a BOM still starts "<?" in one byte order or the other.
  if (input[0] === 0x3c && input[1] === 0x00 && input[2] === 0x3f && input[3] === 0x00) return decodeAs(input, 'utf-16le');
  if (input[0] === 0x00 && input[1] === 0x3c && input[2] === 0x00 && input[3] === 0x3f) return decodeAs(input, 'utf-16be');
  const head = String.fromCharCode(...input.subarray(0, 256));
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  return decodeAs(input, declared ?? 'utf-8');
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodeResult {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    return { error: { message: `unsupported encoding "${encoding}"`, textBefore: '' } };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const bad = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes) : 0;
    const textBefore = new TextDecoder(encoding).decode(bytes.subarray(0, bad));
    return { error: { message: `the bytes are not valid ${decoder.encoding.toUpperCase()}`, textBefore } };
  }
}
