import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeCheckedConfig } from '../encode.js';
import { locateInConfig } from '../config/validate-config.js';
import { TeikitError, error, type Diagnostic } from '../diagnostics.js';
import { checkInputSize } from '../source/input-limit.js';
import { assertValidOutput } from '../cli/check-output.js';
import { describeFsError } from '../cli/report.js';
import { writeFileAtomic } from '../cli/files.js';
import type { Job, JobResult, WorkerSetup } from './messages.js';

/**
 * One text of a batch, start to finish: size check, encode, validate against
 * teikit's schema (as `teikit encode` does), write atomically. Every failure
 * comes back as diagnostics, so one bad file never stops the others.
 */
export function encodeFile(job: Job, setup: WorkerSetup): JobResult {
  try {
    // Refused before it is read: a 200 MB text over the limit costs nothing.
    checkInputSize(statSync(job.source).size, setup.maxInputBytes);
    const { xml, diagnostics, counts } = encodeCounting(readFileSync(job.source), setup);
    assertValidOutput(xml);
    makeFolder(dirname(job.target));
    writeFileAtomic(job.target, xml);
    return { id: job.id, ok: true, bytes: statSync(job.source).size, outputBytes: Buffer.byteLength(xml), ...counts, warnings: diagnostics };
  } catch (err) {
    const diagnostics = failureDiagnostics(err);
    if (setup.configText !== undefined) locateInConfig(diagnostics, setup.configText);
    return { id: job.id, ok: false, diagnostics };
  }
}

// Folders this thread has made: a folder of a thousand texts is made once, not
// asked for a thousand times.
const made = new Set<string>();

function makeFolder(dir: string): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

// The model (spans, normalised text) is dropped here, before validation and
// writing, so it never shares the heap with them.
function encodeCounting(bytes: Uint8Array, setup: WorkerSetup) {
  // Without configText: encode() would place every config diagnostic in the
  // config's text, hundreds of `register-unused` among them (100 ms a file with a
  // 300-entry register). Only the few kept are placed, below.
  // The config was checked once by the main thread: not again per text.
  // Each TEI carries the register entries it points to: the corpus register in all
  // 2,000 files of a batch would be most of their size (and of their validation time).
  const result = encodeCheckedConfig(bytes, setup.config, { maxInputBytes: setup.maxInputBytes, registerScope: 'mentioned' });
  let emendations = 0;
  let names = 0;
  const mentioned = new Set<string>();
  for (const s of result.edition.spans) {
    if (s.kind === 'name') {
      names++;
      mentioned.add(s.ref);
    } else if (s.kind === 'choice' || s.kind === 'supplied') emendations++;
  }
  // A batch's register is the corpus's: an entry missing from one text is expected,
  // and hundreds of `register-unused` warnings per file would bury the real ones.
  // The main thread reports the entries no text mentions, once.
  const diagnostics = result.diagnostics.filter((d) => d.code !== 'register-unused');
  if (setup.configText !== undefined) locateInConfig(diagnostics, setup.configText);
  return { xml: result.xml, diagnostics, counts: { emendations, names, mentioned: [...mentioned] } };
}

export function failureDiagnostics(err: unknown): Diagnostic[] {
  if (err instanceof TeikitError) return [...err.diagnostics];
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && typeof e.path === 'string') {
    return [error(e.code.toLowerCase(), `${describeFsError(e)} (${e.path})`, { file: 'source' })];
  }
  return [error('internal-error', `teikit failed on this file (a bug in teikit, please report it): ${e instanceof Error ? e.message : String(e)}`, { file: 'source' })];
}
