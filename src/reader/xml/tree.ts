/**
 * The XML tree the reader builds: elements and text, each with the offset in
 * the (line-end normalised) XML where it starts, so that anything the reader
 * says about a node can name its line and column. Comments, processing
 * instructions and the DOCTYPE are not part of it: TEI gives them no meaning
 * in the text.
 *
 * Attributes are a Map, never an object keyed by attribute name: a document
 * with an attribute called `__proto__` or `constructor` must give back those
 * names as data, not reach into Object.prototype.
 */

export interface XElement {
  readonly type: 'element';
  /** The name as written, with its prefix: `tei:p`, `p`. */
  readonly name: string;
  /** The name without its prefix. */
  readonly local: string;
  /** Namespace URI, `''` when the element is in no namespace. */
  readonly ns: string;
  /** Attributes by their name as written (`xml:id`, `ref`), values with entity and character references resolved. */
  readonly attributes: Attributes;
  readonly children: XNode[];
  readonly parent: XElement | undefined;
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
  /**
   * The element's index in the readings' element table, -1 until the walk
   * gives it one. Kept on the element because it is looked up for every run
   * of text, and a field is cheaper than a hash table.
   */
  tableIndex: number;
}

export interface XText {
  readonly type: 'text';
  /** The characters, with references resolved and CDATA sections unwrapped; adjacent pieces are merged. */
  value: string;
  readonly offset: number;
}

export type XNode = XElement | XText;

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

/**
 * An element's attributes, in document order. A flat list searched in order
 * rather than a Map: TEI elements carry a handful of attributes, and a
 * document holds hundreds of thousands of elements, each of which would
 * otherwise pay for a hash table.
 */
export class Attributes implements Iterable<[string, string]> {
  /** `list` is `[name, value, name, value, …]`. */
  constructor(private readonly list: readonly string[]) {}

  get(name: string): string | undefined {
    const l = this.list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name) return l[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get size(): number {
    return this.list.length / 2;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (let i = 0; i < this.list.length; i += 2) yield [this.list[i]!, this.list[i + 1]!];
  }
}

export const NO_ATTRIBUTES = new Attributes([]);

/** Element children only, in order. */
export function elementChildren(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.type === 'element') out.push(c);
  return out;
}

/**
 * Calls `visit` on every element below `el`, in document order, without
 * recursion (documents may nest deeply); stops when `visit` returns true.
 */
export function forEachDescendant(el: XElement, visit: (el: XElement) => boolean | void): void {
  const elements: XElement[] = [];
  const next: number[] = [];
  let at = el;
  let i = 0;
  for (;;) {
    if (i < at.children.length) {
      const child = at.children[i++]!;
      if (child.type !== 'element') continue;
      if (visit(child) === true) return;
      if (child.children.length > 0) {
        elements.push(at);
        next.push(i);
        at = child;
        i = 0;
      }
    } else {
      const parent = elements.pop();
      if (parent === undefined) return;
      at = parent;
      i = next.pop()!;
    }
  }
}

/** The elements below `el` for which `test` holds, in document order. */
export function descendants(el: XElement, test: (el: XElement) => boolean = () => true): XElement[] {
  const out: XElement[] = [];
  forEachDescendant(el, (d) => {
    if (test(d)) out.push(d);
  });
  return out;
}
