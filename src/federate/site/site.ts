/**
 * `federate --to site --output DIR`: the federation's search documents written as the static
 * search site, kept up to date per jurisdiction like every output kept in a folder (`../kept.ts`):
 * each jurisdiction read has its folder rewritten (write.ts), one dropped has it removed, and the
 * shared files (shared.ts: catalogue.js with the totals, links.js with "also published by",
 * the page and assets) are written again from the folders' manifests and the federation's links.
 * A jurisdiction not read keeps its folder byte for byte.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../core/lang.js';
import type { Input } from '../../engine/run.js';
import type { Federation } from '../federate.js';
import type { FederationUpdate, UpdateOptions } from '../incremental.js';
import { updateFolder, type FolderRun } from '../kept.js';
import { siteLinks, type SiteLinks } from './record.js';
import {
  JurisdictionWriter,
  jurisdictionFolders,
  requireSiteFolder,
  type JurisdictionInfo,
} from './write.js';
import { writeShared, type Catalogue } from './shared.js';

export { writeJurisdiction, JurisdictionWriter, readManifests, CHUNK_BYTES } from './write.js';
export type { JurisdictionInfo, JurisdictionManifest, ChunkInfo } from './write.js';
export { writeShared, type Catalogue } from './shared.js';

export interface SiteRun extends FolderRun {
  dir: string;
  /** What catalogue.js holds: every jurisdiction's folder, the totals. */
  catalogue: Catalogue;
  /** Bytes of the data chunks. */
  bytes: number;
}

/** What the site says of a jurisdiction: its profile's names, level and portal. */
function infoOf(federation: Federation | undefined, id: string): JurisdictionInfo {
  const p = federation?.profileOf(id);
  return {
    id,
    name: p?.jurisdiction?.name ?? p?.name ?? { en: id, fr: id },
    ...(p?.name ? { source: p.name } : {}),
    ...(p?.jurisdiction?.level ? { level: p.jurisdiction.level } : {}),
    ...(p?.portal ? { portal: p.portal } : {}),
  };
}

/** "Also published by" of every dataset that has copies in other jurisdictions. */
function linksOf(update: FederationUpdate): Record<string, SiteLinks> {
  const all = [...update.documentLinks()];
  const jurisdiction = new Map(all.map((d) => [d.id, d.profile]));
  const out: Record<string, SiteLinks> = {};
  for (const d of all) {
    const l = siteLinks(d.profile, d.links, (id) => jurisdiction.get(id));
    if (l) out[d.id] = l;
  }
  return out;
}

/**
 * Writes the site of the inputs into `dir` (new, empty, or a site written before: the
 * jurisdictions whose inputs changed are rewritten, those no longer among the inputs removed).
 */
export async function writeSite(
  dir: string,
  inputs: readonly (string | Input)[],
  options: Omit<UpdateOptions, 'format'> & { lang?: Lang; now: Date },
): Promise<SiteRun> {
  requireSiteFolder(dir);
  mkdirSync(dir, { recursive: true });
  let catalogue: Catalogue | undefined;
  const run = await updateFolder(dir, dir, inputs, { ...options, format: 'site' }, (update) => ({
    open(profile) {
      const w = new JurisdictionWriter(dir, infoOf(update.federation(profile), profile));
      return {
        add: (document) => w.add(document),
        close: () => {
          const m = w.close();
          return [...m.chunks.map((c) => c.file), `data/${profile}/manifest.json`];
        },
        abort: () => w.abort(),
      };
    },
    drop: (profile) => rmSync(join(dir, 'data', profile), { recursive: true, force: true }),
    end() {
      // folders of no jurisdiction of the inputs (a run without a usable manifest): not shown
      const ids = update.jurisdictions.map((j) => j.profile);
      for (const f of jurisdictionFolders(dir))
        if (!ids.includes(f)) rmSync(join(dir, 'data', f), { recursive: true, force: true });
      catalogue = writeShared(dir, { now: options.now, links: linksOf(update) });
    },
  }));
  const c = catalogue as Catalogue;
  const bytes = c.jurisdictions.reduce((n, j) => n + j.chunks.reduce((m, k) => m + k.bytes, 0), 0);
  return { ...run, dir, catalogue: c, bytes };
}
