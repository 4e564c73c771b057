/**
 * `federate --to solr|opensearch --output DIR`: the search documents of a federation as files an
 * engine loads, kept per jurisdiction and updated incrementally (`../kept.ts`):
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
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import type { Input } from '../../engine/run.js';
import type { Lang } from '../../core/lang.js';
import type { UpdateOptions } from '../incremental.js';
import { updateFolder, type FolderRun } from '../kept.js';
import { ENGINES, type EngineName } from './engines.js';
import { flatten } from './flatten.js';
import { Parts, removeSeries } from './parts.js';

/** The mapping or schema each engine's documents follow, shipped in the package's `search/`. */
export const SHIPPED_SCHEMAS: Record<EngineName, string> = {
  opensearch: join(PACKAGE_ROOT, 'search', 'opensearch', 'index.json'),
  solr: join(PACKAGE_ROOT, 'search', 'solr', 'schema.json'),
};

export type EngineRun = FolderRun;

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

  return updateFolder(dir, root, inputs, options, (update) => {
    for (const series of ['delete', 'update']) removeSeries(delta, series, engine.ext);
    const deletions = new Parts(delta, 'delete', engine.ext, engine.deletions);
    const updates = new Parts(delta, 'update', engine.ext, engine.documents);
    return {
      open(profile) {
        removeSeries(docs, profile, engine.ext);
        const parts = new Parts(docs, profile, engine.ext, engine.documents);
        return {
          add(document, status) {
            const text = engine.index(flatten(document));
            parts.add(text);
            if (status !== 'unchanged') updates.add(text);
          },
          close: () => parts.close().map((n) => `documents/${n}`),
        };
      },
      drop: (profile) => removeSeries(docs, profile, engine.ext),
      removed: (id) => deletions.add(engine.delete(id)),
      end() {
        for (const c of update.linkChanges()) updates.add(engine.links(c.id, c.links));
        deletions.close();
        updates.close();
        removeSeries(linksDir, 'links', engine.ext);
        const links = new Parts(linksDir, 'links', engine.ext, engine.documents);
        for (const s of update.staleLinks()) links.add(engine.links(s.id, s.links));
        links.close();
      },
    };
  });
}
