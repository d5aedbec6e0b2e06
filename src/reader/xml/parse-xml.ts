import { TeikitError } from '../../diagnostics.js';
import { findForbiddenXmlChars, hasForbiddenXmlChar } from '../../source/xml-chars.js';
import type { ReadDiagnostic } from '../types.js';
import { declaredEncodingFits, decodeXml } from './decode-xml.js';
import { readDoctype, type Doctype } from './doctype.js';
import { EntityError, EntityTable } from './entities.js';
import { nameEnd, referenceAt } from './names.js';
import { Positions } from './positions.js';
import { Scanner } from './scanner.js';
import { Attributes, NO_ATTRIBUTES, XML_NAMESPACE, type XElement, type XNode, type XText } from './tree.js';

/**
 * A small, strict, non-validating XML 1.0 parser for documents from strangers.
 *
 * Why not fast-xml-parser (a dependency already)? Checked in 5.3.4: with
 * `processEntities` on it expands DOCTYPE entities by regular-expression
 * replacement on every text with no limit (a 106 KB document became 200 MB of
 * text in 1.5 s); its XMLValidator throws a TypeError on an attribute named
 * `hasOwnProperty`, accepts undeclared entities, unclosed comments and control
 * characters; the parser renames `__proto__` to `#__proto__`, keeps no
 * positions for text, and its tag-path strings make deep nesting quadratic.
 * The reader needs the opposite on each point, so it reads XML itself:
 *
 * - one pass, iterative (no recursion at any depth), linear in the input;
 * - every well-formedness error is a TeikitError with a stable code (`xml-…`)
 *   and the line and column of the offending character;
 * - limits checked while reading, before the work they bound: element depth
 *   (`maxDepth`), attribute length (`maxAttributeLength`, checked before the
 *   value is copied) and entity expansion (`maxEntityExpansion`, see entities.ts);
 * - external entities and DTDs are never fetched or read;
 * - attributes are Maps, so no name reaches Object.prototype.
 *
 * Namespaces are resolved (a prefixed `tei:p` is a TEI `p`). Comments,
 * processing instructions and the DOCTYPE are read past; CDATA sections become
 * text. Attribute defaults declared in a DTD are not applied.
 */

export interface XmlLimits {
  maxDepth: number;
  maxAttributeLength: number;
  maxEntityExpansion: number;
}

export interface ParsedXml {
  root: XElement;
  /** The XML with line ends normalised: the text every offset in the tree counts in. */
  text: string;
  positions: Positions;
  doctype: Doctype | undefined;
  /** What the parser noticed without refusing the document (an external DTD it did not read, …). */
  diagnostics: ReadDiagnostic[];
}

const XML_DECLARATION = /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\4)?[ \t\n]*\?>/y;

// A quick scan first: the exact test needs look-arounds for lone surrogates, and is slower.
const MAYBE_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

type Scope = ReadonlyMap<string, string>;

const NO_CHILDREN = Object.freeze([]) as unknown as XNode[];
const ROOT_SCOPE: Scope = new Map([
  ['xml', XML_NAMESPACE],
  ['xmlns', 'http://www.w3.org/2000/xmlns/'],
]);

interface MutableElement extends XElement {
  children: XNode[];
}

export function parseXml(input: string | Uint8Array, limits: XmlLimits): ParsedXml {
  const { text, decodedFrom } = decodeXml(input);
  const positions = new Positions(text);
  const s = new Scanner(text, positions);
  const fail: (code: string, message: string, offset?: number, hint?: string) => never = (code, message, offset, hint) => s.fail(code, message, offset, hint);

  if (/^[ \t\n]*$/.test(text)) fail('empty-xml', 'the file is empty: there is no XML to read', 0);
  const firstMark = text.search(/[^ \t\n]/);
  if (text[firstMark] !== '<') {
    fail('not-xml', `the file does not start with markup ("<") but with ${JSON.stringify(text.slice(firstMark, firstMark + 20))}: it is not an XML document`, firstMark);
  }
  // XML 1.0 §2.2 holds for the whole file, markup and all: one scan of the text up front.
  if (MAYBE_FORBIDDEN.test(text) && hasForbiddenXmlChar(text)) throw new TeikitError(findForbiddenXmlChars(text, positions.lineStarts()));

  const diagnostics: ReadDiagnostic[] = [];
  const entities = new EntityTable(limits.maxEntityExpansion);
  let doctype: Doctype | undefined;

  // The XML declaration, only at the very start.
  XML_DECLARATION.lastIndex = 0;
  const decl = text.startsWith('<?xml') && /^<\?xml[ \t\n?]/.test(text) ? XML_DECLARATION.exec(text) : undefined;
  if (decl === null) fail('xml-bad-declaration', 'malformed XML declaration: expected <?xml version="1.0" encoding="…"?>', 0);
  if (decl) {
    const encoding = decl[3];
    if (encoding !== undefined && decodedFrom !== undefined && !declaredEncodingFits(encoding, decodedFrom)) {
      fail('unsupported-encoding', `the XML declares encoding "${encoding}", but teikit reads only UTF-8 (and UTF-16 with a byte-order mark)`, 0, 'convert the file to UTF-8 and declare encoding="UTF-8"');
    }
    s.pos = decl[0].length;
  }

  const expandEntity = (name: string, at: number, inAttribute: boolean): string => {
    try {
      return entities.expand(name, inAttribute);
    } catch (err) {
      if (!(err instanceof EntityError)) throw err;
      let hint = err.hint;
      if (err.code === 'xml-undefined-entity' && doctype?.systemId !== undefined) hint = `it may be declared in the external DTD ${JSON.stringify(doctype.systemId)}, which teikit never reads`;
      else if (err.code === 'xml-undefined-entity' && doctype?.parameterEntityAt !== undefined) hint = 'declarations after a parameter-entity reference in the DOCTYPE are not processed';
      else if (err.code === 'xml-undefined-entity') hint = 'XML knows only &lt; &gt; &amp; &apos; &quot; and entities the document declares; HTML names such as &nbsp; are not XML';
      return fail(err.code, err.message, at, hint);
    }
  };

  // Text with its references resolved; `at` is the offset of `raw` in the document.
  const resolveText = (raw: string, at: number): string => {
    let amp = raw.indexOf('&');
    if (amp === -1) return raw;
    const out: string[] = [];
    let i = 0;
    for (; amp !== -1; amp = raw.indexOf('&', i)) {
      out.push(raw.slice(i, amp));
      const ref = referenceAt(raw, amp);
      if (ref.kind === 'bad') fail(ref.code, ref.reason, at + amp);
      out.push(ref.kind === 'char' ? ref.value : expandEntity(ref.name, at + amp, false));
      i = ref.end;
    }
    out.push(raw.slice(i));
    return out.join('');
  };

  // Attribute-value normalisation (§3.3.3): literal tab and LF become spaces; characters from references stay.
  const resolveAttribute = (raw: string, at: number): string => {
    const lt = raw.indexOf('<');
    if (lt !== -1) fail('xml-bad-attribute', '"<" cannot stand in an attribute value; write &lt;', at + lt);
    const spaced = (x: string): string => (x.indexOf('\n') === -1 && x.indexOf('\t') === -1 ? x : x.replace(/[\t\n]/g, ' '));
    let amp = raw.indexOf('&');
    if (amp === -1) return spaced(raw);
    const out: string[] = [];
    let i = 0;
    for (; amp !== -1; amp = raw.indexOf('&', i)) {
      out.push(spaced(raw.slice(i, amp)));
      const ref = referenceAt(raw, amp);
      if (ref.kind === 'bad') fail(ref.code, ref.reason, at + amp);
      out.push(ref.kind === 'char' ? ref.value : expandEntity(ref.name, at + amp, true));
      i = ref.end;
    }
    out.push(spaced(raw.slice(i)));
    return out.join('');
  };

  const stack: MutableElement[] = [];
  const scopes: Scope[] = [];
  let root: MutableElement | undefined;

  const appendText = (value: string, offset: number): void => {
    if (value === '') return;
    const parent = stack[stack.length - 1]!;
    const last = parent.children[parent.children.length - 1];
    if (last !== undefined && last.type === 'text') last.value += value;
    else parent.children.push({ type: 'text', value, offset } satisfies XText);
  };

  const startTag = (): void => {
    const start = s.pos;
    s.pos++;
    const name = s.name('an element name after "<"');
    let list: string[] | undefined;
    // Past a few attributes a duplicate is looked for in a Set, so a start tag with a million attributes stays linear.
    let seen: Set<string> | undefined;
    let declaresNamespace = false;
    let prefixedAttribute = false;
    let selfClosing = false;
    for (;;) {
      const spaced = s.skipSpace();
      const c = text.charCodeAt(s.pos);
      if (c === 0x3e /* > */) {
        s.pos++;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(s.pos + 1) === 0x3e) {
        s.pos += 2;
        selfClosing = true;
        break;
      }
      if (s.done) fail('xml-unterminated', `the start tag <${name}> is never closed by ">"`, start);
      if (!spaced) fail('xml-bad-attribute', `expected white space, ">" or "/>" in the start tag <${name}>, found ${s.describeHere()}`);
      const attrAt = s.pos;
      const nameEndsAt = nameEnd(text, s.pos);
      if (nameEndsAt === s.pos) fail('xml-bad-attribute', `expected an attribute name or ">" in the start tag <${name}>, found ${s.describeHere()}`);
      const attrName = text.slice(s.pos, nameEndsAt);
      s.pos = nameEndsAt;
      s.skipSpace();
      if (!s.at('=')) fail('xml-bad-attribute', `attribute ${attrName} of <${name}> has no value: expected "="`, attrAt);
      s.pos++;
      s.skipSpace();
      const q = text[s.pos];
      if (q !== '"' && q !== "'") fail('xml-bad-attribute', `the value of attribute ${attrName} must be in quotes`, s.pos);
      const valueStart = s.pos + 1;
      const valueEnd = text.indexOf(q, valueStart);
      if (valueEnd === -1) fail('xml-unterminated', `the value of attribute ${attrName} is never closed by ${q}`, s.pos);
      // Measured before the value is copied: a 100 MB attribute costs one scan, not a 100 MB string.
      if (valueEnd - valueStart > limits.maxAttributeLength) {
        fail(
          'xml-attribute-too-long',
          `attribute ${attrName} of <${name}> is ${(valueEnd - valueStart).toLocaleString('en')} characters long, more than maxAttributeLength (${limits.maxAttributeLength.toLocaleString('en')})`,
          attrAt,
        );
      }
      const value = resolveAttribute(text.slice(valueStart, valueEnd), valueStart);
      if (value.length > limits.maxAttributeLength) {
        fail('xml-attribute-too-long', `attribute ${attrName} of <${name}> expands to more than maxAttributeLength (${limits.maxAttributeLength.toLocaleString('en')}) characters`, attrAt);
      }
      list ??= [];
      if (list.length >= 16) {
        if (!seen) {
          seen = new Set();
          for (let i = 0; i < list.length; i += 2) seen.add(list[i]!);
        }
        if (seen.has(attrName)) fail('xml-duplicate-attribute', `attribute ${attrName} appears twice in <${name}>`, attrAt);
        seen.add(attrName);
      } else {
        for (let i = 0; i < list.length; i += 2) if (list[i] === attrName) fail('xml-duplicate-attribute', `attribute ${attrName} appears twice in <${name}>`, attrAt);
      }
      list.push(attrName, value);
      if (attrName.startsWith('xmlns')) declaresNamespace = true;
      else if (attrName.includes(':')) prefixedAttribute = true;
      s.pos = valueEnd + 1;
    }

    const depth = stack.length + 1;
    if (depth > limits.maxDepth) {
      fail('xml-too-deep', `elements nest more than maxDepth (${limits.maxDepth.toLocaleString('en')}) deep here`, start, 'a TEI document nests a few dozen levels; raise maxDepth only for a document you trust');
    }
    const attributes = list ? new Attributes(list) : NO_ATTRIBUTES;
    const parentScope = scopes[scopes.length - 1] ?? ROOT_SCOPE;
    const scope = declaresNamespace ? declareNamespaces(attributes, parentScope) : parentScope;
    const colon = name.indexOf(':');
    const local = colon === -1 ? name : name.slice(colon + 1);
    let ns: string;
    if (colon === -1) {
      ns = scope.get('') ?? '';
    } else {
      const prefix = name.slice(0, colon);
      if (local.includes(':') || prefix === '' || local === '') fail('xml-bad-name', `${name} is not a valid qualified name`, start + 1);
      const bound = scope.get(prefix);
      if (bound === undefined) fail('xml-unbound-prefix', `the prefix "${prefix}" of <${name}> is not bound to a namespace`, start + 1);
      ns = bound;
    }
    if (prefixedAttribute) {
      for (const [key] of attributes) {
        const c = key.indexOf(':');
        if (c > 0 && key.slice(0, c) !== 'xmlns' && !scope.has(key.slice(0, c))) {
          fail('xml-unbound-prefix', `the prefix of attribute ${key} on <${name}> is not bound to a namespace`, start);
        }
      }
    }
    const parent = stack[stack.length - 1];
    // An empty element shares one frozen child list: many elements are empty (lb, pb, anchor).
    const children = selfClosing ? NO_CHILDREN : [];
    const el: MutableElement = { type: 'element', name, local, ns, attributes, children, parent, offset: start, tableIndex: -1 };
    if (parent) parent.children.push(el);
    else root = el;
    if (!selfClosing) {
      stack.push(el);
      scopes.push(scope);
    }
  };

  const endTag = (): void => {
    const start = s.pos;
    const open = stack.pop();
    scopes.pop();
    // The name is compared in place, not copied out: this runs for every element.
    const end = nameEnd(text, start + 2);
    if (end === start + 2) {
      s.pos = start + 2;
      fail('xml-bad-name', `expected an element name after "</", found ${s.describeHere()}`);
    }
    if (!open || end - start - 2 !== open.name.length || !text.startsWith(open.name, start + 2)) {
      const name = text.slice(start + 2, end);
      if (!open) fail('xml-unexpected-end-tag', `end tag </${name}> has no start tag`, start);
      const p = positions.place(open.offset);
      fail('xml-mismatched-tag', `end tag </${name}> does not match the start tag <${open.name}> at ${p.line}:${p.column}`, start);
    }
    s.pos = end;
    s.skipSpace();
    if (!s.at('>')) fail('xml-syntax', `expected ">" to close the end tag </${open.name}>, found ${s.describeHere()}`);
    s.pos++;
  };

  const comment = (): void => {
    const start = s.pos;
    const end = text.indexOf('-->', s.pos + 4);
    if (end === -1) fail('xml-unterminated', 'comment never closed by -->', start);
    const body = text.slice(start + 4, end);
    const dashes = body.indexOf('--');
    if (dashes !== -1 || body.endsWith('-')) fail('xml-bad-comment', 'a comment cannot contain "--"', dashes !== -1 ? start + 4 + dashes : end - 1);
    s.pos = end + 3;
  };

  const processingInstruction = (): void => {
    const start = s.pos;
    s.pos += 2;
    const target = s.name('a processing-instruction target after "<?"');
    if (target.toLowerCase() === 'xml') fail('xml-bad-declaration', 'the XML declaration <?xml …?> may only stand at the very start of the file', start);
    const end = text.indexOf('?>', s.pos);
    if (end === -1) fail('xml-unterminated', `processing instruction <?${target} is never closed by ?>`, start);
    if (end > s.pos && !s.skipSpace()) fail('xml-syntax', `expected white space after the processing-instruction target ${target}`);
    s.pos = end + 2;
  };

  // The prolog, the root element and what follows it.
  let rootClosed = false;
  while (!s.done) {
    if (stack.length > 0) {
      const lt = text.indexOf('<', s.pos);
      const end = lt === -1 ? text.length : lt;
      if (end > s.pos) {
        const raw = text.slice(s.pos, end);
        const cdataEnd = raw.indexOf(']]>');
        if (cdataEnd !== -1) fail('xml-syntax', '"]]>" cannot stand in text; write ]]&gt;', s.pos + cdataEnd);
        appendText(resolveText(raw, s.pos), s.pos);
        s.pos = end;
      }
      if (lt === -1) break;
      const next = text.charCodeAt(lt + 1);
      // Start and end tags first: they are nearly all the markup there is.
      if (next !== 0x2f /* / */ && next !== 0x21 /* ! */ && next !== 0x3f /* ? */) startTag();
      else if (next === 0x2f) {
        endTag();
        if (stack.length === 0) rootClosed = true;
      } else if (text.startsWith('<!--', lt)) comment();
      else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close === -1) fail('xml-unterminated', 'CDATA section never closed by ]]>', lt);
        appendText(text.slice(lt + 9, close), lt + 9);
        s.pos = close + 3;
      } else if (next === 0x3f) processingInstruction();
      else fail('xml-syntax', `unexpected markup ${JSON.stringify(text.slice(lt, lt + 10))} in content`, lt);
      continue;
    }
    // Outside the root element: only white space, comments, processing instructions and (before the root) the DOCTYPE.
    s.skipSpace();
    if (s.done) break;
    if (!s.at('<')) {
      fail(root ? 'xml-content-after-root' : 'xml-syntax', root ? 'text after the end of the root element' : 'text before the root element', s.pos);
    }
    if (s.at('<!--')) comment();
    else if (s.at('<?')) processingInstruction();
    else if (s.at('<!DOCTYPE')) {
      if (root || doctype) fail('xml-misplaced-doctype', root ? 'the DOCTYPE must come before the root element' : 'a second DOCTYPE', s.pos);
      doctype = readDoctype(s, entities);
    } else if (s.at('</')) fail('xml-unexpected-end-tag', 'end tag outside the root element', s.pos);
    else if (s.at('<!')) fail('xml-syntax', `unexpected markup ${JSON.stringify(text.slice(s.pos, s.pos + 10))}`, s.pos);
    else if (rootClosed) fail('xml-multiple-roots', 'a second root element: an XML document has exactly one', s.pos);
    else startTag();
    if (root && stack.length === 0) rootClosed = true;
  }

  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail('xml-unclosed-element', `the file ends before the end tag </${open.name}> of the element opened here`, open.offset);
  }
  if (!root) fail('xml-no-root', 'the file holds no element', text.length);

  if (doctype?.systemId !== undefined) {
    diagnostics.push({
      severity: 'info',
      code: 'external-dtd-not-read',
      message: `the DOCTYPE names the external DTD ${JSON.stringify(doctype.systemId)}; teikit never fetches or reads it, so its entities and attribute defaults are not used`,
      file: 'source',
      place: positions.place(doctype.offset),
    });
  }
  if (doctype?.parameterEntityAt !== undefined) {
    diagnostics.push({
      severity: 'info',
      code: 'parameter-entity-not-read',
      message: 'the DOCTYPE refers to a parameter entity, which teikit does not read; entity declarations after it were not processed',
      file: 'source',
      place: positions.place(doctype.parameterEntityAt),
    });
  }
  return { root, text, positions, doctype, diagnostics };
}

function declareNamespaces(attributes: Attributes, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const [key, value] of attributes) {
    if (key === 'xmlns') (scope ??= new Map(parent)).set('', value);
    else if (key.startsWith('xmlns:')) (scope ??= new Map(parent)).set(key.slice(6), value);
  }
  return scope ?? parent;
}
