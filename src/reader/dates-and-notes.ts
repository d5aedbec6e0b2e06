import { optional } from './apparatus.js';
import type { Anchoring } from './anchoring.js';
import type { DateEntry, NoteEntry } from './types.js';
import { hasBrackets, type NoteRecord, type Tracked } from './walk-text.js';

/** Every `date` of the text, with its values as written (the attributes of TEI's att.datable). */
export function buildDates(records: readonly Tracked[], at: Anchoring): DateEntry[] {
  return records.map((d) => {
    const entry = { text: at.sourceText(d) } as DateEntry;
    // In the documented order; only the attributes the date has.
    for (const [key, attribute] of DATE_ATTRIBUTES) {
      const v = d.el.attributes.get(attribute);
      if (v !== undefined) entry[key] = v;
    }
    entry.offsets = at.offsets(d);
    entry.position = at.position(d);
    if (d.flow.note !== undefined) entry.note = d.flow.note;
    return entry;
  });
}

const DATE_ATTRIBUTES: readonly [Exclude<keyof DateEntry, 'text' | 'offsets' | 'position' | 'note'>, string][] = [
  ['when', 'when'],
  ['whenCustom', 'when-custom'],
  ['calendar', 'calendar'],
  ['datingMethod', 'datingMethod'],
  ['notBefore', 'notBefore'],
  ['notAfter', 'notAfter'],
  ['from', 'from'],
  ['to', 'to'],
];

/** Every `note` of the text: in the readings (inline, bracketed) or outside them, with its own text. */
export function buildNotes(records: readonly NoteRecord[], at: Anchoring): NoteEntry[] {
  return records.map((n) => {
    const a = n.el.attributes;
    const text = n.own ? n.own.dipText : at.sourceText(n);
    const edited = n.own ? n.own.corrText : at.editedText(n);
    const unbracket = (s: string): string => (n.own === undefined && isBracketed(s, n) ? s.slice(1, -1).replace(/^[ \n]+|[ \n]+$/g, '') : s);
    return {
      ...optional('type', a.get('type')),
      ...optional('resp', a.get('resp')),
      ...optional('place', a.get('place')),
      ...optional('n', a.get('n')),
      ...optional('target', a.get('target')),
      inline: n.inline,
      // A bracketed note's span holds its brackets; its text is what is inside them.
      text: unbracket(text),
      ...(edited !== text && { edited: unbracket(edited) }),
      offsets: at.offsets(n),
      position: at.position(n),
      ...at.note(n),
    };
  });
}

function isBracketed(text: string, n: NoteRecord): boolean {
  return hasBrackets(n.el) && text.startsWith('[') && text.endsWith(']');
}
