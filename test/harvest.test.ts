/**
 * `passerelle harvest` against replay servers on 127.0.0.1 started and stopped by each test (never
 * the internet): CKAN, CSW, data.json and Socrata pages built from the fixtures' records, with the
 * faults real portals have. Time is a fake clock: a Retry-After or a backoff is recorded, never
 * waited. The snapshots are then read by validate with every record accounted for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { validate } from '../src/engine/run.js';
import { harvest, type HarvestOptions } from '../src/harvest/harvest.js';
import type { Clock } from '../src/harvest/http.js';
import { readManifest } from '../src/sources/snapshot.js';
import { ROOT, tempDir } from './helpers.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const fx = (p: string): string => readFileSync(join(ROOT, 'fixtures', p), 'utf8');

/** The federal fixture's records that parse, each once (the fixture also holds a cut line and a repeat). */
const CKAN_RECORDS: { id: string }[] = (() => {
  const seen = new Set<string>();
  const out: { id: string }[] = [];
  for (const line of fx('ca-gc/catalogue.jsonl').split('\n')) {
    try {
      const r = JSON.parse(line) as { id: string };
      if (!seen.has(r.id)) out.push(r);
      seen.add(r.id);
    } catch {
      // the fixture's cut line
    }
  }
  return out;
})();

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let tmp: ReturnType<typeof tempDir>;
let server: Server | undefined;
let base = '';
/** Every request the server saw, as `path?query`. */
let seen: string[] = [];
/** Responses held open by a test (a hanging server), ended when the test stops the server. */
let held: ServerResponse[] = [];

async function serve(handler: Handler): Promise<void> {
  seen = [];
  held = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${url.pathname}${url.search}`);
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const r of held) r.destroy();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  server = undefined;
  tmp.cleanup();
});

/** A clock that never waits: each sleep moves time on and is recorded. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void slept.push(ms) ?? (t += ms) };
}

const json = (res: ServerResponse, body: unknown, status = 200, headers = {}): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
};

/** CKAN package_search over `records()` (read at each request: a test may change it). */
function ckanPage(records: () => { id: string }[]): Handler {
  return (_req, res, url) => {
    const rows = Number(url.searchParams.get('rows'));
    const start = Number(url.searchParams.get('start'));
    const all = records();
    json(res, {
      help: 'package_search',
      success: true,
      result: { count: all.length, results: all.slice(start, start + rows) },
    });
  };
}

function options(
  over: Partial<HarvestOptions> = {},
): HarvestOptions & { clock: ReturnType<typeof fakeClock> } {
  return {
    out: join(tmp.dir, 'snap'),
    api: { kind: 'ckan', url: `${base}/api/3/action`, pageSize: 2 },
    profile: 'ca-gc',
    trustedHosts: [new URL(base).host],
    timeoutMs: 2000,
    clock: fakeClock(),
    ...over,
  } as HarvestOptions & { clock: ReturnType<typeof fakeClock> };
}

/** The ids written in a snapshot's page files, read back from the files themselves. */
function idsWritten(dir: string): string[] {
  const ids: string[] = [];
  for (const f of readdirSync(join(dir, 'records')).sort()) {
    const text = gunzipSync(readFileSync(join(dir, 'records', f))).toString('utf8');
    if (f.endsWith('.nt.gz'))
      for (const m of text.matchAll(
        /^<([^>]+)> <[^>]+#type> <http:\/\/www\.w3\.org\/ns\/dcat#Dataset> \.$/gm,
      ))
        ids.push(m[1]);
    else if (f.endsWith('.xml.gz'))
      for (const m of text.matchAll(/fileIdentifier>\s*<gco:CharacterString>([^<]+)</g))
        ids.push(m[1]);
    else
      for (const l of text.split('\n').filter(Boolean))
        ids.push((JSON.parse(l) as { id: string }).id);
  }
  return ids;
}

/** validate reads the snapshot with the profile its manifest names: every record accounted for. */
async function validated(dir: string, n: number, rejected = 0): Promise<void> {
  const report = await validate([dir], { now: NOW });
  expect(report.summary.records).toBe(n);
  expect(report.summary.rejected).toBe(rejected);
  expect(report.summary.valid + report.summary.invalid + report.summary.rejected).toBe(n);
}

const pagesAsked = (): number[] =>
  seen
    .filter((s) => s.includes('package_search'))
    .map((s) => Number(new URL(s, 'http://x').searchParams.get('start')));

describe('CKAN package_search', () => {
  test('every page once, sorted for stable pages, every record written once and validated', async () => {
    await serve(ckanPage(() => CKAN_RECORDS));
    const o = options();
    const { manifest } = await harvest(o);
    expect(CKAN_RECORDS).toHaveLength(7);
    expect(pagesAsked()).toEqual([0, 2, 4, 6]);
    expect(new URL(seen[0], 'http://x').searchParams.get('sort')).toBe(
      'metadata_created asc, id asc',
    );
    expect(manifest).toMatchObject({
      complete: true,
      reported: 7,
      written: 7,
      duplicates: 0,
      retries: 0,
      profile: 'ca-gc',
    });
    expect(manifest.pages.map((p) => p.received)).toEqual([2, 2, 2, 1]);
    expect(idsWritten(o.out).sort()).toEqual(CKAN_RECORDS.map((r) => r.id).sort());
    // the manifest on disk says the same, with each file's checksum
    const onDisk = readManifest(o.out);
    expect(onDisk?.pages.every((p) => /^[0-9a-f]{64}$/.test(p.sha256 ?? ''))).toBe(true);
    await validated(o.out, 7);
  });

  test('429 with Retry-After and a 500 are asked again, after the wait the server asked for', async () => {
    let calls = 0;
    const ok = ckanPage(() => CKAN_RECORDS);
    await serve((req, res, url) => {
      calls++;
      if (calls === 2) return json(res, { error: 'slow down' }, 429, { 'retry-after': '1' });
      if (calls === 4) return json(res, { error: 'oops' }, 500);
      ok(req, res, url);
    });
    const o = options();
    const { manifest } = await harvest(o);
    expect(manifest).toMatchObject({ complete: true, written: 7, retries: 2 });
    expect(o.clock.slept).toContain(1000); // Retry-After: 1
    expect(pagesAsked()).toEqual([0, 2, 2, 4, 4, 6]);
    await validated(o.out, 7);
  });

  test('a body cut short and a page of invalid JSON are asked again', async () => {
    let calls = 0;
    const ok = ckanPage(() => CKAN_RECORDS);
    await serve((req, res, url) => {
      calls++;
      if (calls === 1) {
        // says 5000 bytes, sends 20, closes
        res.writeHead(200, { 'content-length': '5000' });
        res.write('{"success": true, "re');
        return void res.destroy();
      }
      if (calls === 3)
        return void res.writeHead(200).end('{"success": true, "result": {"count": 7, "resu');
      ok(req, res, url);
    });
    const o = options();
    const { manifest } = await harvest(o);
    expect(manifest).toMatchObject({ complete: true, written: 7, retries: 2 });
    expect(idsWritten(o.out).sort()).toEqual(CKAN_RECORDS.map((r) => r.id).sort());
  });

  test('a page that stays broken stops the harvest, resumable: the next run starts at that page', async () => {
    let broken = true;
    const ok = ckanPage(() => CKAN_RECORDS);
    await serve((req, res, url) => {
      if (broken && url.searchParams.get('start') === '4')
        return void res.writeHead(200).end('not json');
      ok(req, res, url);
    });
    const o = options({ maxRetries: 2 });
    const first = await harvest(o);
    expect(first.manifest.complete).toBe(false);
    expect(first.manifest.failures).toEqual([expect.stringMatching(/not valid JSON/)]);
    expect(first.manifest.written).toBe(4);
    expect(pagesAsked()).toEqual([0, 2, 4, 4, 4]); // two retries, bounded
    broken = false;
    seen = [];
    const second = await harvest(options());
    expect(second.resumed).toBe(true);
    expect(pagesAsked()).toEqual([4, 6]); // no page fetched twice
    expect(second.manifest).toMatchObject({ complete: true, written: 7, duplicates: 0 });
    expect(idsWritten(o.out).sort()).toEqual(CKAN_RECORDS.map((r) => r.id).sort());
    await validated(o.out, 7);
  });

  test('interrupted after two pages, then resumed: no page twice, no record lost or repeated', async () => {
    await serve(ckanPage(() => CKAN_RECORDS));
    const o = options({ maxPages: 2 });
    const first = await harvest(o);
    expect(first.manifest).toMatchObject({ complete: false, written: 4, cursor: { start: 4 } });
    const asked = pagesAsked();
    seen = [];
    const second = await harvest(options());
    expect([...asked, ...pagesAsked()]).toEqual([0, 2, 4, 6]);
    expect(second.manifest).toMatchObject({ complete: true, written: 7 });
    expect(idsWritten(o.out)).toHaveLength(7);
    await validated(o.out, 7);
  });

  test('a record removed while pages are walked shifts the next page: a second walk finds what it hid', async () => {
    let records = CKAN_RECORDS.slice();
    const ok = ckanPage(() => records);
    await serve((req, res, url) => {
      ok(req, res, url);
      // after the first page, its first record is withdrawn: every later record moves up one place
      if (url.searchParams.get('start') === '0' && records.length === 7) records = records.slice(1);
    });
    const o = options();
    const { manifest } = await harvest(o);
    // first walk: a,b | d,e | f,g — c moved onto the first page, already walked
    expect(manifest).toMatchObject({ complete: true, reportedFirst: 7, reported: 6, recovered: 1 });
    expect(manifest.written).toBe(7); // the withdrawn record was harvested before it went
    expect(idsWritten(o.out).sort()).toEqual(CKAN_RECORDS.map((r) => r.id).sort());
    await validated(o.out, 7);
  });

  test('records repeated across pages are written once, and counted', async () => {
    // a page that inserts a record before the next page is asked: the boundary record comes twice
    let records = CKAN_RECORDS.slice(1);
    const ok = ckanPage(() => records);
    await serve((req, res, url) => {
      ok(req, res, url);
      if (url.searchParams.get('start') === '0' && records.length === 6)
        records = CKAN_RECORDS.slice();
    });
    const o = options();
    const { manifest } = await harvest(o);
    expect(manifest.duplicates).toBe(1);
    expect(idsWritten(o.out).sort()).toEqual(CKAN_RECORDS.map((r) => r.id).sort());
  });

  test('a later harvest asks with the ETag, and keeps the pages the portal says have not changed', async () => {
    const ok = ckanPage(() => CKAN_RECORDS);
    const conditional: string[] = [];
    await serve((req, res, url) => {
      const tag = `"p${url.searchParams.get('start')}"`;
      if (req.headers['if-none-match']) conditional.push(String(req.headers['if-none-match']));
      if (req.headers['if-none-match'] === tag) return void res.writeHead(304, { etag: tag }).end();
      res.setHeader('etag', tag);
      ok(req, res, url);
    });
    const o = options();
    await harvest(o);
    const again = await harvest(options());
    expect(conditional).toEqual(['"p0"', '"p2"', '"p4"', '"p6"']);
    expect(again.manifest).toMatchObject({ complete: true, written: 7, notModified: 4 });
    await validated(o.out, 7);
  });
});

describe('no surprise network', () => {
  test('a redirect to a private address is refused, with no request to it', async () => {
    await serve(
      (_req, res) =>
        void res.writeHead(302, { location: 'http://10.0.0.1/api/3/action/package_search' }).end(),
    );
    const o = options({ maxRetries: 0 });
    const { manifest } = await harvest(o);
    expect(manifest.complete).toBe(false);
    expect(manifest.failures).toEqual([
      expect.stringMatching(/^refused: 10\.0\.0\.1 is a private address/),
    ]);
    expect(seen).toHaveLength(1);
  });

  test('a redirect to localhost is refused by its name; allowPrivate lets it through', async () => {
    const ok = ckanPage(() => CKAN_RECORDS);
    await serve((req, res, url) => {
      if (url.pathname.startsWith('/old/'))
        return void res
          .writeHead(301, {
            location: `http://localhost:${new URL(base).port}/api/3/action/package_search${url.search}`,
          })
          .end();
      ok(req, res, url);
    });
    const refused = await harvest(
      options({ api: { kind: 'ckan', url: `${base}/old/api/3/action`, pageSize: 2 } }),
    );
    expect(refused.manifest.failures).toEqual([
      expect.stringMatching(/^refused: localhost is a loopback address/),
    ]);
    const allowed = await harvest(
      options({
        out: join(tmp.dir, 'allowed'),
        allowPrivate: true,
        api: { kind: 'ckan', url: `${base}/old/api/3/action`, pageSize: 2 },
      }),
    );
    expect(allowed.manifest).toMatchObject({ complete: true, written: 7 });
  });

  test('without allowPrivate nor a trusted host, the replay server itself is never contacted', async () => {
    await serve(ckanPage(() => CKAN_RECORDS));
    const { manifest } = await harvest(options({ trustedHosts: [] }));
    expect(manifest.failures).toEqual([
      expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/),
    ]);
    expect(seen).toEqual([]);
  });

  test('a server that never answers is ended by the timeout, and the harvest stops', async () => {
    await serve((_req, res) => void held.push(res));
    const { manifest } = await harvest(options({ timeoutMs: 200, maxRetries: 1 }));
    expect(manifest.complete).toBe(false);
    expect(manifest.failures).toEqual([expect.stringMatching(/timeout after 0\.2 s/)]);
    expect(seen).toHaveLength(2);
  });

  test('a response over the size limit is refused, not retried', async () => {
    await serve(ckanPage(() => CKAN_RECORDS));
    const { manifest } = await harvest(options({ maxBytes: 100 }));
    expect(manifest.failures).toEqual([expect.stringMatching(/larger than 100 bytes/)]);
    expect(seen).toHaveLength(1);
  });
});

describe('other protocols', () => {
  const csw = fx('ca-gc-hnap/csw-getrecords.xml');
  const elements = csw.match(/<gmd:MD_Metadata\b[\s\S]*?<\/gmd:MD_Metadata>/g) ?? [];
  const cswIds = elements.map((e) => /<gco:CharacterString>([^<]+)</.exec(e)?.[1]);

  test('CSW GetRecords pages by nextRecord, ISO 19139 asked for, the records validated', async () => {
    // the fixture's third record has a mismatched tag (line 699): kept, and rejected alone by validate
    let calls = 0;
    await serve((_req, res, url) => {
      calls++;
      if (calls === 2) return void res.writeHead(200).end('<csw:GetRecordsResponse><csw:Search'); // not well-formed
      const start = Number(url.searchParams.get('startPosition'));
      const max = Number(url.searchParams.get('maxRecords'));
      const page = elements.slice(start - 1, start - 1 + max);
      const next = start + page.length > elements.length ? 0 : start + page.length;
      res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
            `<csw:SearchResults numberOfRecordsMatched="${elements.length}" numberOfRecordsReturned="${page.length}" nextRecord="${next}">${page.join('\n')}</csw:SearchResults></csw:GetRecordsResponse>`,
        );
    });
    const o = options({
      api: { kind: 'csw', url: `${base}/geonetwork/srv/csw`, pageSize: 3 },
      profile: 'ca-gc-hnap',
    });
    const { manifest } = await harvest(o);
    const asked = seen.map((s) => new URL(s, 'http://x').searchParams);
    expect(asked[0].get('outputSchema')).toBe('http://www.isotc211.org/2005/gmd');
    expect(asked.map((q) => q.get('startPosition'))).toEqual(['1', '4', '4']);
    expect(elements).toHaveLength(4);
    expect(manifest).toMatchObject({ complete: true, reported: 4, written: 4, retries: 1 });
    expect(idsWritten(o.out).sort()).toEqual([...cswIds].sort());
    await validated(o.out, 4, 1);
  });

  test('a CSW exception report is said, not asked again', async () => {
    await serve(
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>typeNames not supported</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
          ),
    );
    const { manifest } = await harvest(
      options({ api: { kind: 'csw', url: `${base}/csw` }, profile: 'ca-gc-hnap' }),
    );
    expect(manifest.failures).toEqual([
      expect.stringMatching(/exception: typeNames not supported$/),
    ]);
    expect(seen).toHaveLength(1);
  });

  test('data.json: one document, its datasets written one per line', async () => {
    const doc = JSON.parse(fx('ca-ns/data.json')) as { dataset: unknown[] };
    await serve((_req, res) => json(res, doc));
    const o = options({ api: { kind: 'data-json', url: `${base}/data.json` }, profile: 'ca-ns' });
    const { manifest } = await harvest(o);
    expect(manifest).toMatchObject({
      complete: true,
      reported: doc.dataset.length,
      written: doc.dataset.length,
    });
    await validated(o.out, doc.dataset.length);
  });

  test('Socrata views: pages of `limit` until a short one', async () => {
    const views = JSON.parse(fx('ca-ns/views.json')) as unknown[];
    await serve((_req, res, url) => {
      const limit = Number(url.searchParams.get('limit'));
      const page = Number(url.searchParams.get('page'));
      json(res, views.slice((page - 1) * limit, page * limit));
    });
    const o = options({
      api: { kind: 'socrata', url: `${base}/api/views.json`, pageSize: 2 },
      profile: 'ca-ns',
    });
    const { manifest } = await harvest(o);
    expect(seen.map((s) => new URL(s, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(manifest).toMatchObject({ complete: true, written: 3 });
    await validated(o.out, 3);
  });
});

describe('whole-catalogue files and RDF pages', () => {
  test("open.canada.ca's bulk export: one download, its lines counted; unchanged next time (304)", async () => {
    const body = gzipSync(CKAN_RECORDS.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const conditional: string[] = [];
    await serve((req, res) => {
      if (req.headers['if-none-match']) conditional.push(String(req.headers['if-none-match']));
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/gzip', etag: '"v1"' }).end(body);
    });
    const api = { kind: 'ckan-bulk' as const, url: `${base}/static/od-do-canada.jsonl.gz` };
    const o = options({ api });
    const first = await harvest(o);
    expect(first.manifest).toMatchObject({ complete: true, written: 7 });
    expect(first.manifest.pages).toEqual([expect.objectContaining({ received: 7, etag: '"v1"' })]);
    const again = await harvest(options({ api }));
    expect(conditional).toEqual(['"v1"']);
    expect(again.manifest).toMatchObject({ complete: true, written: 7, notModified: 1 });
    await validated(o.out, 7);
  });

  test('DCAT-AP RDF pages linked by hydra:next (Turtle, then RDF/XML), each dataset once', async () => {
    const hydra = 'http://www.w3.org/ns/hydra/core#';
    await serve((_req, res, url) => {
      if (url.pathname === '/catalog.ttl')
        return void res
          .writeHead(200, { 'content-type': 'text/turtle' })
          .end(
            `${fx('dcat-ap/catalogue.ttl')}\n<${base}/catalog.ttl?page=1> a <${hydra}PagedCollection> ;\n` +
              `  <${hydra}totalItems> 4 ; <${hydra}next> <${base}/catalog.rdf?page=2> .\n`,
          );
      const rdf = fx('dcat-ap/catalogue.rdf').replace(
        '</rdf:RDF>',
        `<hydra:PagedCollection xmlns:hydra="${hydra}" rdf:about="${base}/catalog.rdf?page=2"><hydra:totalItems rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">4</hydra:totalItems></hydra:PagedCollection></rdf:RDF>`,
      );
      res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(rdf);
    });
    const o = options({
      api: { kind: 'dcat-ap', url: `${base}/catalog.ttl?page=1` },
      profile: 'dcat-ap',
    });
    const { manifest } = await harvest(o);
    expect(seen).toEqual(['/catalog.ttl?page=1', '/catalog.rdf?page=2']);
    expect(manifest).toMatchObject({ complete: true, reported: 4, written: 4 });
    await validated(o.out, 4);
  });
});

describe('portals that misbehave', () => {
  test('a Socrata portal that ignores `page` (the same views every time): stopped after 3 pages, said', async () => {
    const views = JSON.parse(fx('ca-ns/views.json')) as unknown[];
    await serve((_req, res) => json(res, views.slice(0, 2)));
    const o = options({
      api: { kind: 'socrata', url: `${base}/api/views.json`, pageSize: 2 },
      profile: 'ca-ns',
    });
    const { manifest } = await harvest(o);
    expect(seen).toHaveLength(4); // the first page, then three that repeat it
    expect(manifest).toMatchObject({ complete: false, written: 2, duplicates: 6 });
    expect(manifest.failures).toEqual([expect.stringMatching(/ignore paging/)]);
  });

  test('hydra:next pointing back to an earlier page ends the walk', async () => {
    const hydra = 'http://www.w3.org/ns/hydra/core#';
    await serve((_req, res, url) => {
      const other = url.searchParams.get('page') === '1' ? 2 : 1;
      res
        .writeHead(200, { 'content-type': 'text/turtle' })
        .end(
          `${fx('dcat-ap/catalogue.ttl')}\n<${base}/catalog.ttl?page=${url.searchParams.get('page')}> <${hydra}next> <${base}/catalog.ttl?page=${other}> .\n`,
        );
    });
    const o = options({
      api: { kind: 'dcat-ap', url: `${base}/catalog.ttl?page=1` },
      profile: 'dcat-ap',
    });
    const { manifest } = await harvest(o);
    expect(seen).toEqual(['/catalog.ttl?page=1', '/catalog.ttl?page=2']);
    expect(manifest).toMatchObject({ complete: true, written: 3, duplicates: 3 });
  });
});
