import { parseArgs } from 'node:util';
import { TEIKIT_VERSION } from '../version.js';
import { megabytes, parseBatchArgs, runBatch } from './batch-command.js';
import { runBuild } from './build-command.js';
import { isEncodeWorker, runEncode, runEncodeWorker } from './encode-command.js';
import { runRead } from './read-command.js';
import { runRender } from './render-command.js';
import { runSuggest } from './suggest-command.js';
import { parseValidateArgs, runValidate } from './validate-command.js';
import { assertNotInput } from './files.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './report.js';

const HELP = `teikit ${TEIKIT_VERSION}: plain text to TEI P5 critical editions

Usage:
  teikit encode <text-file|-> [--config <edition.json>] [-o <out.xml>] [--max-input-mb N]
      Encode one text as TEI (to stdout without -o). Texts over 10 MB are
      refused unless --max-input-mb raises the limit.
  teikit build <edition-dir>... [--check] [--max-input-mb N]
      Build the TEI of each edition folder (edition.json + source text),
      and its HTML reading view beside it.
      --check writes nothing and exits 1 if a committed TEI or HTML file is stale.
      Source texts over 10 MB are refused unless --max-input-mb raises the limit.
  teikit read <xml-file|-> [--reading diplomatic|corrected] [--format text|json]
      Read a TEI document: a reading as text, or the whole model as JSON.
  teikit render <xml-file|-> [-o <out.html>] [--reading diplomatic|corrected]
      Make a standalone HTML reading view of a TEI document (to stdout
      without -o): both readings, apparatus, notes, register; works offline.
  teikit validate <xml-file>... [--schema <file.rng>] [--format text|json]
      Check TEI files: well-formedness, the RelaxNG schema (teikit's own
      unless --schema names another) and teikit's editorial rules.
      Exits 1 if any file is invalid or unreadable.
  teikit batch <input-dir> --out <dir> [--config <edition.json>] [--jobs N] [--format text|json]
               [--force] [--max-input-mb N]
      Encode every .txt under a folder (subfolders mirrored) on all cores,
      validating each; skips texts whose TEI is newer than the text and config.
      Exits 1 if any file failed, 130 when stopped with Ctrl-C.
  teikit suggest <text-file|-> [--config <edition.json>] [--format text|json]
                 [--threshold 0-1] [--accept <id>,...] [--max-input-mb N]
      Suggest likely OCR errors and names not in the register, for review.
      --accept writes the chosen suggestions (by id) into the --config file.
  teikit --help | --version

Exit status: 0 success, 1 bad input, 2 bad usage.
Problems are printed as file:line:col: code: message.
`;

export function main(argv: string[]): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (command === undefined) {
          process.stderr.write(HELP);
          return EXIT_USAGE;
        }
        return help();
      case '-v':
      case '--version':
        process.stdout.write(`${TEIKIT_VERSION}\n`);
        return EXIT_OK;
      case 'encode': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { config: { type: 'string', short: 'c' }, output: { type: 'string', short: 'o' }, 'max-input-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError('encode takes one text file (or - for standard input)');
        if (typeof values.output === 'string') assertNotInput(values.output, positionals[0]!);
        return runEncode({
          input: positionals[0]!,
          ...(typeof values['max-input-mb'] === 'string' && { maxInputBytes: megabytes('--max-input-mb', values['max-input-mb']) }),
          ...(typeof values.config === 'string' && { config: values.config }),
          ...(typeof values.output === 'string' && { output: values.output }),
        });
      }
      case 'build': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { check: { type: 'boolean' }, 'max-input-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length === 0) throw new UsageError('build takes at least one edition folder');
        return runBuild({
          dirs: positionals,
          check: values.check === true,
          ...(typeof values['max-input-mb'] === 'string' && { maxInputBytes: megabytes('--max-input-mb', values['max-input-mb']) }),
        });
      }
      case 'read': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { reading: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError('read takes one TEI file (or - for standard input)');
        const reading = values.reading ?? 'diplomatic';
        const format = values.format ?? 'text';
        if (reading !== 'diplomatic' && reading !== 'corrected') throw new UsageError('--reading is diplomatic or corrected');
        if (format !== 'text' && format !== 'json') throw new UsageError('--format is text or json');
        return runRead({ file: positionals[0]!, reading, format });
      }
      case 'render': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { output: { type: 'string', short: 'o' }, reading: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError('render takes one TEI file (or - for standard input)');
        if (typeof values.output === 'string') assertNotInput(values.output, positionals[0]!);
        const reading = values.reading ?? 'corrected';
        if (reading !== 'diplomatic' && reading !== 'corrected') throw new UsageError('--reading is diplomatic or corrected');
        return runRender({ file: positionals[0]!, reading, ...(typeof values.output === 'string' && { output: values.output }) });
      }
      case 'suggest': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { config: { type: 'string', short: 'c' }, format: { type: 'string' }, threshold: { type: 'string' }, accept: { type: 'string' }, 'max-input-mb': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError('suggest takes one text file (or - for standard input)');
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json') throw new UsageError('--format is text or json');
        return runSuggest({
          input: positionals[0]!,
          format,
          ...(typeof values.config === 'string' && { config: values.config }),
          ...(typeof values.threshold === 'string' && { threshold: Number(values.threshold) }),
          ...(typeof values.accept === 'string' && { accept: values.accept.split(',').map((id) => id.trim()).filter((id) => id !== '') }),
          ...(typeof values['max-input-mb'] === 'string' && { maxInputBytes: megabytes('--max-input-mb', values['max-input-mb']) }),
        });
      }
      case 'validate': {
        const args = parseValidateArgs(rest);
        if (args === 'help') return help();
        return runValidate(args);
      }
      case 'batch': {
        const args = parseBatchArgs(rest);
        if (args === 'help') return help();
        return runBatch(args);
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`teikit: usage: ${(err as Error).message}\nRun teikit --help for usage.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

function help(): number {
  process.stdout.write(HELP);
  return EXIT_OK;
}

// validate compiles a schema asynchronously, and encode may wait for the thread
// it encodes a large text in; the other commands finish at once.
// cli.js is also the script of the thread `teikit encode` encodes in (see encode-command.ts).
if (isEncodeWorker()) {
  runEncodeWorker();
} else {
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
