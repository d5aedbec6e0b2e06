import { decodeXml } from '../reader/xml/decode-xml.js';
import { parseXml, type XmlLimits } from '../reader/xml/parse-xml.js';
import { elementChildren, type XElement, type XNode } from '../reader/xml/tree.js';

/**
 * The editorial policy a document states: `encodingDesc/editorialDecl`
 * (each of its sections — correction, normalisation, … — with its
 * paragraphs) and `projectDesc`. readTei's model does not carry them, so
 * they are read from the header here, with the reader's own strict parser.
 */
export interface PolicySection {
  /** The section's element (`correction`, `normalization`), or `projectDesc`, or '' for paragraphs directly in editorialDecl. */
  label: string;
  paragraphs: string[];
}

export function readPolicy(xml: string | Uint8Array, limits: XmlLimits): PolicySection[] {
  const root = headerAlone(xml, limits) ?? parseXml(xml, limits).root;
  const local = (el: XElement): string => el.local;
  const child = (el: XElement | undefined, name: string): XElement | undefined => (el ? elementChildren(el).find((c) => local(c) === name) : undefined);
  const header = child(root, 'teiHeader') ?? child(child(root, 'TEI'), 'teiHeader');
  const encodingDesc = child(header, 'encodingDesc');
  const out: PolicySection[] = [];
  const projectDesc = child(encodingDesc, 'projectDesc');
  if (projectDesc) out.push({ label: 'projectDesc', paragraphs: paragraphs(projectDesc) });
  const decl = child(encodingDesc, 'editorialDecl');
  if (decl) {
    const direct = elementChildren(decl).filter((c) => local(c) === 'p').map(plain).filter((t) => t !== '');
    if (direct.length > 0) out.push({ label: '', paragraphs: direct });
    for (const section of elementChildren(decl)) {
      if (local(section) === 'p') continue;
      const ps = paragraphs(section);
      if (ps.length > 0) out.push({ label: local(section), paragraphs: ps });
    }
  }
  return out.filter((s) => s.paragraphs.length > 0);
}

/**
 * The first teiHeader parsed on its own, inside a wrapper: most of a long
 * edition is its text, which the policy does not need, and parsing it again
 * would double the cost of render. Undefined (parse the whole document) when
 * the header may not stand alone: a DOCTYPE (entities), a comment or CDATA
 * before it (it might be inside), a prefix declared outside it, any error.
 */
function headerAlone(xml: string | Uint8Array, limits: XmlLimits): XElement | undefined {
  const text = decodeXml(xml).text;
  const start = text.search(/<teiHeader[\s>]/);
  if (start === -1 || /<!DOCTYPE|<!--|<!\[CDATA\[/.test(text.slice(0, start))) return undefined;
  const end = text.indexOf('</teiHeader>', start);
  if (end === -1) return undefined;
  try {
    return parseXml(`<wrapper>${text.slice(start, end + '</teiHeader>'.length)}</wrapper>`, limits).root;
  } catch {
    return undefined;
  }
}

function paragraphs(el: XElement): string[] {
  const ps = elementChildren(el).filter((c) => c.local === 'p');
  return (ps.length > 0 ? ps.map(plain) : [plain(el)]).filter((t) => t !== '');
}

/** All text below an element, white space collapsed; no recursion (documents may nest deeply). */
function plain(el: XElement): string {
  const parts: string[] = [];
  const todo: XNode[] = [el];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (node.type === 'text') parts.push(node.value);
    else for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
