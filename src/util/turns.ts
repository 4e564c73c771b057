/**
 * Signals (Ctrl-C, SIGTERM) reach their handler only between two turns of the event loop, and
 * awaiting a resolved promise is no turn: a run reading and checking records from memory could
 * finish, and move its report into place, without ever seeing the signal it was sent.
 *
 * The checks of one record are written as steps (a generator that yields between them: between
 * stages, and every STEP_ITEMS findings of a long loop), so that one huge record on the main
 * thread lets signals in too (`inTurns`), while a worker thread, where no signal comes, runs the
 * same steps at once (`atOnce`).
 */
import { performance } from 'node:perf_hooks';

/** How long the main thread runs at most before giving the event loop a turn. */
const SLICE_MS = 50;
let last = performance.now();

/** Items a long loop of a record's checks handles between two steps (a power of two: `i % STEP_ITEMS`). */
export const STEP_ITEMS = 1024;

/** Work in steps: a generator that yields (nothing) between them and returns its result. */
export type Steps<T> = Generator<void, T, undefined>;

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

/** Steps run to their end, letting signals in between them (`letSignalsIn`): the main thread's way. */
export async function inTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await letSignalsIn();
  }
}

/** Steps run to their end at once: a worker thread's way, and callers that check a small thing. */
export function atOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
