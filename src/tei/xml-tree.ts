/**
 * The TEI tree teikit builds before serialising: a small xast-like element
 * tree. Attributes keep insertion order, which is part of what makes the
 * output byte-for-byte deterministic.
 */

export interface XmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Running text lives here (a `p`, a `docAuthor`): written on one line, with no whitespace added. */
  mixed?: boolean;
}

export interface XmlText {
  type: 'text';
  value: string;
}

/**
 * XML already serialised, written as it is. The encoder serialises each
 * paragraph as soon as it is built, so a 10 MB text never holds its whole
 * inline tree in memory at once.
 */
export interface XmlRaw {
  type: 'raw';
  value: string;
}

export type XmlNode = XmlElement | XmlText | XmlRaw;

export type Child = XmlNode | string | undefined | false | null | readonly Child[];

/** Builds an element; attributes whose value is undefined are left out, strings become text nodes. */
export function el(name: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): XmlElement {
  const attrs: Record<string, string> = {};
  for (const k in attributes) {
    const v = attributes[k];
    if (v !== undefined) attrs[k] = v;
  }
  const out: XmlNode[] = [];
  appendChildren(out, children);
  return { type: 'element', name, attributes: attrs, children: out };
}

/** An element holding running text: see `XmlElement.mixed`. */
export function textEl(name: string, attributes: Record<string, string | undefined>, ...children: Child[]): XmlElement {
  const element = el(name, attributes, ...children);
  element.mixed = true;
  return element;
}

export function text(value: string): XmlText {
  return { type: 'text', value };
}

/** Children as nodes: strings become text nodes, empty values and nesting disappear. */
export function childNodes(children: readonly Child[]): XmlNode[] {
  const out: XmlNode[] = [];
  appendChildren(out, children);
  return out;
}

function appendChildren(out: XmlNode[], children: readonly Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (typeof c === 'string') {
      if (c !== '') out.push({ type: 'text', value: c });
    } else if (Array.isArray(c)) {
      appendChildren(out, c as readonly Child[]);
    } else {
      out.push(c as XmlNode);
    }
  }
}
