import { parseArgs } from 'node:util';
import { TEIKIT_VERSION } from '../version.js';
import { runBuild } from './build-command.js';
import { runEncode } from './encode-command.js';
import { runRead } from './read-command.js';
import { parseValidateArgs, runValidate } from './validate-command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './report.js';

const HELP = `teikit ${TEIKIT_VERSION}: plain text to TEI P5 critical editions

Usage:
  teikit encode <text-file|-> [--config <edition.json>] [-o <out.xml>]
      Encode one text as TEI (to stdout without -o).
  teikit build <edition-dir>... [--check]
      Build the TEI of each edition folder (edition.json + source text).
      --check writes nothing and exits 1 if a committed TEI file is stale.
  teikit read <xml-file|-> [--reading diplomatic|corrected] [--format text|json]
      Read a TEI document: a reading as text, or the whole model as JSON.
  teikit validate <xml-file>... [--schema <file.rng>] [--format text|json]
      Check TEI files: well-formedness, the RelaxNG schema (teikit's own
      unless --schema names another) and teikit's editorial rules.
      Exits 1 if any file is invalid or unreadable.
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
          options: { config: { type: 'string', short: 'c' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError('encode takes one text file (or - for standard input)');
        return runEncode({
          input: positionals[0]!,
          ...(typeof values.config === 'string' && { config: values.config }),
          ...(typeof values.output === 'string' && { output: values.output }),
        });
      }
      case 'build': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (positionals.length === 0) throw new UsageError('build takes at least one edition folder');
        return runBuild({ dirs: positionals, check: values.check === true });
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
      case 'validate': {
        const args = parseValidateArgs(rest);
        if (args === 'help') return help();
        return runValidate(args);
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

// validate compiles a schema asynchronously; the other commands finish at once.
void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
