import { error, warning, type Diagnostic, type Place } from '../diagnostics.js';
import { NESTING, PRIORITY, type Span, type SpanKind } from './spans.js';

/**
 * Turns stand-off spans into a properly nested tree. This is the one place
 * where overlaps are resolved: a span that crosses a span of higher priority
 * is dropped with a warning (names, dates, omission marks), or refused with an
 * error (emendations the editor asked for). Whatever is dropped, the text is
 * kept, so the XML is well-formed and nothing of the source is lost.
 */

export interface SpanNode {
  span: Span;
  children: SpanNode[];
}

export interface NestResult {
  /** Top-level nodes in document order. */
  roots: SpanNode[];
  /** The spans that made it into the tree, in document order. */
  accepted: Span[];
  diagnostics: Diagnostic[];
}

export function nestSpans(spans: readonly Span[], describe: (offset: number) => string, placeAt: (offset: number) => Place): NestResult {
  const diagnostics: Diagnostic[] = [];
  const accepted = acceptNonCrossing(spans, describe, placeAt, diagnostics);
  return { roots: buildTree(accepted), accepted, diagnostics };
}

function crosses(a: Span, b: Span): boolean {
  return (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end);
}

/**
 * Whether `inner` lies inside `outer` but cuts into a part of it that cannot
 * hold markup: a gloss's brackets (its handler writes only what is between
 * them) or an omission mark's dots (kept whole in metamark).
 */
function breaksInto(outer: Span, inner: Span): boolean {
  if (inner.start === inner.end) {
    return outer.kind === 'omission' && inner.start > outer.start && inner.start < outer.end;
  }
  const inside = inner.start >= outer.start && inner.end <= outer.end && !(inner.start === outer.start && inner.end === outer.end);
  if (!inside) return false;
  if (outer.kind === 'gloss') return inner.start === outer.start || inner.end === outer.end;
  return outer.kind === 'omission';
}

function conflicts(a: Span, b: Span): boolean {
  return crosses(a, b) || breaksInto(a, b) || breaksInto(b, a);
}

/** Spans of one kind, sorted by start, with the longest one seen, so a crossing check looks at a short window. */
class SpanList {
  readonly items: Span[] = [];
  maxLength = 0;

  /** Some span in the list that crosses `c`, if any. */
  crossing(c: Span): Span | undefined {
    const items = this.items;
    // First item starting at or after c.end: nothing from there on can cross c.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.start < c.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const a = items[i]!;
      if (a.start < c.start - this.maxLength) break;
      if (conflicts(a, c)) return a;
    }
    return undefined;
  }

  add(s: Span): void {
    this.items.push(s);
    this.maxLength = Math.max(this.maxLength, s.end - s.start);
  }

  sort(): void {
    this.items.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function acceptNonCrossing(
  spans: readonly Span[],
  describe: (offset: number) => string,
  placeAt: (offset: number) => Place,
  diagnostics: Diagnostic[],
): Span[] {
  const ordered = [...spans].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  // One list per kind, in an array: this loop runs once per span, and a Map's
  // iterator would be an allocation each time.
  const lists: SpanList[] = [];
  const listOf = new Map<SpanKind, SpanList>();
  const accepted: Span[] = [];
  let currentPriority = -1;
  for (const span of ordered) {
    if (PRIORITY[span.kind] !== currentPriority) {
      // Spans of one priority never cross each other (the recognisers and the
      // emendation check see to that), so lists only need sorting between priorities.
      for (const l of lists) l.sort();
      currentPriority = PRIORITY[span.kind];
    }
    let winner: Span | undefined;
    for (let i = 0; i < lists.length && !winner; i++) winner = lists[i]!.crossing(span);
    if (winner) {
      diagnostics.push(crossingDiagnostic(span, winner, describe, placeAt));
      continue;
    }
    let list = listOf.get(span.kind);
    if (!list) {
      list = new SpanList();
      listOf.set(span.kind, list);
      lists.push(list);
    }
    list.add(span);
    accepted.push(span);
  }
  return accepted;
}

function label(span: Span): string {
  switch (span.kind) {
    case 'gloss':
      return 'bracketed gloss';
    case 'omission':
      return 'omission mark';
    case 'name':
      return `name (#${span.ref})`;
    case 'date':
      return 'date';
    case 'choice':
      return span.pair === 'sic-corr' ? 'emendation' : 'regularisation';
    case 'supplied':
      return 'supplied text';
    case 'lb':
      return 'line break';
  }
}

function crossingDiagnostic(loser: Span, winner: Span, describe: (offset: number) => string, placeAt: (offset: number) => Place): Diagnostic {
  const how = crosses(loser, winner) ? 'crosses' : 'cuts into the brackets or dots of';
  const message = `${label(loser)} at ${describe(loser.start)} ${how} the ${label(winner)} at ${describe(winner.start)}`;
  if (loser.kind === 'choice' || loser.kind === 'supplied') {
    return error('emendation-crosses', `${message}; an emendation must lie wholly inside or outside it`, { file: 'config', path: loser.path });
  }
  return warning('overlap-dropped', `${message}; the ${label(loser)} is not marked (its text is kept)`, { file: 'source', place: placeAt(loser.start) });
}

function buildTree(spans: Span[]): SpanNode[] {
  // Parents before children: earlier start, then longer, then the nesting order.
  // A zero-width span (an insertion) comes first at its offset, so it is never
  // placed inside a span that merely starts there.
  spans.sort(
    (a, b) =>
      a.start - b.start ||
      Number(b.start === b.end) - Number(a.start === a.end) ||
      b.end - a.end ||
      NESTING[a.kind] - NESTING[b.kind],
  );
  const roots: SpanNode[] = [];
  const stack: SpanNode[] = [];
  for (const span of spans) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!.span;
      if (top.end <= span.start) stack.pop();
      else break;
    }
    const node: SpanNode = { span, children: [] };
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    if (span.end > span.start) stack.push(node);
  }
  return roots;
}

