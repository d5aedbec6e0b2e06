import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Rebuilds readings from teikit's TEI, independently of teikit's code: the
 * source's reading (sic, orig, omission dots, glosses with their brackets, no
 * supplied text) and the edited reading (corr, reg, supplied). Whitespace is
 * normalised as the README documents, so the result can be compared with
 * normaliseSource().
 */

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
});

export function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) throw new Error(`not well-formed: ${result.err.code} ${result.err.msg} at ${result.err.line}:${result.err.col}`);
}

export function rebuild(xml: string, reading: 'source' | 'edited' = 'source'): string {
  const doc = parser.parse(xml) as OrderedNode[];
  const tei = find(doc, 'TEI');
  const text = find(children(tei, 'TEI'), 'text');
  const units: string[] = [];
  for (const part of children(text, 'text')) {
    const name = nameOf(part);
    if (name === 'front' || name === 'body') collectUnits(children(part, name), units, reading);
  }
  return units.join('\n\n');
}

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

function children(node: OrderedNode | undefined, name: string): OrderedNode[] {
  return (node?.[name] as OrderedNode[] | undefined) ?? [];
}

function find(nodes: OrderedNode[], name: string): OrderedNode | undefined {
  return nodes.find((n) => nameOf(n) === name);
}

const UNIT_ELEMENTS = new Set(['p', 'byline', 'bibl']);

function collectUnits(nodes: OrderedNode[], out: string[], reading: 'source' | 'edited'): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') continue;
    if (UNIT_ELEMENTS.has(name)) out.push(normalise(inline(children(node, name), reading)));
    else collectUnits(children(node, name), out, reading);
  }
}

function inline(nodes: OrderedNode[], reading: 'source' | 'edited'): string {
  let s = '';
  for (const node of nodes) {
    const name = nameOf(node);
    const attrs = node[':@'] ?? {};
    const kids = children(node, name);
    switch (name) {
      case '#text':
        s += String(node['#text']);
        break;
      case 'lb':
        s += '\u0000';
        break;
      case 'sic':
      case 'orig':
        if (reading === 'source') s += inline(kids, reading);
        break;
      case 'corr':
      case 'reg':
        if (reading === 'edited') s += inline(kids, reading);
        break;
      case 'supplied':
        if (reading === 'edited') s += inline(kids, reading);
        break;
      case 'note':
        s += attrs.rend === 'brackets' ? `[${inline(kids, reading)}]` : inline(kids, reading);
        break;
      default:
        s += inline(kids, reading);
    }
  }
  return s;
}

// Whitespace runs are one space; an lb is the line break the source had there.
function normalise(s: string): string {
  return s
    .replace(/[ \t\n\r]+/g, ' ')
    .replace(/ ?\u0000 ?/g, '\n')
    .replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
}
