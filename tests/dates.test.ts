import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates, type FindDatesOptions } from '../src/recognise/dates.js';
import { formatIsoDate, gregorianToJdn, isValidDate, parseIsoDate } from '../src/recognise/calendar.js';
import type { DateMatch, YMD } from '../src/recognise/types.js';

const DOC_1917: YMD = { year: 1917, month: 11, day: 6 };

/** Matches with the text they cover, which reads better in failures than offsets. */
function found(text: string, options: FindDatesOptions = {}) {
  return findDates(text, options).map((m) => ({ text: text.slice(m.start, m.end), ...m }));
}

function only(text: string, options: FindDatesOptions = {}) {
  const all = found(text, options);
  expect(all, JSON.stringify(all)).toHaveLength(1);
  return all[0]!;
}

describe('forms', () => {
  it.each([
    ['November 6, 1917', 'November 6, 1917', '1917-11-06'],
    ['November 6 1917', 'November 6 1917', '1917-11-06'],
    ['October 24, 1917', 'October 24, 1917', '1917-10-24'],
    ['on Nov. 6th, 1917,', 'Nov. 6th, 1917', '1917-11-06'],
    ['6 November 1917', '6 November 1917', '1917-11-06'],
    ['6 Nov. 1917', '6 Nov. 1917', '1917-11-06'],
    ['6 Nov 1917', '6 Nov 1917', '1917-11-06'],
    ['6 November, 1917', '6 November, 1917', '1917-11-06'],
    ['on the 6th of November 1917 at', '6th of November 1917', '1917-11-06'],
    ['Sept. 3, 1917', 'Sept. 3, 1917', '1917-09-03'],
    ['Sep 3 1917', 'Sep 3 1917', '1917-09-03'],
    ['NOVEMBER 6, 1917', 'NOVEMBER 6, 1917', '1917-11-06'],
    ['in November 1917 the', 'November 1917', '1917-11'],
    ['in Nov. 1917 the', 'Nov. 1917', '1917-11'],
    ['dated 1917-11-06.', '1917-11-06', '1917-11-06'],
    ['at 1917-11-06T10:00', '1917-11-06', '1917-11-06'],
    ['in mid-November 1917', 'November 1917', '1917-11'],
    ['(June 1, 1917)', 'June 1, 1917', '1917-06-01'],
  ])('%s', (text, covered, when) => {
    const m = only(text);
    expect(m.text).toBe(covered);
    expect(m.when).toBe(when);
    expect(m.calendar).toBe('gregorian');
    expect(m.yearSupplied).toBe(false);
    expect(m.whenCustom).toBeUndefined();
  });

  it.each([
    ['November 6', '--11-06'],
    ['Nov. 6', '--11-06'],
    ['November 6th', '--11-06'],
    ['6th November', '--11-06'],
    ['6th of November', '--11-06'],
    ['6 Nov.', '--11-06'],
    ['February 29', '--02-29'],
  ])('%s without a year or document date is a month-day', (text, when) => {
    const m = only(text);
    expect(m.text).toBe(text);
    expect(m.when).toBe(when);
    expect(m.yearSupplied).toBe(false);
  });

  it('reports offsets into the text, in order, without overlaps', () => {
    const text = 'From 6 November 1917 to January 3, 1918 and again in March 1918.';
    expect(findDates(text, {}).map((m) => [m.start, m.end, m.when])).toEqual([
      [5, 20, '1917-11-06'],
      [24, 39, '1918-01-03'],
      [53, 63, '1918-03'],
    ]);
  });

  it('lets a date wrap onto the next line but not across a blank line', () => {
    expect(only('on November\n6, 1917').when).toBe('1917-11-06');
    expect(found('in November\n\n6 people')).toEqual([]);
  });

  it('takes the day nearest the month in a range', () => {
    expect(found('between 5 and 6 November 1917').map((m) => m.text)).toEqual(['6 November 1917']);
  });
});

describe('non-dates', () => {
  it.each([
    'May I come in?',
    'March on, comrades.',
    'In May the workers',
    'They march 6 miles.',
    'may 5 and november 6',
    'May 45 people',
    'April 31, 1917',
    'Feb 30',
    '31 April 1917',
    '30 February',
    'Novemberish 6',
    '6 Novemberish',
    'November 61',
    'November 123',
    'A6 November',
    '1917',
    '6',
    'page 24 of 1917',
    'Mayday 5',
    'Jun.e 5',
    '1917-13-01',
    '1917-02-30',
    '21917-11-06',
    '1917-11-061',
    '1917-11-06-01',
    'in November. 6 people',
    'November, Dec.',
    'the 32 November 1917',
    'November 0',
    '0 November',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('never reads a date out of the middle of a number', () => {
    expect(found('2016 November 6').map((m) => m.text)).toEqual(['November 6']);
    expect(found('No. 12 November 1917').map((m) => m.text)).toEqual(['12 November 1917']);
  });
});

describe('year completion', () => {
  it('crosses the year boundary backwards', () => {
    const m = only('December 30', { documentDate: { year: 1918, month: 1, day: 5 } });
    expect(m.when).toBe('1917-12-30');
    expect(m.yearSupplied).toBe(true);
  });

  it('crosses the year boundary forwards', () => {
    const m = only('on 2 January', { documentDate: { year: 1917, month: 12, day: 28 } });
    expect(m.when).toBe('1918-01-02');
    expect(m.yearSupplied).toBe(true);
  });

  it('stays in the document’s year when that is nearest', () => {
    expect(only('June 1', { documentDate: DOC_1917 }).when).toBe('1917-06-01');
    expect(only('November 6', { documentDate: DOC_1917 }).when).toBe('1917-11-06');
  });

  it('leaves a printed year alone', () => {
    const m = only('November 6, 1905', { documentDate: DOC_1917 });
    expect(m.when).toBe('1905-11-06');
    expect(m.yearSupplied).toBe(false);
  });

  it('finds a leap year for 29 February', () => {
    expect(only('February 29', { documentDate: { year: 1917, month: 3, day: 1 } }).when).toBe('1916-02-29');
  });

  it('does not touch month-precision dates', () => {
    expect(only('November 1917', { documentDate: { year: 1950, month: 1, day: 1 } }).when).toBe('1917-11');
  });
});

describe('calendars', () => {
  it('reads the Lenin headnote', () => {
    const text =
      'On November 6 (October 24 by the old-style calendar then in use in Russia), Lenin urged immediate action';
    const [ns, os, ...rest] = found(text, { documentDate: DOC_1917 });
    expect(rest).toEqual([]);
    expect(ns).toMatchObject({ text: 'November 6', when: '1917-11-06', calendar: 'gregorian', yearSupplied: true });
    expect(ns!.whenCustom).toBeUndefined();
    expect(os).toMatchObject({
      text: 'October 24',
      when: '1917-11-06',
      calendar: 'julian',
      whenCustom: '1917-10-24',
      yearSupplied: true,
      calendarReason: 'marker "old-style calendar"',
    });
  });

  it('reads a parallel date with the year after the brackets', () => {
    const [os, ns, ...rest] = found('24 October (6 November) 1917');
    expect(rest).toEqual([]);
    expect(os).toMatchObject({
      text: '24 October',
      when: '1917-11-06',
      calendar: 'julian',
      whenCustom: '1917-10-24',
      yearSupplied: false,
      calendarReason: 'parallel new-style date',
    });
    expect(ns).toMatchObject({ text: '6 November', when: '1917-11-06', calendar: 'gregorian', yearSupplied: false });
    expect(ns!.whenCustom).toBeUndefined();
  });

  it('reads a parallel date across the turn of the year', () => {
    const [os, ns] = found('On December 25 (January 7), 1918, nothing happened.');
    expect(os).toMatchObject({ calendar: 'julian', whenCustom: '1917-12-25', when: '1918-01-07' });
    expect(ns).toMatchObject({ calendar: 'gregorian', when: '1918-01-07' });
  });

  it('reads a parallel date whose years are printed', () => {
    const [os, ns] = found('the 31st of January 1918 (13 February 1918)');
    expect(os).toMatchObject({ calendar: 'julian', whenCustom: '1918-01-31', when: '1918-02-13' });
    expect(ns).toMatchObject({ calendar: 'gregorian', when: '1918-02-13' });
  });

  it('reads a parallel date with the old style in brackets', () => {
    const [ns, os] = found('November 6, 1917 (October 24, 1917)');
    expect(ns).toMatchObject({ calendar: 'gregorian', when: '1917-11-06', calendarReason: 'parallel old-style date' });
    expect(os).toMatchObject({ calendar: 'julian', when: '1917-11-06', whenCustom: '1917-10-24' });
  });

  it('reads a parallel date without any year as month-days', () => {
    const [os, ns] = found('October 24 (November 6)');
    expect(os).toMatchObject({ calendar: 'julian', whenCustom: '--10-24', when: '--11-06' });
    expect(ns).toMatchObject({ calendar: 'gregorian', when: '--11-06' });
  });

  it('completes a parallel pair from the document date', () => {
    const [os, ns] = found('24 October (6 November)', { documentDate: { year: 1918, month: 3, day: 1 } });
    expect(os).toMatchObject({ calendar: 'julian', whenCustom: '1917-10-24', when: '1917-11-06', yearSupplied: true });
    expect(ns).toMatchObject({ calendar: 'gregorian', when: '1917-11-06', yearSupplied: true });
  });

  it('does not pair dates that are not counterparts', () => {
    // In 1705 the calendars were eleven days apart, not thirteen.
    const all = found('5 May (7 May) 1917 and 24 October (6 November) 1705');
    expect(all.map((m) => m.calendar)).toEqual(['gregorian', 'gregorian', 'gregorian', 'gregorian']);
    expect(all.map((m) => m.when)).toEqual(['--05-05', '--05-07', '--10-24', '--11-06']);
  });

  it.each([
    ['24 October 1917 O.S.', 'marker "O.S."'],
    ['24 October 1917 (O.S.)', 'marker "O.S."'],
    ['24 October 1917 (O. S.) was', 'marker "O. S."'],
    ['24 October 1917, old style, was', 'marker "old style"'],
    ['24 October 1917 Old Style', 'marker "Old Style"'],
    ['24 October 1917 (Julian)', 'marker "(Julian)"'],
    ['24 October 1917 in the Julian calendar', 'marker "Julian calendar"'],
    ['24 October 1917, by the old calendar', 'marker "old calendar"'],
    ['24 October 1917, which by the reckoning then in use in Russia was old-style,', 'marker "old-style"'],
    ['old style 24 October 1917', 'marker "old style"'],
    ['O.S. 24 October 1917', 'marker "O.S."'],
  ])('%s is Julian', (text, reason) => {
    const m = only(text);
    expect(m).toMatchObject({ calendar: 'julian', when: '1917-11-06', whenCustom: '1917-10-24', calendarReason: reason });
  });

  it('accepts a Julian-only leap day', () => {
    expect(only('29 February 1700 O.S.')).toMatchObject({ when: '1700-03-11', whenCustom: '1700-02-29' });
    expect(found('29 February 1700')).toEqual([]);
  });

  it('keeps markers inside the clause of their date', () => {
    expect(found('24 October 1917. Old style dates are used elsewhere.')[0]!.calendar).toBe('gregorian');
    expect(found('24 October 1917; the old style was').at(0)!.calendar).toBe('gregorian');
    expect(found('(written 24 October 1917) old style')[0]!.calendar).toBe('gregorian');
    expect(found(`24 October 1917 ${'x'.repeat(70)} old style`)[0]!.calendar).toBe('gregorian');
    expect(found('24 October 1917 (in Petrograd, O.S.)')[0]!.calendar).toBe('julian');
  });

  it('gives a marker to the nearest date of its clause', () => {
    const [a, b] = found('24 October 1917 and 6 November 1917 O.S.');
    expect(a!.calendar).toBe('gregorian');
    expect(b!.calendar).toBe('julian');
    const [c, d] = found('born 1 January 1700 (O.S. 21 December 1699)');
    expect(c).toMatchObject({ calendar: 'gregorian', when: '1700-01-01' });
    expect(d).toMatchObject({ calendar: 'julian', when: '1699-12-31', whenCustom: '1699-12-21' });
    const [e, f] = found('24 October 1917 (O.S.) 6 November 1917');
    expect(e!.calendar).toBe('julian');
    expect(f!.calendar).toBe('gregorian');
  });

  it('does not take a person named Julian for the calendar', () => {
    expect(only('On 24 October 1917 Julian left for Paris.').calendar).toBe('gregorian');
  });

  it('follows the default calendar unless a new-style marker says otherwise', () => {
    const options: FindDatesOptions = { defaultCalendar: 'julian' };
    expect(only('24 October 1917', options)).toMatchObject({
      calendar: 'julian',
      when: '1917-11-06',
      whenCustom: '1917-10-24',
      calendarReason: 'default calendar',
    });
    expect(only('6 November 1917 N.S.', options)).toMatchObject({
      calendar: 'gregorian',
      when: '1917-11-06',
      calendarReason: 'marker "N.S."',
    });
    expect(only('6 November 1917 (new style)', options).calendar).toBe('gregorian');
  });

  it('completes a Julian date’s year in the Julian calendar', () => {
    // 5 January 1918 (Gregorian) is 23 December 1917 in the Julian calendar.
    const m = only('December 30 O.S.', { documentDate: { year: 1918, month: 1, day: 5 } });
    expect(m).toMatchObject({ whenCustom: '1917-12-30', when: '1918-01-12', yearSupplied: true });
  });

  it('does not convert month-precision dates', () => {
    const m = only('October 1917 O.S.');
    expect(m).toMatchObject({ calendar: 'gregorian', when: '1917-10' });
    expect(m.whenCustom).toBeUndefined();
  });

  it('drops a Julian date whose year cannot be known', () => {
    expect(found('24 October O.S.')).toEqual([]);
    expect(found('24 October', { defaultCalendar: 'julian' })).toEqual([]);
  });
});

describe('properties', () => {
  const MONTHS = [
    ['January', 'Jan'], ['February', 'Feb'], ['March', 'Mar'], ['April', 'Apr'], ['May', 'May'],
    ['June', 'Jun'], ['July', 'Jul'], ['August', 'Aug'], ['September', 'Sept'], ['October', 'Oct'],
    ['November', 'Nov'], ['December', 'Dec'],
  ] as const;

  const gregorianDate = fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => isValidDate(d, 'gregorian'));

  it('finds exactly "D Month YYYY" in "on D Month YYYY."', () => {
    fc.assert(
      fc.property(
        gregorianDate,
        fc.constantFrom('full', 'abbr', 'abbr.', 'upper', 'ordinal'),
        (d, style) => {
          const [full, abbr] = MONTHS[d.month - 1]!;
          const month =
            style === 'full' || style === 'ordinal' ? full
            : style === 'upper' ? full.toUpperCase()
            : style === 'abbr.' && abbr !== full ? `${abbr}.`
            : abbr;
          const day = style === 'ordinal' ? `${d.day}th of` : String(d.day);
          const printed = `${day} ${month} ${d.year}`;
          const text = `on ${printed}.`;
          const all = findDates(text, {});
          expect(all).toHaveLength(1);
          expect(all[0]).toMatchObject({ start: 3, end: 3 + printed.length, when: formatIsoDate(d), calendar: 'gregorian' });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds exactly "Month D, YYYY" with any document date', () => {
    fc.assert(
      fc.property(gregorianDate, gregorianDate, (d, doc) => {
        const text = `It was ${MONTHS[d.month - 1]![0]} ${d.day}, ${d.year}; then`;
        const all = findDates(text, { documentDate: doc });
        expect(all.map((m) => m.when)).toEqual([formatIsoDate(d)]);
        expect(all[0]!.yearSupplied).toBe(false);
      }),
    );
  });

  it('completes a year to within half a year of the document date', () => {
    // Document years inside 1001..9998 keep every completed year four digits long.
    const documentDate = gregorianDate.filter((d) => d.year > 1000 && d.year < 9999);
    fc.assert(
      fc.property(gregorianDate, documentDate, (d, doc) => {
        fc.pre(!(d.month === 2 && d.day === 29));
        const all = findDates(`${d.day} ${MONTHS[d.month - 1]![0]}`, { documentDate: doc });
        expect(all).toHaveLength(1);
        const when = parseIsoDate(all[0]!.when) as YMD;
        expect(Math.abs(gregorianToJdn(when) - gregorianToJdn(doc))).toBeLessThanOrEqual(183);
        expect([when.month, when.day]).toEqual([d.month, d.day]);
      }),
    );
  });

  const monthFree = (s: string) =>
    !/jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(s) && !/\d{4}-\d\d-\d\d/.test(s);

  it('finds nothing in text without month names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).filter(monthFree), (s) => {
        expect(findDates(s, { documentDate: DOC_1917 })).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-z]{1,9}$/),
      fc.integer({ min: 0, max: 3000 }).map(String),
      fc.constantFrom('the', 'of', '6th', ',', '.', '(', ')', 'O.S.', 'old style', '\n', '1917-11'),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' ')).filter(monthFree), (s) => {
        expect(findDates(s, {})).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns ordered, disjoint, well-formed matches for any mix of dates and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom(...MONTHS.flat(), 'Sept.', 'Nov.', 'MAY', 'the', 'of', '(', ')', ',', 'O.S.', 'N.S.', 'old-style'),
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.integer({ min: 990, max: 2100 }).map(String),
      fc.constantFrom('6th', '1st', '22nd', '1917-11-06', '1700-02-29', '\n', '\n\n'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(' ')),
        fc.option(gregorianDate, { nil: undefined }),
        fc.constantFrom('gregorian', 'julian'),
        (text, documentDate, defaultCalendar) => {
          const options: FindDatesOptions = { defaultCalendar };
          if (documentDate) options.documentDate = documentDate;
          const all: DateMatch[] = findDates(text, options);
          let last = 0;
          for (const m of all) {
            expect(m.start).toBeGreaterThanOrEqual(last);
            expect(m.end).toBeGreaterThan(m.start);
            last = m.end;
            expect(m.when).toMatch(/^(\d{4,}-\d\d(-\d\d)?|--\d\d-\d\d)$/);
            if (m.calendar === 'julian') expect(m.whenCustom).toMatch(/^(\d{4,}-\d\d-\d\d|--\d\d-\d\d)$/);
            else expect(m.whenCustom).toBeUndefined();
            if (m.yearSupplied) expect(documentDate).toBeDefined();
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('scale', () => {
  it('stays linear on inputs built to make a regex backtrack', () => {
    const spaces = `November${' '.repeat(200_000)}x`;
    const digits = '1'.repeat(200_000);
    const ordinals = '6th of '.repeat(30_000);
    const months = 'November '.repeat(30_000);
    const markers = `6 November 1917 ${'('.repeat(50_000)} O.S.`;
    for (const text of [spaces, digits, ordinals, months, markers]) {
      expect(findDates(text, {}).length).toBeLessThanOrEqual(1);
    }
  });

  it('finds every date in a long text', () => {
    const para = 'On November 6, 1917 the committee met; Lenin wrote on 24 October (O.S.) to urge action.\n\n';
    const all = findDates(para.repeat(5000), { documentDate: DOC_1917 });
    expect(all).toHaveLength(10_000);
    expect(all[9_999]).toMatchObject({ calendar: 'julian', when: '1917-11-06', yearSupplied: true });
  });
});
