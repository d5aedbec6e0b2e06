import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';

/**
 * Inlines a RelaxNG schema's `<include>`s and `<externalRef>`s, so that salve
 * compiles one self-contained schema.
 *
 * salve-annos 1.2.4 cannot follow them itself: its simplifier calls its parser
 * for an included file without the file's text, and fails with "Cannot read
 * properties of undefined". This does what RELAX NG's simplification rules
 * 4.5–4.7 say, on the XML of the schema, before salve sees it:
 * - `<include href>` becomes a `div` holding the included grammar's content,
 *   minus its `start` if the include overrides the start, and minus the
 *   defines the include overrides; then the include's own content;
 * - `<externalRef href>` becomes the referenced document's pattern;
 * - each included document keeps its own `datatypeLibrary` (rule 4.3 applies
 *   it before inclusion) and its namespace declarations, and takes the `ns`
 *   of the including element when it has none of its own.
 * Hrefs resolve against the URL of the document they are in. A schema without
 * includes is returned as it is.
 */

const RNG = 'http://relaxng.org/ns/structure/1.0';
// The wrapper's prefix: declared on the wrapper only, so it changes nothing the included content means.
const WRAPPER = 'teikit-rng';

interface Node {
  name: string;
  uri: string;
  local: string;
  /** Attributes as written, namespace declarations included, in order. */
  attributes: Array<[string, string]>;
  children: Array<Node | string>;
}

export type TextLoader = (url: URL) => Promise<string>;

/** Whether a schema's text may include others (a quick look, not a parse). */
export function hasIncludes(text: string): boolean {
  return /<(?:[\w.-]+:)?(?:include|externalRef)\b/.test(text);
}

export async function inlineIncludes(text: string, url: URL, load: TextLoader): Promise<string> {
  if (!hasIncludes(text)) return text;
  const root = parse(text, url);
  await resolveIn(root, url, load, [url.href]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}

async function resolveIn(node: Node, base: URL, load: TextLoader, open: string[]): Promise<void> {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (typeof child === 'string') continue;
    if (child.uri === RNG && (child.local === 'include' || child.local === 'externalRef')) {
      const href = new URL(attr(child, 'href') ?? '', base);
      if (open.includes(href.href)) throw new Error(`the schema includes itself: ${[...open, href.href].join(' → ')}`);
      const included = parse(await load(href), href);
      await resolveIn(included, href, load, [...open, href.href]);
      node.children[i] = child.local === 'include' ? includeAsDiv(child, included, href) : externalPattern(child, included, href);
      await resolveIn(node.children[i] as Node, base, load, open); // the include's own overriding content
    } else {
      await resolveIn(child, base, load, open);
    }
  }
}

function includeAsDiv(include: Node, grammar: Node, href: URL): Node {
  if (grammar.uri !== RNG || grammar.local !== 'grammar') throw new Error(`${href.href} is included but is not a RelaxNG grammar`);
  const overridden = componentsOf(include);
  const kept = withoutComponents(grammar.children, overridden);
  const included = wrapper('div', contextAttributes(grammar, include), kept);
  const own = include.attributes.filter(([name]) => name === 'ns' || name === 'datatypeLibrary' || name.startsWith('xmlns'));
  return wrapper('div', own, [included, ...include.children]);
}

function externalPattern(ref: Node, pattern: Node, href: URL): Node {
  if (pattern.uri !== RNG) throw new Error(`${href.href} is referenced but is not a RelaxNG pattern`);
  const context = contextAttributes(pattern, ref);
  return { ...pattern, attributes: [...pattern.attributes.filter(([n]) => n !== 'ns' && n !== 'datatypeLibrary'), ...context.filter(([n]) => !n.startsWith('xmlns'))] };
}

// What the included document's root carries into its new place: its namespace declarations,
// its datatypeLibrary (or "", so the including document's does not leak in), and an ns.
function contextAttributes(root: Node, including: Node): Array<[string, string]> {
  const out = root.attributes.filter(([name]) => name.startsWith('xmlns'));
  out.push(['datatypeLibrary', attr(root, 'datatypeLibrary') ?? '']);
  const ns = attr(root, 'ns') ?? attr(including, 'ns');
  if (ns !== undefined) out.push(['ns', ns]);
  return out;
}

/** The start and the define names an include overrides (its own, and those in its divs). */
function componentsOf(include: Node): { start: boolean; defines: Set<string> } {
  const found = { start: false, defines: new Set<string>() };
  const visit = (n: Node): void => {
    for (const c of n.children) {
      if (typeof c === 'string' || c.uri !== RNG) continue;
      if (c.local === 'start') found.start = true;
      else if (c.local === 'define') found.defines.add(attr(c, 'name')?.trim() ?? '');
      else if (c.local === 'div') visit(c);
    }
  };
  visit(include);
  return found;
}

function withoutComponents(children: Array<Node | string>, overridden: { start: boolean; defines: Set<string> }): Array<Node | string> {
  return children.flatMap((c) => {
    if (typeof c === 'string' || c.uri !== RNG) return [c];
    if (c.local === 'start' && overridden.start) return [];
    if (c.local === 'define' && overridden.defines.has(attr(c, 'name')?.trim() ?? '')) return [];
    if (c.local === 'div') return [{ ...c, children: withoutComponents(c.children, overridden) }];
    return [c];
  });
}

function wrapper(local: string, attributes: Array<[string, string]>, children: Array<Node | string>): Node {
  return { name: `${WRAPPER}:${local}`, uri: RNG, local, attributes: [[`xmlns:${WRAPPER}`, RNG], ...attributes], children };
}

function attr(node: Node, name: string): string | undefined {
  return node.attributes.find(([n]) => n === name)?.[1];
}

function parse(text: string, url: URL): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on('error', (err) => {
    throw new Error(`${url.href}: ${err.message}`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: Node = {
      name: tag.name,
      uri: tag.uri,
      local: tag.local,
      attributes: (Object.values(tag.attributes) as SaxesAttributeNS[]).map((a) => [a.name, a.value]),
      children: [],
    };
    stack[stack.length - 1]?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (t) => stack[stack.length - 1]?.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]?.children.push(t));
  parser.write(text).close();
  if (!root) throw new Error(`${url.href}: no root element`);
  return root;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

function serialise(node: Node): string {
  const attributes = node.attributes.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  const content = node.children.map((c) => (typeof c === 'string' ? escapeText(c) : serialise(c))).join('');
  return `<${node.name}${attributes}>${content}</${node.name}>`;
}
