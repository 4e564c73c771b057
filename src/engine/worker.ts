/**
 * A worker thread: builds the same pipelines as the main thread (from the same options) and runs
 * batches of JSON Lines, sending back each record's result in the batch's order. Records are
 * parsed here, with the reader's own function, so that a line reads the same in a worker as in
 * the main thread: same findings, same lines and columns, same rejections.
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

async function run(batch: Batch): Promise<unknown[]> {
  const pipeline = pipelineFor(batch.profile);
  const results: unknown[] = [];
  const task = batch.task;
  // `convert`'s RDF code is loaded only by the workers that write RDF
  const rdf = task.kind === 'rdf' ? await import('../rdf/convert.js') : undefined;
  batch.lines.forEach((text, i) => {
    const records = jsonLineRecords(batch.file, text);
    for (let part = 0; part < records.length; part++) {
      if (task.kind === 'check') results.push(pipeline.process(records[part]).result);
      else results.push(rdf?.lineRecord(pipeline.map(records[part]), batch.seq + i, part, task.format));
    }
  });
  return results;
}

parentPort?.on('message', (batch: Batch) => {
  run(batch).then(
    (results) => parentPort?.postMessage({ id: batch.id, results: JSON.stringify(results) } satisfies BatchDone),
    (e: Error) => parentPort?.postMessage({ id: batch.id, error: e.stack ?? String(e) } satisfies BatchDone),
  );
});
