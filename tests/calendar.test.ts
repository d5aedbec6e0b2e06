import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatIsoDate,
  gregorianToJdn,
  gregorianToJulian,
  isValidDate,
  jdnToGregorian,
  jdnToJulian,
  julianToGregorian,
  julianToJdn,
  parseIsoDate,
} from '../src/recognise/calendar.js';
import type { CalendarName, YMD } from '../src/recognise/types.js';

const ymd = (s: string): YMD => {
  const [year, month, day] = s.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};

// A second implementation that shares nothing with the JDN formulas: it counts
// whole years, then months, from 1 January of year 1 in each calendar.
function leap(year: number, calendar: CalendarName): boolean {
  return calendar === 'julian'
    ? year % 4 === 0
    : year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
function monthLength(year: number, month: number, calendar: CalendarName): number {
  if (month === 2) return leap(year, calendar) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function daysSinceYearOne(d: YMD, calendar: CalendarName): number {
  let n = 0;
  for (let y = 1; y < d.year; y++) n += leap(y, calendar) ? 366 : 365;
  for (let m = 1; m < d.month; m++) n += monthLength(d.year, m, calendar);
  return n + d.day - 1;
}
// Gregorian 1 January of year 1 fell on Julian 3 January of year 1.
const GREGORIAN_EPOCH_IN_JULIAN_DAYS = 2;

const validDate = (calendar: CalendarName, minYear = 1, maxYear = 3000) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => d.day <= monthLength(d.year, d.month, calendar));

// The independent counter starts at Gregorian 1 January 1, which is Julian
// 3 January 1; the two days before it fall in Gregorian year 0.
const julianFromGregorianEpoch = () =>
  validDate('julian').filter((d) => !(d.year === 1 && d.month === 1 && d.day < 3));

describe('Julian Day Numbers', () => {
  it('matches published anchors', () => {
    expect(gregorianToJdn(ymd('2000-01-01'))).toBe(2451545);
    expect(gregorianToJdn(ymd('1582-10-15'))).toBe(2299161);
    expect(julianToJdn(ymd('1582-10-04'))).toBe(2299160);
    expect(gregorianToJdn(ymd('1858-11-17'))).toBe(2400001);
    expect(julianToJdn({ year: -4712, month: 1, day: 1 })).toBe(0);
    expect(gregorianToJdn({ year: -4713, month: 11, day: 24 })).toBe(0);
    expect(julianToJdn(ymd('0001-01-01'))).toBe(1721424);
    expect(gregorianToJdn(ymd('0001-01-01'))).toBe(1721426);
  });

  it('inverts exactly', () => {
    for (const n of [0, 1, 1721424, 1721425, 1721426, 2299160, 2299161, 2451545, 5373484]) {
      expect(gregorianToJdn(jdnToGregorian(n))).toBe(n);
      expect(julianToJdn(jdnToJulian(n))).toBe(n);
    }
  });

  it('counts consecutive days without gaps in both calendars', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1721424, max: 2816788 }), (n) => {
        const g = jdnToGregorian(n);
        const j = jdnToJulian(n);
        expect(isValidDate(g, 'gregorian')).toBe(true);
        expect(isValidDate(j, 'julian')).toBe(true);
        expect(gregorianToJdn(g)).toBe(n);
        expect(julianToJdn(j)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Julian to Gregorian', () => {
  const pairs: [julian: string, gregorian: string][] = [
    ['1582-10-05', '1582-10-15'],
    ['1582-10-04', '1582-10-14'],
    ['1700-02-18', '1700-02-28'],
    ['1700-02-19', '1700-03-01'],
    ['1700-02-29', '1700-03-11'],
    ['1752-09-02', '1752-09-13'],
    ['1752-09-03', '1752-09-14'],
    ['1800-02-17', '1800-02-28'],
    ['1800-02-18', '1800-03-01'],
    ['1900-02-16', '1900-02-28'],
    ['1900-02-29', '1900-03-13'],
    ['1917-10-24', '1917-11-06'],
    ['1918-01-31', '1918-02-13'],
    ['1066-10-14', '1066-10-20'],
    ['2100-02-15', '2100-02-28'],
    ['2100-02-16', '2100-03-01'],
    // Before AD 200 the Julian calendar runs ahead of the proleptic Gregorian one.
    ['0001-01-03', '0001-01-01'],
    ['0001-01-01', '0000-12-30'],
    ['0200-03-01', '0200-03-01'],
  ];

  it.each(pairs)('%s (Julian) = %s (Gregorian)', (j, g) => {
    const jd = ymd(j);
    const gd = ymd(g);
    expect(julianToGregorian(jd)).toEqual(gd);
    expect(gregorianToJulian(gd)).toEqual(jd);
    expect(julianToJdn(jd)).toBe(gregorianToJdn(gd));
  });

  it('round-trips Julian -> Gregorian -> Julian', () => {
    fc.assert(
      fc.property(validDate('julian'), (d) => {
        expect(gregorianToJulian(julianToGregorian(d))).toEqual(d);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips Gregorian -> Julian -> Gregorian', () => {
    fc.assert(
      fc.property(validDate('gregorian'), (d) => {
        expect(julianToGregorian(gregorianToJulian(d))).toEqual(d);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with an independent day count', () => {
    fc.assert(
      fc.property(julianFromGregorianEpoch(), (d) => {
        const g = julianToGregorian(d);
        expect(isValidDate(g, 'gregorian')).toBe(true);
        expect(daysSinceYearOne(g, 'gregorian') + GREGORIAN_EPOCH_IN_JULIAN_DAYS).toBe(
          daysSinceYearOne(d, 'julian'),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('shifts by the century rule, counted from 1 March', () => {
    // The gap grows on each Julian-only leap day (29 February of 1700, 1800,
    // 1900, 2100 ...), so January and February belong to the previous year's
    // count. Reading the Julian label on the Gregorian count works even for
    // such a 29 February, because the day count is linear within a month.
    fc.assert(
      fc.property(julianFromGregorianEpoch(), (d) => {
        const y = d.month <= 2 ? d.year - 1 : d.year;
        const gap = Math.floor(y / 100) - Math.floor(y / 400) - 2;
        const g = julianToGregorian(d);
        expect(daysSinceYearOne(g, 'gregorian') - daysSinceYearOne(d, 'gregorian')).toBe(gap);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isValidDate', () => {
  it('applies each calendar’s leap rule', () => {
    expect(isValidDate(ymd('1700-02-29'), 'julian')).toBe(true);
    expect(isValidDate(ymd('1700-02-29'), 'gregorian')).toBe(false);
    expect(isValidDate(ymd('2000-02-29'), 'gregorian')).toBe(true);
    expect(isValidDate(ymd('1900-02-29'), 'gregorian')).toBe(false);
    expect(isValidDate(ymd('1916-02-29'), 'gregorian')).toBe(true);
    expect(isValidDate(ymd('1917-02-29'), 'julian')).toBe(false);
  });

  it('rejects impossible months and days', () => {
    expect(isValidDate(ymd('1917-04-31'), 'gregorian')).toBe(false);
    expect(isValidDate(ymd('1917-13-01'), 'gregorian')).toBe(false);
    expect(isValidDate(ymd('1917-00-01'), 'julian')).toBe(false);
    expect(isValidDate(ymd('1917-01-00'), 'julian')).toBe(false);
    expect(isValidDate({ year: 1917, month: 1, day: 1.5 }, 'julian')).toBe(false);
    expect(isValidDate(ymd('1917-12-31'), 'gregorian')).toBe(true);
  });
});

describe('ISO strings', () => {
  it('formats with zero padding at each precision', () => {
    expect(formatIsoDate(ymd('0001-01-03'))).toBe('0001-01-03');
    expect(formatIsoDate({ year: 917, month: 3 })).toBe('0917-03');
    expect(formatIsoDate({ year: 45 })).toBe('0045');
    expect(formatIsoDate(ymd('9999-12-31'))).toBe('9999-12-31');
  });

  it('parses what it formats', () => {
    expect(parseIsoDate('1917-11-06')).toEqual(ymd('1917-11-06'));
    expect(parseIsoDate('1917-11')).toEqual({ year: 1917, month: 11 });
    expect(parseIsoDate('1917')).toEqual({ year: 1917 });
    fc.assert(
      fc.property(validDate('gregorian', 1, 9999), (d) => {
        expect(parseIsoDate(formatIsoDate(d))).toEqual(d);
      }),
    );
  });

  it('rejects malformed and impossible dates', () => {
    for (const s of ['', '917', '1917-1-06', '1917-11-6', '1917-13', '1917-00', '1900-02-29',
      '1917-04-31', '0000', '1917-11-06T00:00', ' 1917', '19171106', '+1917']) {
      expect(parseIsoDate(s), s).toBeUndefined();
    }
    expect(parseIsoDate('2000-02-29')).toEqual(ymd('2000-02-29'));
  });
});
