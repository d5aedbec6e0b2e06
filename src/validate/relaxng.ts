import {
  AttributeNameError,
  AttributeValueError,
  ChoiceError,
  DefaultNameResolver,
  ElementNameError,
  type FireEventResult,
  type Grammar,
  type ValidationError,
} from 'salve-annos';
import { TEI_NS, type XmlAttribute, type XmlDocument, type XmlElement, type XmlText } from './document-tree.js';
import type { ValidationDiagnostic } from './types.js';
import { canMaskSpaces, maskSpaces } from './unicode-spaces.js';

/**
 * Checks a parsed document against a compiled RelaxNG grammar with salve, and
 * reports each problem where jing would: an element's or attribute's problem
 * just after the start tag's `>`, a missing child just after the end tag's `>`,
 * and stray text at the end of its first non-blank piece as Xerces hands text
 * to jing (pieces end at a line break, a comment, `]` or an entity reference).
 *
 * Attributes go to salve as separate attributeName and attributeValue events:
 * salve checks that xml:id values (datatype ID) are unique only on the latter.
 * Values and text go with their Unicode spaces masked (unicode-spaces.ts).
 * Blank text between elements, which RELAX NG ignores, is not sent at all: in
 * an indented document it is most of the text events.
 */

export function checkSchema(doc: XmlDocument, grammar: Grammar, maxErrors: number): ValidationDiagnostic[] {
  const diagnostics: ValidationDiagnostic[] = [];
  const resolver = new DefaultNameResolver();
  const walker = grammar.newWalker(resolver, true);
  const toSalve = canMaskSpaces(doc.text) ? maskSpaces : (s: string): string => s;

  // Events come by the hundred per document and problems rarely: the place of a problem is worked out only when there is one.
  const report = (errors: FireEventResult, element: XmlElement, offset: number | (() => number), attribute?: XmlAttribute): void => {
    if (!errors) return;
    for (const e of errors) {
      if (diagnostics.length >= maxErrors) return;
      const at = doc.lines.at(typeof offset === 'number' ? offset : offset());
      diagnostics.push({ severity: 'error', ...describe(e, element, attribute), ...at });
    }
  };

  // Iterative walk: a frame per open element, its children consumed one at a time.
  const elements: XmlElement[] = [];
  const next: number[] = [];
  const hasElements: boolean[] = [];
  const open = (el: XmlElement): void => {
    if (el.namespaces.length > 0) {
      resolver.enterContext();
      for (const [prefix, uri] of el.namespaces) resolver.definePrefix(prefix, uri);
    }
    report(walker.fireEvent('enterStartTag', [el.uri, el.local]), el, el.startTagEnd);
    for (const a of el.attributes) {
      report(walker.fireEvent('attributeName', [a.uri, a.local]), el, el.startTagEnd, a);
      report(walker.fireEvent('attributeValue', [toSalve(a.value)]), el, el.startTagEnd, a);
    }
    report(walker.fireEvent('leaveStartTag', NO_PARAMS), el, el.startTagEnd);
    elements.push(el);
    next.push(0);
    hasElements.push(el.children.some((c) => c.kind === 'element'));
  };
  open(doc.root);
  while (elements.length > 0 && diagnostics.length < maxErrors) {
    const top = elements.length - 1;
    const element = elements[top]!;
    const i = next[top]!;
    const child = element.children[i];
    if (child === undefined) {
      report(walker.fireEvent('endTag', [element.uri, element.local]), element, element.end);
      if (element.namespaces.length > 0) resolver.leaveContext();
      elements.pop();
      next.pop();
      hasElements.pop();
    } else if (child.kind === 'element') {
      next[top] = i + 1;
      open(child);
    } else {
      // Adjacent text nodes (split by comments or CDATA) are one text to RelaxNG.
      let last = i;
      let value = child.value;
      while (element.children[last + 1]?.kind === 'text') value += (element.children[++last] as XmlText).value;
      next[top] = last + 1;
      // RELAX NG drops blank text between elements (the spec's strip(), 6.2.7); an element holding only blank text keeps it.
      if (value !== '' && !(hasElements[top] && BLANK.test(value))) {
        const run = (): XmlText[] => element.children.slice(i, last + 1) as XmlText[];
        report(walker.fireEvent('text', [toSalve(value)]), element, () => strayTextOffset(doc.text, run()));
      }
    }
  }
  report(walker.end(), doc.root, doc.root.end);
  return diagnostics;
}

const NO_PARAMS: string[] = [];
const BLANK = /^[ \t\r\n]*$/;

/** Where jing reports text that is not allowed: the end of the first piece of it that is not blank. */
export function strayTextOffset(text: string, run: readonly XmlText[]): number {
  for (const t of run) {
    if (t.cdata) {
      // Xerces hands a CDATA section over line by line; the last piece after scanning "]]".
      for (const piece of t.value.matchAll(/(?:\r\n|[\r\n])*[^\r\n]*/g)) {
        if (/[^ \t\r\n]/.test(piece[0])) {
          const end = t.start + piece.index! + piece[0].length;
          return end === t.end ? end + 2 : end;
        }
      }
      continue;
    }
    let p = t.start;
    while (p < t.end) {
      let q: number;
      let blank: boolean;
      const c = text[p];
      if (c === '&') {
        q = text.indexOf(';', p) + 1;
        blank = /^&#(?:x0*(?:20|9|a|d)|0*(?:32|9|10|13));$/i.test(text.slice(p, q));
      } else if (c === ']') {
        q = p + 1;
        blank = false;
      } else {
        q = p;
        while (q < t.end && (text[q] === '\n' || text[q] === '\r')) q++;
        while (q < t.end && !'\n\r&]'.includes(text[q]!)) q++;
        blank = !/[^ \t\r\n]/.test(text.slice(p, q));
      }
      if (!blank) return q;
      p = q;
    }
  }
  return run[run.length - 1]!.end;
}

const quote = (s: string): string => `"${s}"`;
/** A value as a message can show it: invisible characters (a zero-width space, a control) as \u{…}. */
const shown = (s: string): string => `"${s.replace(/[\p{C}\p{Z}]/gu, (c) => (c === ' ' ? c : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`))}"`;

function nameOf(e: ValidationError | { toObject(): unknown }, context: XmlElement): string {
  const pattern = 'toObject' in e ? e : e.getNames()[0];
  const n = pattern?.toObject() as { ns?: string; name?: string } | undefined;
  if (!n || typeof n.name !== 'string') return '?';
  if (n.ns === context.uri || n.ns === TEI_NS || n.ns === '') return n.name;
  return n.ns === 'http://www.w3.org/XML/1998/namespace' ? `xml:${n.name}` : `${n.name} (namespace ${n.ns})`;
}

/** A stable code and a message in jing's words for each kind of salve error. */
function describe(e: ValidationError, element: XmlElement, attribute: XmlAttribute | undefined): { code: string; message: string } {
  const msg = e.msg;
  if (e instanceof ElementNameError) {
    if (msg === 'tag required') return { code: 'element-incomplete', message: `element ${quote(element.name)} incomplete; missing required element ${quote(nameOf(e, element))}` };
    return { code: 'element-not-allowed', message: `element ${quote(element.name)} not allowed here` };
  }
  if (e instanceof AttributeNameError) {
    if (msg === 'attribute missing') return { code: 'attribute-missing', message: `element ${quote(element.name)} missing required attribute ${quote(nameOf(e, element))}` };
    return { code: 'attribute-not-allowed', message: `attribute ${quote(attribute?.name ?? nameOf(e, element))} not allowed on element ${quote(element.name)}` };
  }
  if (e instanceof AttributeValueError) {
    if (attribute) return { code: 'attribute-value-invalid', message: `value ${shown(attribute.value)} of attribute ${quote(attribute.name)} is invalid` };
    return { code: 'attribute-missing', message: `element ${quote(element.name)} missing a value for attribute ${quote(nameOf(e, element))}` };
  }
  if (e instanceof ChoiceError) {
    const names = [...e.namesA, ...e.namesB].map((n) => quote(nameOf(n, element)));
    return { code: 'element-incomplete', message: `element ${quote(element.name)} incomplete; expected ${names.length > 1 ? `one of ${names.join(', ')}` : names[0] ?? 'more'}` };
  }
  const duplicate = /^ID "(.*)" has already been declared\.$/.exec(msg);
  if (duplicate) return { code: 'duplicate-id', message: `duplicate ID ${quote(duplicate[1]!)}` };
  if (msg === 'text not allowed here') return { code: 'text-not-allowed', message: `text not allowed here, in element ${quote(element.name)}` };
  if (msg.startsWith('value required') || msg.startsWith('one value required')) return { code: 'text-invalid', message: `the text of element ${quote(element.name)} is invalid` };
  return { code: 'schema-invalid', message: e.toString() };
}
