import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encodeXml } from '../encode.js';
import { DEFAULT_MAX_INPUT_BYTES, checkInputSize } from '../source/input-limit.js';
import { render } from '../render/index.js';
import { assertConfig, parseConfigText } from '../config/validate-config.js';
import { TeikitError, error } from '../diagnostics.js';
import { assertValidOutput } from './check-output.js';
import { soleTextFile, writeFileAtomic, readInput } from './files.js';
import { EXIT_BAD_INPUT, EXIT_OK, printDiagnostics, reportFailure, type FileNames } from './report.js';

export interface BuildArgs {
  dirs: string[];
  check: boolean;
  /** Source texts over this many bytes are refused, as by `teikit encode` (see source/input-limit.ts). */
  maxInputBytes?: number;
}

/**
 * `teikit build <edition-dir>... [--check]`: each folder holds `edition.json`
 * and its source text; the TEI is written beside them, and its HTML reading
 * view beside the TEI (same name, `.html`). With `--check`, nothing is written
 * and a stale or missing TEI or HTML file fails the run.
 */
export function runBuild(args: BuildArgs): number {
  let status = EXIT_OK;
  for (const dir of args.dirs) {
    const result = buildOne(dir, args.check, args.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
    if (result !== EXIT_OK) status = result;
  }
  return status;
}

function buildOne(dir: string, check: boolean, maxInputBytes: number): number {
  const configPath = join(dir, 'edition.json');
  const names: FileNames = { config: configPath };
  try {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new TeikitError([error('not-an-edition', `${dir} is not a folder`)]);
    }
    if (!existsSync(configPath)) {
      throw new TeikitError([error('not-an-edition', `${dir} has no edition.json`, { hint: 'an edition folder holds edition.json and its source text' })]);
    }
    const configText = readInput(configPath, 'utf8');
    const config = assertConfig(parseConfigText(configText), configText);
    const sourceName = config.source ?? soleTextFile(dir);
    if (sourceName === undefined) {
      throw new TeikitError([
        error('no-source', `edition.json names no "source", and ${dir} does not hold exactly one .txt file`, { file: 'config', path: '/source' }),
      ]);
    }
    const sourcePath = join(dir, sourceName);
    names.source = sourcePath;
    const outputPath = join(dir, config.output ?? sourceName.replace(/\.[^.]*$/, '') + '.xml');
    // Refused before it is read, like `teikit encode`.
    checkInputSize(statSync(sourcePath).size, maxInputBytes);
    const result = encodeXml(readInput(sourcePath), config, { configText, maxInputBytes });
    printDiagnostics(result.diagnostics, names);
    assertValidOutput(result.xml);
    // The reading view is made from the TEI just built, so it is current exactly when the TEI is.
    const html = render(result.xml);
    const htmlBase = outputPath.replace(/\.[^./\\]*$/, '') + '.html';
    const htmlPath = htmlBase === outputPath ? `${outputPath}.html` : htmlBase;
    const outputs = [
      { path: outputPath, content: result.xml },
      { path: htmlPath, content: html },
    ].map((o) => ({ ...o, current: existsSync(o.path) ? readFileSync(o.path, 'utf8') : undefined }));
    // A page or TEI someone else made (a scan's HTML, a hand-made TEI) is theirs: checked
    // for both files before either is written, so a refusal leaves the folder as it was.
    for (const { path, current } of outputs) {
      if (current !== undefined && !writtenByTeikit(current)) {
        throw new TeikitError([
          error('not-teikit-output', `${path} exists and was not written by teikit: build will not replace it`, {
            hint: `move it away, or name another output in ${join(dir, 'edition.json')} ("output")`,
          }),
        ]);
      }
    }
    let stale = false;
    for (const { path, content, current } of outputs) {
      if (check) {
        if (current !== content) {
          process.stderr.write(`${path}: stale: ${current === undefined ? 'missing' : 'differs from what the edition builds'}; run teikit build ${dir}\n`);
          stale = true;
        } else {
          process.stderr.write(`${path}: up to date\n`);
        }
      } else if (current !== content) {
        writeFileAtomic(path, content);
        process.stderr.write(`${path}: written\n`);
      } else {
        process.stderr.write(`${path}: unchanged\n`);
      }
    }
    if (stale) return EXIT_BAD_INPUT;
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}

/** teikit's TEI names it in appInfo, its HTML in a generator meta element. */
function writtenByTeikit(content: string): boolean {
  return content.includes('<application ident="teikit"') || content.includes('<meta name="generator" content="teikit');
}
