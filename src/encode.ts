import { TeikitError, type Diagnostic } from './diagnostics.js';
import { locateInConfig } from './config/validate-config.js';
import type { EditionConfig } from './config/types.js';
import { analyse, type Edition } from './analyse.js';
import { teiDocument } from './tei/document.js';
import { defaultHandlers, type InlineHandlers } from './tei/inline.js';
import { toXml } from './serialise/to-xml.js';

export interface EncodeOptions {
  /** The config's JSON text, if it came from a file: diagnostics then carry its line and column. */
  configText?: string;
  /** Replace some of the handlers that turn spans into TEI elements. */
  handlers?: Partial<InlineHandlers>;
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
  const configText = options.configText;
  try {
    const edition = analyse(text, config, configText);
    const handlers = { ...defaultHandlers, ...options.handlers } as InlineHandlers;
    const { tei, diagnostics } = teiDocument(edition, handlers);
    const all = [...edition.diagnostics, ...diagnostics];
    if (configText !== undefined) locateInConfig(all, configText);
    return { xml: toXml(tei), diagnostics: all, edition };
  } catch (err) {
    if (err instanceof TeikitError && configText !== undefined) locateInConfig(err.diagnostics as Diagnostic[], configText);
    throw err;
  }
}
