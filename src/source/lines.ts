/**
 * The source as lines, with offsets into the LF-normalised text. Every later
 * position (line:column in a diagnostic, `at` anchors in the config) is counted
 * against this, so it matches what the user sees in an editor.
 */
export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (the newline is not included). */
  end: number;
  /** The line without the spaces and tabs around it. */
  contentStart: number;
  contentEnd: number;
}

// Only ASCII blanks are trimmed: a no-break space or other Unicode space is text
// the source printed, and teikit keeps it.
const BLANK = /[ \t\f\v]/;

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    let cs = start;
    let ce = end;
    while (cs < ce && BLANK.test(text[cs]!)) cs++;
    while (ce > cs && BLANK.test(text[ce - 1]!)) ce--;
    lines.push({ number, start, end, contentStart: cs, contentEnd: ce });
    if (nl === -1) break;
    start = nl + 1;
    number++;
  }
  return lines;
}

export function isBlank(line: SourceLine): boolean {
  return line.contentStart === line.contentEnd;
}

/** Paragraph-like blocks: runs of non-blank lines separated by blank lines. */
export function groupBlocks(lines: readonly SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** 1-based line and column (in code points) of an offset in the LF-normalised source. */
export function placeOf(text: string, lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = lineStarts[lo] ?? 0;
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character to the user.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    column++;
  }
  return { line: lo + 1, column };
}

/** Offset of a 1-based line and column (code points), or undefined when the line is shorter. */
export function offsetOf(text: string, lines: readonly SourceLine[], line: number, column: number): number | undefined {
  const l = lines[line - 1];
  if (!l || column < 1) return undefined;
  let offset = l.start;
  for (let c = 1; c < column; c++) {
    if (offset >= l.end) return undefined;
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return offset <= l.end ? offset : undefined;
}
