import { readFileSync } from 'node:fs';
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
    const bytes = readFileSync(args.input === '-' ? 0 : args.input);
    const result = encode(bytes, config, configText === undefined ? {} : { configText });
    printDiagnostics(result.diagnostics, names);
    assertValidOutput(result.xml);
    if (args.output !== undefined) writeFileAtomic(args.output, result.xml);
    else process.stdout.write(result.xml);
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}
