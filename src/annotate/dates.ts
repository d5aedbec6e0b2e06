import { error, type Diagnostic } from '../diagnostics.js';
import type { EditionConfig } from '../config/types.js';
import { resolveAnchors, type AnchorContext } from '../recognise/anchors.js';
import { formatIsoDate, julianToGregorian, parseIsoDate } from '../recognise/calendar.js';
import { findDates } from '../recognise/dates.js';
import type { YMD } from '../recognise/types.js';
import type { DateSpan } from './spans.js';

/**
 * Dates found in the text, corrected by the config's `dates` hints: a hint can
 * say a date is Julian, give its value, or say that something is not a date.
 */
export function collectDates(config: EditionConfig, ctx: AnchorContext): { spans: DateSpan[]; diagnostics: Diagnostic[] } {
  const { view, normalised } = ctx;
  const documentDate = parseIsoDate(config.metadata?.date?.when ?? '');
  const full = documentDate && documentDate.month !== undefined && documentDate.day !== undefined ? (documentDate as YMD) : undefined;
  const found = findDates(view, full ? { documentDate: full } : {});
  // A date must lie inside one unit: "November\n\n6" is two paragraphs, not a date.
  const units = normalised.units;
  let u = 0;
  const spans: DateSpan[] = [];
  for (const d of found) {
    while (u < units.length && units[u]!.end < d.start) u++;
    const unit = units[u];
    if (unit && d.start >= unit.start && d.end <= unit.end) spans.push({ kind: 'date', ...d });
  }

  const hints = config.dates ?? [];
  if (hints.length === 0) return { spans, diagnostics: [] };
  const { ranges, diagnostics } = resolveAnchors(
    hints.map((h, i) => ({ anchor: h, target: h.context !== undefined ? bracketed(h.context) : '', path: `/dates/${i}`, label: 'date hint' })),
    ctx,
  );
  hints.forEach((hint, i) => {
    const range = ranges[i]![0];
    if (!range) return;
    let [start, end] = range;
    // An `at` hint points at one character; it refers to the recognised date there.
    const index = spans.findIndex((s) => (start === end ? s.start <= start && start < s.end : s.start < end && start < s.end));
    const recognised = index === -1 ? undefined : spans[index];
    if (index !== -1) spans.splice(index, 1);
    if (hint.ignore) return;
    if (start === end) {
      if (!recognised) {
        diagnostics.push(
          error('date-hint', `no date is recognised at ${hint.at}; mark the date's text with a "context" instead`, { file: 'config', path: `/dates/${i}/at` }),
        );
        return;
      }
      [start, end] = [recognised.start, recognised.end];
    }
    const printed = hint.value ?? (recognised ? (recognised.whenCustom ?? recognised.when) : undefined);
    if (printed === undefined) {
      diagnostics.push(
        error('date-hint', `no date is recognised at ${ctx.describe(start)}; give its "value"`, { file: 'config', path: `/dates/${i}` }),
      );
      return;
    }
    spans.push(dateSpan(start, end, printed, hint.calendar ?? recognised?.calendar ?? 'gregorian', recognised?.yearSupplied ?? false));
  });
  spans.sort((a, b) => a.start - b.start);
  return { spans, diagnostics };
}

// With `at`, a hint's target is whatever stands there; with a context, the bracketed part.
function bracketed(context: string): string {
  const m = /\[([^\]]*)\]/.exec(context);
  return m ? m[1]! : context;
}

function dateSpan(start: number, end: number, printed: string, calendar: 'gregorian' | 'julian', yearSupplied: boolean): DateSpan {
  const parsed = parseIsoDate(printed);
  if (calendar === 'julian' && parsed && parsed.month !== undefined && parsed.day !== undefined) {
    const gregorian = julianToGregorian(parsed as YMD);
    return { kind: 'date', start, end, calendar, when: formatIsoDate(gregorian), whenCustom: printed, yearSupplied, calendarReason: 'edition config' };
  }
  return { kind: 'date', start, end, calendar: 'gregorian', when: printed, yearSupplied };
}
