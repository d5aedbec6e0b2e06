import type { ReadingElement, Readings, XmlPosition } from './types.js';
import type { XElement } from './xml/tree.js';

/**
 * The elements the readings' segments point to, and their ancestors: each
 * with its parent's index and its position among same-named siblings, so the
 * path of any of them can be rebuilt (`elementPath`), and its line and column.
 *
 * A table of parents rather than a path per element keeps the map linear in
 * the document: paths of deeply nested elements would repeat their ancestors
 * in every entry, quadratic in the depth.
 */
export function elementTable(owners: readonly XElement[], place: (offset: number) => XmlPosition): ReadingElement[] {
  // Owners hold indices 0…n-1 (given by the walk); ancestors are numbered after them.
  const all: XElement[] = [...owners];
  for (let i = 0; i < all.length; i++) {
    const parent = all[i]!.parent;
    if (parent && parent.tableIndex < 0) {
      parent.tableIndex = all.length;
      all.push(parent);
    }
  }
  const positions = new Map<XElement, Map<XElement, number>>();
  return all.map((el) => {
    const { line, column } = place(el.offset);
    return { name: el.name, parent: el.parent ? el.parent.tableIndex : null, position: siblingPosition(el, positions), line, column };
  });
}

/**
 * 1-based position among the siblings of the same name: counted by a scan
 * among a few siblings, from a table built once per parent among many (where
 * scans would be quadratic).
 */
function siblingPosition(el: XElement, tables: Map<XElement, Map<XElement, number>>): number {
  const parent = el.parent;
  if (!parent) return 1;
  const siblings = parent.children;
  if (siblings.length <= 32) {
    let n = 0;
    for (const c of siblings) {
      if (c.type === 'element' && c.name === el.name) n++;
      if (c === el) break;
    }
    return n;
  }
  let table = tables.get(parent);
  if (!table) {
    table = new Map();
    const seen = new Map<string, number>();
    for (const c of siblings) {
      if (c.type !== 'element') continue;
      const n = (seen.get(c.name) ?? 0) + 1;
      seen.set(c.name, n);
      table.set(c, n);
    }
    tables.set(parent, table);
  }
  return table.get(el)!;
}

/** The path of `readings.elements[index]` from the root: `/TEI[1]/text[1]/body[1]/div[1]/p[3]`. */
export function elementPath(readings: Readings, index: number): string {
  const steps: string[] = [];
  for (let i: number | null = index; i !== null && i >= 0; ) {
    const el: ReadingElement | undefined = readings.elements[i];
    if (!el) break;
    steps.push(`/${el.name}[${el.position}]`);
    i = el.parent;
  }
  return steps.reverse().join('');
}

/**
 * The element a character of a reading came from: the innermost element
 * whose text (or line break, or placeholder) it is, with its path. Undefined
 * for the characters that separate units and for offsets outside the reading.
 */
export function elementAt(readings: Readings, reading: 'diplomatic' | 'corrected', offset: number): (ReadingElement & { index: number; path: string }) | undefined {
  const segs = readings.segments[reading];
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, index] = segs[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return { ...readings.elements[index]!, index, path: elementPath(readings, index) };
  }
  return undefined;
}
