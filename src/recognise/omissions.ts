import type { Range } from './glosses.js';

// Three or more dots (spaced or not) or the ellipsis character. A fourth dot is
// a full stop beside the omission; keeping all the dots together keeps them all.
const OMISSION = /\.{3,}|(?:\. ){2,}\.|…+/g;

/** Omission marks inside the given sorted, disjoint ranges, in one scan of the text. */
export function findOmissions(text: string, ranges: readonly Range[]): Range[] {
  const found: Range[] = [];
  let r = 0;
  OMISSION.lastIndex = 0;
  for (let m = OMISSION.exec(text); m; m = OMISSION.exec(text)) {
    while (r < ranges.length && ranges[r]!.end <= m.index) r++;
    const range = ranges[r];
    if (!range) break;
    if (m.index >= range.start) found.push({ start: m.index, end: Math.min(m.index + m[0].length, range.end) });
  }
  return found;
}
