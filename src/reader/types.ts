import type { Diagnostic, Severity } from '../diagnostics.js';

/**
 * The model `readTei` returns: what a TEI document says, as plain data. Its
 * JSON form (`JSON.stringify(result)`) is described by
 * `schemas/reading.schema.json`.
 *
 * Offsets count UTF-16 code units into `readings.diplomatic` or
 * `readings.corrected` (so `reading.slice(start, end)` is the text), as
 * half-open ranges `[start, end]`. Positions in the XML are 1-based lines and
 * columns counted in code points, as in every teikit diagnostic.
 */
export interface ReadResult {
  metadata: ReadMetadata;
  readings: Readings;
  /** Every editorial intervention in the text, in document order (of their start tags). */
  apparatus: Intervention[];
  entities: Entities;
  /** Every `date` in the text, in document order. */
  dates: DateEntry[];
  /** Every `note` in the text, in document order. */
  notes: NoteEntry[];
  /** What the reader noticed without refusing the document. Fatal problems are thrown as a TeikitError instead. */
  diagnostics: ReadDiagnostic[];
}

/** Where something stands in the XML file. */
export interface XmlPosition {
  line: number;
  column: number;
}

/** A range in each reading: `[start, end]`, half-open; `start === end` is a point (text absent from that reading). */
export interface ReadingOffsets {
  diplomatic: [number, number];
  corrected: [number, number];
}

/**
 * The text of the document in two readings. Both consist of units (paragraphs,
 * headings, verse stanzas, list items, the byline, the citation, the
 * headnote's paragraphs, …) separated by one blank line (`"\n\n"`); a unit
 * never contains a blank line. Inside a unit every run of XML white space is
 *  one space, `lb` is a line break (`"\n"`, unless `lineBreaks: "join"`) and each unit is trimmed, the
 * normalisation teikit's README documents, so for a document teikit wrote,
 * `diplomatic` equals `normaliseSource(text, config)`.
 */
export interface Readings {
  /**
   * The source as it shows itself: `sic`, `orig`, `abbr` (with `am`), deleted
   * text (`del`, `surplus`) as well as added (`add`), omission marks,
   * bracketed glosses with their brackets; no `corr`, `reg`, `expan`, `ex` or
   * `supplied`. Where the source has text the transcriber left out (`gap`), the
   * placeholder `gapPlaceholder` ("[…]").
   */
  diplomatic: string;
  /**
   * The edited text: `corr`, `reg`, `expan` (with `ex`) and `supplied` in
   * place of what they correct; additions without deletions.
   */
  corrected: string;
  /** The elements the text came from (referred to by index from `segments`) and their ancestors. */
  elements: ReadingElement[];
  /**
   * For each reading, which element each character came from: sorted,
   * non-overlapping `[start, end, element]` triples (element = index into
   * `elements`), one per run of characters from the same innermost element.
   * Characters the normalisation wrote between units (`"\n\n"`) belong to no
   * segment; a space that stands for a run of white space belongs to the
   * element that held the white space; the `"\n"` of a line break to its `lb`;
   * a gap's placeholder to its `gap`. Use `elementAt` to look an offset up,
   * `elementPath` for an element's path from the root.
   */
  segments: { diplomatic: ReadingSegment[]; corrected: ReadingSegment[] };
}

/** `[start, end, element]`: the characters `[start, end)` came from `elements[element]`. */
export type ReadingSegment = [number, number, number];

/**
 * An element of the XML, as the readings' map refers to it. Its path from the
 * root (`/TEI[1]/text[1]/body[1]/div[1]/p[3]`) is the chain of `parent`s,
 * each step named and counted among siblings of the same name; `elementPath`
 * builds it.
 */
export interface ReadingElement {
  /** The element's name as written (`persName`, `tei:p`). */
  name: string;
  /** Index of its parent in `elements`; null for the root. */
  parent: number | null;
  /** 1-based position among its parent's children of the same name. */
  position: number;
  line: number;
  column: number;
}

export type InterventionKind = 'sic-corr' | 'orig-reg' | 'abbr-expan' | 'supplied' | 'omission' | 'variant';

/**
 * One editorial intervention.
 *
 * - `sic-corr`, `orig-reg`, `abbr-expan`: a `choice` of the source's form and the
 *   editor's, or one half of the pair standing alone (a lone `corr` is text only
 *   the corrected reading has; a lone `sic` is flagged but left as it is);
 * - `supplied`: text the editor adds (`supplied`);
 * - `omission`: text left out, marked by the source (`ellipsis`, its dots kept)
 *   or by the transcriber (`gap`, read as the placeholder);
 * - `variant`: readings of witnesses (`app`), or a `choice` of alternatives that
 *   are not a source/edited pair (two `unclear`, two `seg`).
 */
export interface Intervention {
  kind: InterventionKind;
  /** The TEI element that carries it: `choice`, `corr`, `supplied`, `gap`, `ellipsis`, `app`, … */
  element: string;
  /** The diplomatic reading over `offsets.diplomatic`: what the source has ("" where it has nothing). */
  source: string;
  /** The corrected reading over `offsets.corrected`: what the editor reads. */
  edited: string;
  /** `@resp` of the editor's form, as written (`#ed`). */
  resp?: string;
  /** `@cert` of the editor's form, as written. */
  cert?: string;
  /** `@type` of the editor's form (`ocr`), or of the `app` reading read. */
  type?: string;
  /** `@reason` of `supplied` or `gap`. */
  reason?: string;
  /** Witnesses (`@wit` tokens, as written) of the reading read, for `variant` from `app`. */
  wit?: string[];
  /** The forms not read: other corrections of a `choice`, other readings of an `app`. */
  alternatives?: Alternative[];
  offsets: ReadingOffsets;
  position: XmlPosition;
  /** Index into `notes` when the intervention stands in a note outside the flow of the text; `offsets` are then the note's. */
  note?: number;
}

/** A form the readings do not show. */
export interface Alternative {
  /** The alternative read as the source shows it. */
  text: string;
  /** The alternative read as the editor would, when that differs (it holds a corr or supplied, say). */
  edited?: string;
  element: string;
  resp?: string;
  cert?: string;
  type?: string;
  wit?: string[];
}

export type ReadEntityKind = 'person' | 'org' | 'place';

/** People, organisations and places: the document's registers, each entry with its mentions. */
export interface Entities {
  people: EntityEntry[];
  organisations: EntityEntry[];
  places: EntityEntry[];
  /**
   * Mentions that point to no entry: without `@ref`, with a `@ref` outside the
   * document (a URI), or with a local `#id` that names no register entry (the
   * last also reported as a `ref-not-found` warning).
   */
  unresolved: EntityMention[];
}

/**
 * A register entry: `person`, `personGrp`, `org` or `place` with an `xml:id`,
 * wherever the document keeps it (`standOff`, `profileDesc/particDesc`,
 * `settingDesc`, `sourceDesc`, `back`).
 */
export interface EntityEntry {
  id: string;
  kind: ReadEntityKind;
  /** Its first `persName`/`orgName`/`placeName`/`name`, read as corrected text. */
  name?: string;
  idnos: { type?: string; value: string }[];
  /** Its first `note`. */
  note?: string;
  mentions: EntityMention[];
}

/** A name in the text: `persName`, `orgName`, `placeName`, `geogName`, `name`, `rs`, … */
export interface EntityMention {
  element: string;
  /** `@ref` as written (may hold several pointers). */
  ref?: string;
  /** The mention as the source shows it (the diplomatic reading over its offsets, or its note's text). */
  text: string;
  offsets: ReadingOffsets;
  position: XmlPosition;
  note?: number;
}

/** A `date` in the text, with its normalised values as written. */
export interface DateEntry {
  /** The date as the source shows it. */
  text: string;
  when?: string;
  whenCustom?: string;
  calendar?: string;
  datingMethod?: string;
  notBefore?: string;
  notAfter?: string;
  from?: string;
  to?: string;
  offsets: ReadingOffsets;
  position: XmlPosition;
  note?: number;
}

/**
 * A `note`. A note printed in the running text (`@place="inline"`, or
 * `@rend="brackets"` as teikit writes a gloss) is part of both readings, its
 * brackets restored; any other note (a footnote, a margin note, an editor's
 * note) is outside the flow: it is in neither reading, its `offsets` are the
 * point it is anchored at, and its text is here only.
 */
export interface NoteEntry {
  type?: string;
  resp?: string;
  /** `@place` as written (`foot`, `margin`, `inline`). */
  place?: string;
  n?: string;
  target?: string;
  /** Whether its text is part of the readings. */
  inline: boolean;
  /** The note's text as the source shows it (for a bracketed note, without its brackets). */
  text: string;
  /** The note's text as the editor reads it, when that differs (it holds a corr or a supplied word). */
  edited?: string;
  offsets: ReadingOffsets;
  position: XmlPosition;
  /** Index of the note this one stands in, for a note inside a note outside the flow. */
  note?: number;
}

export interface NameRef {
  name: string;
  /** `@ref` of the name, as written. */
  ref?: string;
}

export interface EditorEntry {
  name: string;
  /** `xml:id` of the name, so that `@resp="#id"` can be resolved. */
  id?: string;
  /** `@role` of an `editor`, or the `resp` of a `respStmt`. */
  role?: string;
}

/** The date of the document: `profileDesc/creation/date`, or failing that an `origDate` in the header. */
export interface DocumentDate {
  text: string;
  when?: string;
  whenCustom?: string;
  datingMethod?: string;
  calendar?: string;
  /** `whenCustom`, when the dating method or calendar is Julian (`#julian`, as teikit writes it). */
  julian?: string;
  notBefore?: string;
  notAfter?: string;
  from?: string;
  to?: string;
}

/**
 * The source edition, from the first `bibl`, `biblStruct`, `biblFull` or
 * `msDesc` in `sourceDesc`. The fields mirror `metadata.source` of an
 * `edition.json`.
 */
export interface SourceDescription {
  /** A plain-text citation: the `note type="citation"` teikit writes, else the whole description as text. */
  citation: string;
  author?: string;
  title?: string;
  editors: EditorEntry[];
  place?: string;
  publisher?: string;
  date?: string;
  volume?: string;
  pages?: string;
  note?: string;
}

export interface ReadMetadata {
  /** `titleStmt/title` (the main one, when several are typed). */
  title?: string;
  /** `titleStmt/author`, each with the `@ref` of its name. */
  authors: NameRef[];
  /** `titleStmt/editor` and the names of each `titleStmt/respStmt`. */
  editors: EditorEntry[];
  date?: DocumentDate;
  source?: SourceDescription;
  /** `publicationStmt/availability`: the `licence` (its `@target` as `url`), or the availability statement. */
  licence?: { text: string; url?: string };
  /** `langUsage/language` (its `@ident` and name), or the root's `xml:lang`. */
  language?: { ident: string; name?: string };
  /** `listWit/witness` of the header, for documents with a critical apparatus. */
  witnesses: { id: string; text: string }[];
}

/** Diagnostics of the reader: teikit's, plus `info` for what it tells without finding fault (an unknown element, text it does not read). */
export type ReadSeverity = Severity | 'info';

export interface ReadDiagnostic extends Omit<Diagnostic, 'severity'> {
  severity: ReadSeverity;
}

/** Options of `readTei`. Every limit has a default that any real TEI document stays far below. */
export interface ReadOptions {
  /**
   * Read the `rdg` (or `lem`) of this witness in each `app`, instead of the
   * lemma. Give its id, with or without `#`. Where an `app` has no reading
   * for it, the lemma is read (and an `info` diagnostic counts the places).
   */
  witness?: string;
  /**
   * `"keep"` (default): `lb` is a line break in both readings. `"join"`: lines
   * are joined with a space, or with nothing at `lb break="no"` (a word broken
   * across the line).
   */
  lineBreaks?: 'keep' | 'join';
  /** What a `gap` reads as in both readings. Default `"[…]"`. */
  gapPlaceholder?: string;
  /** Elements may nest this deep; deeper is the error `xml-too-deep`. Default 1,000. */
  maxDepth?: number;
  /** Longest attribute value, in characters; longer is the error `xml-attribute-too-long`. Default 100,000. */
  maxAttributeLength?: number;
  /**
   * Characters (plus nested references) that references to entities declared
   * in the document's DOCTYPE may expand to in all; more is the error
   * `xml-entity-limit`. The five predefined entities and character references
   * do not count. Default 1,000,000.
   */
  maxEntityExpansion?: number;
}
