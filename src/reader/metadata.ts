import { optional } from './apparatus.js';
import type { DocumentDate, EditorEntry, NameRef, ReadMetadata, SourceDescription } from './types.js';
import { descendants, elementChildren, type XElement } from './xml/tree.js';

/**
 * What the header says about the document: title, authors, editors, date,
 * source, licence, language, witnesses. Each field is looked for where TEI
 * puts it (and where teikit writes it); a field the header does not give is
 * absent, never guessed.
 */

type ReadText = (el: XElement) => string;

export function readMetadata(root: XElement, isTei: (el: XElement) => boolean, readText: ReadText): ReadMetadata {
  const kids = (el: XElement | undefined, local: string): XElement[] => (el ? elementChildren(el).filter((c) => c.local === local && isTei(c)) : []);
  const kid = (el: XElement | undefined, local: string): XElement | undefined => kids(el, local)[0];
  const path = (el: XElement | undefined, ...locals: string[]): XElement | undefined => locals.reduce<XElement | undefined>((at, l) => kid(at, l), el);
  const below = (el: XElement | undefined, local: string): XElement[] => (el ? descendants(el, (d) => d.local === local && isTei(d)) : []);
  const text = (el: XElement | undefined): string | undefined => {
    if (!el) return undefined;
    const t = readText(el);
    return t === '' ? undefined : t;
  };

  // A corpus has its own header; a P4 document calls its root TEI.2.
  const header = kid(root, 'teiHeader') ?? kid(kid(root, 'TEI'), 'teiHeader');
  const fileDesc = kid(header, 'fileDesc');
  const titleStmt = kid(fileDesc, 'titleStmt');
  const profileDesc = kid(header, 'profileDesc');
  const sourceDesc = kid(fileDesc, 'sourceDesc');

  const titles = kids(titleStmt, 'title');
  const mainTitle = titles.find((t) => t.attributes.get('type') === 'main') ?? titles.find((t) => !t.attributes.has('type')) ?? titles[0];

  const authors: NameRef[] = [];
  for (const a of kids(titleStmt, 'author')) {
    const name = text(a);
    if (name === undefined) continue;
    const ref = a.attributes.get('ref') ?? descendants(a, (d) => d.attributes.has('ref'))[0]?.attributes.get('ref');
    authors.push({ name, ...optional('ref', ref) });
  }

  const editors: EditorEntry[] = [];
  for (const c of titleStmt ? elementChildren(titleStmt).filter(isTei) : []) {
    if (c.local === 'editor') {
      const e = editorEntry(c, text, c.attributes.get('role'));
      if (e) editors.push(e);
    } else if (c.local === 'respStmt') {
      const role = text(kid(c, 'resp'));
      for (const n of elementChildren(c).filter((x) => isTei(x) && (x.local === 'name' || x.local === 'persName' || x.local === 'orgName'))) {
        const e = editorEntry(n, text, role);
        if (e) editors.push(e);
      }
    }
  }

  const creation = kid(profileDesc, 'creation');
  const dateEl = kid(creation, 'date') ?? kid(creation, 'origDate') ?? below(sourceDesc, 'origDate')[0];

  const availability = path(fileDesc, 'publicationStmt', 'availability');
  const licenceEl = kid(availability, 'licence');
  const licenceText = text(licenceEl) ?? text(availability);
  const licenceUrl = licenceEl?.attributes.get('target');

  const languageEl = path(profileDesc, 'langUsage', 'language');
  const ident = languageEl?.attributes.get('ident') ?? root.attributes.get('xml:lang');

  const witnesses = below(header, 'witness')
    .filter((w) => w.attributes.has('xml:id'))
    .map((w) => ({ id: w.attributes.get('xml:id')!, text: readText(w) }));

  const source = sourceDescription(sourceDesc, { kid, kids, below, text });
  return {
    ...optional('title', text(mainTitle)),
    authors,
    editors,
    ...(dateEl && { date: documentDate(dateEl, readText(dateEl)) }),
    ...(source && { source }),
    ...((licenceText !== undefined || licenceUrl !== undefined) && { licence: { text: licenceText ?? '', ...optional('url', licenceUrl) } }),
    ...(ident !== undefined && { language: { ident, ...optional('name', text(languageEl)) } }),
    witnesses,
  };
}

function editorEntry(el: XElement, text: (el: XElement | undefined) => string | undefined, role: string | undefined): EditorEntry | undefined {
  const name = text(el);
  if (name === undefined) return undefined;
  const id = el.attributes.get('xml:id') ?? descendants(el, (d) => d.attributes.has('xml:id'))[0]?.attributes.get('xml:id');
  return { name, ...optional('id', id), ...optional('role', role) };
}

function documentDate(el: XElement, text: string): DocumentDate {
  const a = el.attributes;
  const whenCustom = a.get('when-custom');
  const datingMethod = a.get('datingMethod');
  const calendar = a.get('calendar');
  const julian = whenCustom !== undefined && /julian/i.test(`${datingMethod ?? ''} ${calendar ?? ''}`) ? whenCustom : undefined;
  return {
    text,
    ...optional('when', a.get('when')),
    ...optional('whenCustom', whenCustom),
    ...optional('datingMethod', datingMethod),
    ...optional('calendar', calendar),
    ...optional('julian', julian),
    ...optional('notBefore', a.get('notBefore')),
    ...optional('notAfter', a.get('notAfter')),
    ...optional('from', a.get('from')),
    ...optional('to', a.get('to')),
  };
}

interface Nav {
  kid: (el: XElement | undefined, local: string) => XElement | undefined;
  kids: (el: XElement | undefined, local: string) => XElement[];
  below: (el: XElement | undefined, local: string) => XElement[];
  text: (el: XElement | undefined) => string | undefined;
}

const DESCRIPTIONS = ['bibl', 'biblStruct', 'biblFull', 'msDesc'];

function sourceDescription(sourceDesc: XElement | undefined, { kid, kids, below, text }: Nav): SourceDescription | undefined {
  if (!sourceDesc) return undefined;
  const d = DESCRIPTIONS.map((l) => kid(sourceDesc, l)).find((x) => x !== undefined) ?? below(sourceDesc, 'bibl')[0];
  if (!d) {
    const p = text(kid(sourceDesc, 'p'));
    return p === undefined ? undefined : { citation: p, editors: [] };
  }
  const notes = below(d, 'note');
  const citationNote = notes.find((n) => n.attributes.get('type') === 'citation');
  const otherNote = notes.find((n) => n.attributes.get('type') !== 'citation');
  const scope = (units: string[]): string | undefined => text(below(d, 'biblScope').find((b) => units.includes(b.attributes.get('unit') ?? b.attributes.get('type') ?? '')));
  let citation = text(citationNote);
  if (citation === undefined && d.local === 'msDesc') {
    const id = kid(d, 'msIdentifier');
    const parts = id ? ['country', 'settlement', 'institution', 'repository', 'collection', 'idno', 'msName'].flatMap((l) => kids(id, l).map((x) => text(x) ?? '')) : [];
    citation = parts.filter(Boolean).join(', ') || undefined;
  }
  const editors: EditorEntry[] = [];
  for (const e of below(d, 'editor')) {
    const entry = editorEntry(e, text, e.attributes.get('role'));
    if (entry) editors.push(entry);
  }
  const fields = {
    author: text(below(d, 'author')[0]),
    title: text(below(d, 'title')[0] ?? below(d, 'msName')[0]),
    place: text(below(d, 'pubPlace')[0]),
    publisher: text(below(d, 'publisher')[0]),
    date: text(below(d, 'date')[0] ?? below(d, 'origDate')[0]),
    volume: scope(['volume', 'vol']),
    pages: scope(['page', 'pages', 'pp']),
  };
  // A biblStruct holds fields without the punctuation between them: a citation is composed from them.
  if (citation === undefined && d.local === 'biblStruct') citation = composeCitation(fields);
  return {
    citation: citation ?? text(d) ?? '',
    ...optional('author', fields.author),
    ...optional('title', fields.title),
    editors,
    ...optional('place', fields.place),
    ...optional('publisher', fields.publisher),
    ...optional('date', fields.date),
    ...optional('volume', fields.volume),
    ...optional('pages', fields.pages),
    ...optional('note', text(otherNote)),
  };
}

/** "Author. Title. Place: Publisher, Date. Vol. 2. Pages 12–13", from what there is. */
function composeCitation(f: Record<'author' | 'title' | 'place' | 'publisher' | 'date' | 'volume' | 'pages', string | undefined>): string {
  const imprint = [f.place, f.publisher].filter(Boolean).join(': ');
  const dated = [imprint, f.date].filter(Boolean).join(', ');
  return [f.author, f.title, dated, f.volume && `Vol. ${f.volume}`, f.pages && `Pages ${f.pages}`].filter(Boolean).join('. ');
}
