import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_MAX_INPUT_BYTES, checkInputSize } from '../source/input-limit.js';
import { encode } from '../encode.js';
import { assertConfig, parseConfigText } from '../config/validate-config.js';
import type { EditionConfig } from '../config/types.js';
import { assertValidOutput } from './check-output.js';
import { writeFileAtomic } from './files.js';
import { EXIT_OK, printDiagnostics, reportFailure, type FileNames } from './report.js';

export interface EncodeArgs {
  input: string;
  config?: string;
  output?: string;
  /** Texts over this many bytes are refused (see source/input-limit.ts). */
  maxInputBytes?: number;
}

/** `teikit encode <text-file|-> [--config edition.json] [-o out.xml]` */
export function runEncode(args: EncodeArgs): number {
  const names: FileNames = { source: args.input === '-' ? '<stdin>' : args.input, ...(args.config !== undefined && { config: args.config }) };
  try {
    let config: EditionConfig = {};
    let configText: string | undefined;
    if (args.config !== undefined) {
      configText = readFileSync(args.config, 'utf8');
      config = assertConfig(parseConfigText(configText), configText);
    }
    // A file over the limit is refused before it is read.
    const maxInputBytes = args.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (args.input !== '-') checkInputSize(statSync(args.input).size, maxInputBytes);
    // Only the XML and the warnings are kept: the model is garbage before validation starts.
    const { xml, diagnostics } = encode(readFileSync(args.input === '-' ? 0 : args.input), config, {
      ...(configText !== undefined && { configText }),
      maxInputBytes,
    });
    printDiagnostics(diagnostics, names);
    assertValidOutput(xml);
    if (args.output !== undefined) writeFileAtomic(args.output, xml);
    else process.stdout.write(xml);
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}
