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
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XNode[];
  readonly parent: XElement | undefined;
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
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

export const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Element children only, in order. */
export function elementChildren(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.type === 'element') out.push(c);
  return out;
}

/** Every element below `el` in document order, without recursion (documents may nest deeply). */
export function* descendants(el: XElement): Generator<XElement> {
  const stack: { el: XElement; i: number }[] = [{ el, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.el.children.length) {
      stack.pop();
      continue;
    }
    const child = top.el.children[top.i++]!;
    if (child.type === 'element') {
      yield child;
      stack.push({ el: child, i: 0 });
    }
  }
}
