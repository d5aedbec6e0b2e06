/**
 * Julian and Gregorian calendars, both proleptic, converted through Julian Day
 * Numbers. Years use astronomical numbering (year 0 = 1 BC), so the arithmetic
 * needs no special case for the missing year zero; callers only pass years >= 1.
 */
import type { CalendarName, YMD } from './types.js';

/** A date of year, month or day precision, as `@when` can express it. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

// The formulas shift the year to start in March (so the leap day falls last)
// and add 4800 years so every quotient is taken of a non-negative number back
// to 4801 BC; Math.floor keeps them right even before that.
function marchBased(d: YMD): { y: number; m: number } {
  const a = Math.floor((14 - d.month) / 12);
  return { y: d.year + 4800 - a, m: d.month + 12 * a - 3 };
}

export function gregorianToJdn(d: YMD): number {
  const { y, m } = marchBased(d);
  return (
    d.day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

export function julianToJdn(d: YMD): number {
  const { y, m } = marchBased(d);
  return d.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

// Shared tail of both inverse conversions: `c` counts days since 1 March of
// year `base` in a calendar whose four-year cycle is uniform from there on.
function fromMarchDays(c: number, base: number): YMD {
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const month = m + 3 - 12 * Math.floor(m / 10);
  return {
    year: base + d - 4800 + Math.floor(m / 10),
    month,
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

export function jdnToGregorian(n: number): YMD {
  const a = n + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  return fromMarchDays(c, 100 * b);
}

export function jdnToJulian(n: number): YMD {
  return fromMarchDays(n + 32082, 0);
}

export function julianToGregorian(d: YMD): YMD {
  return jdnToGregorian(julianToJdn(d));
}

export function gregorianToJulian(d: YMD): YMD {
  return jdnToJulian(gregorianToJdn(d));
}

function isLeap(year: number, calendar: CalendarName): boolean {
  if (calendar === 'julian') return mod(year, 4) === 0;
  return mod(year, 4) === 0 && (mod(year, 100) !== 0 || mod(year, 400) === 0);
}

// `%` keeps the dividend's sign; leap rules must also hold for year 0 and before.
function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number, calendar: CalendarName): number {
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) return 0;
  return month === 2 && isLeap(year, calendar) ? 29 : days;
}

export function isValidDate(d: YMD, calendar: CalendarName): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month, calendar)
  );
}

// Runs for every date found in a large text; padStart is several times slower
// for the one- and two-digit numbers that make up nearly all calls.
function pad(n: number, width: number): string {
  if (width === 2 && n >= 0 && n < 100) return n < 10 ? `0${n}` : String(n);
  return String(n).padStart(width, '0');
}

/**
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Years outside 1..9999 follow XML Schema
 * 1.1 (a leading minus, more than four digits when needed) rather than being
 * rejected, so a converted date at the edge of the range still prints.
 */
export function formatIsoDate(d: PartialDate): string {
  const year = d.year < 0 ? `-${pad(-d.year, 4)}` : pad(d.year, 4);
  if (d.month === undefined) return year;
  const month = `${year}-${pad(d.month, 2)}`;
  return d.day === undefined ? month : `${month}-${pad(d.day, 2)}`;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a Gregorian date of years
 * 0001..9999; anything else, or a day the month does not have, is undefined.
 */
export function parseIsoDate(s: string): PartialDate | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const date: YMD = { year, month, day: Number(m[3]) };
  return isValidDate(date, 'gregorian') ? date : undefined;
}
