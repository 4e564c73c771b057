/**
 * `federate --to solr|opensearch --output DIR`: the search documents of a federation as files an
 * engine loads, kept per jurisdiction and updated incrementally (`../incremental.ts`):
 *
 * ```
 * DIR/federation-manifest.json        what the next run compares with
 * DIR/<engine>/index.json | schema.json   the shipped mapping (OpenSearch) or schema (Solr)
 * DIR/<engine>/documents/<profile>.<n>.<ext>   every document of a jurisdiction
 * DIR/<engine>/links/links.<n>.<ext>  "also published by" of documents kept whose links changed
 * DIR/<engine>/delta/delete.<n>.<ext>, update.<n>.<ext>   since the last run, for a running engine
 * ```
 *
 * A full load: the documents, then the links. An update of a running engine: the delta's
 * deletions, then its updates (documents added or changed, and links changed).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import type { Input } from '../../engine/run.js';
import type { Lang } from '../../core/lang.js';
import { jsonText } from '../../util/escape.js';
import type { Entry } from '../federate.js';
import { FederationUpdate, MANIFEST_FILE, type UpdateOptions } from '../incremental.js';
import { ENGINES, type EngineName } from './engines.js';
import { flatten } from './flatten.js';
import { Parts, removeSeries } from './parts.js';

/** The mapping or schema each engine's documents follow, shipped in the package's `search/`. */
export const SHIPPED_SCHEMAS: Record<EngineName, string> = {
  opensearch: join(PACKAGE_ROOT, 'search', 'opensearch', 'index.json'),
  solr: join(PACKAGE_ROOT, 'search', 'solr', 'schema.json'),
};

export interface EngineRun {
  /** What changed, a line per jurisdiction, in the run's language. */
  lines: string[];
  /** Documents the folder holds now, per jurisdiction, in input order. */
  jurisdictions: { profile: string; documents: number; read: boolean }[];
  /** Records that could not be read, in the jurisdictions read. */
  rejected: Entry[];
}

export async function writeEngineFiles(
  dir: string,
  inputs: readonly (string | Input)[],
  options: Omit<UpdateOptions, 'format'> & { format: EngineName; lang?: Lang },
): Promise<EngineRun> {
  const engine = ENGINES[options.format];
  const root = join(dir, engine.name);
  const [docs, linksDir, delta] = ['documents', 'links', 'delta'].map((d) => join(root, d));
  for (const d of [docs, linksDir, delta]) mkdirSync(d, { recursive: true });
  copyFileSync(SHIPPED_SCHEMAS[engine.name], join(root, basename(SHIPPED_SCHEMAS[engine.name])));

  const update = await openUpdate(dir, root, inputs, options);

  for (const series of ['delete', 'update']) removeSeries(delta, series, engine.ext);
  const deletions = new Parts(delta, 'delete', engine.ext, engine.deletions);
  const updates = new Parts(delta, 'update', engine.ext, engine.documents);
  const rejected: Entry[] = [];
  for (const profile of update.read) {
    removeSeries(docs, profile, engine.ext);
    const parts = new Parts(docs, profile, engine.ext, engine.documents);
    for await (const { document, status } of update.documents(profile)) {
      const text = engine.index(flatten(document));
      parts.add(text);
      if (status !== 'unchanged') updates.add(text);
    }
    update.setOutputs(
      profile,
      parts.close().map((n) => `documents/${n}`),
    );
    for (const id of update.removed(profile)) deletions.add(engine.delete(id));
    rejected.push(...(update.federation(profile)?.entries.filter((e) => !e.iri) ?? []));
  }
  for (const profile of update.dropped) {
    removeSeries(docs, profile, engine.ext);
    for (const id of update.removed(profile)) deletions.add(engine.delete(id));
  }
  for (const c of update.linkChanges()) updates.add(engine.links(c.id, c.links));
  deletions.close();
  updates.close();

  removeSeries(linksDir, 'links', engine.ext);
  const links = new Parts(linksDir, 'links', engine.ext, engine.documents);
  for (const s of update.staleLinks()) links.add(engine.links(s.id, s.links));
  links.close();

  return finish(dir, update, options.lang, rejected);
}

/** The update of a folder, scanned; a jurisdiction whose files are gone is written again. */
export async function openUpdate(
  dir: string,
  root: string,
  inputs: readonly (string | Input)[],
  options: UpdateOptions,
): Promise<FederationUpdate> {
  const update = await FederationUpdate.open(join(dir, MANIFEST_FILE), inputs, options);
  for (const j of update.jurisdictions)
    if (update.outputsOf(j.profile).some((f) => !existsSync(join(root, f))))
      update.readAgain(j.profile);
  await update.scan();
  return update;
}

/** Saves the manifest (last: a run stopped before is read again next time) and says what changed. */
export function finish(
  dir: string,
  update: FederationUpdate,
  lang: Lang | undefined,
  rejected: Entry[],
): EngineRun {
  const manifest = update.manifest();
  const file = join(dir, MANIFEST_FILE);
  writeFileSync(`${file}.${process.pid}.tmp`, jsonText(manifest));
  renameSync(`${file}.${process.pid}.tmp`, file);
  return {
    lines: update.report(lang ?? 'en'),
    jurisdictions: update.jurisdictions.map((j) => ({
      profile: j.profile,
      documents: Object.keys(manifest.jurisdictions[j.profile]?.documents ?? {}).length,
      read: j.read,
    })),
    rejected,
  };
}
