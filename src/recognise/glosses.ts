import { warning, type Diagnostic, type Place } from '../diagnostics.js';

/**
 * Square-bracketed glosses, the source editor's words inside the author's
 * text. Brackets nest; an unmatched bracket is kept as a plain character with a
 * warning, since the text stays faithful either way.
 */
export function findGlosses(text: string, start: number, end: number, placeAt: (offset: number) => Place): { glosses: { start: number; end: number }[]; diagnostics: Diagnostic[] } {
  const glosses: { start: number; end: number }[] = [];
  const diagnostics: Diagnostic[] = [];
  const open: number[] = [];
  for (let i = text.indexOf('[', start), j = text.indexOf(']', start); ; ) {
    const next = Math.min(i === -1 || i >= end ? Infinity : i, j === -1 || j >= end ? Infinity : j);
    if (next === Infinity) break;
    if (next === i) {
      open.push(i);
      i = text.indexOf('[', i + 1);
    } else {
      const from = open.pop();
      if (from === undefined) {
        diagnostics.push(unbalanced(']', placeAt(j)));
      } else if (j > from + 1) {
        glosses.push({ start: from, end: j + 1 });
      }
      j = text.indexOf(']', j + 1);
    }
  }
  for (const from of open) diagnostics.push(unbalanced('[', placeAt(from)));
  glosses.sort((a, b) => a.start - b.start);
  return { glosses, diagnostics };
}

function unbalanced(bracket: string, place: Place): Diagnostic {
  return warning('unbalanced-bracket', `"${bracket}" has no partner in its paragraph; it is kept as text, not made a gloss`, {
    file: 'source',
    place,
  });
}

// Three or more dots (spaced or not) or the ellipsis character. A fourth dot is
// a full stop beside the omission; keeping all the dots together keeps them all.
const OMISSION = /\.{3,}|(?:\. ){2,}\.|…+/g;

export function findOmissions(text: string, start: number, end: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  OMISSION.lastIndex = start;
  for (let m = OMISSION.exec(text); m && m.index < end; m = OMISSION.exec(text)) {
    found.push({ start: m.index, end: Math.min(m.index + m[0].length, end) });
  }
  return found;
}
