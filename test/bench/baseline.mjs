/**
 * The benchmark's baseline: reads a catalogue exactly as Passerelle does (the same file opened,
 * sniffed and gunzipped by the same code, the same line splitting) and only JSON.parses each line.
 *
 *   node test/bench/baseline.mjs .bench/ca-gc-100000.jsonl.gz     → prints {"records":…,"seconds":…}
 */
import { performance } from 'node:perf_hooks';
import { openFile } from '../../dist/sources/read.js';

const t0 = performance.now();
const opened = await openFile(process.argv[2]);
if (opened.kind !== 'jsonl') throw new Error(`${process.argv[2]}: not JSON Lines`);
let records = 0;
let unreadable = 0;
for await (const { text } of opened.lines) {
  if (text.trim() === '') continue;
  try {
    JSON.parse(text);
    records++;
  } catch {
    unreadable++;
  }
}
process.stdout.write(
  `${JSON.stringify({ records: records + unreadable, unreadable, seconds: (performance.now() - t0) / 1000 })}\n`,
);
