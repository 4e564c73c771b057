/**
 * `passerelle harvest`: a portal's catalogue fetched page by page into a snapshot folder
 * (src/sources/snapshot.ts) that every other command reads. The manifest is rewritten (atomically)
 * after each page, so an interrupted harvest resumes where it stopped: no page fetched twice, no
 * record written twice (records are deduplicated by id, with a count). When the portal's total
 * changed during the walk, or fewer records were written than it reports, pages have shifted: the
 * pages are walked once more and the records missed are added (`recovered`). A later harvest into
 * the same folder asks each page with If-None-Match / If-Modified-Since and keeps a page the
 * portal says has not changed (304).
 */
import type { Bilingual } from '../core/lang.js';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { constants } from 'node:buffer';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  MANIFEST_FILE,
  RECORDS_DIR,
  readManifest,
  SNAPSHOT_FORMAT,
  type SnapshotManifest,
  type SnapshotPage,
} from '../sources/snapshot.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import {
  failureOf,
  FatalHttpError,
  HttpClient,
  RetryableError,
  type Fetched,
  type HttpOptions,
} from './http.js';
import type { ApiKind, Portal, PortalApi } from './portals.js';
import {
  type Cursor,
  type Page,
  type PageRecord,
  type Protocol,
  protocolFor,
} from './protocols.js';
import { dcatAp, rdfPageText, type RdfPage } from './dcat.js';

export interface HarvestOptions extends HttpOptions {
  out: string;
  api: PortalApi;
  portal?: Portal;
  /** The profile of the records, when no portal names it. */
  profile?: string;
  /** Pages fetched at most in this run (a bound; default 100,000). */
  maxPages?: number;
  /** Called after each page, for a progress display. */
  onPage?(page: SnapshotPage, m: SnapshotManifest): void;
  /** Aborted (Ctrl-C): the harvest stops after the page being fetched, the manifest saved. */
  signal?: AbortSignal;
}

const now = (): string => new Date().toISOString();
const MiB = 1024 * 1024;
/** Pages in a row with no new record (first walk) before the portal is taken to ignore paging. */
const MAX_STALE_PAGES = 3;

/**
 * Writes a file whole or not at all: a temporary file created afresh, then renamed. Its name starts
 * with a dot, so that no reader takes one left by a killed run for records.
 */
function writeAtomic(file: string, data: Buffer | string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    unlinkSync(tmp); // a stale one (a killed run), or a link put there: never written through
  } catch {
    // none
  }
  writeFileSync(tmp, data, { flag: 'wx' });
  renameSync(tmp, file);
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The ids of the records of a page file already written (resume, and a page kept by a 304). */
function idsInFile(file: string): string[] {
  const bytes = gunzipSync(readFileSync(file));
  if (file.endsWith('.nt.gz'))
    return [...bytes.toString('utf8').matchAll(DATASET_LINE)].map((m) => m[1]);
  if (file.endsWith('.xml.gz'))
    return [...bytes.toString('utf8').matchAll(FILE_ID)].map((m) => m[1].trim());
  const ids: string[] = [];
  for (const line of linesOf(bytes)) {
    try {
      const r = JSON.parse(line) as Record<string, unknown>;
      const id = [r.id, r.name, r.identifier, r['@id']].find((v) => typeof v === 'string' && v);
      if (id) ids.push(id as string);
    } catch {
      // a bad line the portal gave, written as it was: it has no id to remember
    }
  }
  return ids;
}

/** The non-blank lines of UTF-8 bytes, each its own string (all of them would not fit in one). */
function* linesOf(bytes: Buffer): Generator<string> {
  for (let from = 0; from < bytes.length; ) {
    const end = bytes.indexOf(0x0a, from);
    const line = bytes.toString('utf8', from, end < 0 ? bytes.length : end);
    from = end < 0 ? bytes.length : end + 1;
    if (line.trim()) yield line;
  }
}

const FILE_ID = /fileIdentifier>\s*<[\w.-]*:?CharacterString>([^<]*)</g;
const CSW_NS = 'http://www.opengis.net/cat/csw/2.0.2';
const DATASET_LINE =
  /^<([^>]+)> <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> <http:\/\/www\.w3\.org\/ns\/dcat#Dataset> \.$/gm;
const EXTENSION = { jsonl: 'jsonl', xml: 'xml', rdf: 'nt' } as const;

/** A page's new records as the file Passerelle reads: gzipped JSON Lines, or a CSW answer. */
function pageFile(p: Protocol, records: PageRecord[], page: Page): Buffer {
  // one Buffer per line: a bulk export's lines together would not fit in one string
  if (p.format === 'jsonl')
    return gzipSync(Buffer.concat(records.map((r) => Buffer.from(`${r.text}\n`))));
  if (p.format === 'rdf') {
    // the datasets an earlier page gave are left out of this one
    return gzipSync(rdfPageText(page as RdfPage, new Set(records.map((r) => r.id))));
  }
  const ns = (page.namespaces ?? '')
    .split(/(?=\sxmlns)/)
    .filter((d) => d.trim() && !/^\s*xmlns(:csw)?=/.test(d))
    .join('');
  return gzipSync(
    `<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="${CSW_NS}"${ns}>\n` +
      `<csw:SearchResults numberOfRecordsReturned="${records.length}">\n${records.map((r) => r.text).join('\n')}\n` +
      '</csw:SearchResults>\n</csw:GetRecordsResponse>\n',
  );
}

class Harvest {
  readonly m: SnapshotManifest;
  /** This run's failures in both languages (the manifest keeps them in English). */
  readonly failures: Bilingual[] = [];
  private readonly seen = new Set<string>();
  private readonly previous = new Map<string, SnapshotPage>();
  private readonly http: HttpClient;
  private readonly records: string;
  private pagesThisRun = 0;

  constructor(
    private readonly o: HarvestOptions,
    private readonly p: Protocol,
    old: SnapshotManifest | undefined,
  ) {
    this.http = new HttpClient({
      ...o,
      requestsPerSecond: o.requestsPerSecond ?? o.portal?.rate?.requestsPerSecond,
    });
    this.records = join(o.out, RECORDS_DIR);
    const resuming = old !== undefined && !old.complete;
    if (resuming) {
      this.m = { ...old, failures: [], updated: now() };
      for (const pg of old.pages)
        if (pg.file) for (const id of idsInFile(join(this.records, pg.file))) this.seen.add(id);
    } else {
      for (const pg of old?.pages ?? []) if (pg.file) this.previous.set(pg.url, pg);
      this.m = {
        format: SNAPSHOT_FORMAT,
        ...(o.portal ? { portal: o.portal.id } : {}),
        ...((o.profile ?? o.portal?.profile) ? { profile: o.profile ?? o.portal?.profile } : {}),
        api: {
          kind: o.api.kind,
          url: o.api.url,
          ...(o.api.pageSize ? { pageSize: o.api.pageSize } : {}),
        },
        userAgent: this.http.userAgent,
        started: now(),
        updated: now(),
        complete: false,
        written: 0,
        duplicates: 0,
        recovered: 0,
        requests: 0,
        retries: 0,
        notModified: 0,
        failures: [],
        pages: [],
      };
    }
  }

  save(): void {
    this.m.updated = now();
    this.m.requests += this.http.stats.requests;
    this.m.retries += this.http.stats.retries;
    this.http.stats.requests = 0;
    this.http.stats.retries = 0;
    writeAtomic(join(this.o.out, MANIFEST_FILE), `${JSON.stringify(this.m, null, 1)}\n`);
  }

  /** Both walks, from where the manifest says; false when stopped before the end. */
  async run(): Promise<boolean> {
    if (!this.m.pass) this.m.pass = 1;
    let cursor = (this.m.cursor as Cursor | undefined) ?? this.p.first;
    for (;;) {
      const done = await this.walk(cursor);
      if (!done) return false;
      const shifted =
        this.m.reported !== undefined &&
        (this.m.reported !== this.m.reportedFirst || this.m.written < this.m.reported);
      // one document (data.json, a bulk export) cannot shift between pages
      const single = this.p.kind === 'data-json' || this.p.kind === 'ckan-bulk';
      if (this.m.pass >= 2 || !shifted || single) break;
      this.m.pass = 2;
      cursor = this.p.first;
    }
    this.m.cursor = undefined;
    return true;
  }

  /** Pages from `cursor` to the last; false when stopped (a failure, the page bound, Ctrl-C). */
  private async walk(start: Cursor): Promise<boolean> {
    let cursor: Cursor | undefined = start;
    // a portal that ignores paging gives the same page for ever: the walk ends on a URL met before,
    // and fails after pages that bring nothing new
    const visited = new Set<string>();
    let stale = 0;
    while (cursor) {
      if (this.o.signal?.aborted || this.pagesThisRun >= (this.o.maxPages ?? 100_000)) {
        this.m.cursor = cursor;
        return false;
      }
      const url = this.p.url(cursor);
      if (visited.has(url)) break;
      visited.add(url);
      try {
        cursor = await this.page(cursor);
        const last = this.m.pages[this.m.pages.length - 1];
        stale = last.received > 0 && last.written === 0 && this.m.pass === 1 ? stale + 1 : 0;
        if (stale >= MAX_STALE_PAGES)
          throw new FatalHttpError(
            `${MAX_STALE_PAGES} pages in a row brought no new record: the portal seems to ignore paging (${url})`,
            `${MAX_STALE_PAGES} pages de suite n’ont apporté aucune fiche nouvelle : le portail semble ignorer la pagination (${url})`,
          );
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        this.m.failures.push(e.message);
        this.failures.push(failureOf(e));
        this.m.cursor = cursor;
        this.save();
        return false;
      }
      this.m.cursor = cursor;
      this.save();
    }
    return true;
  }

  /** One page fetched, its new records written, the manifest told; the next page's cursor. */
  private async page(cursor: Cursor): Promise<Cursor | undefined> {
    const url = this.p.url(cursor);
    const before = this.previous.get(url);
    const headers: Record<string, string> = {};
    if (before?.etag) headers['if-none-match'] = before.etag;
    if (before?.lastModified) headers['if-modified-since'] = before.lastModified;
    let parsed: Page | undefined;
    const f = await this.http.get(url, headers, async (got: Fetched) => {
      parsed = await this.p.parse(got.body, cursor, url);
    });
    this.pagesThisRun++;
    const n = this.m.pages.length + 1;
    if (f.status === 304) {
      if (before?.file) return this.kept(before, n, f);
      throw new FatalHttpError(
        `${url}: 304 Not Modified to a request that was not conditional`,
        `${url} : 304 Not Modified en réponse à une requête qui n’était pas conditionnelle`,
      );
    }
    const page = parsed as Page;
    if (page.total !== undefined) {
      this.m.reportedFirst ??= page.total;
      this.m.reported = page.total;
    }
    const fresh: PageRecord[] = [];
    for (const r of page.records) {
      if (this.seen.has(r.id)) {
        if (this.m.pass === 1) this.m.duplicates++;
        continue;
      }
      this.seen.add(r.id);
      fresh.push(r);
    }
    const entry: SnapshotPage = {
      n,
      url,
      status: f.status,
      ...(f.etag ? { etag: f.etag } : {}),
      ...(f.lastModified ? { lastModified: f.lastModified } : {}),
      received: page.records.length,
      written: fresh.length,
      fetched: now(),
      ...(page.total !== undefined ? { total: page.total } : {}),
      ...(page.next ? { next: page.next } : {}),
      ...(this.m.pass === 2 ? { pass: 2 } : {}),
    };
    if (fresh.length > 0) {
      const file = `page-${String(n).padStart(5, '0')}.${EXTENSION[this.p.format]}.gz`;
      const data = pageFile(this.p, fresh, page);
      writeAtomic(join(this.records, file), data);
      Object.assign(entry, { file, sha256: sha256(data), bytes: data.length });
    }
    this.m.written += fresh.length;
    if (this.m.pass === 2) this.m.recovered += fresh.length;
    this.m.pages.push(entry);
    this.o.onPage?.(entry, this.m);
    return page.next;
  }

  /** A page the portal says has not changed since the last harvest: its file kept as it was. */
  private kept(before: SnapshotPage, n: number, f: Fetched): Cursor | undefined {
    const file = before.file as string;
    let written = 0;
    for (const id of idsInFile(join(this.records, file)))
      if (!this.seen.has(id)) {
        this.seen.add(id);
        written++;
      }
    this.m.notModified++;
    this.m.written += written;
    if (before.total !== undefined) {
      this.m.reportedFirst ??= before.total;
      this.m.reported = before.total;
    }
    const entry: SnapshotPage = { ...before, n, status: f.status, written, fetched: now() };
    this.m.pages.push(entry);
    this.o.onPage?.(entry, this.m);
    return before.next as Cursor | undefined;
  }

  /** Files of an earlier harvest that this one no longer lists. */
  prune(): void {
    const kept = new Set(this.m.pages.map((p) => p.file));
    for (const name of readdirSync(this.records))
      if (/^page-\d+\./.test(name) && !kept.has(name)) rmSync(join(this.records, name));
  }
}

/** The folder to write into: new, empty, or a snapshot of the same API (resumed or renewed). */
function prepareOut(out: string, api: PortalApi): SnapshotManifest | undefined {
  const shown = relativeToCwd(out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw new UsageError(`${shown}: not a folder`, `${shown} : pas un dossier`);
    const old = readManifest(out);
    if (!old && readdirSync(out).length > 0)
      throw new UsageError(
        `${shown}: not empty and not a harvest snapshot (choose another --out)`,
        `${shown} : ni vide ni instantané de moisson (choisissez un autre --out)`,
      );
    if (old && (old.api.kind !== api.kind || old.api.url !== api.url))
      throw new UsageError(
        `${shown}: holds a harvest of ${old.api.url} (${old.api.kind}); choose another --out`,
        `${shown} : contient une moisson de ${old.api.url} (${old.api.kind}) ; choisissez un autre --out`,
      );
    mkdirSync(join(out, RECORDS_DIR), { recursive: true });
    return old;
  }
  mkdirSync(join(out, RECORDS_DIR), { recursive: true });
  return undefined;
}

/** A harvest's outcome: the manifest, whether it resumed an interrupted one, and this run's failures in both languages. */
export interface HarvestResult {
  manifest: SnapshotManifest;
  resumed: boolean;
  failures: Bilingual[];
}

export async function harvest(o: HarvestOptions): Promise<HarvestResult> {
  const protocol =
    protocolFor(o.api.kind, o.api.url, o.api.pageSize) ??
    (o.api.kind === 'dcat-ap'
      ? dcatAp(o.api.url)
      : bulkProtocol(
          o.api.kind,
          o.api.url,
          Math.min(16 * (o.maxBytes ?? 256 * MiB), constants.MAX_LENGTH),
        ));
  const old = prepareOut(o.out, o.api);
  const h = new Harvest(o, protocol, old);
  const resumed = old !== undefined && !old.complete;
  const complete = await h.run();
  if (complete) {
    h.m.complete = true;
    h.m.finished = now();
    h.prune();
  }
  h.save();
  return { manifest: h.m, resumed, failures: h.failures };
}

/**
 * A catalogue published as one JSON Lines file (open.canada.ca's bulk export): one page, its
 * records counted and deduplicated like any page's. Read line by line from the bytes: the whole
 * text of a large export would not fit in one string. Decompressed, at most `maxText` bytes.
 */
function bulkProtocol(kind: ApiKind, url: string, maxText: number): Protocol {
  if (kind !== 'ckan-bulk')
    throw new FatalHttpError(
      `the ${kind} protocol is not supported yet`,
      `le protocole ${kind} n’est pas encore pris en charge`,
    );
  return {
    kind,
    format: 'jsonl',
    first: { url },
    url: (c) => (c as { url: string }).url,
    parse(body, _c, at) {
      let bytes = body;
      if (body[0] === 0x1f && body[1] === 0x8b)
        try {
          bytes = gunzipSync(body, { maxOutputLength: maxText });
        } catch (e) {
          const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
          throw new RetryableError(
            `${at}: ${(e as Error).message}`,
            `${at} : décompression impossible (${why})`,
          );
        }
      const records: PageRecord[] = [];
      let i = 0;
      for (const line of linesOf(bytes)) {
        i++;
        let id: unknown;
        try {
          const r = JSON.parse(line) as Record<string, unknown>;
          id = typeof r.id === 'string' ? r.id : r.name;
        } catch {
          // a bad line is written as it is: validate reports it at its line
        }
        records.push({ id: typeof id === 'string' ? id : `${at}#${i}`, text: line });
      }
      return { records };
    },
  };
}
