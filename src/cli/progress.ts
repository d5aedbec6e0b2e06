import type { BatchProgress } from '../batch/types.js';

/** Where progress goes: stderr, which may be a terminal or a log file. */
export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporter {
  update(p: BatchProgress): void;
  /** Prints lines (diagnostics) without tearing the bar. */
  print(lines: readonly string[]): void;
  /** The last state, then the bar is gone for good. */
  finish(): void;
}

const BAR_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 1000;

/**
 * On a terminal, one line redrawn in place (`\r`) at most ten times a second:
 * a bar, files done of total, rate and time left. Elsewhere (a CI log, a file)
 * a plain line at most once a second and one at the end, since `\r` would
 * pile up as garbage there.
 */
export function progressReporter(stream: ProgressStream, now: () => number = () => performance.now()): ProgressReporter {
  const tty = stream.isTTY === true;
  let last: BatchProgress | undefined;
  let drawn: BatchProgress | undefined;
  let lastDrawn = -Infinity;
  let barShown = false;

  const clearBar = (): void => {
    if (barShown) stream.write('\r\x1b[K');
    barShown = false;
  };
  const draw = (): void => {
    if (!last) return;
    lastDrawn = now();
    drawn = last;
    if (tty) {
      stream.write(`\r${progressBar(last, stream.columns || 80)}\x1b[K`);
      barShown = true;
    } else {
      stream.write(`${progressLine(last)}\n`);
    }
  };

  return {
    update(p) {
      last = p;
      if (now() - lastDrawn >= (tty ? BAR_INTERVAL_MS : LINE_INTERVAL_MS)) draw();
    },
    print(lines) {
      if (lines.length === 0) return;
      clearBar();
      stream.write(lines.map((l) => `${l}\n`).join(''));
      if (tty) draw();
    },
    finish() {
      // A log gets the final count (unless its last line said it already); a
      // terminal's bar makes way for the summary.
      if (tty) clearBar();
      else if (last !== drawn) draw();
      last = undefined;
    },
  };
}

/** `[#####-----] 120/2,000  6%  35.2 files/s  ETA 0:53`, cut to the terminal's width. */
export function progressBar(p: BatchProgress, columns: number): string {
  const stats = `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${percent(p)}  ${rate(p)}  ETA ${eta(p)}${p.failed > 0 ? `  ${p.failed} failed` : ''}`;
  const width = Math.max(0, Math.min(30, columns - stats.length - 4));
  const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
  const bar = width > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
  return (bar + stats).slice(0, Math.max(0, columns - 1));
}

/** `teikit batch: 120/2,000 files (6%), 35.2 files/s, ETA 0:53, 1 failed` */
export function progressLine(p: BatchProgress): string {
  return `teikit batch: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} files (${percent(p)}), ${rate(p)}, ETA ${eta(p)}${p.failed > 0 ? `, ${p.failed} failed` : ''}`;
}

function percent(p: BatchProgress): string {
  return `${p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)}%`;
}

// Skipped files cost nothing: the rate counts the files actually worked on.
function rate(p: BatchProgress): string {
  const worked = p.done - p.skipped;
  const perSecond = p.elapsedMs > 0 ? (worked / p.elapsedMs) * 1000 : 0;
  return `${perSecond.toFixed(1)} files/s`;
}

function eta(p: BatchProgress): string {
  const worked = p.done - p.skipped;
  if (p.done >= p.total) return '0:00';
  if (worked === 0 || p.elapsedMs <= 0) return '?';
  return duration(((p.total - p.done) * p.elapsedMs) / worked);
}

/** `0:53`, `12:07`, `1:02:03` */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
