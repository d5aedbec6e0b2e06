import { TeikitError, error } from '../diagnostics.js';
import { Anchoring } from './anchoring.js';
import { buildApparatus, type ReadAlternative } from './apparatus.js';
import { buildDates, buildNotes } from './dates-and-notes.js';
import { elementTable } from './element-table.js';
import { collectRegister, resolveMentions } from './entities.js';
import { readMetadata } from './metadata.js';
import type { ReadDiagnostic, ReadOptions, ReadResult } from './types.js';
import { TextWalker } from './walk-text.js';
import { parseXml, type XmlLimits } from './xml/parse-xml.js';
import { TEI_NAMESPACE, forEachDescendant, type XElement } from './xml/tree.js';

/** The limits readTei applies unless told otherwise; see ReadOptions and the README's Security section. */
export const DEFAULT_LIMITS: Readonly<XmlLimits> = { maxDepth: 1_000, maxAttributeLength: 100_000, maxEntityExpansion: 1_000_000 };

const TEI_ROOTS = new Set(['TEI', 'teiCorpus', 'TEI.2']);

/**
 * Reads a TEI document (a string, or its bytes: UTF-8, or UTF-16 with a
 * byte-order mark) into plain data: metadata, the diplomatic and corrected
 * readings with a map back to the XML, the apparatus of interventions,
 * entities with their mentions, dates, notes and diagnostics.
 *
 * One pass to parse, one walk over the text; time and memory are linear in
 * the size of the document (plus at most `maxEntityExpansion` characters of
 * entity text). Throws a TeikitError with a stable code and the line and column
 * when the input is not well-formed XML, is not TEI, or breaks a limit.
 */
export function readTei(xml: string | Uint8Array, options: ReadOptions = {}): ReadResult {
  const limits = checkedLimits(options);
  const lineBreaks = options.lineBreaks ?? 'keep';
  const gapPlaceholder = options.gapPlaceholder ?? '[…]';
  const doc = parseXml(xml, limits);
  const root = doc.root;
  const place = (offset: number) => doc.positions.place(offset);
  const diagnostics: ReadDiagnostic[] = [...doc.diagnostics];

  if (!TEI_ROOTS.has(root.local)) {
    throw new TeikitError([
      error('not-tei', `the root element is <${root.name}>, not <TEI> (or <teiCorpus>): this is not a TEI document`, { file: 'source', place: place(root.offset) }),
    ]);
  }
  const teiNs = root.ns;
  if (teiNs !== TEI_NAMESPACE) {
    diagnostics.push({
      severity: teiNs === '' ? 'info' : 'warning',
      code: teiNs === '' ? 'no-tei-namespace' : 'unexpected-namespace',
      message:
        teiNs === ''
          ? `<${root.name}> is in no namespace (TEI P5 uses ${TEI_NAMESPACE}); its elements are read as TEI`
          : `<${root.name}> is in the namespace ${JSON.stringify(teiNs)}, not ${TEI_NAMESPACE}; its elements are read as TEI`,
      file: 'source',
      place: place(root.offset),
    });
  }
  const isTei = (el: XElement): boolean => el.ns === teiNs || el.ns === '';
  const walkOptions = { isTei, lineBreaks, gapPlaceholder, witness: options.witness, quiet: false };

  const walker = new TextWalker(walkOptions).read(root);
  const quiet = (el: XElement, lb: 'keep' | 'join') => new TextWalker({ ...walkOptions, lineBreaks: lb, quiet: true }).read(el);
  const readText = (el: XElement): string => plainText(el) ?? quiet(el, 'join').main.corrText;
  const readAlternative: ReadAlternative = (el) => {
    const w = quiet(el, lineBreaks);
    return { text: w.main.dipText, edited: w.main.corrText, incomplete: w.omitted > 0 };
  };

  const at = new Anchoring(walker.notes, place);
  const { apparatus, incomplete } = buildApparatus(walker.interventions, at, readAlternative);
  if (incomplete.length > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'not-in-readings',
      message: `${incomplete.length === 1 ? 'an alternative' : `${incomplete.length} alternatives`} in the apparatus hold text their own text leaves out (a reading nested in a rdg, a footnote, …) (first here)`,
      file: 'source',
      place: place(incomplete[0]!.offset),
    });
  }
  const register = collectRegister(root, isTei, readText);
  const { entities, diagnostics: refs } = resolveMentions(walker.mentions, register, at);
  const metadata = readMetadata(root, isTei, readText);

  if (!hasText(root, isTei)) {
    diagnostics.push({ severity: 'warning', code: 'no-text', message: 'the document has no <text> element: both readings are empty', file: 'source', place: place(root.offset) });
  }
  const witness = options.witness?.replace(/^#/, '');
  if (witness !== undefined && metadata.witnesses.length > 0 && !metadata.witnesses.some((w) => w.id === witness)) {
    diagnostics.push({
      severity: 'warning',
      code: 'unknown-witness',
      message: `witness "${witness}" is not in the document's listWit (${metadata.witnesses.map((w) => w.id).join(', ')})`,
      file: 'source',
      place: place(root.offset),
    });
  }
  diagnostics.push(...walker.diagnostics(place), ...refs);
  diagnostics.sort((a, b) => (a.place?.line ?? 0) - (b.place?.line ?? 0) || (a.place?.column ?? 0) - (b.place?.column ?? 0));

  const main = walker.main;
  return {
    metadata,
    readings: {
      diplomatic: main.dipText,
      corrected: main.corrText,
      elements: elementTable(walker.elements, place),
      segments: { diplomatic: main.dip.segmentTriples(), corrected: main.corr.segmentTriples() },
    },
    apparatus,
    entities,
    dates: buildDates(walker.dates, at),
    notes: buildNotes(walker.notes, at),
    diagnostics,
  };
}

function checkedLimits(options: ReadOptions): XmlLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of ['maxDepth', 'maxAttributeLength', 'maxEntityExpansion'] as const) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0) || (Number.isFinite(v) && !Number.isInteger(v))) {
      throw new TeikitError([error('invalid-option', `${key} must be a whole number of at least 0 (or Infinity), not ${String(v)}`)]);
    }
    limits[key] = v;
  }
  for (const key of ['lineBreaks'] as const) {
    const v = options[key];
    if (v !== undefined && v !== 'keep' && v !== 'join') throw new TeikitError([error('invalid-option', `lineBreaks must be "keep" or "join", not ${JSON.stringify(v)}`)]);
  }
  return limits;
}

function hasText(root: XElement, isTei: (el: XElement) => boolean): boolean {
  let found = false;
  forEachDescendant(root, (el) => (found = el.local === 'text' && isTei(el)));
  return found;
}

/**
 * The text of an element that holds only text (most names and values in a
 * header or register), normalised as the readings are; undefined when it holds
 * elements, which need the walk. Saves a walk per register entry.
 */
function plainText(el: XElement): string | undefined {
  let text = '';
  for (const c of el.children) {
    if (c.type !== 'text') return undefined;
    text += c.value;
  }
  if (el.attributes.get('xml:space') === 'preserve') return undefined;
  return text.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}
