
import { renderPage } from '../render/render.js';
import { writeFileAtomic, readInput } from './files.js';
import { formatReadDiagnostic } from './read-command.js';
import { EXIT_OK, reportFailure, type FileNames } from './report.js';

export interface RenderArgs {
  /** The TEI file, or `-` for standard input. */
  file: string;
  /** Where to write the page; standard output without it. */
  output?: string;
  reading: 'diplomatic' | 'corrected';
}

/**
 * `teikit render <xml-file|-> [-o out.html] [--reading diplomatic|corrected]`:
 * the standalone HTML reading view of a TEI document. What the reader notices
 * goes to standard error as `file:line:col: code: message`; a document that
 * cannot be read exits 1 and writes nothing.
 */
export function runRender(args: RenderArgs): number {
  const names: FileNames = { source: args.file === '-' ? '<stdin>' : args.file };
  try {
    const bytes = readInput(args.file);
    const { html, diagnostics } = renderPage(bytes, { reading: args.reading });
    for (const d of diagnostics) process.stderr.write(`${formatReadDiagnostic(d, names)}\n`);
    if (args.output !== undefined) {
      writeFileAtomic(args.output, html);
      process.stderr.write(`${args.output}: written\n`);
    } else {
      process.stdout.write(html);
    }
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}
