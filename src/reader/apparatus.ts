import type { Anchoring } from './anchoring.js';
import type { Alternative, Intervention } from './types.js';
import type { InterventionRecord } from './walk-text.js';
import type { XElement } from './xml/tree.js';

/**
 * The apparatus: every intervention the walk recorded, as entries in document
 * order. `source` and `edited` are the readings over the entry's offsets, so an
 * entry never disagrees with the text it describes.
 */
export function buildApparatus(records: readonly InterventionRecord[], at: Anchoring, readAlternative: (el: XElement) => string): Intervention[] {
  return records.map((r) => {
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
      ...(r.alternatives.length > 0 && { alternatives: r.alternatives.map((a) => alternative(a, readAlternative)) }),
      offsets: at.offsets(r),
      position: at.position(r),
      ...at.note(r),
    };
    return entry;
  });
}

function alternative(el: XElement, read: (el: XElement) => string): Alternative {
  const a = el.attributes;
  return {
    text: read(el),
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
