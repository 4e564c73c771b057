/**
 * A validation worker: builds the same pipelines as the main thread (from the same options) and
 * checks batches of JSON Lines, sending back each record's result in the batch's order. Records
 * are parsed here, with the reader's own function, so that a line reads the same in a worker as
 * in the main thread: same findings, same lines and columns, same rejections.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jsonLineRecords } from '../sources/read.js';
import { Pipeline } from './pipeline.js';
import type { Batch, BatchDone, WorkerInit } from './parallel.js';

const init = workerData as WorkerInit;
const pipelines = new Map<string, Pipeline>();

function pipelineFor(profile: string): Pipeline {
  let p = pipelines.get(profile);
  if (!p) pipelines.set(profile, (p = new Pipeline({ ...init.options, profile })));
  return p;
}

parentPort?.on('message', (batch: Batch) => {
  let done: BatchDone;
  try {
    const pipeline = pipelineFor(batch.profile);
    const results = [];
    for (const text of batch.lines) for (const src of jsonLineRecords(batch.file, text)) results.push(pipeline.process(src).result);
    // JSON text costs the main thread less to take in than a structured clone of the same objects
    done = { id: batch.id, results: JSON.stringify(results) };
  } catch (e) {
    done = { id: batch.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort?.postMessage(done);
});
