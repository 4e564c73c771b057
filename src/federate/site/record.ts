/**
 * A search document as the site's data holds it: the document less what a reader of the site has
 * no use for (the local file it was read from) and less its links, which are the federation's
 * and not the jurisdiction's: "also published by" is in the shared data/links.js (`siteLinks`),
 * so that a new harvest of one jurisdiction rewrites no other jurisdiction's chunks.
 */
import type { SearchDocument } from '../document.js';
import type { Links } from '../federate.js';

/** Copies listed on a dataset's page; the rest are counted. */
export const SHOWN_DUPLICATES = 20;

export interface SiteRecord extends Omit<SearchDocument, 'source' | 'duplicates' | 'duplicateOf'> {
  source: { catalogue: string };
}

export function siteRecord(d: SearchDocument): SiteRecord {
  const { source, duplicates: _d, duplicateOf: _o, ...rest } = d;
  return { ...rest, source: { catalogue: source.catalogue } };
}

/** A dataset's "also published by" as its page shows it. */
export interface SiteLinks {
  /** Other jurisdictions' copies, the first SHOWN_DUPLICATES of them. */
  duplicates: string[];
  /** How many copies there are when `duplicates` lists only the first SHOWN_DUPLICATES. */
  duplicateCount?: number;
}

/**
 * "Also published by" on the site: the copies other jurisdictions publish (a jurisdiction's own
 * repeats are in the run's report and the RDF), capped, since a title repeated across a catalogue
 * can make a group of thousands; undefined when there are none.
 */
export function siteLinks(
  profile: string,
  links: Links,
  jurisdictionOf: (id: string) => string | undefined,
): SiteLinks | undefined {
  const copies = links.duplicates.filter((id) => jurisdictionOf(id) !== profile);
  if (!copies.length) return undefined;
  return {
    duplicates: copies.slice(0, SHOWN_DUPLICATES),
    ...(copies.length > SHOWN_DUPLICATES ? { duplicateCount: copies.length } : {}),
  };
}
