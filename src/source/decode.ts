import { TeikitError, error } from '../diagnostics.js';
import { firstInvalidUtf8 } from './utf8.js';

/**
 * Turns the bytes of a source file into text. Strict UTF-8: a wrong byte is an
 * error with its line and column, never a silent U+FFFD that would enter the
 * edition as if the source had printed it.
 */
export function decodeSource(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      const before = new TextDecoder('utf-8').decode(input.subarray(0, at));
      const place = placeAtEnd(before);
      throw new TeikitError([
        error('invalid-utf8', `invalid UTF-8 byte 0x${(input[at] ?? 0).toString(16).padStart(2, '0')} at byte offset ${at}`, {
          file: 'source',
          place,
          hint: 'save the file as UTF-8',
        }),
      ]);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/** Line endings as LF: CRLF and lone CR (old Mac files) both count as one line break. */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function placeAtEnd(prefix: string): { line: number; column: number } {
  const lines = normaliseLineEndings(prefix).split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: [...last].length + 1 };
}
