/**
 * --check-urls against a local HTTP server on 127.0.0.1 started here (never the internet): HEAD
 * requests, GET when HEAD is refused, timeouts, the concurrency limit, each URL once; and without
 * the option, not one request.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../src/engine/run.js';
import { UrlChecker } from '../src/net/urls.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const NOW = new Date('2026-11-01T00:00:00Z');

interface Seen {
  method: string;
  path: string;
}

describe('--check-urls', () => {
  let server: Server;
  let base: string;
  let tmp: ReturnType<typeof tempDir>;
  const seen: Seen[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    tmp = tempDir();
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      seen.push({ method: req.method ?? '', path });
      const done = (status: number, headers: Record<string, string> = {}) =>
        res.writeHead(status, headers).end(req.method === 'GET' ? 'a,b\n1,2\n' : undefined);
      if (path.startsWith('/ok')) return done(200);
      if (path === '/moved') return done(301, { location: '/ok-after-redirect' });
      if (path === '/loop') return done(302, { location: '/loop' });
      if (path === '/head-refused') return done(req.method === 'HEAD' ? 405 : 200);
      if (path === '/silent') return held.push(() => done(200)); // answers only when the test ends
      if (path.startsWith('/held/')) {
        // held a little, so that requests overlap and the limit shows
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        return setTimeout(() => {
          inFlight--;
          done(200);
        }, 50);
      }
      return done(404);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const h of held) h();
    await new Promise((resolve) => server.close(resolve));
    tmp.cleanup();
  });
  beforeEach(() => {
    seen.length = 0;
    maxInFlight = 0;
  });

  /** The CPI record with its three resources pointing at the local server. */
  function record(urls: string[]): string {
    const src = JSON.parse(
      readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8').split('\n')[0],
    );
    src.resources = src.resources
      .slice(0, urls.length)
      .map((r: Record<string, unknown>, i: number) => ({ ...r, url: `${base}${urls[i]}` }));
    const file = join(tmp.dir, `record-${urls.join('').replace(/\W/g, '')}.jsonl`);
    writeFileSync(file, `${JSON.stringify(src)}\n`);
    return file;
  }

  test('without the option, not one request is made', async () => {
    const report = await validate([record(['/ok.csv', '/missing.xml'])], {
      profile: 'ca-gc',
      now: NOW,
    });
    expect(seen).toEqual([]);
    expect(report.records[0].scores?.mqa.notAssessed).toEqual([
      'accessUrlStatusCode',
      'downloadUrlStatusCode',
    ]);
  });

  test('HEAD requests; a URL that fails is a warning naming it, and reachability is scored', async () => {
    // CSV reachable, SDMX (XML) missing, HTML page reachable (access URL only)
    const file = record(['/ok.csv', '/missing.xml', '/ok.html']);
    const report = await validate([file], {
      profile: 'ca-gc',
      now: NOW,
      urlChecker: new UrlChecker({ timeoutMs: 5000, allowPrivate: true }),
    });
    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
    const r = report.records[0];
    const urls = r.findings.filter((f) => f.message.includes('reachable'));
    expect(urls.map((f) => [f.ruleId, f.severity, f.property, f.sourcePath, f.message])).toEqual([
      [
        'odc/access-url',
        'warning',
        'distribution[1].accessURL',
        '/resources/1/url',
        `Access URL ${base}/missing.xml is not reachable (HTTP 404)`,
      ],
    ]);
    // access URLs 2/3 × 50 = 33.33; download URLs reachable on 1 of 3 distributions: 1/3 × 30 = 10
    expect(r.scores?.mqa).toMatchObject({
      max: 405,
      indicators: expect.objectContaining({
        accessUrlStatusCode: 33.33,
        downloadUrlStatusCode: 10,
      }),
    });
    expect(r.scores?.mqa.notAssessed).toBeUndefined();
    expect(r.scores?.principles.P3?.passed).toBeLessThan(
      r.scores?.principles.P3?.applicable as number,
    );
  });

  test('redirects are followed; a server refusing HEAD is asked with GET; each URL once per run', async () => {
    const file = record(['/moved', '/head-refused']);
    const report = await validate([file, file], {
      profile: 'ca-gc',
      now: NOW,
      urlChecker: new UrlChecker({ allowPrivate: true }),
    });
    expect(seen.map((s) => `${s.method} ${s.path}`).sort()).toEqual([
      'GET /head-refused',
      'HEAD /head-refused',
      'HEAD /moved',
      'HEAD /ok-after-redirect',
    ]);
    for (const r of report.records)
      expect(r.findings.filter((f) => f.message.includes('reachable'))).toEqual([]);
  });

  test('a server that does not answer in time: the URL fails with the timeout named', async () => {
    const report = await validate([record(['/silent'])], {
      profile: 'ca-gc',
      now: NOW,
      urlChecker: new UrlChecker({ timeoutMs: 300, allowPrivate: true }),
    });
    const f = report.records[0].findings.find((x) => x.ruleId === 'odc/access-url');
    expect(f?.message).toBe(`Access URL ${base}/silent is not reachable (timeout after 0.3 s)`);
    // the reason in the report's language too
    const fr = await validate([record(['/silent'])], {
      profile: 'ca-gc',
      now: NOW,
      lang: 'fr',
      urlChecker: new UrlChecker({ timeoutMs: 300, allowPrivate: true }),
    });
    expect(fr.records[0].findings.find((x) => x.ruleId === 'odc/access-url')?.message).toBe(
      `L'URL d'accès ${base}/silent est injoignable (délai dépassé après 0.3 s)`,
    );
  });

  test('no more requests in flight than the concurrency limit', async () => {
    const checker = new UrlChecker({ concurrency: 2, allowPrivate: true });
    const results = await checker.checkAll(
      Array.from({ length: 8 }, (_, i) => `${base}/held/${i}`),
    );
    expect([...results.values()].every((s) => s.ok)).toBe(true);
    expect(seen).toHaveLength(8);
    expect(maxInFlight).toBe(2);
  });

  test('a URL that is not HTTP is not requested', async () => {
    const checker = new UrlChecker();
    expect(await checker.check('ftp://ftp.example.ca/data.csv')).toEqual({
      ok: false,
      error: 'not an HTTP(S) URL',
      fr: 'pas une URL HTTP(S)',
    });
    expect(checker.requests).toBe(0);
  });

  test('the command line: --check-urls with --url-timeout and --url-concurrency', async () => {
    const file = record(['/ok.csv', '/missing.xml']);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [BIN, 'validate', file, '-p', 'ca-gc', '--now', '2026-11-01', '-f', 'json', ...args],
          { env: { ...process.env, NO_COLOR: '1' } },
        );
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const r = await run([
      '--check-urls',
      '--allow-private',
      '--url-timeout',
      '5',
      '--url-concurrency',
      '1',
    ]);
    expect(seen.map((s) => s.path)).toEqual(['/ok.csv', '/missing.xml']);
    const rec = JSON.parse(r.stdout).records[0];
    expect(
      rec.findings.filter((f: { message: string }) =>
        f.message.includes('missing.xml is not reachable'),
      ),
    ).toHaveLength(1);
    seen.length = 0;
    await run([]);
    expect(seen).toEqual([]);
    // without --allow-private, the local server is refused: not one request, the reason named
    const refused = JSON.parse((await run(['--check-urls', '--url-timeout', '5'])).stdout)
      .records[0];
    expect(seen).toEqual([]);
    expect(
      refused.findings.filter((f: { message: string }) =>
        /ok\.csv is not reachable \(refused: 127\.0\.0\.1 is a loopback address/.test(f.message),
      ),
    ).toHaveLength(1);
  });

  test('loopback, private and link-local addresses are refused, in every spelling, and after a redirect', async () => {
    const checker = new UrlChecker({ timeoutMs: 2000 });
    const port = new URL(base).port;
    for (const host of [
      '127.0.0.1',
      '127.0.0.2',
      'localhost',
      '2130706433',
      '0x7f000001',
      '127.1',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '[fe80::1]',
      '[fd00::1]',
    ]) {
      const s = await checker.check(`http://${host}:${port}/ok.csv`);
      expect([host, s.ok, s.error]).toEqual([host, false, expect.stringMatching(/^refused: /)]);
    }
    expect(seen).toEqual([]);
    // allowed when asked (tests, an intranet); redirects are then followed
    const allowed = new UrlChecker({ timeoutMs: 2000, allowPrivate: true });
    expect(await allowed.check(`${base}/moved`)).toEqual({ ok: true, status: 200 });
  });

  test('redirects are checked one by one and bounded', async () => {
    const { checkUrl, nonPublic, DEFAULT_POLICY } = await import('../src/net/policy.js');
    expect(() =>
      checkUrl(new URL('http://169.254.169.254/latest/meta-data/'), DEFAULT_POLICY),
    ).toThrow(/link-local/);
    expect(() => checkUrl(new URL('file:///etc/passwd'), DEFAULT_POLICY)).toThrow(/not an HTTP/);
    expect(nonPublic('8.8.8.8')).toBeUndefined();
    expect(nonPublic('2001:db8::1')).toBeUndefined();
    expect(nonPublic('100.64.0.1')?.en).toMatch(/shared/);
    expect(nonPublic('64:ff9b::7f00:1')).toEqual({
      en: 'a loopback address',
      fr: 'une adresse de bouclage',
    });
    const checker = new UrlChecker({ timeoutMs: 2000, allowPrivate: true });
    expect(await checker.check(`${base}/loop`)).toEqual({
      ok: false,
      error: 'more than 5 redirects',
      fr: 'plus de 5 redirections',
    });
  });
});
