import { TeikitError, error } from '../diagnostics.js';

const MB = 1024 * 1024;

/**
 * The largest text `encode` takes unless told otherwise. Encoding holds the
 * source, its normalised copy, every span and the XML at once, and peak memory
 * (RSS of `teikit encode`, garbage included) was measured at 210 MB for a
 * 10 MB text, 320–370 MB for 12–20 MB and 670 MB for 50 MB (bench/RESULTS.md):
 * about PEAK_PER_BYTE × the text at worst. The promise is at most 4 × the text +
 * 200 MB, which holds up to 10 MB; a larger text is refused with a message
 * naming the option that raises the limit, instead of risking running Node out
 * of memory.
 */
export const DEFAULT_MAX_INPUT_BYTES = 10 * MB;

/** Peak memory of an encode, in bytes per byte of text, at worst as measured: quoted in the refusal. */
export const PEAK_PER_BYTE = 20;
/** Throws `input-too-large` when a text of `size` bytes is over `limit`. */
export function checkInputSize(size: number, limit: number = DEFAULT_MAX_INPUT_BYTES): void {
  if (size <= limit) return;
  throw new TeikitError([
    error('input-too-large', `${formatSize(size)} is over the ${formatSize(limit)} limit`, {
      file: 'source',
      hint: `--max-input-mb raises it, or the maxInputBytes option of the API; peak memory is about ${PEAK_PER_BYTE}× the text`,
    }),
  ]);
}

/** `210 MB`, `2.5 MB`, `2.3 KB`, `800 bytes`: as people say sizes. */
export function formatSize(bytes: number): string {
  const unit = (n: number, name: string) => `${n >= 10 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1)} ${name}`;
  if (bytes >= 1024 * 1024) return unit(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return unit(bytes / 1024, 'KB');
  return `${bytes} bytes`;
}
