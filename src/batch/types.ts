/** What `batch()` takes and what it reports. */

export interface BatchOptions {
  /** The folder of plain texts: every `.txt` file under it, subfolders included, is encoded. */
  input: string;
  /** Where the TEI goes: `<out>/<same subfolders>/<name>.xml`. Must not lie inside `input`. */
  out: string;
  /**
   * An `edition.json` applied to every text: register, defaults, structure hints,
   * metadata. Anchored entries (emendations, supplied, regularisations, date hints)
   * belong to one text and are refused (`config-batch-anchor`).
   */
  config?: string;
  /** Worker threads; default `os.availableParallelism()`. */
  jobs?: number;
  /** Encode every text, even those whose TEI is newer than the text and the config. */
  force?: boolean;
  /** The largest text encoded, in bytes (default 10 MB); a larger one is a failure for that file. */
  maxInputBytes?: number;
  /** Aborting stops the batch: no new file is started, running ones are stopped, no temporary file stays. */
  signal?: AbortSignal;
  /** Called after each file (encoded, failed or skipped). */
  onProgress?: (progress: BatchProgress) => void;
}

export interface BatchProgress {
  /** Files finished so far (encoded, failed or skipped) … */
  done: number;
  /** … out of the `.txt` files found. */
  total: number;
  failed: number;
  skipped: number;
  /** Bytes of text encoded so far. */
  bytes: number;
  /** The file just finished, as `input/relative/path.txt`. */
  file: string;
  /** Its errors (it failed) or warnings; empty when all went well or it was skipped. */
  diagnostics: BatchDiagnostic[];
  elapsedMs: number;
}

/** A diagnostic of a batch, with the file it is about spelled out. */
export interface BatchDiagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The text (or the config) the diagnostic is about. */
  file: string;
  line?: number;
  column?: number;
  /** JSON path into the config, when the config is at fault. */
  path?: string;
  hint?: string;
  /** `file:line:col: code: message`, as the CLI prints it. */
  text: string;
}

export interface BatchFileProblems {
  /** The text, as `input/relative/path.txt`. */
  file: string;
  diagnostics: BatchDiagnostic[];
}

export interface BatchReport {
  input: string;
  out: string;
  config?: string;
  jobs: number;
  /** `.txt` files found. */
  files: number;
  encoded: number;
  /** Up to date: the TEI is newer than the text and the config. */
  skipped: number;
  failed: number;
  /** Bytes of the texts encoded, and of the TEI written. */
  bytes: number;
  outputBytes: number;
  /** Emendations (sic/corr, orig/reg, supplied) and names marked in the encoded texts. */
  emendations: number;
  names: number;
  /** Warnings in all, and the files they are about. */
  warnings: number;
  warned: BatchFileProblems[];
  /** Files that could not be encoded, each with its errors. Their TEI is not written. */
  failures: BatchFileProblems[];
  /** Stopped through the AbortSignal before every file was done. */
  aborted: boolean;
  timeMs: number;
}
