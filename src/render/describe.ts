import type { DateEntry, DocumentDate, Intervention, InterventionKind, ReadMetadata } from '../reader/index.js';

/** Words for what the model holds as codes and pointers, shared by the text's tooltips and the panels. */

export const KIND_LABELS: Record<InterventionKind, string> = {
  'sic-corr': 'correction',
  'orig-reg': 'regularisation',
  'abbr-expan': 'expansion',
  supplied: 'supplied text',
  omission: 'omission',
  variant: 'variant',
};

/** What the source form and the editor's form are called for each kind of intervention. */
export function formLabels(kind: InterventionKind): [source: string, edited: string] {
  switch (kind) {
    case 'orig-reg':
      return ['Original', 'Regularised'];
    case 'abbr-expan':
      return ['Abbreviation', 'Expansion'];
    case 'variant':
      return ['Reading', 'Read'];
    default:
      return ['Source', 'Corrected'];
  }
}

/**
 * `@resp` as a reader understands it: each `#id` pointer replaced by the name
 * of the editor the header gives that id (the text's editors or the source's),
 * other values as written.
 */
export function respNames(resp: string | undefined, metadata: ReadMetadata): string | undefined {
  if (resp === undefined || resp.trim() === '') return undefined;
  let names = RESP_CACHE.get(metadata);
  if (names === undefined) {
    names = new Map();
    RESP_CACHE.set(metadata, names);
  }
  const known = names.get(resp);
  if (known !== undefined) return known;
  const editors = [...metadata.editors, ...(metadata.source?.editors ?? [])];
  const resolved = resp
    .trim()
    .split(/\s+/)
    .map((token) => {
      const id = token.startsWith('#') ? token.slice(1) : undefined;
      const found = id === undefined ? undefined : editors.find((e) => e.id === id);
      return found ? found.name : token;
    })
    .join(', ');
  names.set(resp, resolved);
  return resolved;
}

/** Resolved `@resp` values per document: an edition says "#ed" thousands of times. */
const RESP_CACHE = new WeakMap<ReadMetadata, Map<string, string>>();

/** Who, how sure, what sort: the line under an intervention's forms. */
export function interventionDetails(entry: Intervention, metadata: ReadMetadata): string[] {
  const out: string[] = [KIND_LABELS[entry.kind]];
  const who = respNames(entry.resp, metadata);
  if (who !== undefined) out.push(`by ${who}`);
  if (entry.cert !== undefined) out.push(`certainty ${entry.cert}`);
  if (entry.type !== undefined) out.push(`type ${entry.type}`);
  if (entry.reason !== undefined) out.push(`reason ${entry.reason}`);
  if (entry.wit !== undefined && entry.wit.length > 0) out.push(`witness ${entry.wit.join(' ')}`);
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO 8601 date in words ("6 November 1917", "November 1917", "6 November"); anything else as written. */
export function isoInWords(value: string): string {
  const full = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = full ? [full[1], full[2], full[3]] : yearless ? [undefined, yearless[1], yearless[2]] : [];
  if (!full && !yearless) return value;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (month !== undefined && monthName === undefined) return value;
  return [day === undefined ? '' : String(Number(day)), monthName ?? '', year ?? ''].filter((x) => x !== '').join(' ');
}

function isJulian(calendarOrMethod: string | undefined): boolean {
  return calendarOrMethod !== undefined && /julian/i.test(calendarOrMethod);
}

/**
 * The normalised values of a date, one line each: `@when` is Gregorian (ISO
 * 8601), `@when-custom` in the calendar `@datingMethod` names, so a dual date
 * shows both calendars.
 */
export function dateValues(date: DateEntry | DocumentDate): string[] {
  const out: string[] = [];
  if (date.when !== undefined) out.push(`${isoInWords(date.when)} (Gregorian: ${date.when})`);
  if (date.whenCustom !== undefined) {
    const method = date.datingMethod ?? date.calendar;
    const label = isJulian(method) ? 'Julian' : method ? method.replace(/^#/, '') : 'other calendar';
    out.push(`${isJulian(method) ? isoInWords(date.whenCustom) : date.whenCustom} (${label}: ${date.whenCustom})`);
  }
  if (date.from !== undefined || date.to !== undefined) out.push(`from ${date.from ? isoInWords(date.from) : '…'} to ${date.to ? isoInWords(date.to) : '…'}`);
  if (date.notBefore !== undefined || date.notAfter !== undefined) {
    out.push(`not before ${date.notBefore ? isoInWords(date.notBefore) : '…'}, not after ${date.notAfter ? isoInWords(date.notAfter) : '…'}`);
  }
  if (date.calendar !== undefined && !out.some((l) => l.includes('Julian')) && isJulian(date.calendar)) out.push('printed in the Julian calendar');
  return out;
}
