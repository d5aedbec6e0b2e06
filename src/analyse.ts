import { TeikitError, error, warning, type Diagnostic, type Place } from './diagnostics.js';
import type { EditionConfig } from './config/types.js';
import { assertConfig } from './config/validate-config.js';
import { decodeSource, normaliseLineEndings } from './source/decode.js';
import { groupBlocks, placeOf, splitLines } from './source/lines.js';
import { normaliseUnits, type NormalisedText } from './source/normalise.js';
import { findLineBreaks } from './recognise/line-breaks.js';
import { findForbiddenXmlChars } from './source/xml-chars.js';
import { recogniseStructure } from './recognise/structure.js';
import { findGlosses } from './recognise/glosses.js';
import { findOmissions } from './recognise/omissions.js';
import { SharedScan } from './recognise/shared-scan.js';
import { collectNames, compileRegister } from './annotate/names.js';
import { collectEmendations } from './annotate/emendations.js';
import { collectDates } from './annotate/dates.js';
import type { Span } from './annotate/spans.js';
import { nestSpans, type SpanNode } from './annotate/nest.js';

/**
 * Everything teikit knows about a text before it writes TEI: the normalised
 * text, its units, and the annotation spans nested into a tree. Stage one of
 * `encode`, exported for tools that want the model rather than the XML.
 */
export interface Edition {
  config: EditionConfig;
  /** The source with line endings normalised to LF: what line:column positions count in. */
  source: string;
  normalised: NormalisedText;
  /** Accepted spans, nested, in document order. */
  tree: SpanNode[];
  spans: Span[];
  diagnostics: Diagnostic[];
  placeAt: (offset: number) => Place;
}

export function analyse(input: string | Uint8Array, configInput: EditionConfig = {}, configText?: string): Edition {
  return analyseChecked(input, assertConfig(configInput, configText));
}

/**
 * `analyse` for a config that has been checked already. A batch checks its one
 * config up front; checking it again for each of thousands of texts (and
 * compiling the JSON Schema in each worker thread) would cost more than many
 * of the texts.
 */
export function analyseChecked(input: string | Uint8Array, config: EditionConfig): Edition {
  const source = normaliseLineEndings(decodeSource(input));
  const lines = splitLines(source);
  const lineStarts = lines.map((l) => l.start);
  const fail = (found: Diagnostic[]): void => {
    const errors = found.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new TeikitError(errors);
  };

  fail(findForbiddenXmlChars(source, lineStarts));
  const blocks = groupBlocks(lines);
  if (blocks.length === 0) {
    throw new TeikitError([error('empty-text', 'the text is empty: there is nothing to encode', { file: 'source', place: { line: 1, column: 1 } })]);
  }

  const hints = config.structure ?? {};
  const authorName = config.metadata?.author?.name;
  const structure = recogniseStructure({ text: source, blocks, hints, ...(authorName !== undefined && { authorName }) });
  fail(structure.diagnostics);
  if (!structure.units.some((u) => u.role === 'paragraph' || u.role === 'headnote')) {
    throw new TeikitError([
      error('no-text', 'the text has no paragraphs besides its author and citation lines', { file: 'source', place: { line: 1, column: 1 }, hint: 'set structure.authorLine or structure.citationLine to false' }),
    ]);
  }
  const keepLineBreaks = hints.lineBreaks === 'keep';
  const normalised = normaliseUnits(source, structure.units, keepLineBreaks);
  const text = normalised.text;
  const placeAt = (offset: number): Place => placeOf(source, lineStarts, normalised.map.toSource(offset));
  const describe = (offset: number): string => {
    const p = placeAt(offset);
    return `${p.line}:${p.column}`;
  };

  const diagnostics: Diagnostic[] = [...structure.diagnostics];
  const spans: Span[] = [];
  const glossResp = hints.glossResp ?? config.metadata?.source?.editors?.[0]?.id;

  // The author's text and the headnote, not the lines above them.
  const prose = normalised.units.filter((u) => u.role === 'paragraph' || u.role === 'headnote');
  if (hints.glosses !== false) {
    const g = findGlosses(text, prose, placeAt);
    appendAll(diagnostics, g.diagnostics);
    for (const s of g.glosses) spans.push({ kind: 'gloss', ...s, ...(glossResp !== undefined && { resp: glossResp }) });
  }
  if (hints.omissions !== false) {
    for (const s of findOmissions(text, prose)) spans.push({ kind: 'omission', ...s });
  }

  if (keepLineBreaks) {
    for (const { start, end, noBreak } of findLineBreaks(text)) spans.push({ kind: 'lb', start, end, ...(noBreak && { noBreak }) });
  }

  // Names and anchors are matched on a view where a kept line break reads as a
  // space: same length, so offsets carry over.
  const view = keepLineBreaks ? text.replace(/\n/g, ' ') : text;
  const register = compileRegister(config);
  const shared = new SharedScan(view, register.matcher.forms);
  const anchorContext = { normalised, view, source, lines, describe, scan: (literals: readonly string[]) => shared.find(literals) };

  const emendations = collectEmendations(config, anchorContext);
  appendAll(diagnostics, emendations.diagnostics);
  fail(emendations.diagnostics);
  appendAll(spans, emendations.spans);

  const names = collectNames(config, register, shared.names());
  appendAll(diagnostics, names.diagnostics);
  appendAll(spans, names.spans);

  if (hints.dates !== false) {
    const dates = collectDates(config, anchorContext);
    appendAll(diagnostics, dates.diagnostics);
    fail(dates.diagnostics);
    appendAll(spans, dates.spans);
  }

  const nested = nestSpans(spans, describe, placeAt);
  appendAll(diagnostics, nested.diagnostics);
  fail(nested.diagnostics);
  return { config, source, normalised, tree: nested.roots, spans: nested.accepted, diagnostics, placeAt };
}

/**
 * `target.push(...items)` passes every item as an argument, and a 50 MB text has
 * hundreds of thousands of names: the call stack overflows. A loop never does.
 */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
