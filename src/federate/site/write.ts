/**
 * The static search site (`federate --to site --output DIR`): a page, its script and style, the
 * search library's browser build, and the data as classic scripts that register themselves
 * (`passerelle.catalogue(…)`, `passerelle.chunk(…)`), so that it works from `file://` (where
 * Chromium refuses fetch() and module imports) as from any static host.
 *
 *   DIR/index.html                      the page (UI in English and French)
 *   DIR/assets/                         site.js, site.css, the search library (copied from node_modules)
 *   DIR/data/catalogue.js               jurisdictions, their chunks, facet labels, totals (shared)
 *   DIR/data/<jurisdiction>/<n>.js      that jurisdiction's search documents and their MiniSearch
 *                                       index, ≤ CHUNK_BYTES each
 *   DIR/data/<jurisdiction>/manifest.json  what catalogue.js says of it, read back by writeShared
 *   DIR/data/links.js                   "also published by" of every dataset with copies in
 *                                       other jurisdictions (shared)
 *   DIR/federation-manifest.json        what the next run compares with (../kept.ts); not loaded
 *
 * Two entry points for the incremental layer (site.ts): `writeJurisdiction` rewrites one
 * jurisdiction's folder from its documents (the others untouched); `writeShared` rewrites the
 * shared files from the manifests of every folder under data/ and the federation's links.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LangText } from '../../core/lang.js';
import { jsonText } from '../../util/escape.js';
import { UsageError } from '../../util/errors.js';
import type { SearchDocument } from '../document.js';
import { siteRecord, type SiteRecord } from './record.js';
import { foldTerm, SEARCH_FIELDS, searchRow } from './terms.js';
import MiniSearch from 'minisearch';

/** A chunk's largest size: a 100,000-record catalogue loads in steps a first result needs only one of. */
export const CHUNK_BYTES = 2_000_000;
/**
 * A chunk's index is a fraction of its records' JSON (a little over a quarter on generated
 * open.canada.ca records: docs/performance.md); records are gathered up to this share of a chunk,
 * and a chunk that still comes out too large is cut in two.
 */
const RECORD_SHARE = 0.7;

export interface JurisdictionInfo {
  /** Profile id (`ca-ab`): the folder's name under data/. */
  id: string;
  /** The jurisdiction's name (the profile's `jurisdiction.name`, else its name). */
  name: LangText;
  /** The profile's name: tells apart two sources of one jurisdiction (open.canada.ca and HNAP). */
  source?: LangText;
  level?: string;
  /** The source portal. */
  portal?: string;
}

export interface ChunkInfo {
  /** Path under DIR (`data/ca-ab/0.js`). */
  file: string;
  records: number;
  bytes: number;
}

export interface JurisdictionManifest extends JurisdictionInfo {
  records: number;
  chunks: ChunkInfo[];
  /** The codes its records use, so that the shared file labels only those. */
  codes: { themes: string[]; highValue: string[]; licences: string[]; rules: string[] };
}

const sorted = (s: Set<string>): string[] => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Writes one jurisdiction's folder record by record: chunks are written as they fill, into a
 * temporary folder that replaces data/<id>/ on `close()` (a failed run leaves the old one).
 */
export class JurisdictionWriter {
  private readonly tmp: string;
  private readonly chunks: ChunkInfo[] = [];
  private lines: string[] = [];
  private pending: SiteRecord[] = [];
  private bytes = 0;
  private records = 0;
  private readonly codes = {
    themes: new Set<string>(),
    highValue: new Set<string>(),
    licences: new Set<string>(),
    rules: new Set<string>(),
  };

  constructor(
    private readonly dir: string,
    private readonly info: JurisdictionInfo,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(info.id))
      throw new UsageError(
        `jurisdiction id ${JSON.stringify(info.id)} cannot name a folder of the site (lower-case letters, digits and hyphens)`,
        `l'identifiant d'administration ${JSON.stringify(info.id)} ne peut pas nommer un dossier du site (minuscules, chiffres et traits d'union)`,
      );
    mkdirSync(join(dir, 'data'), { recursive: true });
    this.tmp = join(dir, 'data', `.${info.id}.${process.pid}.tmp`);
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(this.tmp);
  }

  add(doc: SearchDocument): void {
    const r: SiteRecord = siteRecord(doc);
    for (const t of r.themes) this.codes.themes.add(t);
    for (const h of r.highValue) this.codes.highValue.add(h);
    for (const l of r.licences) this.codes.licences.add(l);
    for (const q of r.quality.rules) this.codes.rules.add(q);
    const line = jsonText(r);
    const size = Buffer.byteLength(line) + 2;
    if (this.lines.length && this.bytes + size > this.chunkBytes * RECORD_SHARE) this.flush();
    this.lines.push(line);
    this.pending.push(r);
    this.bytes += size;
    this.records++;
  }

  private flush(): void {
    this.writeChunk(this.pending, this.lines);
    this.pending = [];
    this.lines = [];
    this.bytes = 0;
  }

  /** One chunk file, or two halves when records and index come out larger than a chunk. */
  private writeChunk(records: SiteRecord[], lines: string[]): void {
    const text = chunkText(this.info.id, this.chunks.length, records, lines);
    const bytes = Buffer.byteLength(text);
    if (bytes > this.chunkBytes && records.length > 1) {
      const half = Math.ceil(records.length / 2);
      this.writeChunk(records.slice(0, half), lines.slice(0, half));
      this.writeChunk(records.slice(half), lines.slice(half));
      return;
    }
    const n = this.chunks.length;
    writeFileSync(join(this.tmp, `${n}.js`), text);
    this.chunks.push({ file: `data/${this.info.id}/${n}.js`, records: records.length, bytes });
  }

  close(): JurisdictionManifest {
    if (this.lines.length) this.flush();
    const manifest: JurisdictionManifest = {
      ...this.info,
      records: this.records,
      chunks: this.chunks,
      codes: {
        themes: sorted(this.codes.themes),
        highValue: sorted(this.codes.highValue),
        licences: sorted(this.codes.licences),
        rules: sorted(this.codes.rules),
      },
    };
    writeFileSync(join(this.tmp, 'manifest.json'), `${jsonText(manifest, 2)}\n`);
    const final = join(this.dir, 'data', this.info.id);
    rmSync(final, { recursive: true, force: true });
    renameSync(this.tmp, final);
    return manifest;
  }

  abort(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** The options the page gives MiniSearch too (with the same `foldTerm`). */
export const INDEX_OPTIONS = { fields: [...SEARCH_FIELDS], processTerm: foldTerm };

/**
 * A chunk: `passerelle.chunk(jurisdiction, n, records, index)`, the index MiniSearch's own
 * serialization of the chunk's records (ids: places in the chunk), loaded with `loadJS`.
 */
function chunkText(id: string, n: number, records: SiteRecord[], lines: string[]): string {
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(records.map(searchRow));
  return `passerelle.chunk(${jsonText(id)},${n},[\n${lines.join(',\n')}\n],\n${jsonText(index.toJSON())});\n`;
}

/** One jurisdiction's folder from its documents (the incremental layer's entry point). */
export async function writeJurisdiction(
  dir: string,
  info: JurisdictionInfo,
  documents: Iterable<SearchDocument> | AsyncIterable<SearchDocument>,
): Promise<JurisdictionManifest> {
  const w = new JurisdictionWriter(dir, info);
  try {
    for await (const d of documents) w.add(d);
  } catch (e) {
    w.abort();
    throw e;
  }
  return w.close();
}

/** The jurisdiction folders under DIR/data (those with a manifest), in name order. */
export function jurisdictionFolders(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'data'), { withFileTypes: true })
      .filter(
        (e) =>
          e.isDirectory() &&
          !e.name.startsWith('.') &&
          existsSync(join(dir, 'data', e.name, 'manifest.json')),
      )
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The manifests of every jurisdiction folder under DIR/data, in id order. */
export function readManifests(dir: string): JurisdictionManifest[] {
  const out: JurisdictionManifest[] = [];
  for (const n of jurisdictionFolders(dir)) {
    try {
      out.push(JSON.parse(readFileSync(join(dir, 'data', n, 'manifest.json'), 'utf8')));
    } catch {
      // a folder whose manifest cannot be read is not a jurisdiction of the site
    }
  }
  return out;
}

/** Refuses to write into a folder that holds something other than a site: its files would be mixed with ours. */
export function requireSiteFolder(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') return;
    throw new UsageError(
      `--output ${dir}: a site is a folder, and this is a file`,
      `--output ${dir} : un site est un dossier, et ceci est un fichier`,
    );
  }
  if (!entries.length) return;
  let site = false;
  try {
    site = readFileSync(join(dir, 'data', 'catalogue.js'), 'utf8').startsWith(
      'passerelle.catalogue(',
    );
  } catch {
    site = false;
  }
  if (!site)
    throw new UsageError(
      `--output ${dir}: the folder is not empty and holds no Passerelle search site; give an empty or new folder`,
      `--output ${dir} : le dossier n'est pas vide et ne contient pas de site de recherche Passerelle ; donnez un dossier vide ou nouveau`,
    );
}
