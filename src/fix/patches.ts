/**
 * Fixes as changes for other tools: RFC 6902 JSON Patch documents (each replacement preceded by a
 * `test` of the old value, so that a patch applied to a record that changed since fails instead of
 * guessing), and the payloads of CKAN's `package_patch` action (the package's id and each changed
 * top-level field whole, as package_patch replaces top-level fields).
 */
import { setOwn } from '../util/own.js';
import { parsePath } from '../util/paths.js';
import type { PlannedFix } from './plan.js';
import type { FixedRecord } from './edit.js';

export type PatchOperation =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown };

/** The RFC 6902 operations of a record's fixes (pointers relative to the record). */
export function jsonPatch(fixes: readonly PlannedFix[]): PatchOperation[] {
  return fixes.flatMap((f) => [
    { op: 'test' as const, path: f.pointer, value: f.old },
    { op: 'replace' as const, path: f.pointer, value: f.new },
  ]);
}

/** One line of `--to json-patch`: where the record is, and its patch. */
export function patchLine(r: FixedRecord): Record<string, unknown> {
  return { id: r.id, source: r.source, patch: jsonPatch(r.applied) };
}

/**
 * A record's `package_patch` payload: `id` (the package's id, else its name) and each top-level
 * field a fix changed, with its whole fixed value. Undefined when the record has no id or name
 * (not a CKAN package) or no fix was applied.
 */
export function ckanPatch(r: FixedRecord): Record<string, unknown> | undefined {
  const after = r.after as Record<string, unknown> | undefined;
  if (!after || typeof after !== 'object' || Array.isArray(after)) return undefined;
  const id = after.id ?? after.name;
  if (typeof id !== 'string' || id === '') return undefined;
  const payload: Record<string, unknown> = { id };
  for (const f of r.applied) {
    const top = parsePath(f.pointer)[0];
    if (top === undefined || top === 'id') continue;
    setOwn(payload, top, after[top]); // a field named __proto__ is a field
  }
  return Object.keys(payload).length > 1 ? payload : undefined;
}
