import { optional } from './apparatus.js';
import type { Anchoring } from './anchoring.js';
import type { DateEntry, NoteEntry } from './types.js';
import type { NoteRecord, Tracked } from './walk-text.js';

/** Every `date` of the text, with its values as written (the attributes of TEI's att.datable). */
export function buildDates(records: readonly Tracked[], at: Anchoring): DateEntry[] {
  return records.map((d) => {
    const a = d.el.attributes;
    return {
      text: at.sourceText(d),
      ...optional('when', a.get('when')),
      ...optional('whenCustom', a.get('when-custom')),
      ...optional('calendar', a.get('calendar')),
      ...optional('datingMethod', a.get('datingMethod')),
      ...optional('notBefore', a.get('notBefore')),
      ...optional('notAfter', a.get('notAfter')),
      ...optional('from', a.get('from')),
      ...optional('to', a.get('to')),
      offsets: at.offsets(d),
      position: at.position(d),
      ...at.note(d),
    };
  });
}

/** Every `note` of the text: in the readings (inline, bracketed) or outside them, with its own text. */
export function buildNotes(records: readonly NoteRecord[], at: Anchoring): NoteEntry[] {
  return records.map((n) => {
    const a = n.el.attributes;
    const text = n.own ? n.own.dipText : at.sourceText(n);
    return {
      ...optional('type', a.get('type')),
      ...optional('resp', a.get('resp')),
      ...optional('place', a.get('place')),
      ...optional('n', a.get('n')),
      ...optional('target', a.get('target')),
      inline: n.inline,
      // A bracketed note's span holds its brackets; its text is what is inside them.
      text: n.own === undefined && isBracketed(text, n) ? text.slice(1, -1).replace(/^[ \n]+|[ \n]+$/g, '') : text,
      offsets: at.offsets(n),
      position: at.position(n),
      ...at.note(n),
    };
  });
}

function isBracketed(text: string, n: NoteRecord): boolean {
  const rend = n.el.attributes.get('rend');
  return rend !== undefined && /(?:^|\s)brackets(?:\s|$)/.test(rend) && text.startsWith('[') && text.endsWith(']');
}
