// teikit/batch: the Node-only entry for encoding whole folders on worker threads.
export { batch } from './batch.js';
export type { BatchOptions, BatchProgress, BatchReport, BatchDiagnostic, BatchFileProblems } from './types.js';
