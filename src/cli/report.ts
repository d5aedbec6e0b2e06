import { TeikitError, formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface FileNames {
  source?: string;
  config?: string;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], names: FileNames): void {
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d, names) + '\n');
}

/** Prints what went wrong with one input; returns the exit code it deserves. */
export function reportFailure(err: unknown, names: FileNames): number {
  if (err instanceof TeikitError) {
    printDiagnostics(err.diagnostics, names);
    return EXIT_BAD_INPUT;
  }
  const e = err as NodeJS.ErrnoException;
  // Inputs are read with files.ts readInput, which names the file even where Node does not (EISDIR).
  if (e && typeof e.code === 'string' && typeof e.path === 'string') {
    process.stderr.write(`${e.path}: ${e.code.toLowerCase()}: ${describeFsError(e)}\n`);
    return EXIT_BAD_INPUT;
  }
  throw err;
}

/** A file-system error in words a user knows. */
export function describeFsError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
      return 'permission denied';
    default:
      return e.message;
  }
}
