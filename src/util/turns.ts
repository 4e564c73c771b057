/**
 * Signals (Ctrl-C, SIGTERM) reach their handler only between two turns of the event loop, and
 * awaiting a resolved promise is no turn: a run reading and checking records from memory could
 * finish, and move its report into place, without ever seeing the signal it was sent.
 */
import { performance } from 'node:perf_hooks';

/** How long the main thread runs at most before giving the event loop a turn. */
const SLICE_MS = 50;
let last = performance.now();

/** A turn of the event loop (a pending signal is handled there) once the thread has run SLICE_MS. */
export async function letSignalsIn(): Promise<void> {
  if (performance.now() - last < SLICE_MS) return;
  await aTurn();
}

/** A turn of the event loop now: everything it had pending (a signal received) has run when this resolves. */
export async function aTurn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  last = performance.now();
}
