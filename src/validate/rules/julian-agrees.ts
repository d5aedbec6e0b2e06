import { julianToGregorian } from '../../recognise/calendar.js';
import { attribute, isTei, textContent, type XmlElement } from '../document-tree.js';
import { datePart, daysInMonth } from './dates.js';
import type { Rule } from './rule.js';
import { q } from './rule.js';

/** Each Gregorian attribute and the attribute holding the same point in the document's own calendar. */
const PAIRS = [
  ['when', 'when-custom'],
  ['notBefore', 'notBefore-custom'],
  ['notAfter', 'notAfter-custom'],
  ['from', 'from-custom'],
  ['to', 'to-custom'],
] as const;

export const julianAgrees: Rule = {
  name: 'julian-agrees',
  severity: 'error',
  description: 'A full date in @when-custom (and the other -custom attributes) with a Julian @datingMethod is the same day as @when.',
  attributes: ['datingMethod'],
  check(ctx) {
    for (const [el] of ctx.attributes('datingMethod')) {
      if (!isJulianDating(el, ctx.ids)) continue;
      for (const [gregorianName, julianName] of PAIRS) {
        const gregorian = attribute(el, gregorianName);
        const julianAttr = el.attributes.find((a) => a.local === julianName && a.uri === '');
        if (gregorian === undefined || !julianAttr) continue;
        const j = fullDate(julianAttr.value, 'julian');
        const g = fullDate(gregorian, 'gregorian');
        if (!j || !g) continue; // a partial or impossible date: real-date and the schema speak to those
        const converted = iso(julianToGregorian(j));
        if (converted !== iso(g)) {
          ctx.report(julianAttr, `@${julianName} ${q(julianAttr.value.trim())} (Julian) is ${converted} in the Gregorian calendar, but @${gregorianName} is ${q(gregorian.trim())}`);
        }
      }
    }
  },
};

/**
 * Whether the element's @datingMethod names the Julian calendar: a pointer
 * whose text says "julian" (`#julian`, a URL about it), or a local pointer to
 * a <calendar> whose xml:id or description says so.
 */
export function isJulianDating(el: XmlElement, ids: Map<string, XmlElement>): boolean {
  const method = attribute(el, 'datingMethod');
  if (method === undefined) return false;
  return method.split(/\s+/).some((token) => {
    if (/julian/i.test(token)) return true;
    const target = token.startsWith('#') ? ids.get(token.slice(1)) : undefined;
    return target !== undefined && isTei(target, 'calendar') && /julian/i.test(`${token} ${textContent(target)}`);
  });
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function fullDate(value: string, calendar: 'julian' | 'gregorian'): Ymd | undefined {
  const d = datePart(value);
  if (!d || d.year === undefined || d.year < 1 || d.day === undefined || d.month < 1 || d.month > 12) return undefined;
  if (d.day < 1 || d.day > daysInMonth(d.month, d.year, calendar)) return undefined;
  return { year: d.year, month: d.month, day: d.day };
}

function iso(d: Ymd): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
