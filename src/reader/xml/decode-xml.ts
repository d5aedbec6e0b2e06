import { TeikitError, error } from '../../diagnostics.js';
import { decodeSource, normaliseLineEndings } from '../../source/decode.js';

/** The XML as text, and how it was decoded (when it came as bytes), for checking the encoding it declares. */
export interface DecodedXml {
  /** The document with line ends as LF and no byte-order mark: every offset the reader reports counts in this. */
  text: string;
  /** The encoding the bytes were decoded from, or undefined when the caller passed a string. */
  decodedFrom: 'UTF-8' | 'UTF-16' | undefined;
}

/**
 * Bytes or a string to the text the parser reads. Bytes are UTF-8, strictly
 * (a wrong byte is `invalid-utf8` with its line and column, never a silent
 * U+FFFD), or UTF-16 when they start with its byte-order mark. Line ends are
 * normalised as XML 1.0 §2.11 asks, before parsing.
 */
export function decodeXml(input: string | Uint8Array): DecodedXml {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { text: normaliseLineEndings(text), decodedFrom: undefined };
  }
  const le = input[0] === 0xff && input[1] === 0xfe;
  const be = input[0] === 0xfe && input[1] === 0xff;
  if (le || be) {
    let text: string;
    try {
      text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(input);
    } catch {
      throw new TeikitError([error('invalid-utf16', 'the file starts with a UTF-16 byte-order mark but is not valid UTF-16', { file: 'source', hint: 'save the file as UTF-8' })]);
    }
    return { text: normaliseLineEndings(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), decodedFrom: 'UTF-16' };
  }
  return { text: normaliseLineEndings(decodeSource(input)), decodedFrom: 'UTF-8' };
}

/** Whether an encoding named in the XML declaration agrees with how the bytes were decoded. */
export function declaredEncodingFits(declared: string, decodedFrom: 'UTF-8' | 'UTF-16'): boolean {
  const name = declared.toLowerCase();
  return decodedFrom === 'UTF-8' ? name === 'utf-8' || name === 'utf8' || name === 'us-ascii' || name === 'ascii' : name.startsWith('utf-16');
}
