import { statSync } from 'node:fs';
import { TeikitError, error, type Diagnostic } from '../diagnostics.js';
import { assertConfig, locateInConfig, parseConfigText } from '../config/validate-config.js';
import type { EditionConfig } from '../config/types.js';
import { readInput } from '../cli/files.js';

export interface BatchConfig {
  config: EditionConfig;
  configText?: string;
  /** When the config last changed: a TEI older than this is encoded again. */
  mtimeMs: number;
}

// Entries that name one place in one text. A batch config applies to every
// text, where such an anchor would match nowhere (an error in each file) or,
// worse, at a place in another text it was never meant for.
const ANCHORED = ['emendations', 'supplied', 'regularisations', 'dates'] as const;
// Entries that name the one text of an edition folder.
const ONE_TEXT = ['source', 'output'] as const;

/**
 * Reads and checks the config of a batch once, before any text is encoded: a
 * bad config fails the whole batch with its line and column.
 */
export function loadBatchConfig(path: string | undefined): BatchConfig {
  if (path === undefined) return { config: {}, mtimeMs: 0 };
  const configText = readInput(path, 'utf8');
  const config = assertConfig(parseConfigText(configText), configText);
  const found = batchProblems(config);
  if (found.length > 0) {
    locateInConfig(found, configText);
    throw new TeikitError(found);
  }
  return { config, configText, mtimeMs: statSync(path).mtimeMs };
}

/** What a config may not hold when it applies to many texts. */
export function batchProblems(config: EditionConfig): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const key of ANCHORED) {
    const entries = config[key];
    if (entries === undefined || entries.length === 0) continue;
    found.push(
      error('config-batch-anchor', `"${key}" anchor entries to places in one text, and a batch config applies to every text`, {
        file: 'config',
        path: `/${key}`,
        hint: 'give each text its own edition folder and use teikit build, or remove the entries',
      }),
    );
  }
  for (const key of ONE_TEXT) {
    if (config[key] === undefined) continue;
    found.push(
      error('config-batch-anchor', `"${key}" names the one text of an edition folder; a batch encodes every .txt file of its input folder`, {
        file: 'config',
        path: `/${key}`,
        hint: 'remove it from the batch config',
      }),
    );
  }
  return found;
}
