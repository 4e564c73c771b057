/**
 * `federate --to nquads --output DIR` when DIR is a folder: the federation as N-Quads files a
 * SPARQL store loads, one per named graph, kept up to date per jurisdiction like the engines'
 * documents (`../kept.ts`):
 *
 * ```
 * DIR/federation-manifest.json
 * DIR/nquads/<profile>.nq     graph <the jurisdiction's catalogue>: its catalogue and records
 * DIR/nquads/catalogue.nq     graph <base>catalogue: the federated catalogue and its list of jurisdictions
 * DIR/nquads/links.nq         graph <base>links: duplicates linked to their primary
 * DIR/nquads/update.ru        SPARQL Update: the graphs this run rewrote, dropped and inserted again
 * ```
 *
 * The duplicate links have a graph of their own so that a new harvest of one jurisdiction replaces
 * its graph and the links graph, never another jurisdiction's.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Input } from '../../engine/run.js';
import type { Lang } from '../../core/lang.js';
import { lineText, type RdfWriter } from '../../rdf/write.js';
import { factory } from '../../rdf/terms.js';
import { Federation } from '../federate.js';
import type { UpdateOptions } from '../incremental.js';
import { updateFolder, type FolderRun } from '../kept.js';

/** A file written beside its name and renamed once complete. */
class FileOut {
  private readonly tmp: string;
  private readonly fd: number;
  constructor(private readonly file: string) {
    this.tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    this.fd = openSync(this.tmp, 'wx');
  }
  write(text: string): void {
    if (text) writeSync(this.fd, text);
  }
  close(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
  }
}

/** N-Quads to a file, the same statements as N-Triples to the update script's INSERT DATA. */
function teeWriter(script: FileOut): RdfWriter {
  return {
    format: 'nquads',
    quads: true,
    start: () => '',
    write: async (quads) => {
      // the graph is the block's, around them
      script.write(lineText(quads.map((q) => factory.quad(q.subject, q.predicate, q.object))));
      return lineText(quads, true);
    },
    end: () => '',
  };
}

async function writeGraph(
  file: string,
  graph: string,
  script: FileOut,
  chunks: (w: RdfWriter) => AsyncGenerator<string>,
): Promise<void> {
  const out = new FileOut(file);
  script.write(`  GRAPH <${graph}> {\n`);
  for await (const chunk of chunks(teeWriter(script))) out.write(chunk);
  script.write('  }\n');
  out.close();
}

export async function writeGraphFiles(
  dir: string,
  inputs: readonly (string | Input)[],
  options: Omit<UpdateOptions, 'format'> & { lang?: Lang },
): Promise<FolderRun> {
  const root = join(dir, 'nquads');
  mkdirSync(root, { recursive: true });
  return updateFolder(dir, root, inputs, { ...options, format: 'nquads' }, (update) => {
    // the whole federation's profiles, for its catalogue (nothing is read for it)
    const all = new Federation(
      update.jurisdictions.flatMap((j) => j.inputs),
      options,
    );
    const replaced = [
      ...update.read.map((p) => all.catalogueOf(p)),
      ...update.dropped.flatMap((p) => update.previousCatalogue(p) ?? []),
      all.catalogue,
      all.linksGraph,
    ];
    const script = new FileOut(join(root, 'update.ru'));
    script.write(replaced.map((g) => `DROP SILENT GRAPH <${g}> ;\n`).join(''));
    script.write('INSERT DATA {\n');
    return {
      // the documents give the statuses and the manifest's hashes; the graph is the records' RDF
      open: (profile) => ({
        add() {},
        async close() {
          const f = update.federation(profile) as Federation;
          await writeGraph(join(root, `${profile}.nq`), all.catalogueOf(profile), script, (w) =>
            f.rdf(w, { catalogues: 'jurisdictions', linksOf: update.linksOf(profile) }),
          );
          return [`${profile}.nq`];
        },
      }),
      drop: (p) => rmSync(join(root, `${p}.nq`), { force: true }),
      async end() {
        await writeGraph(join(root, 'catalogue.nq'), all.catalogue, script, (w) =>
          all.rdf(w, { catalogues: 'federation', records: false }),
        );
        await writeGraph(join(root, 'links.nq'), all.linksGraph, script, (w) =>
          all.linksRdf(w, update.links()),
        );
        script.write('}\n');
        script.close();
      },
    };
  });
}
