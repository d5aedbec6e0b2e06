import type { Anchoring } from './anchoring.js';
import type { Alternative, Intervention } from './types.js';
import type { InterventionRecord } from './walk-text.js';
import type { XElement } from './xml/tree.js';

/**
 * The apparatus: every intervention the walk recorded, as entries in document
 * order. `source` and `edited` are the readings over the entry's offsets, so an
 * entry never disagrees with the text it describes.
 */
/** An alternative read as text, and whether that text leaves something of it out (a nested rdg, a note). */
export type ReadAlternative = (el: XElement) => { text: string; edited: string; incomplete: boolean };

export function buildApparatus(
  records: readonly InterventionRecord[],
  at: Anchoring,
  readAlternative: ReadAlternative,
): { apparatus: Intervention[]; incomplete: XElement[] } {
  const incomplete: XElement[] = [];
  const read: ReadAlternative = (el) => {
    const r = readAlternative(el);
    if (r.incomplete) incomplete.push(el);
    return r;
  };
  const apparatus = records.map((r) => {
    const ed = r.editorial?.attributes;
    const reason = r.el.attributes.get('reason');
    const entry: Intervention = {
      kind: r.kind,
      element: r.el.local,
      source: at.sourceText(r),
      edited: at.editedText(r),
      ...optional('resp', ed?.get('resp') ?? r.el.attributes.get('resp')),
      ...optional('cert', ed?.get('cert') ?? r.el.attributes.get('cert')),
      ...optional('type', ed?.get('type')),
      ...optional('reason', reason),
      ...(r.kind === 'variant' && r.el.local === 'app' && r.editorial && { wit: witTokens(r.editorial) }),
      ...(r.alternatives.length > 0 && { alternatives: r.alternatives.map((a) => alternative(a, read)) }),
      offsets: at.offsets(r),
      position: at.position(r),
      ...at.note(r),
    };
    return entry;
  });
  return { apparatus, incomplete };
}

function alternative(el: XElement, read: ReadAlternative): Alternative {
  const a = el.attributes;
  const { text, edited } = read(el);
  return {
    text,
    ...(edited !== text && { edited }),
    element: el.local,
    ...optional('resp', a.get('resp')),
    ...optional('cert', a.get('cert')),
    ...optional('type', a.get('type')),
    ...(a.has('wit') && { wit: witTokens(el) }),
  };
}

function witTokens(el: XElement): string[] {
  return (el.attributes.get('wit') ?? '').split(/\s+/).filter(Boolean);
}

/** `{ key: value }` when there is a value, `{}` otherwise: optional properties are absent, never undefined. */
export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
