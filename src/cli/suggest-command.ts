import { statSync } from 'node:fs';
import { analyse } from '../analyse.js';
import { assertConfig, parseConfigText } from '../config/validate-config.js';
import type { EditionConfig } from '../config/types.js';
import { TeikitError, error } from '../diagnostics.js';
import { decodeSource } from '../source/decode.js';
import { DEFAULT_MAX_INPUT_BYTES, checkInputSize } from '../source/input-limit.js';
import { placeOf } from '../source/lines.js';
import { acceptSuggestions } from '../suggest/accept.js';
import type { EmendationSuggestion, EntitySuggestion, SuggestOptions, SuggestResult } from '../suggest/types.js';
import { writeFileAtomic, readInput } from './files.js';
import { EXIT_OK, UsageError, reportFailure, type FileNames } from './report.js';

export interface SuggestArgs {
  /** The text file, or `-` for standard input. */
  input: string;
  config?: string;
  format: 'json' | 'text';
  /** Ids of suggestions to write into the config (requires `config`). */
  accept?: string[];
  threshold?: number;
  /** Texts over this many bytes are refused (see source/input-limit.ts), as by `teikit encode`. */
  maxInputBytes?: number;
}

/**
 * `teikit suggest <text-file> [--config edition.json] [--format json|text] [--accept id,…]`:
 * lists likely OCR errors and unregistered names; with --accept, writes the
 * chosen ones into edition.json (anchored, checked by analysing the text with
 * the new config, written atomically) instead of listing.
 */
export function runSuggest(args: SuggestArgs): Promise<number> {
  // Usage errors are thrown before anything asynchronous, so main() reports them (exit 2).
  if (args.accept !== undefined && args.config === undefined) throw new UsageError('--accept writes into edition.json: give it with --config');
  if (args.accept !== undefined && args.accept.length === 0) throw new UsageError('--accept takes the ids of suggestions, separated by commas');
  if (args.input === '-' && args.accept !== undefined) throw new UsageError('--accept needs the text as a file, not standard input');
  if (args.threshold !== undefined && !(args.threshold >= 0 && args.threshold <= 1)) throw new UsageError('--threshold is a number from 0 to 1');
  return suggestAndReport(args);
}

async function suggestAndReport(args: SuggestArgs): Promise<number> {
  const names: FileNames = { source: args.input === '-' ? '<stdin>' : args.input, ...(args.config !== undefined && { config: args.config }) };
  try {
    // A file over the limit is refused before it is read; standard input once it has been.
    const maxInputBytes = args.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (args.input !== '-') checkInputSize(statSync(args.input).size, maxInputBytes);
    const bytes = readInput(args.input);
    checkInputSize(bytes.byteLength, maxInputBytes);
    const text = decodeSource(bytes);
    let config: EditionConfig = {};
    let configText: string | undefined;
    if (args.config !== undefined) {
      configText = readInput(args.config, 'utf8');
      config = assertConfig(parseConfigText(configText), configText);
    }
    // An empty text is refused as `teikit encode` refuses it: the encoder's own empty-text error.
    if (!/\S/.test(text)) analyse(text, config, configText);
    const suggest = await loadSuggester();
    if (args.accept !== undefined) {
      // Ids are offsets, the same whatever the threshold: look them up among all suggestions.
      const all = suggest(text, { config, threshold: 0 });
      return accept(text, config, configText!, args.config!, all, args.accept, names);
    }
    const result = suggest(text, { config, ...(args.threshold !== undefined && { threshold: args.threshold }) });
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatText(text, result));
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}

/**
 * The suggester from dist/suggest.js beside the CLI, loaded at run time: the
 * CLI bundle does not carry the 2 MB model a second time, and the other
 * commands never load it.
 */
async function loadSuggester(): Promise<(text: string, options: SuggestOptions) => SuggestResult> {
  const url = new URL('./suggest.js', import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ url)) as { suggest: (text: string, options: SuggestOptions) => SuggestResult };
  return mod.suggest;
}

function accept(text: string, config: EditionConfig, configText: string, configPath: string, result: SuggestResult, ids: readonly string[], names: FileNames): number {
  const byId = new Map<string, EmendationSuggestion | EntitySuggestion>([...result.emendations, ...result.entities].map((s) => [s.id, s]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new TeikitError(
      unknown.map((id) =>
        error('unknown-suggestion', `no suggestion has the id "${id}"`, { file: 'config', hint: 'run teikit suggest with the same text and config to list the ids' }),
      ),
    );
  }
  const chosen = [...new Set(ids)].map((id) => byId.get(id)!).sort((a, b) => a.start - b.start);
  const { configText: updated, added } = acceptSuggestions(text, config, configText, chosen);
  // The new config must be valid and every anchor must resolve, or nothing is written.
  const checked = assertConfig(parseConfigText(updated), updated);
  analyse(text, checked, updated);
  writeFileAtomic(configPath, updated);
  for (const line of added) process.stderr.write(`${names.config}: added ${line}\n`);
  return EXIT_OK;
}

/** `line:col  sic → corr  (confidence, reason)  id`, emendations first, in text order. */
export function formatText(text: string, result: SuggestResult): string {
  const lines: string[] = [];
  const where = lineColumns(text);
  for (const e of [...result.emendations].sort((a, b) => a.start - b.start)) {
    lines.push(`${where(e.start)}  ${e.sic} → ${e.corr}  (${e.confidence.toFixed(2)}, ${e.reason})${e.alternatives.length ? `  or: ${e.alternatives.join(', ')}` : ''}  ${e.id}`);
  }
  for (const n of [...result.entities].sort((a, b) => a.start - b.start)) {
    lines.push(`${where(n.start)}  ${n.text}: ${n.type}  (${n.confidence.toFixed(2)}, ${n.reason})  ${n.id}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Offset → "line:column", 1-based, the column in code points, lines ending in LF, CRLF or CR. */
function lineColumns(text: string): (offset: number) => string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const { line, column } = placeOf(text, starts, offset);
    return `${line}:${column}`;
  };
}
