import { astronomicalFromXsd, datePart, daysInMonth, monthName, type CalendarRule } from './dates.js';
import { isJulianDating } from './julian-agrees.js';
import type { Rule } from './rule.js';
import { q } from './rule.js';

const DATE_ATTRIBUTES = ['when', 'notBefore', 'notAfter', 'from', 'to'].flatMap((base) => [base, `${base}-iso`, `${base}-custom`]);

export const realDate: Rule = {
  name: 'real-date',
  severity: 'error',
  description:
    'Dates in @when, @notBefore, @notAfter, @from, @to (and their -iso forms, and their -custom forms dated by a Julian @datingMethod) are days the calendar has.',
  attributes: DATE_ATTRIBUTES,
  check(ctx) {
    for (const name of DATE_ATTRIBUTES) {
      for (const [el, attr] of ctx.attributes(name)) {
        const variant = name.endsWith('-iso') ? 'iso' : name.endsWith('-custom') ? 'custom' : undefined;
        if (variant === 'custom' && !isJulianDating(el, ctx.ids)) continue;
        const calendar: CalendarRule = variant === 'custom' ? 'julian' : 'gregorian';
        // -iso values may be intervals ("1917-11-06/1917-11-08"); -iso and -custom years count 0000 as 1 BCE.
        const parts = variant === undefined ? [attr.value] : attr.value.split('/');
        for (const part of parts) {
          const problem = impossible(part, calendar, variant !== undefined);
          const within = part.trim() === attr.value.trim() ? '' : ` (in ${q(attr.value)})`;
          if (problem) ctx.report(attr, `@${attr.local} ${q(part.trim())}${within} is not a real date: ${problem}`);
        }
      }
    }
  },
};

function impossible(value: string, calendar: CalendarRule, isoYears: boolean): string | undefined {
  const d = datePart(value);
  if (!d) return undefined;
  if (d.month < 1 || d.month > 12) return `there is no month ${d.month}`;
  if (d.day === undefined) return undefined;
  const year = d.year === undefined ? undefined : isoYears ? d.year : astronomicalFromXsd(d.year);
  const max = daysInMonth(d.month, year, calendar);
  if (d.day >= 1 && d.day <= max) return undefined;
  const month = d.year === undefined ? monthName(d.month) : `${monthName(d.month)} ${d.year}`;
  return `${month}${calendar === 'julian' ? ' (Julian)' : ''} has ${max} days`;
}
