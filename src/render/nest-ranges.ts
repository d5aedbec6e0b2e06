import type { Run } from './align.js';
import { text as escapeText } from './html.js';

/**
 * Markup over the merged text as ranges, written out as properly nested HTML.
 * Ranges may cross (a name across an alternation, a variant across a
 * paragraph): where one must close while a range opened inside it goes on, the
 * inner one is closed and reopened, so the HTML is always well nested. Only the
 * first piece of a range carries its id (`first`), only the last its closing
 * extras such as a tooltip (`last`).
 */
export interface MarkupRange {
  start: number;
  end: number;
  /**
   * Which of two ranges over the same text goes outside: lower first.
   * 0 is reserved for paragraphs, which are always outermost.
   */
  tier: number;
  open(first: boolean): string;
  close(last: boolean): string;
}

/** Markup at one place (a footnote's reference): no text of either reading. */
export interface MarkupPoint {
  at: number;
  html: string;
}

export function nestRanges(runs: readonly Run[], length: number, ranges: readonly MarkupRange[], points: readonly MarkupPoint[]): string {
  const live = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const sortedPoints = [...points].sort((a, b) => a.at - b.at);
  const bounds = new Set<number>([0, length]);
  for (const r of live) bounds.add(r.start).add(r.end);
  for (const r of runs) bounds.add(r.start);
  for (const p of sortedPoints) bounds.add(p.at);
  const positions = [...bounds].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);

  const out: string[] = [];
  const opened = new Set<MarkupRange>();
  let stack: MarkupRange[] = [];
  const order = (a: MarkupRange, b: MarkupRange): number =>
    (a.tier === 0 ? 0 : 1) - (b.tier === 0 ? 0 : 1) || a.start - b.start || b.end - a.end || a.tier - b.tier;
  const moveTo = (wanted: MarkupRange[], pos: number): void => {
    let keep = 0;
    while (keep < stack.length && keep < wanted.length && stack[keep] === wanted[keep]) keep++;
    for (let i = stack.length - 1; i >= keep; i--) out.push(stack[i]!.close(stack[i]!.end <= pos));
    for (let i = keep; i < wanted.length; i++) {
      const r = wanted[i]!;
      out.push(r.open(!opened.has(r)));
      opened.add(r);
    }
    stack = wanted;
  };

  let active: MarkupRange[] = [];
  let next = 0; // next range of `live` to start
  let nextPoint = 0;
  let run = 0;
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    while (next < live.length && live[next]!.start <= pos) active.push(live[next++]!);
    if (nextPoint < sortedPoints.length && sortedPoints[nextPoint]!.at === pos) {
      // A point belongs inside what surrounds it, and inside the paragraph it ends or begins.
      const around = [...stack, ...active]
        .filter((r, k, all) => all.indexOf(r) === k)
        .filter((r) => (r.start < pos && r.end > pos) || (r.tier === 0 && r.start <= pos && r.end >= pos))
        .sort(order);
      moveTo(around, pos);
      while (nextPoint < sortedPoints.length && sortedPoints[nextPoint]!.at === pos) out.push(sortedPoints[nextPoint++]!.html);
    }
    active = active.filter((r) => r.end > pos);
    if (pos === length) break;
    const to = positions[i + 1]!;
    while (run + 1 < runs.length && runs[run + 1]!.start <= pos) run++;
    const r = runs[run]!;
    if (r.kind === 'sep') {
      moveTo([], pos); // the break between units is the paragraphs' own: no markup spans it
      continue;
    }
    moveTo([...active].sort(order), pos);
    out.push(escapeText(r.text.slice(pos - r.start, to - r.start)));
  }
  moveTo([], length);
  return out.join('');
}
