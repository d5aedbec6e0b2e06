import type { Register, RegisterEntry } from '../config/types.js';
import { el, type XmlElement } from './xml-tree.js';

/**
 * The edition's register of people, organisations and places, written as
 * `standOff` lists that the names in the text point to with `@ref`. With
 * `keep`, only those entries (a batch writes what each text points to, not the
 * whole corpus register into every file).
 */
export function registerElement(register: Register, keep?: ReadonlySet<string>): XmlElement | undefined {
  const kept = (entries: readonly RegisterEntry[] | undefined) => (keep === undefined ? entries : entries?.filter((e) => keep.has(e.id)));
  const lists = [
    list('listPerson', 'person', 'persName', kept(register.people)),
    list('listOrg', 'org', 'orgName', kept(register.organisations)),
    list('listPlace', 'place', 'placeName', kept(register.places)),
  ].filter((l): l is XmlElement => l !== undefined);
  return lists.length > 0 ? el('standOff', {}, lists) : undefined;
}

function list(listName: string, entryName: string, nameElement: string, entries: readonly RegisterEntry[] | undefined): XmlElement | undefined {
  if (!entries || entries.length === 0) return undefined;
  return el(
    listName,
    {},
    entries.map((e) =>
      el(
        entryName,
        { 'xml:id': e.id },
        el(nameElement, {}, e.name),
        Object.entries(e.idno ?? {})
          .filter((kv): kv is [string, string] => kv[1] !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([type, value]) => el('idno', { type }, value)),
        e.note !== undefined && el('note', {}, e.note),
      ),
    ),
  );
}
