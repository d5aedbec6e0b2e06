import type { Place } from '../../diagnostics.js';

/**
 * Line and column of an offset in the XML, counted as the encoder counts them
 * in plain text (1-based, columns in code points, CRLF and CR as one line end),
 * so `file:line:col` opens at the right character in an editor.
 *
 * Asked for every element the readings point to, so it must not scan the
 * line: teikit writes a paragraph on one line, and a line may be megabytes
 * long. Columns are offsets within the line, less the surrogate pairs before
 * them, which are counted (by binary search) only on lines that have any.
 */
export class Positions {
  private starts: number[] | undefined;
  private readonly hasAstral: boolean;
  private readonly lowSurrogates = new Map<number, number[]>();

  constructor(private readonly text: string) {
    this.hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
  }

  place(offset: number): Place {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    let column = offset - start + 1;
    if (this.hasAstral) column -= this.pairsBefore(lo, start, offset);
    return { line: lo + 1, column };
  }

  /** Offsets where each line starts, computed once, when a place is first asked for. */
  lineStarts(): readonly number[] {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  // Surrogate pairs on line `line` that end before `offset`: each is one character but two code units.
  private pairsBefore(line: number, start: number, offset: number): number {
    let lows = this.lowSurrogates.get(line);
    if (!lows) {
      lows = [];
      const end = this.starts![line + 1] ?? this.text.length;
      const text = this.text.slice(start, end);
      const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
      for (let m = pair.exec(text); m; m = pair.exec(text)) lows.push(start + m.index + 1);
      this.lowSurrogates.set(line, lows);
    }
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
