import { warning, type Diagnostic, type Place } from '../diagnostics.js';

/** A stretch of the normalised text to search: one unit (paragraph, headnote). */
export interface Range {
  start: number;
  end: number;
}

/**
 * Square-bracketed glosses, the source editor's words inside the author's
 * text. Brackets nest, but never across a paragraph; an unmatched bracket is
 * kept as a plain character with a warning, since the text stays faithful
 * either way. `ranges` are sorted and disjoint; the text is scanned once.
 */
export function findGlosses(text: string, ranges: readonly Range[], placeAt: (offset: number) => Place): { glosses: Range[]; diagnostics: Diagnostic[] } {
  const glosses: Range[] = [];
  const diagnostics: Diagnostic[] = [];
  const open: number[] = [];
  let r = 0;
  const closeUnit = (): void => {
    for (const from of open) diagnostics.push(unbalanced('[', placeAt(from)));
    open.length = 0;
  };
  const BRACKET = /[[\]]/g;
  for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
    const at = m.index;
    while (r < ranges.length && ranges[r]!.end <= at) {
      closeUnit();
      r++;
    }
    const range = ranges[r];
    if (!range) break;
    if (at < range.start) continue;
    if (m[0] === '[') {
      open.push(at);
    } else {
      const from = open.pop();
      if (from === undefined) diagnostics.push(unbalanced(']', placeAt(at)));
      else if (at > from + 1) glosses.push({ start: from, end: at + 1 });
    }
  }
  closeUnit();
  glosses.sort((a, b) => a.start - b.start);
  return { glosses, diagnostics };
}

function unbalanced(bracket: string, place: Place): Diagnostic {
  return warning('unbalanced-bracket', `"${bracket}" has no partner in its paragraph; it is kept as text, not made a gloss`, {
    file: 'source',
    place,
  });
}
