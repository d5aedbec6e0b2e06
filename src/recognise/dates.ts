/**
 * English calendar dates in running text: "6 November 1917", "Nov. 6th",
 * "the 6th of November", "November 1917", "1917-11-06".
 *
 * One global regex finds every candidate in a single pass; all the judgement
 * (valid day, calendar, missing year) happens afterwards on the few
 * candidates, so the cost per megabyte is the regex scan and little else. The
 * pattern can only start at a digit or at one of eight capital letters, which
 * keeps V8's scan fast, and no two of its quantifiers can share out the same
 * characters, so a failed attempt costs at most one pass over a whitespace run.
 */

import {
  formatIsoDate,
  gregorianToJdn,
  gregorianToJulian,
  isValidDate,
  julianToGregorian,
  julianToJdn,
} from './calendar.js';
import type { CalendarName, DateMatch, YMD } from './types.js';

export interface FindDatesOptions {
  /** The document's own date (Gregorian), used to complete a year the text omits. */
  documentDate?: YMD;
  /** Default calendar of dates printed without a marker. */
  defaultCalendar?: CalendarName;
}

// Month names are matched case-sensitively in Title or UPPER case: a lower-case
// "may" or "march" is nearly always the verb, and leaving out the `i` flag
// keeps the regex's first-character filter to eight letters instead of sixteen.
const FULL_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
// "Sept" before "Sep" so the dot in "Sept." is reached.
const ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'];

// Month numbers keyed by the first three letters folded to lower case, packed
// into one integer so that looking a name up allocates no string.
function lowerKey(a: number, b: number, c: number): number {
  return ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
}
const MONTH_BY_KEY = new Map(
  FULL_MONTHS.map((name, i) => [lowerKey(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2)), i + 1] as const),
);

// Nothing may stand glued to the front of a date: no "6 November" in
// "A6 November", no "17 November" in "2017 November". The check sits after
// the first character of each branch, because a lookbehind at the very start
// of the pattern runs at every position of the text and halves the speed of
// the scan.
const NOTHING_BEFORE = '(?<![\\p{L}\\p{N}].)';

// Factoring the alternatives by initial lets the engine reject a capital that
// starts no month after one character comparison.
function byInitial(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    for (const form of [word, word.toUpperCase()]) {
      const rest = groups.get(form[0]!) ?? [];
      rest.push(form.slice(1));
      groups.set(form[0]!, rest);
    }
  }
  return [...groups].map(([initial, rests]) => `${initial}${NOTHING_BEFORE}(?:${rests.join('|')})`).join('|');
}

// A full name may not take a dot: in "in November. 6 people" the dot ends a sentence.
const MONTH = `(?:${byInitial(FULL_MONTHS)}|(?:${byInitial(ABBREVIATIONS)})\\.?)(?!\\p{L})`;
// At least one space, at most one line break: a date may wrap inside a unit
// but never spans the blank line between units.
const SP = '(?=\\s)[^\\S\\n]*(?:\\n[^\\S\\n]*)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '[1-9]\\d{3}(?!\\p{N})';

// No capture groups: the few candidates are taken apart by `readCandidate`,
// which is cheaper than letting every match allocate its group strings.
const DATE_SOURCE =
  // "1917-11-06"
  `\\d${NOTHING_BEFORE}\\d{3}-\\d\\d-\\d\\d(?!\\p{N}|-\\p{N})` +
  // "6 November 1917", "6th of Nov."
  `|\\d${NOTHING_BEFORE}\\d?${ORDINAL}(?:${SP}of)?${SP}${MONTH}(?:,?${SP}${YEAR})?` +
  // "November 6, 1917", "Nov. 6th", "November 1917"
  `|${MONTH}(?:${SP}\\d\\d?${ORDINAL}(?![\\p{L}\\p{N}])(?:,?${SP}${YEAR})?|,?${SP}${YEAR})`;

const DATE_RE = new RegExp(DATE_SOURCE, 'gu');

// Markers of the old and the new style. "Julian" and "Gregorian" alone are
// also personal names ("On 5 May Julian left"), so they count only before a
// word like "calendar" or alone in brackets.
const CALENDAR_WORD = '(?:calendar|style|reckoning|dating|date)';
const OLD_MARKER =
  `old[\\s-]+style(?:\\s+calendar)?|old\\s+calendar|o\\.\\s?s\\.|julian\\s+${CALENDAR_WORD}|[(\\[]julian[)\\]]`;
const NEW_MARKER =
  `new[\\s-]+style(?:\\s+calendar)?|new\\s+calendar|n\\.\\s?s\\.|gregorian\\s+${CALENDAR_WORD}|[(\\[]gregorian[)\\]]`;
const MARKER = `(?<![\\p{L}\\p{N}])(?:(${OLD_MARKER})|(${NEW_MARKER}))(?!\\p{L})`;

// What may end a date's clause: sentence punctuation before a space, a blank
// line, or a bracket (tracked for nesting). Markers come first so the dots
// inside "O.S." are not taken for a full stop.
const CLAUSE_TOKEN_RE = new RegExp(`${MARKER}|([.;!?])(?=\\s|$)|(\\n\\n)|([(\\[])|([)\\]])`, 'giu');
const MARKER_BEFORE_RE = new RegExp(`${MARKER}[)\\]]?:?\\s*$`, 'iu');
const OPEN_BETWEEN_RE = /^\s*[([]\s*$/;
/** Longest run of spaces and one bracket that may separate parallel dates; spares a slice per date. */
const MAX_BRACKET_GAP = 8;
const YEAR_AFTER_CLOSE_RE = /\s*[)\]]\s*,?\s*([1-9]\d{3})(?!\d)/y;

/** How far after a date an old- or new-style marker may begin and still belong to it. */
const MARKER_REACH = 60;
/** How far before a date a marker may end ("old style 24 October"). */
const MARKER_BEFORE_REACH = 40;

interface Marker {
  calendar: CalendarName;
  text: string;
  start: number;
  end: number;
  /** Brackets opened after the preceding date and still open at the marker. */
  depth: number;
}

interface Candidate {
  start: number;
  end: number;
  month: number;
  /** Undefined for a month-precision date ("November 1917"). */
  day: number | undefined;
  /** As printed; undefined when the text leaves it out. */
  year: number | undefined;
  after: Marker | undefined;
  before: Marker | undefined;
  /** Set once the date has been resolved as one of a parallel pair. */
  result: DateMatch | undefined;
}

/**
 * Dates in `text`, in text order and never overlapping. A date without a
 * printed year gets one from `documentDate` (the nearest of the year before,
 * of and after it), or else a `--MM-DD` value. A date is Julian when an
 * old-style marker stands next to it in its clause, when a bracketed date
 * right after it is its Gregorian counterpart, or by `defaultCalendar`; a
 * Julian date whose year cannot be known is left out, since its Gregorian
 * `when` cannot be computed.
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMatch[] {
  const candidates = scan(text);
  if (candidates.length === 0) return [];
  attachMarkers(text, candidates);
  const defaultCalendar = options.defaultCalendar ?? 'gregorian';
  const anchor = options.documentDate && anchorOf(options.documentDate);
  resolveParallels(text, candidates, anchor);
  const out: DateMatch[] = [];
  for (const c of candidates) {
    const match = c.result ?? resolveSingle(c, defaultCalendar, anchor);
    if (match) out.push(match);
  }
  return out;
}

function scan(text: string): Candidate[] {
  const found: Candidate[] = [];
  const re = DATE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const c = readCandidate(text, m.index, m.index + m[0].length);
    if (c) found.push(c);
  }
  return found;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** The number written by the digits from `at`, and where they end. */
function digitsAt(text: string, at: number): { value: number; end: number } {
  let value = 0;
  let i = at;
  for (; isDigit(text.charCodeAt(i)); i++) value = value * 10 + text.charCodeAt(i) - 0x30;
  return { value, end: i };
}

function monthAt(text: string, at: number): number {
  return MONTH_BY_KEY.get(lowerKey(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2))) ?? 0;
}

/**
 * Takes apart a match of {@link DATE_RE}, whose shape is already known: it
 * starts with the ISO year, the day or the month name, and a printed year is
 * always its last four characters.
 */
function readCandidate(text: string, start: number, end: number): Candidate | undefined {
  let month: number;
  let day: number | undefined;
  let year: number | undefined;
  const first = digitsAt(text, start);
  if (first.end - start === 4) {
    year = first.value;
    month = digitsAt(text, start + 5).value;
    day = digitsAt(text, start + 8).value;
  } else if (first.end > start) {
    day = first.value;
    let i = first.end;
    // Past the ordinal suffix and "of", which are lower case, to the month.
    while (!isCapital(text.charCodeAt(i))) i++;
    month = monthAt(text, i);
    if (isDigit(text.charCodeAt(end - 1))) year = digitsAt(text, end - 4).value;
  } else {
    month = monthAt(text, start);
    let i = start + 3;
    while (!isDigit(text.charCodeAt(i))) i++;
    const number = digitsAt(text, i);
    if (number.end - i === 4) year = number.value;
    else {
      day = number.value;
      if (number.end < end && isDigit(text.charCodeAt(end - 1))) year = digitsAt(text, end - 4).value;
    }
  }
  // The calendar is not known yet, so accept a day either calendar allows (a
  // leap year stands in for a missing one); 29 February 1700 is checked again
  // once the calendar is settled.
  if (month < 1 || month > 12) return undefined;
  if (day !== undefined && !isValidDate({ year: year ?? 4, month, day }, 'julian')) return undefined;
  return { start, end, month, day, year, after: undefined, before: undefined, result: undefined };
}

function attachMarkers(text: string, candidates: Candidate[]): void {
  // End of the last window known to hold no marker, so that in dense text the
  // stretch before a date, already searched after the previous one, is not
  // searched again.
  let clearUpTo = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    // Guarded reads: an index outside the array makes V8 drop its optimised code.
    const prev = i > 0 ? candidates[i - 1] : undefined;
    const next = i + 1 < candidates.length ? candidates[i + 1] : undefined;
    if (clearUpTo < c.start) {
      c.before = markerBefore(text, Math.max(c.start - MARKER_BEFORE_REACH, prev?.end ?? 0), c.start);
    }
    const to = Math.min(c.end + MARKER_REACH + 30, next?.start ?? text.length);
    const window = text.slice(c.end, to);
    if (MARKER_HINT_RE.test(window)) c.after = markerAfter(window, c.end);
    else clearUpTo = to;
    if (prev?.after && c.before && prev.after.start === c.before.start) {
      // One marker between two dates: "24 October O.S. 6 November" gives it to
      // the first, but "1 January (O.S. 21 December)" to the date sharing its
      // bracket, and "(O.S.) 6 November" back to the first once the bracket closes.
      const closedBetween = /[)\]]/.test(text.slice(c.before.end, c.start));
      if (!closedBetween && prev.after.depth > 0) prev.after = undefined;
      else c.before = undefined;
    }
  }
}

// Every marker holds one of these words. Few dates carry a marker, so this
// test, spelled case-insensitively by hand because that leaves V8 a faster
// scan than the `i` flag, spares the marker regex nearly every window.
const MARKER_HINT_RE =
  /\.\s?[sS]\.|[sS][tT][yY][lL][eE]|[cC][aA][lL][eE][nN][dD][aA][rR]|[jJ][uU][lL][iI][aA][nN]|[gG][rR][eE][gG][oO][rR][iI][aA][nN]/;

/** The first marker in `window`, the text after a date starting at offset `from`, if it is in the date's clause. */
function markerAfter(window: string, from: number): Marker | undefined {
  const re = CLAUSE_TOKEN_RE;
  re.lastIndex = 0;
  let depth = 0;
  for (let m = re.exec(window); m !== null && m.index <= MARKER_REACH; m = re.exec(window)) {
    if (m[1] !== undefined || m[2] !== undefined) {
      return {
        calendar: m[1] !== undefined ? 'julian' : 'gregorian',
        text: m[0],
        start: from + m.index,
        end: from + m.index + m[0].length,
        depth,
      };
    }
    if (m[3] !== undefined || m[4] !== undefined) return undefined;
    if (m[5] !== undefined) depth++;
    else if (depth === 0) return undefined; // closes a bracket the date stands in
    else depth--;
  }
  return undefined;
}

function markerBefore(text: string, from: number, to: number): Marker | undefined {
  if (to <= from) return undefined;
  const window = text.slice(from, to);
  if (!MARKER_HINT_RE.test(window)) return undefined;
  const m = MARKER_BEFORE_RE.exec(window);
  if (!m) return undefined;
  const marker = m[1] ?? m[2]!;
  return {
    calendar: m[1] !== undefined ? 'julian' : 'gregorian',
    text: marker,
    start: from + m.index,
    end: from + m.index + marker.length,
    depth: 0,
  };
}

function markerOf(c: Candidate): Marker | undefined {
  return c.before ?? c.after;
}

function markerReason(marker: Marker): string {
  return `marker "${marker.text.replace(/\s+/g, ' ')}"`;
}

/**
 * "24 October (6 November) 1917", "November 6 (October 24 by the old-style
 * calendar)": a date in brackets straight after another that is its exact
 * Julian/Gregorian counterpart settles the calendar of both.
 */
function resolveParallels(text: string, candidates: Candidate[], anchor: Anchor | undefined): void {
  for (let i = 0; i + 1 < candidates.length; i++) {
    const a = candidates[i]!;
    const b = candidates[i + 1]!;
    if (a.result || a.day === undefined || b.day === undefined) continue;
    if (b.start - a.end > MAX_BRACKET_GAP || !OPEN_BETWEEN_RE.test(text.slice(a.end, b.start))) continue;
    let tailYear: number | undefined;
    if (b.year === undefined) {
      YEAR_AFTER_CLOSE_RE.lastIndex = b.end;
      const m = YEAR_AFTER_CLOSE_RE.exec(text);
      if (m) tailYear = Number(m[1]);
    }
    // A year after the brackets is the bracketed date's own; the other date's
    // follows from the conversion, which matters at the turn of the year.
    const bYear = b.year ?? tailYear;
    const aMark = markerOf(a)?.calendar;
    const bMark = markerOf(b)?.calendar;
    let pair: Pair | undefined;
    if (aMark !== 'gregorian' && bMark !== 'julian') pair = pairUp(a, a.year, b, bYear, anchor);
    if (pair) {
      a.result = julianMember(a, pair);
      b.result = gregorianMember(b, pair);
    } else if (aMark !== 'julian' && bMark !== 'gregorian') {
      pair = pairUp(b, bYear, a, a.year, anchor);
      if (pair) {
        a.result = gregorianMember(a, pair);
        b.result = julianMember(b, pair);
      }
    }
    if (pair) i++;
  }
}

interface Pair {
  /** Both undefined when no year is known at all: then only month and day are compared. */
  julian: YMD | undefined;
  gregorian: YMD | undefined;
  jul: { month: number; day: number };
  greg: { month: number; day: number };
  yearSupplied: boolean;
}

// Years that between them give every Julian-Gregorian gap from 1582 to 2100
// (10 to 13 days) in leap and common years, for pairs that print no year.
const SAMPLE_YEARS = [1600, 1601, 1700, 1701, 1704, 1800, 1801, 1804, 1900, 1901, 1904, 2000, 2001];

/** Whether `jul`, read as Julian, and `greg`, read as Gregorian, are the same day; years as printed, if at all. */
function pairUp(
  jul: Candidate,
  julYear: number | undefined,
  greg: Candidate,
  gregYear: number | undefined,
  anchor: Anchor | undefined,
): Pair | undefined {
  const jMonthDay = { month: jul.month, day: jul.day! };
  const gMonthDay = { month: greg.month, day: greg.day! };
  let years: number[];
  let yearSupplied = false;
  if (julYear !== undefined) years = [julYear];
  // The Julian label lags, so at the turn of the year it is still the old one:
  // "24 December (6 January 1918)" is Julian 1917.
  else if (gregYear !== undefined) years = [gregYear, gregYear - 1];
  else if (anchor) {
    years = yearsNearest(jMonthDay, 'julian', anchor);
    yearSupplied = true;
  } else {
    const fits = SAMPLE_YEARS.some((year) => {
      const d = { year, month: jul.month, day: jul.day! };
      if (!isValidDate(d, 'julian')) return false;
      const g = julianToGregorian(d);
      return g.month === gMonthDay.month && g.day === gMonthDay.day;
    });
    return fits
      ? { julian: undefined, gregorian: undefined, jul: jMonthDay, greg: gMonthDay, yearSupplied: false }
      : undefined;
  }
  for (const year of years) {
    const d = { year, month: jul.month, day: jul.day! };
    if (!isValidDate(d, 'julian')) continue;
    const g = julianToGregorian(d);
    if (g.month !== gMonthDay.month || g.day !== gMonthDay.day) continue;
    if (gregYear !== undefined && g.year !== gregYear) continue;
    return { julian: d, gregorian: g, jul: jMonthDay, greg: gMonthDay, yearSupplied };
  }
  return undefined;
}

function julianMember(c: Candidate, pair: Pair): DateMatch {
  const marker = markerOf(c);
  return {
    start: c.start,
    end: c.end,
    when: pair.gregorian ? formatIsoDate(pair.gregorian) : monthDay(pair.greg),
    calendar: 'julian',
    whenCustom: pair.julian ? formatIsoDate(pair.julian) : monthDay(pair.jul),
    yearSupplied: pair.yearSupplied,
    calendarReason: marker ? markerReason(marker) : 'parallel new-style date',
  };
}

function gregorianMember(c: Candidate, pair: Pair): DateMatch {
  const marker = markerOf(c);
  return {
    start: c.start,
    end: c.end,
    when: pair.gregorian ? formatIsoDate(pair.gregorian) : monthDay(pair.greg),
    calendar: 'gregorian',
    yearSupplied: pair.yearSupplied,
    calendarReason: marker ? markerReason(marker) : 'parallel old-style date',
  };
}

/** XML Schema gMonthDay, which `@when` accepts for a date without a year. */
function monthDay(d: { month: number; day: number }): string {
  return `--${d.month < 10 ? '0' : ''}${d.month}-${d.day < 10 ? '0' : ''}${d.day}`;
}

/** The document's date, read once per call in both calendars. */
interface Anchor {
  jdn: number;
  gregorianYear: number;
  julianYear: number;
}

function anchorOf(documentDate: YMD): Anchor {
  return {
    jdn: gregorianToJdn(documentDate),
    gregorianYear: documentDate.year,
    julianYear: gregorianToJulian(documentDate).year,
  };
}

/**
 * The year before, of, and after the document's date, nearest first; only
 * years in which the day exists in `calendar`. On a tie the document's own
 * year comes first, then the earlier one.
 */
function yearsNearest(md: { month: number; day: number }, calendar: CalendarName, anchor: Anchor): number[] {
  const toJdn = calendar === 'julian' ? julianToJdn : gregorianToJdn;
  const base = calendar === 'julian' ? anchor.julianYear : anchor.gregorianYear;
  const options: { year: number; distance: number }[] = [];
  for (const year of [base, base - 1, base + 1]) {
    const d = { year, month: md.month, day: md.day };
    if (isValidDate(d, calendar)) options.push({ year, distance: Math.abs(toJdn(d) - anchor.jdn) });
  }
  return options.sort((x, y) => x.distance - y.distance).map((o) => o.year);
}

/** The first of {@link yearsNearest} without building the list: this runs for every year-less date. */
function nearestYear(month: number, day: number, calendar: CalendarName, anchor: Anchor): number | undefined {
  const toJdn = calendar === 'julian' ? julianToJdn : gregorianToJdn;
  const base = calendar === 'julian' ? anchor.julianYear : anchor.gregorianYear;
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let k = 0; k < 3; k++) {
    const year = k === 0 ? base : k === 1 ? base - 1 : base + 1;
    const d = { year, month, day };
    if (!isValidDate(d, calendar)) continue;
    const distance = Math.abs(toJdn(d) - anchor.jdn);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function resolveSingle(c: Candidate, defaultCalendar: CalendarName, anchor: Anchor | undefined): DateMatch | undefined {
  const marker = markerOf(c);
  const calendar = marker?.calendar ?? defaultCalendar;
  const reason = marker ? markerReason(marker) : calendar === 'julian' ? 'default calendar' : undefined;

  if (c.day === undefined) {
    // A month has no single Gregorian counterpart (October 1917 O.S. runs from
    // 14 October to 13 November), so it keeps the label it was printed with.
    const match: DateMatch = {
      start: c.start,
      end: c.end,
      when: formatIsoDate({ year: c.year!, month: c.month }),
      calendar: 'gregorian',
      yearSupplied: false,
    };
    if (calendar === 'julian') match.calendarReason = `${reason} not applied: a month-only date is not converted`;
    else if (reason !== undefined) match.calendarReason = reason;
    return match;
  }

  let date: YMD;
  let yearSupplied = false;
  if (c.year !== undefined) {
    date = { year: c.year, month: c.month, day: c.day };
    if (!isValidDate(date, calendar)) return undefined;
  } else if (anchor) {
    const year = nearestYear(c.month, c.day, calendar, anchor);
    if (year === undefined) return undefined;
    date = { year, month: c.month, day: c.day };
    yearSupplied = true;
  } else {
    // Without a year a Julian date cannot be converted, and a wrong @when is
    // worse than no date element.
    if (calendar === 'julian') return undefined;
    const when = monthDay({ month: c.month, day: c.day });
    const match: DateMatch = { start: c.start, end: c.end, when, calendar, yearSupplied: false };
    if (reason !== undefined) match.calendarReason = reason;
    return match;
  }

  const match: DateMatch = {
    start: c.start,
    end: c.end,
    when: formatIsoDate(calendar === 'julian' ? julianToGregorian(date) : date),
    calendar,
    yearSupplied,
  };
  if (calendar === 'julian') match.whenCustom = formatIsoDate(date);
  if (reason !== undefined) match.calendarReason = reason;
  return match;
}
