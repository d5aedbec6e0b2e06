import type { ReadingElement, Readings, XmlPosition } from './types.js';
import type { XElement } from './xml/tree.js';

/**
 * The elements the readings' segments point to: each with a path from the
 * root (`/TEI[1]/text[1]/body[1]/div[1]/p[3]`) and its line and column, so a
 * character of a reading leads back to the XML it came from.
 */
export function elementTable(elements: readonly XElement[], place: (offset: number) => XmlPosition): ReadingElement[] {
  const paths = new Map<XElement, string>();
  const positions = new Map<XElement, Map<XElement, number>>();

  // 1-based position among the siblings of the same name, counted once per parent.
  const step = (el: XElement): string => {
    const parent = el.parent;
    if (!parent) return `/${el.name}[1]`;
    let index = positions.get(parent);
    if (!index) {
      index = new Map();
      const seen = new Map<string, number>();
      for (const c of parent.children) {
        if (c.type !== 'element') continue;
        const n = (seen.get(c.name) ?? 0) + 1;
        seen.set(c.name, n);
        index.set(c, n);
      }
      positions.set(parent, index);
    }
    return `/${el.name}[${index.get(el)!}]`;
  };

  // Iterative up the ancestors: a path may be thousands of steps long.
  const pathOf = (el: XElement): string => {
    const chain: XElement[] = [];
    let at: XElement | undefined = el;
    while (at && !paths.has(at)) {
      chain.push(at);
      at = at.parent;
    }
    let prefix = at ? paths.get(at)! : '';
    for (let i = chain.length - 1; i >= 0; i--) {
      prefix += step(chain[i]!);
      paths.set(chain[i]!, prefix);
    }
    return prefix;
  };

  return elements.map((el) => {
    const { line, column } = place(el.offset);
    return { name: el.name, path: pathOf(el), line, column };
  });
}

/**
 * The element a character of a reading came from: the innermost element
 * whose text (or line break, or placeholder) it is. Undefined for the
 * characters that separate units and for offsets outside the reading.
 */
export function elementAt(readings: Readings, reading: 'diplomatic' | 'corrected', offset: number): ReadingElement | undefined {
  const segs = readings.segments[reading];
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end, element] = segs[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return readings.elements[element];
  }
  return undefined;
}
