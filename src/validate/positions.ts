/**
 * Offsets in the document text to 1-based line and column, counted the way
 * jing prints them: a line ends at LF, CR or CR LF (XML's line-end rule), and
 * a column counts UTF-16 code units (so an emoji before the place counts two,
 * as in jing and in most editors' "go to line:column").
 */
export class LineMap {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The line and column of the character at `offset` (or of the end, for `offset` = length). */
  at(offset: number): { line: number; column: number } {
    // Most documents have nothing to report: the line starts are found on the first question.
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
