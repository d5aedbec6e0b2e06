import { error, type Diagnostic } from '../diagnostics.js';
import { offsetOf, type SourceLine } from '../source/lines.js';
import type { NormalisedText } from '../source/normalise.js';
import type { Anchor } from '../config/types.js';
import { compileLiterals, type LiteralHits } from './literal-automaton.js';
import { onWordBoundaries } from '../source/word-chars.js';

/**
 * Finds where each config entry applies. An entry says where by a short
 * `context` with the target in brackets ("power [he] left"), by `at`
 * ("23:7" in the source file), or by its own text alone. Whichever it uses, it
 * must pick exactly one place: an anchor that matches nowhere or twice is an
 * error naming the entry, never a guess.
 */

export interface AnchorRequest {
  anchor: Anchor;
  /** The text the target must read in the source ("" for an insertion point). */
  target: string;
  /** Match every occurrence instead of exactly one (regularisations with `every`). */
  every?: boolean;
  /** JSON path of the entry, for diagnostics (`/emendations/3`). */
  path: string;
  /** What to call the entry in messages (`emendation "he" → "be"`). */
  label: string;
}

export interface AnchorContext {
  /** The normalised text. */
  normalised: NormalisedText;
  /** The normalised text with kept line breaks read as spaces (same length): anchors are written with spaces. */
  view: string;
  /** The LF-normalised source and its lines, for `at` anchors. */
  source: string;
  lines: readonly SourceLine[];
  /** Normalised offset → "line:col" in the source, for listing ambiguous matches. */
  describe: (offset: number) => string;
  /** Finds every occurrence of distinct literals in the text (the view with LFs as spaces); see SharedScan. */
  scan?: (literals: readonly string[]) => LiteralHits;
}

/** Each request's target ranges [start, end) in the normalised text (empty on error). */
export function resolveAnchors(requests: readonly AnchorRequest[], ctx: AnchorContext): { ranges: [number, number][][]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ranges: [number, number][][] = requests.map(() => []);
  const view = ctx.view;

  const literalRequests: { index: number; literal: string; offset: number; length: number }[] = [];
  requests.forEach((req, index) => {
    const { anchor } = req;
    if (anchor.at !== undefined) {
      const range = resolveAt(req, ctx, diagnostics);
      if (range) ranges[index]!.push(range);
      return;
    }
    const parsed = anchor.context !== undefined ? parseContext(anchor.context, req, diagnostics) : { literal: collapse(req.target), offset: 0, length: collapse(req.target).length };
    if (parsed) literalRequests.push({ index, ...parsed });
  });

  // One automaton over every distinct literal: a thousand anchors cost one pass over the text.
  const distinct = [...new Set(literalRequests.map((r) => r.literal))];
  const indexOf = new Map(distinct.map((l, i) => [l, i]));
  const hitsByLiteral: number[][] = distinct.map(() => []);
  const found = distinct.length === 0 ? { starts: [], ends: [], literals: [] } : ctx.scan ? ctx.scan(distinct) : compileLiterals(distinct).findAll(view);
  for (let k = 0; k < found.starts.length; k++) hitsByLiteral[found.literals[k]!]!.push(found.starts[k]!);
  for (const hits of hitsByLiteral) hits.sort((a, b) => a - b);
  literalRequests.forEach((lr) => {
    const req = requests[lr.index]!;
    const hits = hitsByLiteral[indexOf.get(lr.literal)!]!;
    if (hits.length === 0) {
      diagnostics.push(
        error('anchor-not-found', `${req.label}: ${describeAnchor(req)} matches nowhere in the text`, {
          file: 'config',
          path: req.path + (req.anchor.context !== undefined ? '/context' : ''),
          hint: 'anchors match the text after whitespace normalisation, case-sensitively, on word boundaries',
        }),
      );
      return;
    }
    if (hits.length > 1 && !req.every) {
      const where = hits.slice(0, 5).map(ctx.describe).join(', ') + (hits.length > 5 ? `, … (${hits.length} in all)` : '');
      diagnostics.push(
        error('anchor-ambiguous', `${req.label}: ${describeAnchor(req)} matches ${hits.length} places (${where})`, {
          file: 'config',
          path: req.path + (req.anchor.context !== undefined ? '/context' : ''),
          hint: 'give a longer "context" or an "at": "line:column"',
        }),
      );
      return;
    }
    for (const at of hits) {
      const start = at + lr.offset;
      const range: [number, number] = [start, start + lr.length];
      if (checkTarget(req, view, range, diagnostics)) ranges[lr.index]!.push(range);
    }
  });
  return { ranges, diagnostics };
}

function describeAnchor(req: AnchorRequest): string {
  if (req.anchor.context !== undefined) return `context ${JSON.stringify(req.anchor.context)}`;
  return `text ${JSON.stringify(req.target)}`;
}

// Only the whitespace normalisation rewrites (ASCII blanks and line breaks): a
// no-break or ideographic space is text, and must match itself.
function collapse(s: string): string {
  return s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '').replace(/[ \t\n\r\f\v]+/g, ' ');
}

/** "power [he] left" → literal "power he left", target at 6..8. Backslash escapes a bracket. */
function parseContext(context: string, req: AnchorRequest, diagnostics: Diagnostic[]): { literal: string; offset: number; length: number } | undefined {
  let literal = '';
  let open = -1;
  let close = -1;
  const source = collapse(context);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && (source[i + 1] === '[' || source[i + 1] === ']' || source[i + 1] === '\\')) {
      literal += source[++i];
    } else if (c === '[' && open === -1) {
      open = literal.length;
    } else if (c === ']' && open !== -1 && close === -1) {
      close = literal.length;
    } else {
      literal += c;
    }
  }
  const path = `${req.path}/context`;
  if (open !== -1 && close === -1) {
    diagnostics.push(error('context-syntax', `${req.label}: context has "[" without "]"`, { file: 'config', path, hint: 'write \\[ for a literal bracket' }));
    return undefined;
  }
  if (open === -1) {
    if (req.target === '') {
      diagnostics.push(error('context-syntax', `${req.label}: context must mark the insertion point with "[]", as in "at [] costs"`, { file: 'config', path }));
      return undefined;
    }
    // No brackets: the target must stand in the context exactly once.
    const target = collapse(req.target);
    const first = literal.indexOf(target);
    if (first === -1 || literal.indexOf(target, first + 1) !== -1) {
      diagnostics.push(
        error('context-syntax', `${req.label}: context must contain ${JSON.stringify(target)} exactly once, or mark it in brackets`, { file: 'config', path }),
      );
      return undefined;
    }
    return { literal, offset: first, length: target.length };
  }
  if (open === close && literal[open - 1] === ' ' && literal[open] === ' ') {
    // "at [] costs": the point is before "costs", and the literal reads "at costs".
    literal = literal.slice(0, open) + literal.slice(open + 1);
  }
  const marked = literal.slice(open, close);
  if (marked !== collapse(req.target)) {
    diagnostics.push(
      error('context-mismatch', `${req.label}: the bracketed part of the context reads ${JSON.stringify(marked)}, expected ${JSON.stringify(collapse(req.target))}`, {
        file: 'config',
        path,
      }),
    );
    return undefined;
  }
  return { literal, offset: open, length: close - open };
}

function resolveAt(req: AnchorRequest, ctx: AnchorContext, diagnostics: Diagnostic[]): [number, number] | undefined {
  const [line, column] = req.anchor.at!.split(':').map(Number) as [number, number];
  const path = `${req.path}/at`;
  const srcOffset = offsetOf(ctx.source, ctx.lines, line, column);
  const start = srcOffset === undefined ? undefined : ctx.normalised.map.fromSource(srcOffset);
  if (start === undefined) {
    diagnostics.push(
      error('anchor-not-found', `${req.label}: ${req.anchor.at} is not a character of the text (past the end of the line, or whitespace)`, { file: 'config', path }),
    );
    return undefined;
  }
  const text = ctx.normalised.text;
  const target = collapse(req.target);
  const range: [number, number] = [start, start + target.length];
  const view = text.slice(start, start + target.length).replace(/\n/g, ' ');
  if (view !== target) {
    diagnostics.push(
      error('anchor-mismatch', `${req.label}: at ${req.anchor.at} the text reads ${JSON.stringify(view)}, not ${JSON.stringify(target)}`, { file: 'config', path }),
    );
    return undefined;
  }
  return range;
}

function checkTarget(req: AnchorRequest, view: string, range: [number, number], diagnostics: Diagnostic[]): boolean {
  // An insertion point, or a target inside a context: boundaries of the context were checked; the target
  // itself must not cut a word in two, or the edition would mark half a word.
  if (req.target === '') return true;
  if (onWordBoundaries(view, range[0], range[1])) return true;
  diagnostics.push(
    error('anchor-splits-word', `${req.label}: the target ${JSON.stringify(req.target)} is part of a longer word there`, {
      file: 'config',
      path: req.path,
    }),
  );
  return false;
}
