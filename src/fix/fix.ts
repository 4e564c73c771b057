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

/**
 * Every input file, in input order, with its records' fixes applied to its text: each file as soon
 * as its records are checked (a file's records come one after the other), so that one file at a
 * time is held in memory.
 */
export async function* fixFiles(
  paths: readonly (string | Input)[],
  options: FixOptions,
): AsyncGenerator<EditedFile> {
  let file: string | undefined;
  let records: RecordFixes[] = [];
  const done = (): EditedFile =>
    records.length
      ? editFile(file as string, records)
      : { file: file as string, records: [], changed: false };
  for await (const r of planFixes(paths, options)) {
    if (r.source.file !== file) {
      if (file !== undefined) yield done();
      file = r.source.file;
      records = [];
    }
    if (r.fixes.length || r.conflicts.length) records.push(r);
  }
  if (file !== undefined) yield done();
}

/** All the files at once (for tests and small runs). */
export async function fixAll(
  paths: readonly (string | Input)[],
  options: FixOptions,
): Promise<EditedFile[]> {
  const out: EditedFile[] = [];
  for await (const f of fixFiles(paths, options)) out.push(f);
  return out;
}
