/** Lists copied only when one of their elements changes or is dropped: the one way the crosswalk does it. */

/**
 * `list` with each element replaced by `change(element, context)`, and dropped where it gives
 * undefined. `list` itself when nothing changed (most candidates pass a step as they came: no copy
 * made); a copy, made at the first change and cut at the end, otherwise. `context` is handed to
 * `change` so that callers pass a function made once, not a closure made per list (measured in
 * docs/performance.md, 2026-12-07).
 */
export function copyOnChange<T, C>(
  list: T[],
  change: (element: T, context: C) => T | undefined,
  context: C,
): T[] {
  let copy: T[] | undefined;
  let w = 0; // next place written in `copy`
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    const changed = change(element, context);
    if (changed === element) {
      if (copy !== undefined) copy[w++] = element;
      continue;
    }
    if (copy === undefined) {
      // one element, changed: a new list at its size (most lists of candidates hold one)
      if (list.length === 1) return changed === undefined ? [] : [changed];
      copy = list.slice();
      w = i;
    }
    if (changed !== undefined) copy[w++] = changed;
  }
  if (copy !== undefined) copy.length = w;
  return copy ?? list;
}
