import { TeikitError, error } from '../../diagnostics.js';
import { nameAt } from './names.js';
import type { Positions } from './positions.js';

/**
 * A cursor over the XML text with the few primitives both the document parser
 * and the DOCTYPE reader need. Every syntax error goes through `fail`, which
 * gives it a stable code and the line and column of the offending character.
 */
export class Scanner {
  pos = 0;

  constructor(
    readonly text: string,
    readonly positions: Positions,
  ) {}

  fail(code: string, message: string, offset: number = this.pos, hint?: string): never {
    throw new TeikitError([
      error(code, message, { file: 'source', place: this.positions.place(Math.min(offset, this.text.length)), ...(hint !== undefined && { hint }) }),
    ]);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips XML white space (§2.3 S); says whether there was any. */
  skipSpace(): boolean {
    const start = this.pos;
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) p++;
      else break;
    }
    this.pos = p;
    return p > start;
  }

  requireSpace(what: string): void {
    if (!this.skipSpace()) this.fail('xml-syntax', `expected white space ${what}`);
  }

  at(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  expect(s: string, what: string): void {
    if (!this.at(s)) this.fail('xml-syntax', `expected "${s}" ${what}, found ${this.describeHere()}`);
    this.pos += s.length;
  }

  /** Reads a name at the cursor, or fails saying what was expected. */
  name(what: string, code = 'xml-bad-name'): string {
    const n = nameAt(this.text, this.pos);
    if (n === undefined) this.fail(code, `expected ${what}, found ${this.describeHere()}`);
    this.pos += n.length;
    return n;
  }

  /** A quoted literal ("…" or '…'): its content and where the content starts. */
  quoted(what: string): { value: string; start: number } {
    const q = this.text[this.pos];
    if (q !== '"' && q !== "'") this.fail('xml-syntax', `expected a quoted ${what}, found ${this.describeHere()}`);
    const start = this.pos + 1;
    const end = this.text.indexOf(q, start);
    if (end === -1) this.fail('xml-unterminated', `the ${what} starting here is never closed by ${q}`, this.pos);
    this.pos = end + 1;
    return { value: this.text.slice(start, end), start };
  }

  describeHere(): string {
    if (this.done) return 'the end of the file';
    const cp = this.text.codePointAt(this.pos)!;
    return cp > 0x20 && cp < 0x7f ? `"${String.fromCodePoint(cp)}"` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
}
