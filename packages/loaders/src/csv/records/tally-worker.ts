// The worker thread of the parallel tally: started before its job is known, it waits for the job
// (its byte range and plan), tallies that range and posts the result back.
import { parentPort } from 'node:worker_threads';
import { IcestatError } from '@icestat/core/internal';
import { tallyRange, type RangeJob } from './parallel';

parentPort?.once('message', (job: RangeJob) =>
  tallyRange(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        // An IcestatError is the file's fault, not the worker's: it crosses back as one.
        ...(IcestatError.isInstance(error) ? { code: error.code, issues: error.issues } : {}),
      }),
  ),
);
