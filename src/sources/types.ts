import type { SourceRef } from '../report/model.js';
import type { LineIndex } from '../util/locate.js';

/** One record as read from an export, remembering where it came from. */
export interface SourceRecord {
  data: unknown;
  source: SourceRef;
  /** Input shape it was read as (`ckan-package-search`, `jsonl`…). */
  shape: string;
  /** To find a field's line and column in the file: the text's line index and where the record starts. */
  locator?: { index: LineIndex; offset: number };
  /** Set when the record could not be read: it is reported as rejected, never dropped. */
  error?: { message: string; line?: number; column?: number };
}
