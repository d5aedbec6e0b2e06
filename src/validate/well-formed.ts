import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { XMLNS_NS, type XmlAttribute, type XmlDocument, type XmlElement } from './document-tree.js';
import { internalEntities } from './internal-entities.js';
import { LineMap } from './positions.js';

/**
 * Parses XML with saxes (XML 1.0 well-formedness and namespaces) into the tree
 * of document-tree.ts, stopping at the first fatal error as jing does.
 *
 * saxes reports some errors a few characters away from where jing (Xerces)
 * does; for the common ones the offset is moved to Xerces' place, so the line
 * and column agree (a mismatched end tag: just after `</`; a stray `<` or a
 * second root element: just after `<`; a forbidden character: the character;
 * a bare `&`: just after it).
 *
 * Offsets come from the source text rather than from more saxes events: with
 * a seventh event handler saxes's parser object turns slow (V8 stops treating
 * its properties as fast), and parsing takes five times as long. A start tag
 * begins at the last `<` before its end (no `<` can occur inside it), a text
 * after the last `>` before it.
 */

export interface FatalError {
  message: string;
  offset: number;
}

export type ParseOutcome = { document: XmlDocument } | { fatal: FatalError };

class Stop extends Error {
  constructor(readonly fatal: FatalError) {
    super(fatal.message);
  }
}

export function parseXml(text: string): ParseOutcome {
  // `position` stays available without saxes counting lines and columns: positions.ts does that, when needed.
  const parser = new SaxesParser({ xmlns: true, position: false });
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  // End of the last element tag or text read: where a bare "&" can have started.
  let lastNodeEnd = 0;
  let markupEntities = new Set<string>();

  const fail = (message: string, offset: number): never => {
    throw new Stop({ message, offset });
  };

  parser.on('error', (err) => {
    // saxes reads from "&" to the next ";" as one entity name, so "Smith & Co." surfaces far away, often at the end.
    const ampersand = bareAmpersand(text, lastNodeEnd, parser.position);
    if (ampersand >= 0) fail('"&" does not start an entity or character reference; write a literal & as &amp;', ampersand + 1);
    const message = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const entity = message === 'undefined entity' ? /&([^;&\s]*);?$/.exec(text.slice(lastNodeEnd, parser.position))?.[1] : undefined;
    if (entity !== undefined && markupEntities.has(entity)) fail(`entity "${entity}" contains markup, which teikit does not expand`, parser.position);
    fail(describe(message, entity), xercesOffset(message, parser.position, text));
  });
  if (text.includes('<!DOCTYPE')) {
    parser.on('doctype', (doctype) => {
      const { entities, withMarkup } = internalEntities(doctype);
      Object.assign(parser.ENTITIES, entities);
      markupEntities = withMarkup;
    });
  }
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const offset = text.lastIndexOf('<', parser.position - 1);
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes: attributesOf(tag, offset),
      namespaces: declarations(tag.ns),
      children: [],
      parent,
      offset,
      startTagEnd: parser.position,
      end: parser.position,
    };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
    lastNodeEnd = parser.position;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.end = parser.position;
    lastNodeEnd = parser.position;
  });
  parser.on('text', (value) => {
    // saxes reports text when it reaches the `<` after it (or the end of the input). It began at the end of
    // the last tag or text, or after a comment or PI since then (text holds no `<`, so a `<` starts one).
    const end = text[parser.position - 1] === '<' ? parser.position - 1 : parser.position;
    let start = lastNodeEnd;
    const markup = text.lastIndexOf('<', end - 1);
    if (markup >= start) {
      const close = text.startsWith('<!--', markup) ? '-->' : '?>';
      start = text.indexOf(close, markup) + close.length;
    }
    stack[stack.length - 1]?.children.push({ kind: 'text', value, start, end, cdata: false });
    lastNodeEnd = end;
  });
  parser.on('cdata', (value) => {
    const end = parser.position - ']]>'.length;
    const start = text.lastIndexOf('<![CDATA[', end) + '<![CDATA['.length;
    stack[stack.length - 1]?.children.push({ kind: 'text', value, start, end, cdata: true });
    lastNodeEnd = parser.position;
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Stop) return { fatal: err.fatal };
    throw err;
  }
  if (!root) return { fatal: { message: 'the document has no root element', offset: text.length } };
  return { document: { text, root, lines: new LineMap(text) } };
}

const NO_ATTRIBUTES: XmlAttribute[] = [];
const NO_DECLARATIONS: Array<[string, string]> = [];

function declarations(ns: Record<string, string> | undefined): Array<[string, string]> {
  // saxes gives every tag an object, nearly always empty: no array for those
  for (const _ in ns) return Object.entries(ns);
  return NO_DECLARATIONS;
}

function attributesOf(tag: SaxesTagNS, tagOffset: number): XmlAttribute[] {
  let out: XmlAttribute[] | undefined;
  for (const name in tag.attributes) {
    const a = tag.attributes[name] as SaxesAttributeNS;
    if (a.uri === XMLNS_NS) continue; // namespace declarations are not attributes to RelaxNG
    (out ??= []).push({ name: a.name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value, tagOffset });
  }
  return out ?? NO_ATTRIBUTES;
}

const REFERENCE = /&(?:#[0-9]+|#x[0-9A-Fa-f]+|[^\s&;<>"'=/]+);/y;
const NOT_TEXT = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<![CDATA[', ']]>'],
] as const;

/** The offset of the first "&" in [from, to) that does not begin a reference (outside comments, PIs and CDATA), or -1. */
function bareAmpersand(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '<') {
      const skip = NOT_TEXT.find(([open]) => text.startsWith(open, i));
      if (skip) {
        const close = text.indexOf(skip[1], i + skip[0].length);
        if (close < 0) return -1;
        i = close + skip[1].length - 1;
      }
    } else if (c === '&') {
      REFERENCE.lastIndex = i;
      if (!REFERENCE.test(text)) return i;
    }
  }
  return -1;
}

const MESSAGES: Record<string, string> = {
  'unexpected close tag': 'the end tag does not match the open element',
  'documents may contain only one root': 'the document has a second root element',
  'document must contain a root element': 'the document has no root element',
  'disallowed character': 'a character XML does not allow',
  'text data outside of root node': 'text after the root element',
};

function describe(saxesMessage: string, entity: string | undefined): string {
  if (entity !== undefined) return `undefined entity "&${entity};"`;
  return MESSAGES[saxesMessage] ?? saxesMessage;
}

function xercesOffset(message: string, position: number, text: string): number {
  // saxes has already closed the open elements when it reports this: find the end tag itself.
  if (message === 'unexpected close tag') return text.lastIndexOf('</', position - 1) + 2; // just after "</"
  if (message === 'documents may contain only one root' || message.startsWith('disallowed character in tag name')) {
    return text.lastIndexOf('<', position - 1) + 1; // just after "<"
  }
  if (message.startsWith('an XML declaration must be')) return text.lastIndexOf('<?xml', position) + '<?xml'.length;
  if (message === 'disallowed character') return position - (text.codePointAt(position - 2)! > 0xffff ? 2 : 1);
  return position;
}
