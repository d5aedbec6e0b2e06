import type { EditionConfig } from '../config/types.js';
import { parseIsoDate } from '../recognise/calendar.js';
import { findDates } from '../recognise/dates.js';
import type { YMD } from '../recognise/types.js';

/**
 * The dates the encoder finds by itself in the text, as [start, end) offsets
 * of the text as given, found by the encoder's own recogniser with the
 * document's date (as src/annotate/dates.ts gives it). Line breaks are read as
 * spaces, which keeps the offsets, as the encoder reads them within a
 * paragraph.
 */
export function recognisedDateRanges(text: string, config: EditionConfig): [number, number][] {
  const documentDate = parseIsoDate(config.metadata?.date?.when ?? '');
  const full = documentDate && documentDate.month !== undefined && documentDate.day !== undefined ? (documentDate as YMD) : undefined;
  const view = text.replace(/[\r\n]/g, ' ');
  return findDates(view, full ? { documentDate: full } : {}).map((d) => [d.start, d.end]);
}
