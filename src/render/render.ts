import { TeikitError, error } from '../diagnostics.js';
import { DEFAULT_LIMITS } from '../reader/read-tei.js';
import { readTei, type ReadDiagnostic, type ReadOptions } from '../reader/index.js';
import { TEIKIT_VERSION } from '../version.js';
import { alignReadings } from './align.js';
import { attr, text } from './html.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page-assets.js';
import { apparatusPanel, headerPanel, notesPanel, registerPanel } from './panels.js';
import { readPolicy } from './policy.js';
import { renderText } from './text-view.js';

/**
 * Past this many paragraphs (or apparatus entries and notes), the page lets
 * the browser skip laying out what is off screen (CSS content-visibility).
 */
const LONG = 200;

export interface RenderOptions extends ReadOptions {
  /** The reading the page opens with (the reader switches at will). Default `"corrected"`. */
  reading?: 'diplomatic' | 'corrected';
}

/**
 * A standalone HTML reading view of a TEI document: any TEI `readTei` reads.
 * The page holds both readings (switched by a class on <body>), marks
 * interventions, names, dates and notes, and lists the header, the notes, the
 * apparatus and the register. Style and script are inlined, and a
 * Content-Security-Policy forbids loading anything: the page works offline.
 * Every text and attribute value from the document is escaped; only http(s)
 * URLs become links. The same input always gives the same bytes.
 *
 * Throws a TeikitError where readTei does (input that is not well-formed TEI).
 */
export function render(xml: string | Uint8Array, options: RenderOptions = {}): string {
  return renderPage(xml, options).html;
}

/** render, with what the reader noticed while reading the document (for the CLI, which prints it). */
export function renderPage(xml: string | Uint8Array, options: RenderOptions = {}): { html: string; diagnostics: ReadDiagnostic[] } {
  const { reading = 'corrected', ...readOptions } = options;
  if (reading !== 'diplomatic' && reading !== 'corrected') {
    throw new TeikitError([error('invalid-option', `reading must be "diplomatic" or "corrected", not ${JSON.stringify(reading)}`)]);
  }
  const model = readTei(xml, readOptions);
  const policy = readPolicy(xml, {
    maxDepth: readOptions.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxAttributeLength: readOptions.maxAttributeLength ?? DEFAULT_LIMITS.maxAttributeLength,
    maxEntityExpansion: readOptions.maxEntityExpansion ?? DEFAULT_LIMITS.maxEntityExpansion,
  });
  const alignment = alignReadings(model.readings.diplomatic, model.readings.corrected, model.apparatus);
  const view = renderText(model, alignment);
  const title = model.metadata.title ?? 'Untitled TEI document';
  const lang = model.metadata.language?.ident;
  const langAttr = lang !== undefined && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? ` lang="${attr(lang)}"` : '';
  const pressed = (r: string): string => String(r === reading);

  const html = `<!DOCTYPE html>
<html${langAttr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="teikit ${attr(TEIKIT_VERSION)}">
<title>${text(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body class="reading-${reading}${model.apparatus.length + model.notes.length > LONG ? ' long-lists' : ''}">
<a class="skip" href="#text">Skip to the text</a>
<div class="controls">
<div class="switch" role="group" aria-label="Reading">
<button type="button" data-reading="diplomatic" aria-pressed="${pressed('diplomatic')}">Diplomatic</button>
<button type="button" data-reading="corrected" aria-pressed="${pressed('corrected')}">Corrected</button>
</div>
<nav aria-label="Sections"><a href="#about">About</a><a href="#text">Text</a>${model.notes.length > 0 ? '<a href="#notes">Notes</a>' : ''}<a href="#apparatus">Apparatus</a><a href="#register">Register</a></nav>
<ul class="key" aria-label="Key">
<li><span class="name person">person</span></li><li><span class="name org">organisation</span></li><li><span class="name place">place</span></li><li><span class="iv">intervention</span></li><li><span class="date">date</span></li>
</ul>
</div>
<main>
${headerPanel(model, policy)}
<section class="panel" id="text" aria-labelledby="text-h">
<h2 id="text-h">Text <span class="muted dip">(diplomatic reading: as the source printed it)</span><span class="muted corr">(corrected reading)</span></h2>
<div class="edition-text${view.paragraphs > LONG ? ' long' : ''}" id="edition-text">${view.html}</div>
</section>
${notesPanel(model, view)}
${apparatusPanel(model, view)}
${registerPanel(model, view)}
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
  return { html, diagnostics: model.diagnostics };
}
