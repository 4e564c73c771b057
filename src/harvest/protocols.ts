/**
 * The protocols a portal speaks, each as: the URL of a page from a cursor, and what a page holds
 * (its records with their ids, the total the portal reports, the cursor of the next page). A body
 * that does not parse is a RetryableError: asked again, it is often whole.
 */
import { SaxesParser } from 'saxes';
import { linearNamespaces } from '../util/saxes.js';
import { FatalHttpError, RetryableError } from './http.js';
import { jsonErrorReason } from '../i18n/read-errors.js';
import type { ApiKind } from './portals.js';

/** Where the next page starts: an offset, a page number, or a URL the portal gave. */
export type Cursor = { start: number } | { page: number } | { url: string };

export interface PageRecord {
  id: string;
  /** The record as written to the snapshot: one JSON line, or one XML element. */
  text: string;
}

export interface Page {
  records: PageRecord[];
  /** The number of records the portal says it has, when it says. */
  total?: number;
  next?: Cursor;
  /** XML pages: the root element's namespace declarations, to write the records with. */
  namespaces?: string;
}

export interface Protocol {
  kind: ApiKind;
  /** What the snapshot's page files are: JSON Lines, XML, or N-Triples. */
  format: 'jsonl' | 'xml' | 'rdf';
  first: Cursor;
  url(c: Cursor): string;
  parse(body: Buffer, c: Cursor, url: string): Page | Promise<Page>;
}

const idOf = (r: unknown, keys: string[]): string | undefined => {
  if (!r || typeof r !== 'object') return undefined;
  for (const k of keys) {
    const v = (r as Record<string, unknown>)[k];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
};

function json(body: Buffer, url: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new RetryableError(
      `${url}: not valid JSON (${(e as Error).message})`,
      `${url} : JSON non valide (${jsonErrorReason(e as Error).fr})`,
    );
  }
}

/** Records of a JSON page, each with its id (`keys` in order) or, failing one, its place. */
function jsonRecords(list: unknown[], keys: string[], url: string): PageRecord[] {
  return list.map((r, i) => ({
    id: idOf(r, keys) ?? `${url}#${i}`,
    text: JSON.stringify(r),
  }));
}

const withQuery = (base: string, params: Record<string, string | number>): string => {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
  return u.href;
};

/**
 * CKAN action API: package_search paged by rows and start, sorted by creation date then id, so that
 * a record published during the harvest lands on the last page instead of shifting the others.
 */
function ckan(base: string, rows: number): Protocol {
  return {
    kind: 'ckan',
    format: 'jsonl',
    first: { start: 0 },
    url: (c) =>
      withQuery(`${base.replace(/\/$/, '')}/package_search`, {
        rows,
        start: (c as { start: number }).start,
        sort: 'metadata_created asc, id asc',
        include_private: 'false',
      }),
    parse(body, c, url) {
      const doc = json(body, url) as {
        success?: boolean;
        result?: { count?: number; results?: unknown };
      };
      const results = doc?.result?.results;
      if (doc?.success !== true || !Array.isArray(results))
        throw new RetryableError(
          `${url}: not a CKAN package_search answer`,
          `${url} : pas une réponse package_search de CKAN`,
        );
      const start = (c as { start: number }).start;
      const total = typeof doc.result?.count === 'number' ? doc.result.count : undefined;
      // a portal may give fewer rows than asked (its rows limit): the next page starts after them
      const end = start + results.length;
      return {
        records: jsonRecords(results, ['id', 'name'], url),
        total,
        next:
          results.length > 0 && (total === undefined || end < total) ? { start: end } : undefined,
      };
    },
  };
}

/** A whole catalogue in one document: DCAT-US data.json (`dataset[]`). */
function dataJson(url0: string): Protocol {
  return {
    kind: 'data-json',
    format: 'jsonl',
    first: { url: url0 },
    url: (c) => (c as { url: string }).url,
    parse(body, _c, url) {
      const doc = json(body, url) as { dataset?: unknown };
      if (!Array.isArray(doc?.dataset))
        throw new RetryableError(
          `${url}: no dataset list (not a data.json)`,
          `${url} : pas de liste de jeux de données (pas un data.json)`,
        );
      return {
        records: jsonRecords(doc.dataset, ['identifier', '@id'], url),
        total: doc.dataset.length,
      };
    },
  };
}

/** Socrata's view list, `/api/views.json?limit=&page=` (pages from 1; a short page is the last). */
function socrata(base: string, limit: number): Protocol {
  return {
    kind: 'socrata',
    format: 'jsonl',
    first: { page: 1 },
    url: (c) => withQuery(base, { limit, page: (c as { page: number }).page }),
    parse(body, c, url) {
      const list = json(body, url);
      if (!Array.isArray(list))
        throw new RetryableError(
          `${url}: not a list of Socrata views`,
          `${url} : pas une liste de vues Socrata`,
        );
      const page = (c as { page: number }).page;
      return {
        records: jsonRecords(list, ['id'], url),
        next: list.length >= limit ? { page: page + 1 } : undefined,
      };
    },
  };
}

const GMD = 'http://www.isotc211.org/2005/gmd';
const RECORD = /<((?:[\w.-]+:)?)(MD_Metadata|MI_Metadata)\b[\s\S]*?<\/\1\2\s*>/g;

/**
 * The parts of a GetRecords answer, read with a real XML parser. An answer cut short (its root never
 * closed) is asked again, an exception report is not; a record that is not well-formed inside a whole
 * answer is the portal's, kept as it is: the XML reader rejects that record alone, at its line.
 */
function cswParts(body: string, url: string): Record<string, string> {
  const parser = new SaxesParser({ xmlns: true, position: false });
  linearNamespaces(parser);
  let results: Record<string, string> | undefined;
  let exception: string | undefined;
  let inException = false;
  let closed = false;
  parser.on('error', () => {}); // carry on: see above
  parser.on('opentag', (t) => {
    if (t.local === 'ExceptionText') inException = true;
    if (t.local === 'ExceptionReport') exception = '';
    if (t.local === 'SearchResults')
      results = Object.fromEntries(Object.values(t.attributes).map((a) => [a.local, a.value]));
  });
  parser.on('text', (x) => {
    if (inException && exception !== undefined) exception += x;
  });
  parser.on('closetag', (t) => {
    if (t.local === 'ExceptionText') inException = false;
    if (t.local === 'GetRecordsResponse') closed = true;
  });
  try {
    parser.write(body).close();
  } catch {
    // said below: the answer did not close
  }
  // the server refused the request itself: asking again gives the same answer
  if (exception !== undefined)
    throw new FatalHttpError(
      `${url}: the CSW server answered an exception: ${exception.trim()}`,
      `${url} : le serveur CSW a répondu par une exception : ${exception.trim()}`,
    );
  if (!results || !closed)
    throw new RetryableError(
      `${url}: not a whole GetRecords answer (cut short?)`,
      `${url} : réponse GetRecords incomplète (coupée ?)`,
    );
  return results;
}

const FILE_ID = /fileIdentifier>\s*<[\w.-]*:?CharacterString>([^<]*)</;

/** OGC CSW 2.0.2 GetRecords, ISO 19139 output schema, paged by startPosition and nextRecord. */
function csw(base: string, max: number): Protocol {
  return {
    kind: 'csw',
    format: 'xml',
    first: { start: 1 },
    url: (c) =>
      withQuery(base, {
        service: 'CSW',
        version: '2.0.2',
        request: 'GetRecords',
        typeNames: 'gmd:MD_Metadata',
        namespace: `xmlns(gmd=${GMD})`,
        resultType: 'results',
        elementSetName: 'full',
        outputSchema: GMD,
        startPosition: (c as { start: number }).start,
        maxRecords: max,
      }),
    parse(buf, c, url) {
      const body = buf.toString('utf8');
      const results = cswParts(body, url);
      const texts = body.match(RECORD) ?? [];
      const total = Number(results.numberOfRecordsMatched);
      const returned = Number(results.numberOfRecordsReturned ?? texts.length);
      const nextRecord = Number(results.nextRecord ?? (c as { start: number }).start + returned);
      const root = /<([\w.-]+:)?GetRecordsResponse\b([^>]*)>/.exec(body);
      const namespaces = (root?.[2] ?? '').match(/\sxmlns(:[\w.-]+)?="[^"]*"/g)?.join('') ?? '';
      return {
        records: texts.map((text, i) => ({
          id: FILE_ID.exec(text)?.[1].trim() || `${url}#${i}`,
          text,
        })),
        total: Number.isFinite(total) ? total : undefined,
        next:
          texts.length > 0 && nextRecord > 0 && (!Number.isFinite(total) || nextRecord <= total)
            ? { start: nextRecord }
            : undefined,
        namespaces,
      };
    },
  };
}

/** The protocol of a paged JSON or XML API; `ckan-bulk` and `dcat-ap` (RDF): see harvest.ts, dcat.ts. */
export function protocolFor(kind: ApiKind, url: string, pageSize?: number): Protocol | undefined {
  switch (kind) {
    case 'ckan':
      return ckan(url, pageSize ?? 1000);
    case 'csw':
      return csw(url, pageSize ?? 100);
    case 'data-json':
      return dataJson(url);
    case 'socrata':
      return socrata(url, pageSize ?? 200);
    default:
      return undefined;
  }
}

/** The protocol a bare URL speaks, from its shape. */
export function kindOfUrl(url: string): ApiKind {
  const u = new URL(url);
  if (/\/api\/3\/action\/?$/.test(u.pathname)) return 'ckan';
  if (/\.jsonl(\.gz)?$|\.jl\.gz$/.test(u.pathname)) return 'ckan-bulk';
  if (/\/data\.json$/.test(u.pathname)) return 'data-json';
  if (/\/api\/views\.json$/.test(u.pathname)) return 'socrata';
  if (/csw/i.test(u.pathname)) return 'csw';
  return 'dcat-ap';
}
