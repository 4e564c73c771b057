/**
 * What the site's search index holds of a record, and how text becomes terms: one definition for
 * the index written here and the queries the page runs (the page's script carries `foldTerm`'s own
 * source), so that both fold the same way.
 */
import type { LangText, LangTexts } from '../../core/lang.js';
import type { SiteRecord } from './record.js';

/**
 * A term as indexed and searched: accents and case folded, and a final plural s dropped (English
 * and French alike), so that "quebec" finds "Québec" and "forest" finds "forests". No other
 * stemming: prefix search (the page's default) finds "health" in "healthcare".
 */
export function foldTerm(t: string): string | null {
  let s = t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s || null;
}

/** The indexed fields: title, keywords, publisher, description (every language of each in one). */
export const SEARCH_FIELDS = ['t', 'k', 'p', 'd'] as const;
/** How much a match in each field weighs against one in the description. */
export const SEARCH_BOOST = { t: 3, k: 2, p: 1.5 };

const texts = (t: LangText | undefined): string => Object.values(t ?? {}).join(' ');
const lists = (t: LangTexts | undefined): string =>
  Object.values(t ?? {})
    .flat()
    .join(' ');

export interface SearchRow {
  id: number;
  t: string;
  k: string;
  p: string;
  d: string;
}

/** A record's row of the index; `id` is its place in its chunk. */
export function searchRow(r: SiteRecord, id: number): SearchRow {
  return {
    id,
    t: texts(r.title),
    k: lists(r.keywords),
    p: texts(r.publisher),
    d: texts(r.description),
  };
}
