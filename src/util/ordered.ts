/**
 * Work in flight, results in order, and back-pressure: the source is read only as results are
 * taken, so that a slow consumer (a report written to a pipe) slows reading down instead of
 * letting results pile up in memory.
 */

/**
 * Starts `start(item)` for the items of `source`, at most `limit` at a time, and yields their
 * results in the source's order. At most `limit` items are read ahead of the result being taken.
 */
export async function* inOrder<T, R>(
  source: AsyncIterable<T>,
  start: (item: T) => Promise<R>,
  limit: number,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  for await (const item of source) {
    const p = start(item);
    // a failure is rethrown when its turn comes; until then it must not count as unhandled
    p.catch(() => undefined);
    running.push(p);
    if (running.length >= limit) yield await (running.shift() as Promise<R>);
  }
  while (running.length) yield await (running.shift() as Promise<R>);
}

/** Items of `source` in groups of at most `size` items and (past the first item) `weight` in total. */
export async function* batches<T>(
  source: AsyncIterable<T>,
  size: number,
  weight = Infinity,
  weigh: (item: T) => number = () => 0,
): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let total = 0;
  for await (const item of source) {
    batch.push(item);
    total += weigh(item);
    if (batch.length >= size || total >= weight) {
      yield batch;
      batch = [];
      total = 0;
    }
  }
  if (batch.length) yield batch;
}
