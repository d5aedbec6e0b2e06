import { warning, type Diagnostic } from '../diagnostics.js';
import type { Edition } from '../analyse.js';
import type { SpanNode } from '../annotate/nest.js';
import { teiHeader, type EncodingFacts } from './header.js';
import { defaultHandlers, inlineContent, type InlineHandlers } from './inline.js';
import { registerElement } from './register.js';
import { toRawXml } from '../serialise/to-xml.js';
import { el, textEl, type XmlElement, type XmlNode } from './xml-tree.js';

/**
 * The whole TEI document: header, register, and the text, where the lines
 * above the document (author, source citation) and the editor's headnote go in
 * `front`, and the document itself in `body`.
 */
export function teiDocument(
  edition: Edition,
  handlers: InlineHandlers = defaultHandlers,
  registerScope: RegisterScope = 'all',
): { tei: XmlElement; diagnostics: Diagnostic[] } {
  const { config, normalised, tree } = edition;
  const text = normalised.text;
  const diagnostics: Diagnostic[] = [];
  const dualCalendars = edition.spans.some((s) => s.kind === 'date' && s.calendar === 'julian') || config.metadata?.date?.julian !== undefined;

  // Top-level span nodes, handed to the unit they lie in.
  const byUnit: SpanNode[][] = normalised.units.map(() => []);
  let u = 0;
  for (const node of tree) {
    while (normalised.units[u]!.end < node.span.start) u++;
    byUnit[u]!.push(node);
  }
  const content = (i: number) => {
    const unit = normalised.units[i]!;
    return inlineContent(text, unit.start, unit.end, byUnit[i]!, handlers, dualCalendars);
  };

  const headnoteResp = config.structure?.glossResp ?? config.metadata?.source?.editors?.[0]?.id;
  const front: XmlNode[] = [];
  const body: XmlNode[] = [];
  let headnote: XmlElement | undefined;
  let citation: string | undefined;
  normalised.units.forEach((unit, i) => {
    const inBody = body.length > 0;
    if (unit.role !== 'headnote') headnote = undefined;
    if (inBody && unit.role !== 'paragraph') {
      diagnostics.push(
        warning('structure-order', `the ${unit.role} at line ${unit.firstLine} comes after the text has begun; it is encoded as a paragraph`, {
          file: 'source',
          place: { line: unit.firstLine, column: 1 },
        }),
      );
    }
    if (inBody || unit.role === 'paragraph') {
      body.push(toRawXml(textEl('p', {}, content(i))));
    } else if (unit.role === 'author') {
      // "By Mary Shelley": the byline holds "By", docAuthor only the name.
      const by = /^by\s+/i.exec(text.slice(unit.start, unit.end));
      let byline: XmlNode;
      if (by && byUnit[i]!.every((n) => n.span.start >= unit.start + by[0].length)) {
        const name = inlineContent(text, unit.start + by[0].length, unit.end, byUnit[i]!, handlers, dualCalendars);
        byline = toRawXml(textEl('byline', {}, by[0], textEl('docAuthor', {}, name)));
      } else {
        byline = el('byline', {}, toRawXml(textEl('docAuthor', {}, content(i))));
      }
      // Once front has a div, TEI allows a byline only inside one.
      const afterDiv = front.some((n) => n.type === 'element' && n.name === 'div');
      front.push(afterDiv ? el('div', { type: 'byline' }, byline) : byline);
    } else if (unit.role === 'citation') {
      citation ??= text.slice(unit.start, unit.end);
      front.push(el('div', { type: 'citation' }, toRawXml(textEl('bibl', {}, content(i)))));
    } else {
      if (!headnote) {
        headnote = el('div', { type: 'headnote', resp: headnoteResp === undefined ? undefined : `#${headnoteResp}` });
        front.push(headnote);
      }
      headnote.children.push(toRawXml(textEl('p', {}, content(i))));
    }
  });

  const facts: EncodingFacts = {
    fallbackTitle: fallbackTitle(text, normalised.units.find((x) => x.role === 'paragraph' || x.role === 'headnote')),
    ...(citation !== undefined && { citation }),
    corrections: count(edition, (s) => s.kind === 'choice' && s.pair === 'sic-corr'),
    supplied: count(edition, (s) => s.kind === 'supplied'),
    regularisations: count(edition, (s) => s.kind === 'choice' && s.pair === 'orig-reg'),
    glosses: count(edition, (s) => s.kind === 'gloss'),
    omissions: count(edition, (s) => s.kind === 'omission'),
    dates: count(edition, (s) => s.kind === 'date'),
    julianDates: count(edition, (s) => s.kind === 'date' && s.calendar === 'julian'),
    yearsSupplied: count(edition, (s) => s.kind === 'date' && s.yearSupplied),
    keepLineBreaks: config.structure?.lineBreaks === 'keep',
    glossesMarked: config.structure?.glosses !== false,
    omissionsMarked: config.structure?.omissions !== false,
  };

  const lang = config.metadata?.language?.ident;
  const tei = el(
    'TEI',
    { xmlns: 'http://www.tei-c.org/ns/1.0', 'xml:lang': lang },
    teiHeader(config, facts),
    registerElement(config.register ?? {}, registerScope === 'mentioned' ? mentionedEntries(edition) : undefined),
    el(
      'text',
      {},
      front.length > 0 && el('front', {}, front),
      el('body', {}, el('div', { type: config.structure?.bodyType ?? 'text' }, body)),
    ),
  );
  return { tei, diagnostics };
}

/** Which register entries a document carries: all of them, or those it points to. */
export type RegisterScope = 'all' | 'mentioned';

/** The entries the text's names and the header's author point to. */
function mentionedEntries(edition: Edition): Set<string> {
  const ids = new Set<string>();
  for (const s of edition.spans) if (s.kind === 'name') ids.add(s.ref);
  const author = edition.config.metadata?.author?.ref;
  if (author !== undefined) ids.add(author);
  return ids;
}

function count(edition: Edition, test: (s: Edition['spans'][number]) => boolean): number {
  let n = 0;
  for (const s of edition.spans) if (test(s)) n++;
  return n;
}

// Without a configured title, the opening words of the text name it, as a
// librarian would catalogue an untitled document by its incipit.
function fallbackTitle(text: string, unit: { start: number; end: number } | undefined): string {
  if (!unit) return 'Untitled text';
  const words = text.slice(unit.start, unit.end).replace(/\s+/g, ' ').split(' ');
  const incipit = words.slice(0, 8).join(' ');
  return `[Incipit:] ${incipit}${words.length > 8 ? ' …' : ''}`;
}
