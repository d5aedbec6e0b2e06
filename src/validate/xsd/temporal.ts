/**
 * The XML Schema date and time types (date, dateTime, time, gYear, gYearMonth,
 * gMonthDay, gMonth, gDay) exactly as jing accepts them, so teikit's verdict on
 * `@when`, `@notBefore`, … is jing's.
 *
 * salve's own checks disagree with jing on values TEI editions use: it rejects
 * `--11-06` (gMonthDay; teikit writes these for dates printed without a year),
 * `---31`, a leap second, `10:30:00.` and surrounding spaces, and accepts year
 * 0000, hour 24 and years jing rejects.
 *
 * jing (com.thaiopensource.datatype.xsd.DateTimeDatatype) matches a regular
 * expression and then builds a non-lenient, purely Gregorian
 * java.util.GregorianCalendar from the fields. What that implies, and what this
 * module reproduces:
 * - the year has at least four digits, no leading zero beyond four, and fits a
 *   Java int; year 0000 does not exist; negative years count XML Schema 1.0's
 *   way (-0001 is 1 BCE, a leap year, as are -0005, -0401 …); a year is at
 *   most 292278994, and the moment must fit a Java long of milliseconds
 *   (from 292275056 BCE to 292278994-08-17T07:12:55.807Z);
 * - a month-day without a year (`--02-29`) is checked in the leap year 2000;
 * - hours 00–23 (no 24:00:00), minutes 00–59, seconds 00–60 (a leap second),
 *   any number of fraction digits, even none after the point (`10:30:00.`);
 * - a time-zone offset from -13:00 to +14:00: GregorianCalendar's range for
 *   ZONE_OFFSET, narrower than XML Schema's ±14:00;
 * - leading and trailing whitespace is ignored (whiteSpace="collapse").
 */

export type TemporalType = 'date' | 'dateTime' | 'time' | 'gYear' | 'gYearMonth' | 'gMonthDay' | 'gMonth' | 'gDay';

const YEAR = '(-?)((?:[1-9][0-9]*)?[0-9]{4})';
const TWO = '([0-9]{2})';
const TIME = '([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?';
const ZONE = '(Z|[+-][0-9]{2}:[0-5][0-9])?';

interface Fields {
  negative: boolean;
  year: string;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  zone: string | undefined;
}

type Reader = (m: RegExpExecArray) => Fields;

// What jing assumes for the fields a type does not have.
const DEFAULTS = { negative: false, year: '2000', month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: '' };
const num = (s: string | undefined): number => Number(s);

// One pattern and field reader per type, mirroring jing's templates ("Y-M-DTt", "--M-D", …).
const FORMS: Record<TemporalType, { re: RegExp; read: Reader }> = {
  dateTime: {
    re: new RegExp(`^${YEAR}-${TWO}-${TWO}T${TIME}${ZONE}$`),
    read: (m) => ({ negative: m[1] === '-', year: m[2]!, month: num(m[3]), day: num(m[4]), hour: num(m[5]), minute: num(m[6]), second: num(m[7]), fraction: m[8] ?? '', zone: m[9] }),
  },
  date: {
    re: new RegExp(`^${YEAR}-${TWO}-${TWO}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, negative: m[1] === '-', year: m[2]!, month: num(m[3]), day: num(m[4]), zone: m[5] }),
  },
  time: {
    re: new RegExp(`^${TIME}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, hour: num(m[1]), minute: num(m[2]), second: num(m[3]), fraction: m[4] ?? '', zone: m[5] }),
  },
  gYearMonth: {
    re: new RegExp(`^${YEAR}-${TWO}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, negative: m[1] === '-', year: m[2]!, month: num(m[3]), zone: m[4] }),
  },
  gYear: {
    re: new RegExp(`^${YEAR}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, negative: m[1] === '-', year: m[2]!, zone: m[3] }),
  },
  gMonthDay: {
    re: new RegExp(`^--${TWO}-${TWO}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, month: num(m[1]), day: num(m[2]), zone: m[3] }),
  },
  gMonth: {
    re: new RegExp(`^--${TWO}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, month: num(m[1]), zone: m[2] }),
  },
  gDay: {
    re: new RegExp(`^---${TWO}${ZONE}$`),
    read: (m) => ({ ...DEFAULTS, day: num(m[1]), zone: m[2] }),
  },
};

export function isTemporalType(name: string): name is TemporalType {
  return Object.prototype.hasOwnProperty.call(FORMS, name);
}

const JAVA_INT_MAX = 2147483647;
const MAX_YEAR = 292278994; // GregorianCalendar.getMaximum(YEAR)
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether jing accepts `value` as the XML Schema type `type`. */
export function isValidTemporal(type: TemporalType, value: string): boolean {
  const form = FORMS[type];
  const m = form.re.exec(collapseWhitespace(value));
  if (!m) return false;
  const f = form.read(m);
  const year = Number(f.year);
  if (year > JAVA_INT_MAX || year < 1 || year > MAX_YEAR) return false;
  if (f.month < 1 || f.month > 12 || f.day < 1) return false;
  // Year -N (N BCE) is astronomical year 1-N: -0001 is year 0, a leap year.
  const astronomical = f.negative ? 1 - year : year;
  const maxDay = f.month === 2 && !isGregorianLeapYear(astronomical) ? 28 : DAYS_IN_MONTH[f.month - 1]!;
  if (f.day > maxDay) return false;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return false;
  const zone = zoneMinutes(f.zone);
  if (zone === undefined) return false;
  // Only dates hundreds of millions of years away can leave the range of a Java long.
  return year < 290_000_000 || fitsJavaMillis(astronomical, f, zone);
}

/** The zone offset in minutes, or undefined outside GregorianCalendar's -13:00..+14:00. */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  if (zone[0] === '-') return minutes <= 13 * 60 ? -minutes : undefined;
  return minutes <= 14 * 60 ? minutes : undefined;
}

function fitsJavaMillis(year: number, f: Fields, zone: number): boolean {
  // days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil)
  const y = f.month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (f.month + (f.month > 2 ? -3 : 9)) + 2) / 5) + f.day - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  // jing reads a leap second as 59.999 and keeps three fraction digits
  const leap = f.second === 60;
  const ms = leap ? 999 : Number(f.fraction.slice(0, 3).padEnd(3, '0'));
  const seconds = ((f.hour * 60 + f.minute) * 60 + (leap ? 59 : f.second)) * 1000 + ms;
  const millis = BigInt(days) * 86_400_000n + BigInt(seconds) - BigInt(zone) * 60_000n;
  return millis >= -(2n ** 63n) && millis < 2n ** 63n;
}

function isGregorianLeapYear(y: number): boolean {
  const mod = (a: number, n: number): number => ((a % n) + n) % n;
  return mod(y, 4) === 0 && (mod(y, 100) !== 0 || mod(y, 400) === 0);
}

/** XML Schema whiteSpace="collapse": runs of the four XML spaces become one space, ends trimmed. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}
