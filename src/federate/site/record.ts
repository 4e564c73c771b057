/**
 * A search document as the site's data holds it: the document less what a reader of the site has
 * no use for (the local file it was read from) and with "also published by" capped, since a title
 * repeated across a catalogue can make a group of thousands.
 */
import type { SearchDocument } from '../document.js';

/** Copies listed on a dataset's page; the rest are counted. */
export const SHOWN_DUPLICATES = 20;

export interface SiteRecord extends Omit<SearchDocument, 'source'> {
  source: { catalogue: string };
  /** How many copies there are when `duplicates` lists only the first SHOWN_DUPLICATES. */
  duplicateCount?: number;
}

export function siteRecord(d: SearchDocument): SiteRecord {
  const { source, duplicates, ...rest } = d;
  return {
    ...rest,
    source: { catalogue: source.catalogue },
    duplicates: duplicates.slice(0, SHOWN_DUPLICATES),
    ...(duplicates.length > SHOWN_DUPLICATES ? { duplicateCount: duplicates.length } : {}),
  };
}
