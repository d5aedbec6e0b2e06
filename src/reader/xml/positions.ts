import type { Place } from '../../diagnostics.js';
import { placeOf } from '../../source/lines.js';

/**
 * Line and column of an offset in the XML, counted as the encoder counts them
 * in plain text (1-based, columns in code points, CRLF and CR as one line end),
 * so `file:line:col` opens at the right character in an editor.
 */
export class Positions {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  place(offset: number): Place {
    return placeOf(this.text, (this.starts ??= lineStarts(this.text)), offset);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
