/**
 * Where the records sit inside a JSON document, by the document's shape (detected from content):
 * CKAN's package_show and package_search responses, a list of packages, a bare package.
 * DCAT-US 1.1 `data.json` catalogues (`dataset[]`) and Socrata view metadata (`/api/views/{id}.json`,
 * one view or a list of them) are told apart from CKAN by their own keys.
 */
export interface Envelope {
  shape: string;
  /** JSON Pointers of the records, or undefined when the document is not of this shape. */
  records(doc: unknown): string[] | undefined;
}

import { offsetsOf } from '../util/locate.js';

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A Socrata view: a four-by-four id (`a1b2-c3d4`) and the keys only views have. */
const isSocrataView = (v: unknown): boolean =>
  isObj(v) &&
  typeof v.id === 'string' &&
  /^[a-z0-9]{4}-[a-z0-9]{4}$/.test(v.id) &&
  ('viewType' in v || 'columns' in v || 'rowsUpdatedAt' in v);

export const ENVELOPES: Envelope[] = [
  {
    shape: 'dcat-us-catalog',
    records: (d) =>
      isObj(d) && Array.isArray(d.dataset) && !('success' in d)
        ? d.dataset.map((_, i) => `/dataset/${i}`)
        : undefined,
  },
  {
    shape: 'socrata-views',
    records: (d) =>
      Array.isArray(d) && d.length > 0 && d.every(isSocrataView)
        ? d.map((_, i) => `/${i}`)
        : undefined,
  },
  {
    shape: 'socrata-view',
    records: (d) => (isSocrataView(d) ? [''] : undefined),
  },
  {
    shape: 'ckan-package-search',
    records: (d) =>
      isObj(d) && isObj(d.result) && Array.isArray(d.result.results)
        ? d.result.results.map((_, i) => `/result/results/${i}`)
        : undefined,
  },
  {
    shape: 'ckan-package-list',
    records: (d) =>
      isObj(d) && 'success' in d && Array.isArray(d.result)
        ? d.result.map((_, i) => `/result/${i}`)
        : undefined,
  },
  {
    shape: 'ckan-package-show',
    records: (d) => (isObj(d) && 'success' in d && isObj(d.result) ? ['/result'] : undefined),
  },
  {
    shape: 'json-array',
    records: (d) => (Array.isArray(d) ? d.map((_, i) => `/${i}`) : undefined),
  },
  {
    shape: 'record',
    records: (d) => (isObj(d) && !('success' in d) ? [''] : undefined),
  },
];

/** A CKAN API error (`{"success": false, "error": {...}}`) is an unreadable input, not a record. */
export function apiError(doc: unknown): string | undefined {
  if (!isObj(doc) || doc.success !== false) return undefined;
  const e = doc.error;
  if (isObj(e)) return String(e.message ?? e.__type ?? JSON.stringify(e));
  return 'the API reported an error';
}

/**
 * Where each record starts in the document's text (-1: not found), all in one pass over the text.
 * Locating each record on its own scanned the document from its start up to that record: work
 * quadratic in the number of records. A 2,000-record package_search response, pretty-printed, took
 * 27 s (4,000: 122 s) against 6 s as JSON Lines; now 3 s (docs/performance.md).
 */
export function recordOffsets(text: string, pointers: readonly string[]): number[] {
  const found = offsetsOf(text, pointers);
  return pointers.map((p) => found.get(p) ?? -1);
}
