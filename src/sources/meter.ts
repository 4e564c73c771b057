/**
 * Bytes read from input files so far in this process, for `validate`'s and `convert`'s progress
 * (gzip: the compressed bytes, as the file's size on disk counts them). Read from each stream's own
 * `bytesRead`, so that metering never changes how a stream flows.
 */
import type { ReadStream } from 'node:fs';

const reading = new Set<ReadStream>();
let closed = 0;

/** Counts what `s` reads from now on. */
export function metered(s: ReadStream): ReadStream {
  reading.add(s);
  s.once('close', () => {
    reading.delete(s);
    closed += s.bytesRead;
  });
  return s;
}

export function inputBytesRead(): number {
  let n = closed;
  for (const s of reading) n += s.bytesRead;
  return n;
}
