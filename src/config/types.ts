/**
 * The edition config: what `edition.json` holds and what `encode()` takes.
 * `schemas/edition.schema.json` is the authority on its shape; these types
 * mirror it for TypeScript users.
 */

export type Cert = 'high' | 'medium' | 'low' | 'unknown';

export interface Person {
  id: string;
  name: string;
}

export interface Editor extends Person {
  /** What this person did, e.g. "TEI encoding and emendation". */
  role?: string;
}

export interface Authority {
  wikidata?: string;
  viaf?: string;
  gnd?: string;
  geonames?: string;
  [scheme: string]: string | undefined;
}

export interface RegisterEntry {
  id: string;
  /** The standard form of the name, written in the register. */
  name: string;
  /** Forms to find in the text (case-sensitive, whole words). Defaults to `[name]`. */
  forms?: string[];
  /** Identifiers in authority files. Only verified ones: teikit never invents any. */
  idno?: Authority;
  /** A short note for the register, e.g. dates of life or what the body was. */
  note?: string;
}

export interface Register {
  people?: RegisterEntry[];
  organisations?: RegisterEntry[];
  places?: RegisterEntry[];
}

/**
 * Where an entry applies: `context` is a short piece of the text around it with the
 * target in square brackets ("power [he] left"; "at [] costs" for an insertion
 * point); `at` is a 1-based "line:column" in the source file. With neither, the
 * entry's own text must occur exactly once.
 */
export interface Anchor {
  context?: string;
  at?: string;
}

export interface Emendation extends Anchor {
  /** What the source has. */
  sic: string;
  /** The correction. */
  corr: string;
  resp?: string;
  cert?: Cert;
  /** Kind of error, written as `corr/@type`: "ocr", "typo", "punctuation", … */
  type?: string;
}

export interface Supplied extends Anchor {
  /** Text the source lacks, supplied by the editor. */
  text: string;
  reason?: string;
  resp?: string;
  cert?: Cert;
}

export interface Regularisation extends Anchor {
  orig: string;
  reg: string;
  /** Apply to every occurrence of `orig` rather than one anchored occurrence. */
  every?: boolean;
  resp?: string;
  cert?: Cert;
}

export interface DateHint extends Anchor {
  /** The calendar the printed date is in. */
  calendar?: 'gregorian' | 'julian';
  /** Override the recognised value: ISO date as printed (in `calendar`). */
  value?: string;
  /** Do not mark this as a date. */
  ignore?: boolean;
}

export interface Structure {
  /** Source line of the author line, or false for none. Default: recognised. */
  authorLine?: number | false;
  /** Source line of the source-citation line, or false. Default: recognised. */
  citationLine?: number | false;
  /** First source lines of paragraphs that are the editor's headnote, or false. Default: recognised. */
  headnote?: number[] | false;
  /** "join" (default) joins lines of a paragraph; "keep" writes `<lb/>` for each. */
  lineBreaks?: 'join' | 'keep';
  /** Bracketed text as editorial glosses (default true). */
  glosses?: boolean;
  /** Who wrote the glosses (id of a source editor); default the first source editor. */
  glossResp?: string;
  /** Dots and ellipsis characters as omission marks (default true). */
  omissions?: boolean;
  /** Recognise dates (default true). */
  dates?: boolean;
  /** `div/@type` of the document's body (default "text"; "letter" for a letter). */
  bodyType?: string;
}

export interface Licence {
  name: string;
  url?: string;
}

export interface SourceBibl {
  /** The citation as a reader would write it. */
  citation?: string;
  title?: string;
  author?: string;
  editors?: Editor[];
  publisher?: string;
  place?: string;
  date?: string;
  volume?: string;
  pages?: string;
  note?: string;
}

export interface Revision {
  when?: string;
  who?: string;
  text: string;
}

export interface Metadata {
  title?: string;
  author?: { name: string; ref?: string };
  /** The document's date: Gregorian `when`, optional Julian `julian`, and the wording. */
  date?: { when: string; julian?: string; text?: string };
  language?: { ident: string; name?: string };
  editors?: Editor[];
  publication?: { publisher?: string; date?: string; licence?: Licence };
  source?: SourceBibl;
  revisions?: Revision[];
}

export interface EditionConfig {
  $schema?: string;
  /** Source text file, relative to the edition folder (CLI only). */
  source?: string;
  /** TEI output file, relative to the edition folder (CLI only). */
  output?: string;
  metadata?: Metadata;
  register?: Register;
  emendations?: Emendation[];
  supplied?: Supplied[];
  regularisations?: Regularisation[];
  dates?: DateHint[];
  structure?: Structure;
  /** Defaults for emendations, supplied words and regularisations. */
  defaults?: { resp?: string; cert?: Cert };
}
