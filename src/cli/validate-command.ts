import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { compileRng, type Schema } from '../validate/schema.js';
import type { ValidationDiagnostic } from '../validate/types.js';
import { validate } from '../validate/validate.js';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, describeFsError } from './report.js';

export interface ValidateArgs {
  files: string[];
  /** A RelaxNG schema file (XML syntax); teikit's own schema without it. */
  schema?: string;
  format: 'text' | 'json';
}

/** The diagnostic of a file that could not be read: it has no place in the file. */
interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: Array<Pick<ValidationDiagnostic, 'severity' | 'code' | 'message' | 'line' | 'column'>>;
}

/** `teikit validate <xml-file>... [--schema <file.rng>] [--format text|json]`; throws UsageError. */
export function parseValidateArgs(argv: string[]): ValidateArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { schema: { type: 'string', short: 's' }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('validate takes at least one XML file');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${format}"`);
  return { files: positionals, format, ...(values.schema !== undefined && { schema: values.schema }) };
}

/**
 * Validates each file and prints what it found: in text, one line per problem
 * on standard output, `file:line:col: severity code: message`; in JSON, one
 * array with an object per file. Returns 0 when every file is valid, 1 when
 * one is invalid or cannot be read (or the schema cannot be used).
 */
export async function runValidate(args: ValidateArgs): Promise<number> {
  let schema: Schema | undefined;
  if (args.schema !== undefined) {
    try {
      schema = await loadSchemaFile(args.schema);
    } catch (err) {
      process.stderr.write(`${args.schema}: bad-schema: ${describe(err)}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const reports: FileReport[] = [];
  for (const file of args.files) {
    let report: FileReport;
    try {
      const result = validate(readFileSync(file), schema === undefined ? {} : { schema });
      report = { file, valid: result.valid, diagnostics: result.diagnostics.map(({ severity, code, message, line, column }) => ({ severity, code, message, line, column })) };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') throw err;
      report = { file, valid: false, diagnostics: [{ severity: 'error', code: 'unreadable', message: describe(e), line: 0, column: 0 }] };
    }
    reports.push(report);
    if (args.format === 'text') printText(report);
  }
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return reports.every((r) => r.valid) ? EXIT_OK : EXIT_BAD_INPUT;
}

function printText(report: FileReport): void {
  for (const d of report.diagnostics) {
    if (d.code === 'unreadable') process.stderr.write(`${report.file}: unreadable: ${d.message}\n`);
    else process.stdout.write(`${report.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
  }
}

/**
 * The Node side of schema loading: the file is read here (the library may not
 * touch the file system) and compiled once per content (schema-cache.ts);
 * its includes resolve against the file's own URL.
 */
export function loadSchemaFile(path: string): Promise<Schema> {
  return compileRng(readFileSync(path, 'utf8'), pathToFileURL(resolve(path)));
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return typeof e?.code === 'string' ? describeFsError(e) : e instanceof Error ? e.message : String(err);
}
