import { parseArgs } from 'node:util';
import { batch } from '../batch/batch.js';
import type { BatchReport } from '../batch/types.js';
import { TeikitError, formatDiagnostic } from '../diagnostics.js';
import { duration, progressReporter } from './progress.js';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, UsageError, reportFailure } from './report.js';

export interface BatchArgs {
  input: string;
  out: string;
  config?: string;
  jobs?: number;
  format: 'text' | 'json';
  force: boolean;
  maxInputBytes?: number;
}

/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export function parseBatchArgs(rest: string[]): BatchArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      jobs: { type: 'string', short: 'j' },
      format: { type: 'string' },
      force: { type: 'boolean' },
      'max-input-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('batch takes one input folder');
  if (values.out === undefined) throw new UsageError('batch needs --out <dir>, the folder the TEI goes to');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format is text or json');
  return {
    input: positionals[0]!,
    out: values.out,
    format,
    force: values.force === true,
    ...(values.config !== undefined && { config: values.config }),
    ...(values.jobs !== undefined && { jobs: positiveNumber('--jobs', values.jobs, true) }),
    ...(values['max-input-mb'] !== undefined && { maxInputBytes: megabytes('--max-input-mb', values['max-input-mb']) }),
  };
}

/** `--max-input-mb 100` as bytes. */
export function megabytes(flag: string, value: string): number {
  // Whole bytes: a limit of "10.48576 bytes" would read as nonsense in the refusal.
  return Math.max(1, Math.round(positiveNumber(flag, value, false) * 1024 * 1024));
}

function positiveNumber(flag: string, value: string, whole: boolean): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || (whole && !Number.isInteger(n))) {
    throw new UsageError(`${flag} takes a ${whole ? 'whole ' : ''}number above 0, not "${value}"`);
  }
  return n;
}

/**
 * `teikit batch <input-dir> --out <dir>`: progress and problems on stderr, the
 * summary (or with --format json the report) on stdout. Exit 1 if any file
 * failed, 130 when stopped by Ctrl-C (after the summary of what was done).
 */
export async function runBatch(args: BatchArgs): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED); // a second Ctrl-C: stop now
    process.stderr.write('\nteikit batch: stopping (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  const progress = progressReporter(process.stderr);
  let report: BatchReport;
  try {
    report = await batch({
      input: args.input,
      out: args.out,
      force: args.force,
      signal: controller.signal,
      ...(args.config !== undefined && { config: args.config }),
      ...(args.jobs !== undefined && { jobs: args.jobs }),
      ...(args.maxInputBytes !== undefined && { maxInputBytes: args.maxInputBytes }),
      onProgress: (p) => {
        progress.print(p.diagnostics.map((d) => d.text));
        progress.update(p);
      },
    });
  } catch (err) {
    progress.finish();
    // The folders themselves are wrong: there is no file to name, the command is.
    if (err instanceof TeikitError && err.diagnostics.every((d) => d.file === undefined)) {
      for (const d of err.diagnostics) process.stderr.write(`teikit batch: ${formatDiagnostic(d).replace(/^input: /, '')}\n`);
      return err.code === 'out-inside-input' ? EXIT_USAGE : EXIT_BAD_INPUT;
    }
    return reportFailure(err, { source: args.input, ...(args.config !== undefined && { config: args.config }) });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  progress.finish();
  // The corpus's own warnings (register entries no text mentions) are known only now.
  const configWarnings = report.warned.filter((w) => w.file === args.config).flatMap((w) => w.diagnostics.map((d) => d.text));
  if (configWarnings.length > 0) process.stderr.write(configWarnings.map((l) => `${l}\n`).join(''));
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${summary(report)}\n`);
  if (report.aborted) return EXIT_INTERRUPTED;
  return report.failed > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** The summary a person reads at the end. */
export function summary(r: BatchReport): string {
  const n = (x: number) => x.toLocaleString('en');
  const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
  const lines = [
    r.aborted
      ? `teikit batch: stopped after ${n(r.encoded + r.failed + r.skipped)} of ${plural(r.files, 'file')}`
      : `teikit batch: ${plural(r.files, 'file')}`,
    `  encoded   ${n(r.encoded)} (${size(r.bytes)} of text, ${size(r.outputBytes)} of TEI written to ${r.out})`,
    `  skipped   ${n(r.skipped)} (TEI newer than the text and the config; --force encodes them again)`,
    `  failed    ${n(r.failed)}${r.failed > 0 ? ' (see the problems above; their TEI was not written)' : ''}`,
    `  marked    ${plural(r.emendations, 'emendation')}, ${plural(r.names, 'name')}; ${plural(r.warnings, 'warning')}`,
    `  time      ${r.timeMs < 60_000 ? `${(r.timeMs / 1000).toFixed(1)} s` : duration(r.timeMs)} (${((r.encoded + r.failed) / Math.max(r.timeMs / 1000, 0.001)).toFixed(1)} files/s on ${plural(r.jobs, 'job')})`,
  ];
  return lines.join('\n');
}

/** `812 bytes`, `45.3 KB`, `12.0 MB` */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
