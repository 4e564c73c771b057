/**
 * A worker thread: builds the same pipelines as the main thread (from the same options) and runs
 * batches of JSON Lines, sending back each record's result in the batch's order. Records are
 * parsed here, with the reader's own function, so that a line reads the same in a worker as in
 * the main thread: same findings, same lines and columns, same rejections.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jsonLineRecords } from '../sources/read.js';
import { recordJsonText } from '../report/model.js';
import { Pipeline } from './pipeline.js';
import { setSearchPath } from '../util/search-path.js';
import { ruleBook } from '../rules/book.js';
import {
  packTally,
  type Batch,
  type BatchDone,
  type CheckedBatch,
  type WorkerInit,
} from './parallel.js';
import type { Converted } from './convert.js';
import type { RecordKeys } from '../rules/odc/unique-identifier.js';

const init = workerData as WorkerInit;
if (init.searchPath) setSearchPath(init.searchPath);
const options = { ...init.options, rules: ruleBook(init.options.rules) };
const pipelines = new Map<string, Pipeline>();

function pipelineFor(profile: string): Pipeline {
  let p = pipelines.get(profile);
  if (!p) pipelines.set(profile, (p = new Pipeline({ ...options, profile })));
  return p;
}

function check(batch: Batch): CheckedBatch {
  const pipeline = pipelineFor(batch.profile);
  const texts: string[] = [];
  const tallies: (number | null)[][] = [];
  const keys: (RecordKeys | null)[] = [];
  for (const line of batch.lines) {
    for (const record of jsonLineRecords(batch.file, line)) {
      const p = pipeline.process(record);
      texts.push(recordJsonText(p.result));
      tallies.push(packTally(p.result));
      keys.push(p.keys ?? null);
    }
  }
  return { texts, tallies: JSON.stringify(tallies), keys: JSON.stringify(keys) };
}

async function convert(batch: Batch, format: 'ntriples' | 'nquads'): Promise<Converted[]> {
  const pipeline = pipelineFor(batch.profile);
  // `convert`'s RDF code is loaded only by the workers that write RDF
  const rdf = await import('./convert.js');
  const out: Converted[] = [];
  batch.lines.forEach((line, i) => {
    const records = jsonLineRecords(batch.file, line);
    for (let part = 0; part < records.length; part++)
      out.push(rdf.lineRecord(pipeline.map(records[part]), batch.seq + i, part, format));
  });
  return out;
}

async function run(batch: Batch): Promise<CheckedBatch | Converted[]> {
  return batch.task.kind === 'check' ? check(batch) : convert(batch, batch.task.format);
}

parentPort?.on('message', (batch: Batch) => {
  run(batch).then(
    // results travel as a structured clone: strings, mostly (record texts, N-Triples)
    (results) => parentPort?.postMessage({ id: batch.id, results } satisfies BatchDone),
    (e: Error) =>
      parentPort?.postMessage({ id: batch.id, error: e.stack ?? String(e) } satisfies BatchDone),
  );
});
