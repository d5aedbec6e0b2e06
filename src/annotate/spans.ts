import type { Cert } from '../config/types.js';
import type { DateMatch, EntityKind } from '../recognise/types.js';

/**
 * The stand-off model: the normalised source text never changes, and every
 * annotation is a span [start, end) over it. The inline TEI tree is derived
 * from these spans in one place (nest.ts), where overlaps are resolved.
 */

interface Base {
  start: number;
  end: number;
}

/** Square-bracketed editorial gloss; [start, end) includes the brackets. */
export interface GlossSpan extends Base {
  kind: 'gloss';
  resp?: string;
}

/** Dots or an ellipsis character marking an omission by the source's editor. */
export interface OmissionSpan extends Base {
  kind: 'omission';
}

export interface NameSpan extends Base {
  kind: 'name';
  entity: EntityKind;
  ref: string;
}

export interface DateSpan extends Base, Omit<DateMatch, 'start' | 'end'> {
  kind: 'date';
}

/** sic/corr or orig/reg: the source's reading over [start, end), the editor's in `edited`. */
export interface ChoiceSpan extends Base {
  kind: 'choice';
  pair: 'sic-corr' | 'orig-reg';
  edited: string;
  resp?: string;
  cert?: Cert;
  type?: string;
  /** Where the entry is in the config, for diagnostics. */
  path: string;
}

/** Text the source lacks; start = end, the insertion point. */
export interface SuppliedSpan extends Base {
  kind: 'supplied';
  text: string;
  reason: string;
  resp?: string;
  cert?: Cert;
  path: string;
}

/** A line break kept from the source: the LF character at [start, start + 1). */
export interface LineBreakSpan extends Base {
  kind: 'lb';
  /** The line ends in a hyphen inside a word: `lb break="no"`. */
  noBreak?: boolean;
}

export type Span = GlossSpan | OmissionSpan | NameSpan | DateSpan | ChoiceSpan | SuppliedSpan | LineBreakSpan;
export type SpanKind = Span['kind'];

/**
 * Who wins when spans cross: the lower number. Structural marks of the source
 * come first, then the editor's explicit emendations, then what teikit found by
 * itself; a crossing loser is dropped with a warning (or, for an emendation,
 * refused with an error: the editor asked for it explicitly).
 */
export const PRIORITY: Record<SpanKind, number> = {
  gloss: 0,
  omission: 1,
  choice: 2,
  supplied: 2,
  name: 3,
  date: 4,
  lb: 5,
};

/**
 * Which wraps which when two spans cover exactly the same text: a name over
 * exactly an emendation wraps the `choice`, so the name stays one element.
 */
export const NESTING: Record<SpanKind, number> = {
  name: 0,
  date: 1,
  choice: 2,
  // A gloss writes only what lies between its brackets, so a span covering
  // exactly the bracketed text, brackets and all, must wrap it.
  gloss: 3,
  omission: 4,
  supplied: 5,
  lb: 6,
};
