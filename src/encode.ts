import { TeikitError, type Diagnostic } from './diagnostics.js';
import { locateInConfig } from './config/validate-config.js';
import type { EditionConfig } from './config/types.js';
import { analyse, analyseChecked, type Edition } from './analyse.js';
import { teiDocument, type RegisterScope } from './tei/document.js';
import { defaultHandlers, type InlineHandlers } from './tei/inline.js';
import { toXml } from './serialise/to-xml.js';
import type { XmlElement } from './tei/xml-tree.js';
import { DEFAULT_MAX_INPUT_BYTES, checkInputSize } from './source/input-limit.js';

export interface EncodeOptions {
  /** The config's JSON text, if it came from a file: diagnostics then carry its line and column. */
  configText?: string;
  /** Replace some of the handlers that turn spans into TEI elements. */
  handlers?: Partial<InlineHandlers>;
  /**
   * The largest text taken, in bytes (of a string: UTF-16 code units); a larger
   * one is refused with `input-too-large` rather than risking an out-of-memory
   * crash. Default 10 MB (DEFAULT_MAX_INPUT_BYTES), as in the CLI and `batch()`:
   * encoding peaks near 20 × the text, and a process that dies of it loses more
   * than one file. `Infinity` takes any size.
   */
  maxInputBytes?: number;
  /**
   * `"all"` (default): the whole register goes into the document's `standOff`.
   * `"mentioned"`: only the entries its names (and the header's author) point
   * to, as `batch()` writes a corpus register: every document stays complete
   * without carrying the entries of texts it does not mention.
   */
  registerScope?: RegisterScope;
}

export interface EncodeResult {
  /** The TEI document, UTF-8, ending in a newline. */
  xml: string;
  /** Warnings: things teikit left unmarked or found doubtful. Errors are thrown instead. */
  diagnostics: Diagnostic[];
  /** The model the XML was written from. */
  edition: Edition;
}

/**
 * Plain text to a complete TEI P5 document: read the source, recognise its
 * structure, collect annotations as spans, nest them, serialise.
 * Throws a `TeikitError` (with every problem found) when the input cannot be
 * encoded faithfully.
 */
export function encode(text: string | Uint8Array, config: EditionConfig = {}, options: EncodeOptions = {}): EncodeResult {
  return encodeWith(text, options, () => analyse(text, config, options.configText));
}

/** `encode` for a config checked already (see `analyseChecked`): for batch workers. */
export function encodeCheckedConfig(text: string | Uint8Array, config: EditionConfig, options: EncodeOptions = {}): EncodeResult {
  return encodeWith(text, options, () => analyseChecked(text, config));
}

function encodeWith(text: string | Uint8Array, options: EncodeOptions, analyseText: () => Edition): EncodeResult {
  return withConfigPlaces(options.configText, () => {
    checkInputSize(typeof text === 'string' ? text.length : text.byteLength, options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
    const edition = analyseText();
    const { tei, diagnostics } = teiOf(edition, options);
    return { xml: toXml(tei), diagnostics, edition };
  });
}

/**
 * `encode` for a program that only writes the XML (the CLI): the model is
 * dropped before the XML is joined, so its memory (the source, the normalised
 * text, every span: about 3.5 × the text) is free again for the join and for
 * validating the output, where `teikit encode` peaks.
 */
export function encodeXml(text: string | Uint8Array, config: EditionConfig, options: EncodeOptions = {}): Omit<EncodeResult, 'edition'> {
  return withConfigPlaces(options.configText, () => {
    checkInputSize(typeof text === 'string' ? text.length : text.byteLength, options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
    // The edition lives only inside this call: nothing here keeps it.
    const { tei, diagnostics } = teiOf(analyse(text, config, options.configText), options);
    return { xml: toXml(tei), diagnostics };
  });
}

function teiOf(edition: Edition, options: EncodeOptions): { tei: XmlElement; diagnostics: Diagnostic[] } {
  const handlers = { ...defaultHandlers, ...options.handlers } as InlineHandlers;
  const { tei, diagnostics } = teiDocument(edition, handlers, options.registerScope);
  const all = [...edition.diagnostics, ...diagnostics];
  if (options.configText !== undefined) locateInConfig(all, options.configText);
  return { tei, diagnostics: all };
}

/** Runs `work`, giving the config diagnostics of a TeikitError it throws their line and column in the config file. */
function withConfigPlaces<T>(configText: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof TeikitError && configText !== undefined) locateInConfig(err.diagnostics as Diagnostic[], configText);
    throw err;
  }
}
