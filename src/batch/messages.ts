import type { Diagnostic } from '../diagnostics.js';
import type { EditionConfig } from '../config/types.js';

/** What every worker is started with: the config, read and checked once by the main thread. */
export interface WorkerSetup {
  config: EditionConfig;
  configText?: string;
  maxInputBytes: number;
}

/** One text to encode. */
export interface Job {
  id: number;
  source: string;
  target: string;
}

export type JobResult =
  | {
      id: number;
      ok: true;
      bytes: number;
      outputBytes: number;
      emendations: number;
      names: number;
      /** Register ids the text mentions: an entry no text mentions is reported once, for the corpus. */
      mentioned: string[];
      warnings: Diagnostic[];
    }
  | { id: number; ok: false; diagnostics: Diagnostic[] };
