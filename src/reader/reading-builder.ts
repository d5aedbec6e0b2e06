import type { XElement } from './xml/tree.js';

/**
 * Builds one reading as the walk hands it text, applying teikit's documented
 * whitespace normalisation on the fly, so offsets are final when recorded:
 *
 * - every run of XML white space (space, tab, LF) is one space, wherever the
 *   run is split between elements (`a</hi> <hi>b` and `a <hi>b</hi>` read alike);
 * - a line break (`lb`) is `"\n"`, swallowing the white space around it;
 * - units are trimmed and separated by `"\n\n"`;
 * - inside `xml:space="preserve"` white space is kept as written, except that a
 *   blank line becomes one line break (a blank line would read as a unit break).
 *
 * White space is never written when it is met, only when the next character
 * comes: then it is known whether it is inside a unit (one space), after a
 * line break (none), or at a unit's end (dropped).
 *
 * Spans (of a `choice`, a name, a date, …) are opened and closed around an
 * element's content. A span starts at its first character, after any pending
 * white space; a span with no character is a point, placed where the next
 * character goes, before or after the white space pending there depending on
 * which came first in the XML (`word<pb/> next` puts the point before the
 * space, `word <pb/>next` after it).
 */

/** A range in the reading; -1 until known. */
export interface Span {
  start: number;
  end: number;
}

const NONE = 0;
const SPACE = 1;
const BREAK = 2;
const RAW = 3;

const XML_SPACE_RUN = /[ \t\n\r]+/g;
// Text needing no work inside: no tab, LF or double space. Most text nodes of a tidy document.

/**
 * Text with no tab, no line end and no double space (most text nodes of a tidy
 * document) as a core and whether a space stands before and after it;
 * undefined for text that needs its white space collapsed.
 */
export function splitSimpleText(value: string): { lead: boolean; core: string; trail: boolean } | undefined {
  // Native scans beat one regular expression with an alternation. Line ends are LF by now, but a
  // character reference (&#13;) can still put a CR in text.
  if (value.indexOf('\n') !== -1 || value.indexOf('  ') !== -1 || value.indexOf('\t') !== -1 || value.indexOf('\r') !== -1) return undefined;
  const lead = value.charCodeAt(0) === 0x20;
  const trail = value.length > 1 && value.charCodeAt(value.length - 1) === 0x20;
  return { lead, core: lead || trail ? value.slice(lead ? 1 : 0, trail ? -1 : undefined) : value, trail };
}

export class ReadingBuilder {
  private readonly parts: string[] = [];
  length = 0;
  private unitOpen = false;
  private anyUnit = false;
  private pending = NONE;
  private pendingRaw = '';
  private pendingOwner: XElement | undefined;
  private glued = false;
  private waiting: Span[] = [];
  private pointsBefore: Span[] = [];
  private pointsAfter: Span[] = [];
  /** `[start, end, element]` triples, flat, when segments are kept. */
  readonly segments: number[] | undefined;
  private lastOwner: XElement | undefined;

  /** `ownerIndex` numbers the elements characters come from; without it no segments are kept. */
  constructor(private readonly ownerIndex?: (owner: XElement) => number) {
    this.segments = ownerIndex ? [] : undefined;
  }

  /**
   * Text needing no collapsing (see `splitSimpleText`): at most a space before
   * and after a core that is already normalised. The walk splits it once for
   * both readings.
   */
  simpleText(lead: boolean, core: string, trail: boolean, owner: XElement): void {
    if (lead) this.whitespace(' ', owner, false);
    if (core !== '') this.chars(core, owner);
    if (trail) this.whitespace(' ', owner, false);
  }

  /** Text of a text node whose parent is `owner`. */
  text(value: string, owner: XElement, preserve: boolean): void {
    const simple = preserve ? undefined : splitSimpleText(value);
    if (simple) {
      this.simpleText(simple.lead, simple.core, simple.trail, owner);
      return;
    }
    let i = 0;
    XML_SPACE_RUN.lastIndex = 0;
    for (let m = XML_SPACE_RUN.exec(value); m; m = XML_SPACE_RUN.exec(value)) {
      if (m.index > i) this.chars(value.slice(i, m.index), owner);
      this.whitespace(m[0], owner, preserve);
      i = m.index + m[0].length;
    }
    if (i < value.length) this.chars(i === 0 ? value : value.slice(i), owner);
  }

  /** Characters that are not white space: text, a placeholder, a bracket. */
  chars(s: string, owner: XElement | undefined): void {
    if (!this.unitOpen) {
      if (this.anyUnit) this.write('\n\n', undefined);
      this.unitOpen = true;
      this.anyUnit = true;
      this.resolvePoints(this.pointsBefore);
    } else if (this.pending !== NONE) {
      this.resolvePoints(this.pointsBefore);
      this.write(this.pendingText(), this.pendingOwner);
    } else {
      this.resolvePoints(this.pointsBefore);
    }
    this.pending = NONE;
    this.pendingOwner = undefined;
    this.glued = false;
    this.resolvePoints(this.pointsAfter);
    if (this.waiting.length > 0) {
      for (const sp of this.waiting) sp.start = this.length;
      this.waiting = [];
    }
    this.write(s, owner);
  }

  /** White space from the XML (or a `space` element, or a line joined in "join" mode). */
  whitespace(ws: string, owner: XElement, preserve: boolean): void {
    if (this.glued) return;
    if (preserve) {
      if (this.pending === BREAK) {
        // After a line break, keep what starts a new line (its indentation), not the rest.
        const nl = ws.indexOf('\n');
        if (nl === -1) return;
        ws = ws.slice(nl);
      } else if (this.pending === RAW) {
        this.pendingRaw += ws;
        return;
      }
      this.pending = RAW;
      this.pendingRaw = ws;
      this.pendingOwner ??= owner;
      return;
    }
    if (this.pending === NONE) {
      this.pending = SPACE;
      this.pendingOwner = owner;
    }
  }

  /** A line break kept as `"\n"`: it replaces the white space on either side. */
  lineBreak(owner: XElement): void {
    this.pending = BREAK;
    this.pendingOwner = owner;
    this.glued = false;
  }

  /** A word goes on across a break (`break="no"`): no space here, and none from the white space that follows. */
  glue(): void {
    if (this.pending === SPACE || this.pending === RAW) {
      this.pending = NONE;
      this.pendingOwner = undefined;
    }
    this.glued = true;
  }

  /** Ends the current unit: its trailing white space goes, the next text starts a new unit. */
  endUnit(): void {
    this.resolvePoints(this.pointsBefore);
    this.resolvePoints(this.pointsAfter);
    this.pending = NONE;
    this.pendingOwner = undefined;
    this.glued = false;
    this.unitOpen = false;
  }

  open(): Span {
    const sp = { start: -1, end: -1 };
    this.waiting.push(sp);
    return sp;
  }

  close(sp: Span): void {
    if (sp.start !== -1) {
      sp.end = this.length;
      return;
    }
    // Spans nest, so an unresolved span closing is the last one waiting.
    const i = this.waiting.lastIndexOf(sp);
    if (i !== -1) this.waiting.splice(i, 1);
    (this.pending === NONE ? this.pointsBefore : this.pointsAfter).push(sp);
  }

  finish(): string {
    this.endUnit();
    for (const sp of this.waiting) sp.start = sp.end = this.length;
    this.waiting = [];
    return this.parts.join('');
  }

  /** The segments as triples. */
  segmentTriples(): [number, number, number][] {
    const out: [number, number, number][] = [];
    const s = this.segments ?? [];
    for (let i = 0; i < s.length; i += 3) out.push([s[i]!, s[i + 1]!, s[i + 2]!]);
    return out;
  }

  private pendingText(): string {
    if (this.pending === SPACE) return ' ';
    if (this.pending === BREAK) return '\n';
    return this.pendingRaw.replace(/\n[ \t\n]*\n/g, '\n');
  }

  private resolvePoints(points: Span[]): void {
    if (points.length === 0) return;
    for (const sp of points) sp.start = sp.end = this.length;
    points.length = 0;
  }

  private write(s: string, owner: XElement | undefined): void {
    this.parts.push(s);
    const segs = this.segments;
    if (segs && owner !== undefined) {
      const n = segs.length;
      if (owner === this.lastOwner && n > 0 && segs[n - 2] === this.length) {
        segs[n - 2] = this.length + s.length;
      } else {
        segs.push(this.length, this.length + s.length, owner.tableIndex >= 0 ? owner.tableIndex : this.ownerIndex!(owner));
      }
      this.lastOwner = owner;
    } else {
      this.lastOwner = undefined;
    }
    this.length += s.length;
  }
}
