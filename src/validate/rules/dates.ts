/**
 * Calendar arithmetic shared by real-date and julian-agrees. XML Schema 1.0
 * numbers years before 1 CE as -0001, -0002, …; ISO 8601 (TEI's `-iso`
 * attributes) counts 0000 as 1 BCE. Both are given here as astronomical years
 * (1 BCE = 0) before a leap-year rule is applied.
 */

export type CalendarRule = 'gregorian' | 'julian';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? `month ${month}`;
}

export function isLeapYear(astronomicalYear: number, calendar: CalendarRule): boolean {
  const y = astronomicalYear;
  const mod = (a: number, n: number): number => ((a % n) + n) % n;
  if (calendar === 'julian') return mod(y, 4) === 0;
  return mod(y, 4) === 0 && (mod(y, 100) !== 0 || mod(y, 400) === 0);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month; a month-day without a year allows 29 February. */
export function daysInMonth(month: number, astronomicalYear: number | undefined, calendar: CalendarRule): number {
  if (month === 2) return astronomicalYear === undefined || isLeapYear(astronomicalYear, calendar) ? 29 : 28;
  return DAYS[month - 1] ?? 0;
}

/** The date part of a temporal value: `YYYY-MM-DD`, `YYYY-MM` (with more after them) or `--MM-DD`. */
export interface DatePart {
  /** The year as written, or undefined for `--MM-DD`. */
  year?: number;
  month: number;
  day?: number;
}

const YEAR_MONTH_DAY = /^(-?\d{4,})-(\d{2})(?:-(\d{2}))?(?![\d])/;
const MONTH_DAY = /^--(\d{2})-(\d{2})(?![\d])/;

export function datePart(value: string): DatePart | undefined {
  const v = value.trim();
  const md = MONTH_DAY.exec(v);
  if (md) return { month: Number(md[1]), day: Number(md[2]) };
  const ymd = YEAR_MONTH_DAY.exec(v);
  if (!ymd) return undefined;
  return { year: Number(ymd[1]), month: Number(ymd[2]), ...(ymd[3] !== undefined && { day: Number(ymd[3]) }) };
}

/** XML Schema 1.0's year (-0001 = 1 BCE) as an astronomical year (1 BCE = 0). */
export function astronomicalFromXsd(year: number): number {
  return year < 0 ? year + 1 : year;
}
