import type { SourceRef } from '../report/model.js';
import type { Bilingual } from '../rules/types.js';
import type { Position } from '../util/locate.js';

/** Finds where a field of the record is in its file, from the field's JSON Pointer in the record. */
export interface Locator {
  locate(pointer: string): Position | undefined;
  /** Several fields at once (one pass over the record where the format allows), in the pointers' order. */
  locateAll?(pointers: readonly string[]): (Position | undefined)[];
}

/** Where each field is: in one go when the locator can, else one by one. */
export function locateAll(locator: Locator, pointers: readonly string[]): (Position | undefined)[] {
  return locator.locateAll ? locator.locateAll(pointers) : pointers.map((p) => locator.locate(p));
}

/** One record as read from an export, remembering where it came from. */
export interface SourceRecord {
  data: unknown;
  source: SourceRef;
  /** Input shape it was read as (`ckan-package-search`, `jsonl`, `xml`, `csv`…). */
  shape: string;
  /** To give a finding the line and column of its field in the file. */
  locator?: Locator;
  /** Set when the record could not be read: it is reported as rejected, never dropped. The reason is
   * given in both languages (the report's language is chosen later). */
  error?: { message: Bilingual; line?: number; column?: number };
}
