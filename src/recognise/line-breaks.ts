import { isWordHyphenBreak } from '../source/normalise.js';

/**
 * The line breaks an edition keeps (`structure.lineBreaks: "keep"`): each LF
 * inside a unit, with whether it splits a hyphenated word (`lb break="no"`).
 * The blank line between units is not a line break of the text.
 */
export function findLineBreaks(text: string): { start: number; end: number; noBreak: boolean }[] {
  const found: { start: number; end: number; noBreak: boolean }[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] === '\n') {
      i++;
      continue;
    }
    found.push({ start: i, end: i + 1, noBreak: isWordHyphenBreak(text, i) });
  }
  return found;
}
