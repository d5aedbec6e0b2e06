/**
 * What the recognisers hand to the rest of the pipeline: matches as half-open
 * UTF-16 offset ranges [start, end) into the normalised source text.
 * Recognisers never build TEI; the annotate stage turns matches into spans.
 */

/** A calendar date as three integers; month and day are 1-based. */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

export type CalendarName = 'gregorian' | 'julian';

export interface DateMatch {
  start: number;
  end: number;
  /** ISO 8601 Gregorian value for `@when`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  when: string;
  /** The calendar the text's own date is in. */
  calendar: CalendarName;
  /** For a Julian date: the date as printed, ISO-style (`@when-custom`). */
  whenCustom?: string;
  /** True when the year was not printed and was completed from the document's date. */
  yearSupplied: boolean;
  /** Why the calendar was chosen, for diagnostics (`old-style marker "O.S."`, …). */
  calendarReason?: string;
}

export type EntityKind = 'person' | 'org' | 'place';

export interface NameMatch {
  start: number;
  end: number;
  /** The register entry's id (becomes `@ref="#id"`). */
  id: string;
  kind: EntityKind;
}
