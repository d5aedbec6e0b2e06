/**
 * General entities declared in a document's internal DTD subset
 * (`<!DOCTYPE TEI [ <!ENTITY ed "Editor"> ]>`), expanded to the text they stand
 * for, so `&ed;` in the document is read as jing reads it.
 *
 * Only text entities are expanded. An entity whose replacement text holds
 * markup (`<!ENTITY sig "<hi>S.</hi>">`) is reported when used, and external
 * entities (SYSTEM, PUBLIC) are never fetched: both stay undefined. As
 * XML 1.0 §4.4.8 allows a processor that does not read external parameter
 * entities, declarations after the first parameter-entity reference are skipped.
 */

export interface InternalEntities {
  /** Entity name to its text. */
  entities: Record<string, string>;
  /** Declared entities left undefined because their text holds markup. */
  withMarkup: Set<string>;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };
// Entity expansion beyond this many characters is refused ("billion laughs").
const MAX_EXPANSION = 1 << 20;

const DECLARATION = /<!ENTITY\s+(%\s+)?([^\s%;&<>"']+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/y;

export function internalEntities(doctype: string): InternalEntities {
  const open = doctype.indexOf('[');
  const raw = new Map<string, string>();
  if (open >= 0) {
    const close = doctype.lastIndexOf(']');
    const subset = doctype.slice(open + 1, close > open ? close : undefined);
    let i = 0;
    while (i < subset.length) {
      if (subset.startsWith('<!--', i)) {
        i = end(subset, '-->', i);
      } else if (subset.startsWith('<?', i)) {
        i = end(subset, '?>', i);
      } else if (subset.startsWith('<!ENTITY', i)) {
        DECLARATION.lastIndex = i;
        const m = DECLARATION.exec(subset);
        if (!m) {
          i = end(subset, '>', i);
          continue;
        }
        const [, parameter, name, double, single] = m;
        const value = double ?? single;
        // The first declaration of a name binds (XML 1.0 §4.2); parameter and external entities are not expanded.
        if (!parameter && value !== undefined && !raw.has(name!)) raw.set(name!, expandCharacterReferences(value));
        i = DECLARATION.lastIndex;
      } else if (subset[i] === '%') {
        break;
      } else if (subset[i] === '<') {
        i = end(subset, '>', i);
      } else {
        i++;
      }
    }
  }
  const entities: Record<string, string> = {};
  const withMarkup = new Set<string>();
  for (const name of raw.keys()) {
    const text = expand(name, raw, []);
    if (text === undefined) withMarkup.add(name);
    else entities[name] = text;
  }
  return { entities, withMarkup };
}

function end(s: string, close: string, from: number): number {
  const at = s.indexOf(close, from);
  return at < 0 ? s.length : at + close.length;
}

function expandCharacterReferences(s: string): string {
  return s.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (ref, n: string) => {
    const cp = n.startsWith('x') ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : ref;
  });
}

/** The text an entity stands for when used in content, or undefined if it holds markup, loops or is too large. */
function expand(name: string, raw: Map<string, string>, open: string[]): string | undefined {
  const replacement = raw.get(name);
  if (replacement === undefined || replacement.includes('<') || open.includes(name)) return undefined;
  let out = '';
  let i = 0;
  while (i < replacement.length) {
    const amp = replacement.indexOf('&', i);
    if (amp < 0) {
      out += replacement.slice(i);
      break;
    }
    out += replacement.slice(i, amp);
    const semi = replacement.indexOf(';', amp);
    if (semi < 0) return undefined;
    const ref = replacement.slice(amp + 1, semi);
    const text = ref.startsWith('#') ? expandCharacterReferences(`&${ref};`) : PREDEFINED[ref] ?? expand(ref, raw, [...open, name]);
    if (text === undefined) return undefined;
    out += text;
    if (out.length > MAX_EXPANSION) return undefined;
    i = semi + 1;
  }
  return out;
}
