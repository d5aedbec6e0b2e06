import { statSync } from 'node:fs';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_MAX_INPUT_BYTES, checkInputSize } from '../source/input-limit.js';
import { encodeXml } from '../encode.js';
import { decodeSource } from '../source/decode.js';
import { assertConfig, parseConfigText } from '../config/validate-config.js';
import type { EditionConfig } from '../config/types.js';
import { TeikitError, type Diagnostic } from '../diagnostics.js';
import { assertValidOutput } from './check-output.js';
import { writeFileAtomic, readInput } from './files.js';
import { EXIT_OK, printDiagnostics, reportFailure, type FileNames } from './report.js';

export interface EncodeArgs {
  input: string;
  config?: string;
  output?: string;
  /** Texts over this many bytes are refused (see source/input-limit.ts). */
  maxInputBytes?: number;
}

/** `teikit encode <text-file|-> [--config edition.json] [-o out.xml]` */
export async function runEncode(args: EncodeArgs): Promise<number> {
  const names: FileNames = { source: args.input === '-' ? '<stdin>' : args.input, ...(args.config !== undefined && { config: args.config }) };
  try {
    let config: EditionConfig = {};
    let configText: string | undefined;
    if (args.config !== undefined) {
      configText = readInput(args.config, 'utf8');
      config = assertConfig(parseConfigText(configText), configText);
    }
    // A file over the limit is refused before it is read.
    const maxInputBytes = args.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (args.input !== '-') checkInputSize(statSync(args.input).size, maxInputBytes);
    const { xml, diagnostics } = await encodeSource(args.input, config, configText, maxInputBytes);
    printDiagnostics(diagnostics, names);
    assertValidOutput(xml);
    if (args.output !== undefined) writeFileAtomic(args.output, xml);
    else process.stdout.write(xml);
    return EXIT_OK;
  } catch (err) {
    return reportFailure(err, names);
  }
}

/**
 * From this size on, a text is encoded in a thread of its own (see
 * encodeInWorker). Below it the thread costs more than it saves: starting it
 * takes some 40 MB and 0.2 s, and a 10 MB text peaked at about 235 MB with it
 * and 200–230 MB without; a 15 MB text at 255 MB with it and 330 MB without.
 */
const WORKER_FROM_BYTES = 12 * 1024 * 1024;

/**
 * Reads, decodes and encodes the text. Only the XML and the warnings come back:
 * the file's bytes, the source text and the model are garbage by then.
 */
async function encodeSource(input: string, config: EditionConfig, configText: string | undefined, maxInputBytes: number): Promise<{ xml: string; diagnostics: Diagnostic[] }> {
  const job: Omit<EncodeJob, 'teikitEncodeJob'> = { bytes: readInput(input), config, configText };
  const size = job.bytes.byteLength;
  checkInputSize(size, maxInputBytes);
  if (size >= WORKER_FROM_BYTES) return encodeInWorker({ ...job, bytes: ownBuffer(job.bytes) });
  // The size was checked against the user's limit above; encodeXml's own default must not refuse it again.
  return encodeXml(takeSource(job), config, { maxInputBytes: Infinity, ...(configText !== undefined && { configText }) });
}

/**
 * What the encoding thread is given: the text's bytes (moved, not copied) and
 * the checked config.
 */
interface EncodeJob {
  teikitEncodeJob: true;
  bytes: Uint8Array;
  config: EditionConfig;
  configText: string | undefined;
}

type EncodeReply = { xml: Uint8Array; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[]; failed: true } | { error: { message: string; stack?: string } };

/**
 * Encodes in a worker thread of its own. Why: `teikit encode` peaks while it
 * validates its output, and V8 collects the encoder's garbage (the decoded
 * source, the model, the TEI paragraphs: several times the text) only when it
 * must, so that garbage used to sit beside the validator's document tree. A
 * thread's heap is freed whole when the thread ends: validation starts with
 * only the XML in memory. The XML comes back as UTF-8 bytes, moved, not copied.
 */
function encodeInWorker(job: Omit<EncodeJob, 'teikitEncodeJob'>): Promise<{ xml: string; diagnostics: Diagnostic[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { teikitEncodeJob: true, ...job }, transferList: [job.bytes.buffer as ArrayBuffer] });
    let reply: EncodeReply | undefined;
    worker.once('message', (m: EncodeReply) => (reply = m));
    worker.once('error', reject);
    worker.once('exit', () => {
      // Taken out of the closure, so the bytes are garbage once decoded.
      const r = reply;
      reply = undefined;
      if (r === undefined) reject(new Error('the encoding thread ended without an answer'));
      else if ('error' in r) reject(Object.assign(new Error(r.error.message), r.error.stack !== undefined && { stack: r.error.stack }));
      else if ('failed' in r) reject(new TeikitError(r.diagnostics));
      else resolve({ xml: new TextDecoder().decode(r.xml), diagnostics: r.diagnostics });
    });
  });
}

/** The bytes in an ArrayBuffer of their own, so it can be moved to another thread: a small file's Buffer shares Node's pool. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** Whether this thread is an encoding thread started by `encodeInWorker` (cli.js is its script too). */
export function isEncodeWorker(): boolean {
  return parentPort !== null && (workerData as Partial<EncodeJob> | undefined)?.teikitEncodeJob === true;
}

/** The encoding thread: encodes its job and posts the XML back. */
export function runEncodeWorker(): void {
  const job = workerData as EncodeJob;
  let reply: EncodeReply;
  let transfer: ArrayBuffer[] = [];
  try {
    // The main thread checked the size against the user's limit before handing the text over.
    const { xml, diagnostics } = encodeXml(takeSource(job), job.config, { maxInputBytes: Infinity, ...(job.configText !== undefined && { configText: job.configText }) });
    const bytes = new TextEncoder().encode(xml);
    reply = { xml: bytes, diagnostics };
    transfer = [bytes.buffer as ArrayBuffer];
  } catch (err) {
    reply = err instanceof TeikitError ? { diagnostics: [...err.diagnostics], failed: true } : { error: { message: String((err as Error)?.message ?? err), ...((err as Error)?.stack !== undefined && { stack: (err as Error).stack! }) } };
  }
  parentPort!.postMessage(reply, transfer);
}

/** The job's text, decoded; the bytes are dropped from the job, so they are garbage while the text is encoded. */
function takeSource(job: Pick<EncodeJob, 'bytes'>): string {
  const bytes = job.bytes;
  (job as { bytes: Uint8Array | undefined }).bytes = undefined;
  return decodeSource(bytes);
}

