import { error, type Diagnostic } from '../diagnostics.js';
import { placeOf } from './lines.js';

// XML 1.0 §2.2: C0 controls other than tab, LF and CR, the non-characters
// U+FFFE/U+FFFF, and unpaired surrogates cannot appear in a document at all,
// not even as character references.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const MAX_REPORTED = 20;

/** Whether a string holds a character XML 1.0 cannot hold. */
export function hasForbiddenXmlChar(s: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(s);
  FORBIDDEN.lastIndex = 0;
  return found;
}

export function findForbiddenXmlChars(text: string, lineStarts: readonly number[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  FORBIDDEN.lastIndex = 0;
  for (let m = FORBIDDEN.exec(text); m && found.length < MAX_REPORTED; m = FORBIDDEN.exec(text)) {
    const code = m[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const hint =
      code === 0x0c
        ? 'a form feed (page break from a PDF or OCR export) cannot stand in XML; replace it with a blank line'
        : code >= 0xd800 && code <= 0xdfff
          ? 'an unpaired surrogate is not a character; the text was damaged before it reached teikit'
          : 'remove the character; XML 1.0 cannot hold it';
    found.push(
      error('forbidden-char', `character ${name} is not allowed in XML 1.0`, {
        file: 'source',
        place: placeOf(text, lineStarts, m.index),
        hint,
      }),
    );
  }
  return found;
}
