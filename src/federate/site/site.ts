/**
 * `federate --to site`: the federation's search documents written as the static search site, each
 * jurisdiction's into its own folder (write.ts), then the shared files (shared.ts).
 */
import type { Federation } from '../federate.js';
import { JurisdictionWriter, requireSiteFolder, type JurisdictionManifest } from './write.js';
import { writeShared, type Catalogue } from './shared.js';

export { writeJurisdiction, JurisdictionWriter, readManifests, CHUNK_BYTES } from './write.js';
export type { JurisdictionInfo, JurisdictionManifest, ChunkInfo } from './write.js';
export { writeShared, type Catalogue } from './shared.js';

export interface SiteSummary {
  dir: string;
  catalogue: Catalogue;
  jurisdictions: JurisdictionManifest[];
  /** Bytes of the data chunks. */
  bytes: number;
}

/**
 * Writes the site of a scanned federation into `dir` (new, empty, or a site written before: its
 * jurisdictions in this run are replaced, the others kept).
 */
export async function writeSite(
  federation: Federation,
  dir: string,
  o: { now: Date },
): Promise<SiteSummary> {
  requireSiteFolder(dir);
  const writers = new Map<string, JurisdictionWriter>();
  for (const j of federation.summary().jurisdictions) {
    const p = federation.profileOf(j.profile);
    writers.set(
      j.profile,
      new JurisdictionWriter(dir, {
        id: j.profile,
        name: p?.jurisdiction?.name ?? p?.name ?? { en: j.profile, fr: j.profile },
        ...(p?.name ? { source: p.name } : {}),
        ...(p?.jurisdiction?.level ? { level: p.jurisdiction.level } : {}),
        ...(p?.portal ? { portal: p.portal } : {}),
      }),
    );
  }
  // "also published by" names other jurisdictions' copies; a jurisdiction's own repeats are in
  // the run's report and the RDF
  const jurisdictionOf = new Map(federation.entries.map((e) => [e.iri, e.profile]));
  try {
    for await (const d of federation.documents())
      writers.get(d.jurisdiction)?.add({
        ...d,
        duplicates: d.duplicates.filter((i) => jurisdictionOf.get(i) !== d.jurisdiction),
      });
  } catch (e) {
    for (const w of writers.values()) w.abort();
    throw e;
  }
  const jurisdictions = [...writers.values()].map((w) => w.close());
  const catalogue = writeShared(dir, o);
  const bytes = jurisdictions.reduce((n, j) => n + j.chunks.reduce((m, c) => m + c.bytes, 0), 0);
  return { dir, catalogue, jurisdictions, bytes };
}
