// The worker thread of a batch (dist/batch-worker.js): encodes the texts the
// main thread hands it, one at a time, and answers with what happened.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeFile } from './encode-file.js';
import type { Job, WorkerSetup } from './messages.js';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('batch-worker.js runs as a worker thread of teikit batch');
port.on('message', (job: Job) => port.postMessage(encodeFile(job, setup)));
