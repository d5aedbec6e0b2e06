
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { readTei } from '../reader/index.js';
import type { ReadDiagnostic, ReadOptions, ReadResult } from '../reader/index.js';
import { EXIT_OK, reportFailure, type FileNames } from './report.js';
import { readInput } from './files.js';

export interface ReadArgs {
  /** The TEI file, or `-` for standard input. */
  file: string;
  reading: 'diplomatic' | 'corrected';
  format: 'text' | 'json';
  /** Options of readTei (a witness to read, how to treat line breaks, limits), for flags such as --witness. */
  options?: ReadOptions;
}

/**
 * `teikit read <xml-file> [--reading diplomatic|corrected] [--format text|json]`:
 * the chosen reading as plain text, or the whole model as JSON (see
 * schemas/reading.schema.json). Diagnostics go to standard error as
 * `file:line:col: code: message`; a document that cannot be read exits 1.
 */
export function runRead(args: ReadArgs): number {
  const names: FileNames = { source: args.file === '-' ? '<stdin>' : args.file };
  try {
    // Bytes, not a string: the reader checks the encoding and reports a bad byte with its place.
    const result = readTei(readInput(args.file), args.options ?? {});
    for (const d of result.diagnostics) process.stderr.write(`${formatReadDiagnostic(d, names)}\n`);
    process.stdout.write(args.format === 'json' ? `${toJson(result)}\n` : `${result.readings[args.reading]}\n`);
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}

/** As formatDiagnostic, with `info:` where a warning says `warning:`. */
export function formatReadDiagnostic(d: ReadDiagnostic, names: FileNames): string {
  if (d.severity !== 'info') return formatDiagnostic(d as Diagnostic, names);
  const line = formatDiagnostic({ ...d, severity: 'error' }, names);
  const marker = `: ${d.code}: `;
  const at = line.indexOf(marker);
  return at === -1 ? line : `${line.slice(0, at + marker.length)}info: ${line.slice(at + marker.length)}`;
}

/**
 * Indented JSON, except that arrays of numbers (offsets, segments) stay on
 * one line: a segment per line rather than five lines per segment. Such an
 * array is first written as a string marked with U+0000, which no string of
 * the model can start with (XML cannot hold it), then unquoted.
 */
export function toJson(result: ReadResult): string {
  const compact = (_key: string, value: unknown): unknown =>
    Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number') ? `\u0000${JSON.stringify(value).replace(/,/g, ', ')}` : value;
  return JSON.stringify(result, compact, 2).replace(/"\\u0000(\[[-0-9., e+]*\])"/g, '$1');
}
