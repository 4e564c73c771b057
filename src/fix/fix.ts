/**
 * `passerelle fix` as a library call: the inputs validated, each record's fixes planned, and each
 * file's text edited (nothing is written here: the caller writes, prints or sends the result).
 */
import type { Input } from '../engine/run.js';
import { editFile, type EditedFile } from './edit.js';
import { planFixes, type FixOptions, type RecordFixes } from './plan.js';

export { editFile, NOT_APPLIED, type EditedFile, type FixedRecord } from './edit.js';
export { ckanPatch, jsonPatch, patchLine } from './patches.js';
export { fixesOf, planFixes, type FixOptions, type PlannedFix, type RecordFixes } from './plan.js';

/** Every input file, in input order, with its records' fixes applied to its text. */
export async function fixFiles(
  paths: readonly (string | Input)[],
  options: FixOptions,
): Promise<EditedFile[]> {
  const byFile = new Map<string, RecordFixes[]>();
  for await (const r of planFixes(paths, options)) {
    let records = byFile.get(r.source.file);
    if (!records) byFile.set(r.source.file, (records = []));
    if (r.fixes.length || r.conflicts.length) records.push(r);
  }
  return [...byFile].map(([file, records]) =>
    records.length ? editFile(file, records) : { file, records: [], changed: false },
  );
}
