import type { EditionConfig, Editor } from '../config/types.js';
import { TEIKIT_NAME, TEIKIT_VERSION } from '../version.js';
import { el, type Child, type XmlElement } from './xml-tree.js';

/** What the encoder did to this text: the header states the policy actually applied. */
export interface EncodingFacts {
  /** Title to use when the config gives none. */
  fallbackTitle: string;
  /** The source-citation line as printed, when the text has one. */
  citation?: string;
  corrections: number;
  supplied: number;
  regularisations: number;
  glosses: number;
  omissions: number;
  dates: number;
  julianDates: number;
  /** Dates whose year was completed from the document's date. */
  yearsSupplied: number;
  keepLineBreaks: boolean;
  glossesMarked: boolean;
  omissionsMarked: boolean;
}

const p = (...children: Child[]): XmlElement => el('p', {}, ...children);
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function teiHeader(config: EditionConfig, facts: EncodingFacts): XmlElement {
  return el('teiHeader', {}, fileDesc(config, facts), encodingDesc(facts), profileDesc(config, facts), revisionDesc(config));
}

function fileDesc(config: EditionConfig, facts: EncodingFacts): XmlElement {
  const m = config.metadata ?? {};
  const author = m.author;
  const titleStmt = el(
    'titleStmt',
    {},
    el('title', {}, m.title ?? facts.fallbackTitle),
    author && el('author', {}, el('persName', { ref: author.ref === undefined ? undefined : `#${author.ref}` }, author.name)),
    (m.editors ?? []).map((e) => respStmt(e)),
  );
  const pub = m.publication;
  const publicationStmt = pub
    ? el(
        'publicationStmt',
        {},
        el('publisher', {}, pub.publisher ?? 'not stated'),
        pub.date !== undefined && el('date', { when: pub.date }, pub.date),
        pub.licence && el('availability', {}, el('licence', { target: pub.licence.url }, pub.licence.name)),
      )
    : el('publicationStmt', {}, p('Not published: an encoding made with teikit; no publisher or licence was stated.'));
  return el('fileDesc', {}, titleStmt, publicationStmt, el('sourceDesc', {}, sourceBibl(config, facts)));
}

function respStmt(e: Editor): XmlElement {
  return el('respStmt', {}, el('resp', {}, e.role ?? 'edited by'), el('name', { 'xml:id': e.id }, e.name));
}

function sourceBibl(config: EditionConfig, facts: EncodingFacts): XmlElement {
  const s = config.metadata?.source;
  if (!s) {
    return facts.citation !== undefined
      ? el('bibl', {}, facts.citation)
      : p('Transcribed from a plain-text file; the source was not described.');
  }
  return el(
    'bibl',
    {},
    s.author !== undefined && el('author', {}, s.author),
    s.title !== undefined && el('title', { level: 'm' }, s.title),
    // An editor's role is free text in the config; TEI's @role wants a code, so it is not written.
    (s.editors ?? []).map((e) => el('editor', { 'xml:id': e.id }, e.name)),
    s.place !== undefined && el('pubPlace', {}, s.place),
    s.publisher !== undefined && el('publisher', {}, s.publisher),
    s.date !== undefined && el('date', {}, s.date),
    s.volume !== undefined && el('biblScope', { unit: 'volume' }, s.volume),
    s.pages !== undefined && el('biblScope', { unit: 'page' }, s.pages),
    (s.citation ?? facts.citation) !== undefined && el('note', { type: 'citation' }, (s.citation ?? facts.citation)!),
    s.note !== undefined && el('note', {}, s.note),
  );
}

function encodingDesc(facts: EncodingFacts): XmlElement {
  const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const interventions = [
    facts.corrections > 0 && `errors of the source are corrected and recorded as sic/corr pairs in choice (${plural(facts.corrections, 'correction')})`,
    facts.supplied > 0 && `text the source lacks is given in supplied (${plural(facts.supplied, 'place')})`,
  ].filter(Boolean);
  const correction =
    interventions.length > 0
      ? `${capitalise(interventions.join('; '))}. Each intervention names who made it (@resp) and, where stated, how certain it is (@cert).`
      : 'No corrections were made: the text stands as the source has it.';
  const normalization =
    facts.regularisations > 0
      ? `Spelling is kept as printed, except at ${plural(facts.regularisations, 'place')} where a form is regularised as an orig/reg pair in choice.`
      : 'Spelling is kept as printed; nothing was regularised.';
  const omissions = facts.omissionsMarked
    ? `Passages the source's editor left out are marked by the dots printed for them, kept in metamark within ellipsis (${plural(facts.omissions, 'mark')}).`
    : 'Dots and ellipsis characters are kept as plain text; they are not marked as omissions.';
  const glosses = facts.glossesMarked
    ? `Glosses the source's editor printed in square brackets are notes of type "gloss" with rend="brackets" (${plural(facts.glosses, 'gloss', 'glosses')}).`
    : 'Square brackets are kept as plain text; bracketed passages are not marked as glosses.';
  const dates = [
    'Dates are normalised in @when as ISO 8601 dates in the Gregorian calendar.',
    facts.julianDates > 0 && 'A date printed in the Julian (old-style) calendar keeps its printed value in @when-custom with @datingMethod="#julian".',
    facts.yearsSupplied > 0
      ? `Where the text does not print the year, it is completed from the date of the document, choosing the year that puts the date nearest to it, and the date is marked evidence="internal" (${plural(facts.yearsSupplied, 'date')}).`
      : 'A date whose year is not printed and cannot be completed keeps only its month and day (--MM-DD).',
  ].filter(Boolean);
  return el(
    'encodingDesc',
    {},
    el(
      'editorialDecl',
      {},
      el('correction', {}, p(correction)),
      el('normalization', {}, p(normalization)),
      el('quotation', { marks: 'all' }, p('Quotation marks are kept as characters of the text, as printed; a mismatched mark is corrected as an emendation.')),
      el(
        'hyphenation',
        { eol: 'all' },
        p(
          'Hyphens are kept as printed, including any at the end of a line; a word hyphenated across a line break is joined ' +
            (facts.keepLineBreaks ? 'by lb with break="no".' : 'without a space.'),
        ),
      ),
      el(
        'segmentation',
        {},
        p(
          'Paragraphs follow the blank lines of the source. ' +
            (facts.keepLineBreaks
              ? "The source's line breaks within a paragraph are kept, each marked with lb."
              : "Line breaks within a paragraph are not significant and are joined with a space. Runs of spaces are written as one."),
        ),
      ),
      el(
        'interpretation',
        {},
        p(`${omissions} ${glosses}`),
      ),
      facts.dates > 0 && el('stdVals', {}, p(dates.join(' '))),
    ),
    el('appInfo', {}, el('application', { ident: TEIKIT_NAME, version: TEIKIT_VERSION }, el('label', {}, TEIKIT_NAME))),
  );
}

function profileDesc(config: EditionConfig, facts: EncodingFacts): XmlElement | undefined {
  const m = config.metadata ?? {};
  const date = m.date;
  const dual = facts.julianDates > 0 || date?.julian !== undefined;
  const creation =
    date &&
    el(
      'creation',
      {},
      el(
        'date',
        date.julian !== undefined
          ? { when: date.when, 'when-custom': date.julian, datingMethod: '#julian' }
          : { when: date.when },
        date.text ?? date.when,
      ),
    );
  const lang = m.language && el('langUsage', {}, el('language', { ident: m.language.ident }, m.language.name));
  const calendars =
    dual &&
    el(
      'calendarDesc',
      {},
      el('calendar', { 'xml:id': 'gregorian' }, p('Gregorian calendar (new style).')),
      el('calendar', { 'xml:id': 'julian' }, p('Julian calendar (old style).')),
    );
  if (!creation && !lang && !calendars) return undefined;
  return el('profileDesc', {}, creation, lang, calendars);
}

function revisionDesc(config: EditionConfig): XmlElement {
  const revisions = config.metadata?.revisions ?? [];
  const changes =
    revisions.length > 0
      ? revisions.map((r) => el('change', { when: r.when, who: r.who === undefined ? undefined : `#${r.who}` }, r.text))
      : [el('change', {}, `Encoded from plain text by ${TEIKIT_NAME}.`)];
  return el('revisionDesc', {}, changes);
}
