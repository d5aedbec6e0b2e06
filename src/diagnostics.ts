/**
 * Problems are data: every stage reports what it found as a Diagnostic with a
 * stable code and a place, so the CLI can print `file:line:col: code: message`
 * and code calling the API can act on the code rather than parse a message.
 */

export type Severity = 'error' | 'warning';

export interface Place {
  /** 1-based line in the file the diagnostic is about. */
  line: number;
  /** 1-based column, counted in Unicode code points. */
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `anchor-not-found`. */
  code: string;
  message: string;
  /** Which file the place refers to: the source text, or the edition config. */
  file?: 'source' | 'config';
  place?: Place;
  /** JSON path into the edition config (`/emendations/3/context`), when the config is at fault. */
  path?: string;
  /** A hint at how to fix it. */
  hint?: string;
}

/** Thrown when an input cannot be encoded faithfully; carries every fatal diagnostic found. */
export class TeikitError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? first.message : 'teikit failed');
    this.name = 'TeikitError';
    this.diagnostics = diagnostics;
  }

  get code(): string {
    return this.diagnostics[0]?.code ?? 'error';
  }
}

export function error(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'error', code, message, ...extra };
}

export function warning(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', code, message, ...extra };
}

/**
 * `name:line:col: code: message`, the form compilers and linters use, so editors
 * and CI logs make the place clickable. Warnings say so at the start of the message,
 * keeping the four colon-separated fields the same for both severities.
 */
export function formatDiagnostic(d: Diagnostic, fileNames: { source?: string; config?: string } = {}): string {
  const name = (d.file === 'config' ? fileNames.config : fileNames.source) ?? (d.file ?? 'input');
  const where = d.place ? `${name}:${d.place.line}:${d.place.column}` : d.path !== undefined ? `${name}:${d.path || '/'}` : name;
  const hint = d.hint ? ` (${d.hint})` : '';
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${d.code}: ${severity}${d.message}${hint}`;
}
