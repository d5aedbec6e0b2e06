import type { SpanNode } from '../annotate/nest.js';
import type { Span } from '../annotate/spans.js';
import { codePointBefore } from '../source/word-chars.js';
import { childNodes, el, type Child, type XmlNode } from './xml-tree.js';

/**
 * One small handler per span kind turns a nested span into TEI. The handlers
 * live in a table so that a caller may replace one (say, to write `rs` instead
 * of `persName`) without touching the rest of the pipeline.
 */

export interface InlineContext {
  /** The normalised text the spans point into. */
  text: string;
  /** Writes the text and nested spans of [start, end) — what a handler calls for its content. */
  content: (start: number, end: number, children: readonly SpanNode[]) => XmlNode[];
  /** Whether the document has Julian dates, so Gregorian ones say their calendar too. */
  dualCalendars: boolean;
}

export type InlineHandler<K extends Span['kind']> = (span: Extract<Span, { kind: K }>, children: readonly SpanNode[], ctx: InlineContext) => Child;

export type InlineHandlers = { [K in Span['kind']]: InlineHandler<K> };

const ref = (id: string | undefined): string | undefined => (id === undefined ? undefined : `#${id}`);

const NAME_ELEMENT = { person: 'persName', org: 'orgName', place: 'placeName' } as const;

export const defaultHandlers: InlineHandlers = {
  gloss: (span, children, ctx) =>
    // The brackets are the source's, and `rend` records them, so a reader can print them back.
    el('note', { type: 'gloss', place: 'inline', resp: ref(span.resp), rend: 'brackets' }, ctx.content(span.start + 1, span.end - 1, children)),

  omission: (span, _children, ctx) => el('ellipsis', {}, el('metamark', {}, ctx.text.slice(span.start, span.end))),

  name: (span, children, ctx) => el(NAME_ELEMENT[span.entity], { ref: `#${span.ref}` }, ctx.content(span.start, span.end, children)),

  date: (span, children, ctx) =>
    el(
      'date',
      span.calendar === 'julian'
        ? {
            calendar: '#julian',
            when: span.when,
            'when-custom': span.whenCustom,
            datingMethod: '#julian',
            // The year was not printed: it comes from the document's own date.
            evidence: span.yearSupplied ? 'internal' : undefined,
          }
        : { calendar: ctx.dualCalendars ? '#gregorian' : undefined, when: span.when, evidence: span.yearSupplied ? 'internal' : undefined },
      ctx.content(span.start, span.end, children),
    ),

  choice: (span, children, ctx) => {
    const source = ctx.content(span.start, span.end, children);
    const attrs = { resp: ref(span.resp), cert: span.cert, type: span.type };
    return span.pair === 'sic-corr'
      ? el('choice', {}, el('sic', {}, source), el('corr', attrs, span.edited))
      : el('choice', {}, el('orig', {}, source), el('reg', { resp: attrs.resp, cert: attrs.cert }, span.edited));
  },

  supplied: (span, _children, ctx) => {
    // The insertion point sits at one side of a space ("at |costs"); a space on
    // the other side keeps the supplied word apart from a neighbouring letter or
    // digit in the edited reading. It is whitespace only, so the source reading
    // is unchanged after normalisation.
    const { text } = ctx;
    const at = span.start;
    // The start or end of the text counts as a space.
    const edge = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\n';
    const letterOrDigit = (cp: number): boolean => /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(cp));
    const wordBefore = at > 0 && letterOrDigit(codePointBefore(text, at));
    const wordAfter = at < text.length && letterOrDigit(text.codePointAt(at)!);
    const element = el('supplied', { reason: span.reason, resp: ref(span.resp), cert: span.cert }, span.text);
    if (edge(text[at - 1]) && wordAfter) return [element, ' '];
    if (edge(text[at]) && wordBefore) return [' ', element];
    return element;
  },

  // The LF stays in the text and `lb` marks it, so the XML keeps the source's layout readable.
  lb: (span) => ['\n', el('lb', { break: span.noBreak ? 'no' : undefined })],
};

/** Text of [start, end) with the nested spans in it turned into TEI. */
export function inlineContent(
  text: string,
  start: number,
  end: number,
  nodes: readonly SpanNode[],
  handlers: InlineHandlers,
  dualCalendars: boolean,
): XmlNode[] {
  const ctx: InlineContext = {
    text,
    dualCalendars,
    content: (s, e, children) => write(s, e, children),
  };
  function write(s: number, e: number, children: readonly SpanNode[]): XmlNode[] {
    const out: Child[] = [];
    let pos = s;
    for (const node of children) {
      const span = node.span;
      if (span.start > pos) out.push(text.slice(pos, span.start));
      const handler = handlers[span.kind] as InlineHandler<typeof span.kind>;
      out.push(handler(span as never, node.children, ctx));
      pos = Math.max(pos, span.end);
    }
    if (pos < e) out.push(text.slice(pos, e));
    return childNodes(out);
  }
  return write(start, end, nodes);
}
