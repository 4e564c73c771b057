/**
 * Limits on what one record may be, whatever reader made it: a record nested deeper than any real
 * export (a list in a list in a list… a thousand times) is rejected with its line, before the
 * profile check, the crosswalk and the rules walk it.
 */
import type { Bilingual } from '../rules/types.js';
import type { SourceRecord } from './types.js';

/** Levels of nesting a record may have. ISO 19139 trees, the deepest real records, use about 30. */
export const MAX_DEPTH = 128;

/** Whether a value is nested deeper than `max` levels (iterative: a hostile record cannot overflow the stack). */
export function deeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  // objects only (the other values cannot be deeper), with their depths beside them: nothing allocated per value
  const stack: object[] = [value];
  const depths: number[] = [0];
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop() as object;
    const depth = depths.pop() as number;
    if (seen.has(v)) continue;
    if (depth >= max) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child === null || typeof child !== 'object') continue;
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}

export const TOO_DEEP: Bilingual = {
  en: `the record is nested more than ${MAX_DEPTH} levels deep`,
  fr: `l'enregistrement est imbriqué sur plus de ${MAX_DEPTH} niveaux`,
};

/** The record, or the same record rejected when it goes beyond a limit. */
export function withinLimits(src: SourceRecord): SourceRecord {
  if (src.error || src.data === undefined || !deeperThan(src.data, MAX_DEPTH)) return src;
  return { ...src, data: undefined, locator: undefined, error: { message: TOO_DEEP, line: src.source.line } };
}
