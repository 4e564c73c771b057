/**
 * One fuzz case at a time, in a worker thread of `npm run fuzz`: the mutant validated by the API the
 * CLI uses (dist/), its outcome sent back. The runner ends this thread when a case takes too long.
 */
import { parentPort } from 'node:worker_threads';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, outcomeOf } from './fuzzer.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { validate } = await import(join(ROOT, 'dist', 'index.js'));

parentPort.on('message', async ({ file, profile }) => {
  try {
    parentPort.postMessage(outcomeOf(await validate([file], { profile, now: NOW, workers: 1 })));
  } catch (e) {
    parentPort.postMessage({ error: e?.stack ?? String(e) });
  }
});
parentPort.postMessage({ ready: true });
