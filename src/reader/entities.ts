import { optional } from './apparatus.js';
import type { Anchoring } from './anchoring.js';
import type { Entities, EntityEntry, ReadEntityKind, EntityMention, ReadDiagnostic } from './types.js';
import type { Tracked } from './walk-text.js';
import { elementChildren, forEachDescendant, type XElement } from './xml/tree.js';

/**
 * People, organisations and places: the register entries the document keeps
 * (anywhere: standOff, particDesc, settingDesc, sourceDesc, back), and the
 * names in the text that point to them with `@ref="#id"`.
 */

const ENTRY_KINDS: ReadonlyMap<string, ReadEntityKind> = new Map([
  ['person', 'person'],
  ['personGrp', 'person'],
  ['org', 'org'],
  ['place', 'place'],
]);

const NAME_CHILDREN = new Set(['persName', 'orgName', 'placeName', 'geogName', 'name']);
const NO_TOKENS: readonly string[] = [];

export interface Register {
  entries: EntityEntry[];
  byId: Map<string, EntityEntry>;
  /** Every xml:id in the document and its element, to tell a pointer to something else from one to nothing. */
  ids: Map<string, XElement>;
}

export function collectRegister(root: XElement, isTei: (el: XElement) => boolean, readText: (el: XElement) => string): Register {
  const entries: EntityEntry[] = [];
  const byId = new Map<string, EntityEntry>();
  const ids = new Map<string, XElement>();
  forEachDescendant(root, (el) => {
    const id = el.attributes.get('xml:id');
    if (id === undefined) return;
    if (!ids.has(id)) ids.set(id, el);
    const kind = isTei(el) ? ENTRY_KINDS.get(el.local) : undefined;
    if (kind === undefined || byId.has(id)) return;
    const children = elementChildren(el).filter(isTei);
    const nameEl = children.find((c) => NAME_CHILDREN.has(c.local));
    const noteEl = children.find((c) => c.local === 'note');
    const entry: EntityEntry = {
      id,
      kind,
      ...optional('name', nameEl && readText(nameEl)),
      idnos: children.filter((c) => c.local === 'idno').map((c) => ({ ...optional('type', c.attributes.get('type')), value: readText(c) })),
      ...optional('note', noteEl && readText(noteEl)),
      mentions: [],
    };
    entries.push(entry);
    byId.set(id, entry);
  });
  return { entries, byId, ids };
}

/** Files each mention under the entries its `@ref` points to; what points nowhere is kept apart, a broken local pointer with a warning. */
export function resolveMentions(mentions: readonly Tracked[], register: Register, at: Anchoring): { entities: Entities; diagnostics: ReadDiagnostic[] } {
  const unresolved: EntityMention[] = [];
  const diagnostics: ReadDiagnostic[] = [];
  for (const m of mentions) {
    const ref = m.el.attributes.get('ref');
    const element = m.el.local;
    const text = at.sourceText(m);
    const offsets = at.offsets(m);
    const position = at.position(m);
    // Whole literals, not spreads: there is one of these per name in the text.
    const mention: EntityMention = ref === undefined ? { element, text, offsets, position } : { element, ref, text, offsets, position };
    if (m.flow.note !== undefined) mention.note = m.flow.note;
    let filed = false;
    const tokens = ref === undefined ? NO_TOKENS : /\s/.test(ref) ? ref.split(/\s+/).filter(Boolean) : [ref];
    for (const token of tokens) {
      if (!token.startsWith('#')) continue;
      const id = token.slice(1);
      const entry = register.byId.get(id);
      if (entry) {
        entry.mentions.push(mention);
        filed = true;
        continue;
      }
      const other = register.ids.get(id);
      diagnostics.push({
        severity: 'warning',
        code: 'ref-not-found',
        message: other
          ? `<${m.el.name} ref="${ref}"> points to <${other.name} xml:id="${id}">, which is not a person, organisation or place entry`
          : `<${m.el.name} ref="${ref}"> points to "#${id}", which no element of the document has as its xml:id`,
        file: 'source',
        place: mention.position,
        hint: 'add the entry to the register (listPerson, listOrg, listPlace) or correct the pointer',
      });
    }
    if (!filed) unresolved.push(mention);
  }
  const of = (kind: ReadEntityKind): EntityEntry[] => register.entries.filter((e) => e.kind === kind);
  return { entities: { people: of('person'), organisations: of('org'), places: of('place'), unresolved }, diagnostics };
}
