import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TeikitError, error, formatDiagnostic, warning, type Diagnostic } from '../diagnostics.js';
import { locateInConfig } from '../config/validate-config.js';
import type { EditionConfig } from '../config/types.js';
// In dist/batch.js this is dist/index.js, left external (see tsup.config.ts), so the
// errors batch() throws are the very TeikitError users import from 'teikit'.
import { TeikitError as PublicTeikitError } from '../index.js';
import { DEFAULT_MAX_INPUT_BYTES, PEAK_PER_BYTE } from '../source/input-limit.js';
import { loadBatchConfig } from './batch-config.js';
import { checkFolders, collidingTargets, findTexts, isUpToDate, type Text } from './find-texts.js';
import type { Job, JobResult, WorkerSetup } from './messages.js';
import type { BatchDiagnostic, BatchFileProblems, BatchOptions, BatchReport } from './types.js';

// dist/batch.js and dist/cli.js both sit beside dist/batch-worker.js.
const WORKER_URL = new URL('./batch-worker.js', import.meta.url);
/** Jobs a worker holds at once: the one it works on and the next. */
const AHEAD = 2;
/**
 * A worker inherits the parent's Node flags, and Node refuses some of them in a worker:
 * a script run with `node --input-type=module -e …` would fail to start any worker
 * (ERR_INPUT_TYPE_NOT_ALLOWED). Those flags are about the main script, not the worker.
 */
const WORKER_EXEC_ARGV = workerExecArgv(process.execArgv);

function workerExecArgv(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^(-e|-p|--eval|--print)$/.test(a)) i++; // the script text follows as its own argument
    else if (!/^--(input-type|eval|print|test|watch)\b/.test(a)) kept.push(a);
  }
  return kept;
}
const MB = 1024 * 1024;

/**
 * Encodes every `.txt` under `options.input` into `options.out` (subfolders
 * mirrored) on worker threads, validating each TEI before it is written
 * atomically. A bad file is a failure in the report, never the end of the
 * batch; a bad config or folder throws a `TeikitError` before any text is read.
 */
export async function batch(options: BatchOptions): Promise<BatchReport> {
  try {
    return await runBatch(options);
  } catch (err) {
    if (err instanceof TeikitError && !(err instanceof PublicTeikitError)) throw new PublicTeikitError((err as TeikitError).diagnostics);
    throw err;
  }
}

async function runBatch(options: BatchOptions): Promise<BatchReport> {
  const started = performance.now();
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number of at least 1, not ${String(options.jobs)}`);
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  checkFolders(options.input, options.out);
  const loaded = loadBatchConfig(options.config);
  const texts = findTexts(options.input, options.out);

  const report: BatchReport = {
    input: options.input,
    out: options.out,
    ...(options.config !== undefined && { config: options.config }),
    jobs,
    files: texts.length,
    encoded: 0,
    skipped: 0,
    failed: 0,
    bytes: 0,
    outputBytes: 0,
    emendations: 0,
    names: 0,
    warnings: 0,
    warned: [],
    failures: [],
    aborted: false,
    timeMs: 0,
  };
  let done = 0;
  const progress = (file: string, diagnostics: BatchDiagnostic[] = []): void => {
    done++;
    options.onProgress?.({ done, total: texts.length, failed: report.failed, skipped: report.skipped, bytes: report.bytes, file, diagnostics, elapsedMs: performance.now() - started });
  };

  const todo: Job[] = [];
  const clashes = collidingTargets(texts);
  const refused: JobResult[] = [];
  texts.forEach((text, id) => {
    const others = clashes.get(id);
    if (others !== undefined) {
      const message = `its TEI ${text.target} would also be written for ${others.join(', ')}: one would overwrite the other`;
      refused.push({ id, ok: false, diagnostics: [error('output-collision', message, { file: 'source', hint: 'rename one of the texts' })] });
    } else if (options.force !== true && isUpToDate(text, loaded.mtimeMs)) {
      report.skipped++;
      progress(text.source);
    } else {
      todo.push({ id, source: text.source, target: text.target });
    }
  });

  const names = (text: Text) => ({ source: text.source, ...(options.config !== undefined && { config: options.config }) });
  const mentioned = new Set<string>();
  const record = (result: JobResult): void => {
    const text = texts[result.id]!;
    let found: BatchFileProblems | undefined;
    if (result.ok) {
      for (const id of result.mentioned) mentioned.add(id);
      report.encoded++;
      report.bytes += result.bytes;
      report.outputBytes += result.outputBytes;
      report.emendations += result.emendations;
      report.names += result.names;
      report.warnings += result.warnings.length;
      if (result.warnings.length > 0) report.warned.push((found = problems(text, result.warnings, names(text))));
    } else {
      report.failed++;
      report.failures.push((found = problems(text, result.diagnostics, names(text))));
    }
    progress(text.source, found?.diagnostics);
  };

  for (const result of refused) record(result);

  const setup: WorkerSetup = { config: loaded.config, maxInputBytes, ...(loaded.configText !== undefined && { configText: loaded.configText }) };
  report.aborted = await runWorkers(todo, Math.min(jobs, todo.length), setup, record, options.signal);
  // Only when every text was read this time: a skipped or failed text may mention the entry.
  if (options.config !== undefined && report.encoded === report.files && report.files > 0) {
    const unused = unusedEntries(loaded.config, mentioned);
    if (unused.length > 0) {
      if (loaded.configText !== undefined) locateInConfig(unused, loaded.configText);
      report.warnings += unused.length;
      report.warned.push({ file: options.config, diagnostics: unused.map((d) => toBatchDiagnostic(d, { config: options.config! })) });
    }
  }
  // Files finish in any order on several threads; the report does not depend on it.
  // The config's own warnings (entries no text mentions) come last.
  const order = new Map(texts.map((t, i) => [t.source, i]));
  const byFile = (a: BatchFileProblems, b: BatchFileProblems) => (order.get(a.file) ?? texts.length) - (order.get(b.file) ?? texts.length);
  report.failures.sort(byFile);
  report.warned.sort(byFile);
  report.timeMs = performance.now() - started;
  return report;
}

/**
 * Hands the jobs out to `workers` threads, one at a time each. Resolves with
 * whether it was aborted. A worker that runs out of memory fails its file and
 * is replaced; any other worker crash rejects.
 */
function runWorkers(todo: Job[], workers: number, setup: WorkerSetup, record: (r: JobResult) => void, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(true);
  if (todo.length === 0) return Promise.resolve(false);
  // The heap a worker may use: what the largest text allowed needs, with room to
  // spare. Beyond it the worker dies of ERR_WORKER_OUT_OF_MEMORY, reported for
  // its file, instead of the whole process running out of memory.
  const heapMb = Number.isFinite(setup.maxInputBytes) ? Math.ceil((setup.maxInputBytes * PEAK_PER_BYTE * 1.5) / MB) + 256 : undefined;

  return new Promise<boolean>((resolve, reject) => {
    // Jobs handed back by a worker that died with them queued: given out first.
    const retry: Job[] = [];
    let next = 0;
    let settled = false;
    // Each worker holds up to AHEAD jobs: it starts the next text as soon as it
    // has answered for one, instead of idling for the round trip to this thread
    // (which, for texts of a few KB, is a fair share of their time).
    const queued = new Map<Worker, Job[]>();
    const alive = new Set<Worker>();
    const allQueued = (): Job[] => [...queued.values()].flat();

    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const finishIfDone = (): void => {
      if (alive.size === 0) settle(() => resolve(false));
    };
    const take = (): Job | undefined => retry.shift() ?? (next < todo.length ? todo[next++] : undefined);
    const feed = (worker: Worker): void => {
      const mine = queued.get(worker)!;
      while (!settled && mine.length < AHEAD) {
        const job = take();
        if (job === undefined) break;
        mine.push(job);
        worker.postMessage(job);
      }
      if (mine.length === 0) {
        alive.delete(worker);
        void worker.terminate();
        finishIfDone();
      }
    };
    const spawn = (): Worker => {
      const worker = new Worker(WORKER_URL, {
        workerData: setup,
        execArgv: WORKER_EXEC_ARGV,
        ...(heapMb !== undefined && { resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
      });
      alive.add(worker);
      queued.set(worker, []);
      worker.on('message', (result: JobResult) => {
        queued.get(worker)!.shift(); // a worker answers in the order it was given its jobs
        record(result);
        feed(worker);
      });
      worker.on('error', (err: Error & { code?: string }) => {
        const [job, ...waiting] = queued.get(worker) ?? [];
        queued.delete(worker);
        alive.delete(worker);
        if (settled) return;
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && job !== undefined) {
          record({ id: job.id, ok: false, diagnostics: [outOfMemory(heapMb)] });
          removeTemporaryFiles([job]);
          retry.push(...waiting);
          feed(spawn());
          return;
        }
        for (const w of alive) void w.terminate();
        removeTemporaryFiles([...allQueued(), ...(job ? [job] : [])]);
        settle(() => reject(err));
      });
      // A worker that stops by itself, with no error, must not leave its files
      // unanswered (the batch would never end): it is a crash.
      worker.on('exit', (code) => {
        if (!alive.has(worker) || settled) return;
        worker.emit('error', Object.assign(new Error(`a batch worker stopped (exit code ${code})`), { code: 'ERR_WORKER_EXITED' }));
      });
      return worker;
    };
    const onAbort = (): void => {
      const stopped = allQueued();
      const terminations = [...alive].map((w) => w.terminate());
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // A worker stopped mid-write leaves its temporary file: the finished TEI is
      // renamed into place whole or not at all, so only those need removing.
      void Promise.allSettled(terminations).then(() => {
        removeTemporaryFiles(stopped);
        resolve(true);
      });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < workers; i++) feed(spawn());
  });
}

/** `register-unused` for the corpus: entries of the config's register that no text mentions. */
function unusedEntries(config: EditionConfig, mentioned: ReadonlySet<string>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const lists = [
    ['people', config.register?.people],
    ['organisations', config.register?.organisations],
    ['places', config.register?.places],
  ] as const;
  for (const [key, entries] of lists) {
    (entries ?? []).forEach((entry, i) => {
      // The author is in the register for the header's sake, as in encode().
      if (mentioned.has(entry.id) || entry.id === config.metadata?.author?.ref) return;
      found.push(warning('register-unused', `register entry "${entry.id}" is never mentioned in any text of the batch`, { file: 'config', path: `/register/${key}/${i}` }));
    });
  }
  return found;
}

function outOfMemory(heapMb: number | undefined): Diagnostic {
  return {
    severity: 'error',
    code: 'out-of-memory',
    message: `encoding this text ran out of memory${heapMb === undefined ? '' : ` (a worker's heap is ${heapMb} MB)`}`,
    file: 'source',
    hint: "a worker's heap is sized from --max-input-mb (maxInputBytes): raising it gives each worker more memory",
  };
}

/** The temporary files writeFileAtomic makes are `.<name>.<pid>.<random>.tmp` beside the target. */
function removeTemporaryFiles(jobs: readonly Job[]): void {
  for (const job of jobs) {
    const prefix = `.${basename(job.target)}.${process.pid}.`;
    let entries: string[];
    try {
      entries = readdirSync(dirname(job.target));
    } catch {
      continue;
    }
    for (const name of entries) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dirname(job.target), name), { force: true });
  }
}

function problems(text: Text, diagnostics: readonly Diagnostic[], names: { source: string; config?: string }): BatchFileProblems {
  return { file: text.source, diagnostics: diagnostics.map((d) => toBatchDiagnostic(d, names)) };
}

export function toBatchDiagnostic(d: Diagnostic, names: { source?: string; config?: string }): BatchDiagnostic {
  const file = (d.file === 'config' ? names.config : names.source) ?? d.file ?? 'input';
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    file,
    ...(d.place !== undefined && { line: d.place.line, column: d.place.column }),
    ...(d.path !== undefined && { path: d.path }),
    ...(d.hint !== undefined && { hint: d.hint }),
    text: formatDiagnostic(d, names),
  };
}
