import type { LineMap } from './positions.js';

/**
 * The parsed document that the schema check and the editorial rules both
 * walk: elements with resolved namespaces, attributes and text, each with its
 * offset in the source text so a finding can name its line and column.
 */

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttribute {
  /** The qualified name as written (`xml:id`). */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** The namespace URI; '' for an unprefixed attribute. */
  readonly uri: string;
  readonly value: string;
  /** Offset of the `<` of the attribute's element; attributeOffset() finds the attribute itself. */
  readonly tagOffset: number;
}

export interface XmlText {
  readonly kind: 'text';
  readonly value: string;
  /** The raw source span, before entity references are expanded (a CDATA section: its content). */
  readonly start: number;
  readonly end: number;
  readonly cdata: boolean;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  /** Namespace declarations made on this element, as [prefix, uri] ('' for the default namespace). */
  readonly namespaces: ReadonlyArray<readonly [string, string]>;
  readonly children: Array<XmlElement | XmlText>;
  readonly parent: XmlElement | undefined;
  /** Offset of `<`. */
  readonly offset: number;
  /** Offset just after the start tag's `>` (or `/>`). */
  readonly startTagEnd: number;
  /** Offset just after the end tag's `>` (the start tag's, for an empty-element tag). */
  end: number;
}

export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement;
  readonly lines: LineMap;
}

/** The value of an attribute without a namespace (`ref`), or with one (`id` in XML_NS). */
export function attribute(el: XmlElement, local: string, uri = ''): string | undefined {
  for (const a of el.attributes) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The text of an element and its descendants, as a reader sees it. */
export function textContent(el: XmlElement): string {
  let out = '';
  const stack: Array<XmlElement | XmlText> = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'text') out += node.value;
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/**
 * The offset of an attribute's name in the source. Found on demand, by reading
 * the start tag from its `<`: only a finding reported at an attribute needs it.
 */
export function attributeOffset(text: string, attribute: XmlAttribute): number {
  const tag = /^<[^\s/>]+/.exec(text.slice(attribute.tagOffset, attribute.tagOffset + 1000));
  let i = attribute.tagOffset + (tag?.[0].length ?? 1);
  const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(text);
    if (!m) return attribute.tagOffset;
    if (m[1] === attribute.name) return m.index + m[0].indexOf(m[1]);
    i = ATTRIBUTE.lastIndex;
  }
}

export function isTei(el: XmlElement, local?: string): boolean {
  return el.uri === TEI_NS && (local === undefined || el.local === local);
}
