/**
 * Limits on what one record may be, whatever reader made it: a record nested deeper than any real
 * export (a list in a list in a list… a thousand times) is rejected with its line, before the
 * profile check, the crosswalk and the rules walk it.
 */
import type { Bilingual } from '../core/lang.js';
import { READ_ERRORS } from '../i18n/read-errors.js';
import type { Line } from './lines.js';
import type { SourceRecord } from './types.js';

/** Levels of nesting a record may have. ISO 19139 trees, the deepest real records, use about 30. */
export const MAX_DEPTH = 128;

/** Objects a first walk visits at most before it leaves the question to the walk that keeps track of them. */
const QUICK_WALK_BUDGET = 100_000;

/**
 * Whether a value is nested deeper than `max` levels. Records are trees well within the limit: a
 * walk without bookkeeping shows it (recursion stops at `max` levels, so the stack stays small).
 * A record it finds too deep, or too big to walk quickly, is walked again by `deeperThanSafe`,
 * which visits an object once whatever refers to it: readers other than JSON may share objects.
 */
export function deeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const budget = { left: QUICK_WALK_BUDGET };
  return !within(value, max, 0, budget) && deeperThanSafe(value, max);
}

/**
 * Whether every object from `v` down is less than `max` levels deep (false also when the budget
 * runs out). for…in visits at least what Object.values would: a false answer is checked again.
 */
function within(v: object, max: number, depth: number, budget: { left: number }): boolean {
  if (depth >= max || --budget.left < 0) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const child: unknown = v[i];
      if (child !== null && typeof child === 'object' && !within(child, max, depth + 1, budget))
        return false;
    }
    return true;
  }
  for (const k in v) {
    const child: unknown = (v as Record<string, unknown>)[k];
    if (child !== null && typeof child === 'object' && !within(child, max, depth + 1, budget))
      return false;
  }
  return true;
}

/** Entries of an object without objects in it that the safe walk looks at again rather than remember it. */
const SMALL_LEAF = 8;

/**
 * Whether a value is nested deeper than `max` levels, each object that holds objects (or more than
 * SMALL_LEAF values) visited once (iterative: a hostile record cannot overflow the stack). Memory
 * stays small: one frame per level (at most `max`), and only those objects remembered: a list of
 * 2 million empty objects is one of them (remembering every object took 200 MB).
 */
function deeperThanSafe(value: object, max: number): boolean {
  const seen = new Set<object>();
  // the values of each open object and the next one to look at (the frames' count is the depth)
  const frames: { values: readonly unknown[]; next: number }[] = [];
  let v: object | undefined = value;
  for (;;) {
    if (v !== undefined) {
      if (frames.length >= max) return true;
      const values = Array.isArray(v) ? v : Object.values(v);
      let holdsObjects = false;
      for (let i = 0; i < values.length && !holdsObjects; i++)
        holdsObjects = values[i] !== null && typeof values[i] === 'object';
      if (holdsObjects || values.length > SMALL_LEAF) {
        if (seen.has(v)) holdsObjects = false;
        else seen.add(v);
      }
      if (holdsObjects) frames.push({ values, next: 0 });
    }
    v = undefined;
    const top = frames[frames.length - 1];
    if (!top) return false;
    while (top.next < top.values.length && v === undefined) {
      const child = top.values[top.next++];
      if (child !== null && typeof child === 'object') v = child;
    }
    if (v === undefined) frames.pop();
  }
}

export const TOO_DEEP: Bilingual = {
  en: `the record is nested more than ${MAX_DEPTH} levels deep`,
  fr: `l'enregistrement est imbriqué sur plus de ${MAX_DEPTH} niveaux`,
};

/** The record, or the same record rejected when it goes beyond a limit. */
export function withinLimits(src: SourceRecord): SourceRecord {
  if (src.error || src.data === undefined || !deeperThan(src.data, MAX_DEPTH)) return src;
  return {
    ...src,
    data: undefined,
    locator: undefined,
    error: { message: TOO_DEEP, line: src.source.line },
  };
}

/**
 * A line of JSON Lines that ran a worker thread out of memory twice (`heapMb`: a worker's heap):
 * one rejected record (`input/too-large`), at its file and line, never parsed again.
 */
export function outOfMemoryRecord(file: string, line: Line, heapMb: number): SourceRecord {
  return {
    data: undefined,
    source: { file, line: line.line },
    shape: 'jsonl',
    error: {
      message: READ_ERRORS.outOfWorkerMemory(heapMb),
      line: line.line,
      rule: 'input/too-large',
    },
  };
}
