import { TeikitError, error } from '../diagnostics.js';

const MB = 1024 * 1024;

/**
 * The largest text `encode` takes unless told otherwise. Peak memory (RSS of
 * `teikit encode big.txt -o out.xml`, garbage included, generated English
 * text with a 1,000-entry register, Node 20, 2 cores) was measured at:
 *
 *   10 MB: 200–220 MB      12 MB: 220–256 MB      15 MB: 253–257 MB
 *   20 MB: 302–307 MB      50 MB: 605 MB          100 MB: 1,190 MB
 *
 * (before the changes of issue 7's follow-up: 10 MB 200–230, 15 MB 335–345,
 * 20 MB 405–425, 50 MB 630–1,040, 100 MB 1,500–1,750). From 12 MB on, the
 * CLI encodes in a thread of its own, whose heap is freed whole before the
 * output is validated; what remains is validation itself, which holds the XML
 * (1.24 × the text) and its document tree (about 6 × the XML). The promise is
 * at most 4 × the text + 200 MB: 10 MB keeps it with a margin (240 MB), while
 * 12–15 MB land within 3 % of it either side, too close to promise on a busy
 * machine. A larger text is refused with a message naming the option that
 * raises the limit, instead of risking running Node out of memory.
 */
export const DEFAULT_MAX_INPUT_BYTES = 10 * MB;

/**
 * Peak memory of an encode, in bytes per byte of text, at worst as measured:
 * quoted in the refusal, and batch sizes its worker threads' heaps with it.
 * `teikit encode` now peaks at 12–17 × (less for larger texts), but `encode()`
 * in a program and `batch()` keep the model while they write and validate,
 * and peak near 20 ×.
 */
export const PEAK_PER_BYTE = 20;
/** Throws `input-too-large` when a text of `size` bytes is over `limit`. */
export function checkInputSize(size: number, limit: number = DEFAULT_MAX_INPUT_BYTES): void {
  if (size <= limit) return;
  throw new TeikitError([
    error('input-too-large', `${sizes(size, limit)} limit`, {
      file: 'source',
      hint: `--max-input-mb raises it, or the maxInputBytes option of the API; peak memory is about ${PEAK_PER_BYTE}× the text`,
    }),
  ]);
}

/** "210 MB is over the 10 MB", or in bytes where rounding would print both sizes alike. */
function sizes(size: number, limit: number): string {
  const [a, b] = [formatSize(size), formatSize(limit)];
  if (a !== b) return `${a} is over the ${b}`;
  const bytes = (n: number) => `${n.toLocaleString('en')} bytes`;
  return `${bytes(size)} is over the ${bytes(limit)}`;
}

/** `210 MB`, `2.5 MB`, `2.3 KB`, `800 bytes`: as people say sizes. */
export function formatSize(bytes: number): string {
  const unit = (n: number, name: string) => `${n >= 10 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1)} ${name}`;
  if (bytes >= 1024 * 1024) return unit(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return unit(bytes / 1024, 'KB');
  return `${bytes} bytes`;
}
