/**
 * Duplicates across (and within) jurisdictions' exports. open.canada.ca carries federated copies
 * of provincial records; a record may also be exported twice. Two records are duplicates when
 * they share an identifier, a landing page, or a title and a publisher (compared loosely: case,
 * accents, punctuation and spacing aside). Duplicates are grouped, one record of each group is
 * the primary (a record of the originating jurisdiction before a federal copy, else the first
 * read), and the others are linked to it — never dropped.
 */

export type DuplicateReason = 'same-iri' | 'identifier' | 'landing-page' | 'title-publisher';

export interface Keyed {
  /** Index of the record in reading order. */
  n: number;
  iri: string;
  identifier?: string;
  landingPages: string[];
  title?: string;
  publisher?: string;
  /** 0 for the originating jurisdictions (provinces, territories, cities), 1 for a federal aggregator. */
  rank: number;
}

export interface Duplicate {
  /** The record that is linked… */
  n: number;
  /** …to this one, the group's primary. */
  primary: number;
  reasons: DuplicateReason[];
}

export function loose(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normaliseUrl(u: string): string {
  return u
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[/#?]+$/, '')
    .toLowerCase();
}

function keysOf(r: Keyed): [DuplicateReason, string][] {
  const out: [DuplicateReason, string][] = [['same-iri', r.iri]];
  if (r.identifier?.trim()) out.push(['identifier', r.identifier.trim().toLowerCase()]);
  for (const p of r.landingPages) out.push(['landing-page', normaliseUrl(p)]);
  if (r.title && r.publisher && loose(r.title) && loose(r.publisher))
    out.push(['title-publisher', `${loose(r.title)}\u0000${loose(r.publisher)}`]);
  return out;
}

/** Every record that duplicates another, with its group's primary and why they match. */
export function findDuplicates(records: readonly Keyed[]): Duplicate[] {
  // union-find over records sharing a key
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstWith = new Map<string, number>();
  records.forEach((r, i) => {
    for (const [reason, k] of keysOf(r)) {
      const key = `${reason}\u0001${k}`;
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const out: Duplicate[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const primary = [...members].sort((a, b) => records[a].rank - records[b].rank || a - b)[0];
    const keyed = members.map(
      (i) => new Set(keysOf(records[i]).map(([reason, k]) => `${reason}\u0001${k}`)),
    );
    for (const [mi, m] of members.entries()) {
      if (m === primary) continue;
      // what the record shares with the primary, or else with the records that tie it to the group
      const withPrimary = [...keyed[mi]].filter((k) => keyed[members.indexOf(primary)].has(k));
      const shared = withPrimary.length
        ? withPrimary
        : [...keyed[mi]].filter((k) => keyed.some((o, oi) => oi !== mi && o.has(k)));
      const reasons = [...new Set(shared.map((k) => k.split('\u0001')[0] as DuplicateReason))];
      out.push({ n: records[m].n, primary: records[primary].n, reasons });
    }
  }
  return out.sort((a, b) => a.n - b.n);
}
