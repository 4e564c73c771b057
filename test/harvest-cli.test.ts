/**
 * The real command: `passerelle harvest` against a replay server on 127.0.0.1 started and stopped
 * here, then the snapshot handed to validate, compare, federate and convert with no profile named
 * (the manifest names it), every record accounted for. Also: a portal id of the registry, the list
 * of portals, and the refusals said plainly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BIN, ROOT, tempDir, type Run } from './helpers.js';

let server: Server;
let base: string;
let tmp: ReturnType<typeof tempDir>;
const asked: string[] = [];

const records = readFileSync(join(ROOT, 'fixtures', 'ca-on', 'catalogue.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string });

beforeAll(async () => {
  tmp = tempDir();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(url.pathname);
    const rows = Number(url.searchParams.get('rows'));
    const start = Number(url.searchParams.get('start'));
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        success: true,
        result: { count: records.length, results: records.slice(start, start + rows) },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  tmp.cleanup();
});

/** The command, run without blocking this process (the replay server answers from here). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: tmp.dir,
      env: { ...process.env, NO_COLOR: '1', LANG: 'en_CA.UTF-8', LC_ALL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('harvest a CKAN URL, then every command reads the snapshot with the profile its manifest names', async () => {
  expect(records).toHaveLength(3);
  const snap = join(tmp.dir, 'on');
  const api = `${base}/api/3/action`;
  // refused without --allow-private: not one request
  const refused = await run(['harvest', api, '-p', 'ca-on', '-o', snap]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(
    /refused: 127\.0\.0\.1 is a loopback address \(--allow-private to allow\)/,
  );
  expect(asked).toEqual([]);
  const r = await run([
    'harvest',
    api,
    '-p',
    'ca-on',
    '-o',
    snap,
    '--allow-private',
    '--page-size',
    '2',
    '--rate',
    '10',
  ]);
  expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/Harvest complete/)]);
  expect(r.stderr).toMatch(/3 records written \(the portal reports 3\)/);
  expect(asked).toHaveLength(2);

  const v = await run([
    'validate',
    snap,
    '-f',
    'json',
    '--now',
    '2026-11-01',
    '--fail-on',
    'never',
  ]);
  expect(v.code).toBe(0);
  const summary = JSON.parse(v.stdout).summary;
  expect([summary.records, summary.rejected]).toEqual([3, 0]);
  const auto = await run([
    'validate',
    snap,
    '-p',
    'auto',
    '-f',
    'json',
    '--now',
    '2026-11-01',
    '--fail-on',
    'never',
  ]);
  expect(JSON.parse(auto.stdout).summary.records).toBe(3);

  const c = await run(['compare', snap, '-f', 'json', '--now', '2026-11-01']);
  expect(c.code).toBe(0);
  expect(JSON.stringify(JSON.parse(c.stdout))).toMatch(/"ca-on"/);

  const f = await run(['federate', snap, '-t', 'ntriples']);
  expect(f.code).toBe(0);
  for (const rec of records) expect(f.stdout).toContain(rec.id);

  const cv = await run(['convert', snap, '-t', 'ntriples']);
  expect(cv.code).toBe(0);
  for (const rec of records) expect(cv.stdout).toContain(rec.id);
});

test('the registry: the list of portals, an unknown one, one without an API', async () => {
  const list = await run(['harvest']);
  expect(list.code).toBe(0);
  for (const id of [
    'ca-gc',
    'ca-gc-hnap',
    'ca-ab',
    'ca-bc',
    'ca-on',
    'ca-qc',
    'ca-ns',
    'ca-sk',
    'ca-nb',
  ])
    expect(list.stdout).toMatch(new RegExp(`^${id} `, 'm'));
  const unknown = await run(['harvest', 'ca-zz']);
  expect([unknown.code, unknown.stderr]).toEqual([
    2,
    expect.stringMatching(/unknown portal "ca-zz" \(known: ca-ab,/),
  ]);
  const none = await run(['harvest', 'ca-sk']);
  expect([none.code, none.stderr]).toEqual([
    2,
    expect.stringMatching(/ca-sk: no harvestable API is known/),
  ]);
  const range = await run(['harvest', 'ca-on', '--rate', '100']);
  expect([range.code, range.stderr]).toEqual([
    2,
    expect.stringMatching(/--rate 100: must be a number from 0\.01 to 10/),
  ]);
});

test('validate --portal: a portal of your folder harvested to the cache, then validated in one step', async () => {
  mkdirSync(join(tmp.dir, 'profiles', 'portals'), { recursive: true });
  writeFileSync(
    join(tmp.dir, 'profiles', 'portals', 'test-on.yaml'),
    `id: test-on\nname: {en: Replay, fr: Rejeu}\nprofile: ca-on\napis:\n  - kind: ckan\n    url: ${base}/api/3/action\n    pageSize: 2\nrate: {requestsPerSecond: 10}\n`,
  );
  const cache = join(tmp.dir, 'cache');
  const env = { PASSERELLE_CACHE_DIR: cache };
  const refused = await run(['validate', '--portal', 'test-on', '-f', 'json'], env);
  expect([refused.code, refused.stderr]).toEqual([
    2,
    expect.stringMatching(/--portal test-on: the harvest stopped/),
  ]);
  const r = await run(
    [
      'validate',
      '--portal',
      'test-on',
      '--allow-private',
      '-f',
      'json',
      '--now',
      '2026-11-01',
      '--fail-on',
      'never',
    ],
    env,
  );
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).summary.records).toBe(3);
  expect(existsSync(join(cache, 'harvest', 'test-on', 'manifest.json'))).toBe(true);
  const none = await run(['validate']);
  expect([none.code, none.stderr]).toEqual([
    2,
    expect.stringMatching(/missing required argument 'paths'/),
  ]);
});

test('Ctrl-C during a harvest: exit 130, the manifest whole, no temporary file left', async () => {
  const hang = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // the first page answers; the second never does, until the test ends
    if (url.searchParams.get('start') === '0')
      return void res.end(
        JSON.stringify({ success: true, result: { count: 3, results: records.slice(0, 2) } }),
      );
    hang.emit('hung');
  });
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
  const api = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/api/3/action`;
  const out = join(tmp.dir, 'interrupted');
  try {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'harvest',
        api,
        '-p',
        'ca-on',
        '-o',
        out,
        '--allow-private',
        '--page-size',
        '2',
        '--rate',
        '10',
      ],
      {
        cwd: tmp.dir,
      },
    );
    const done = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );
    await new Promise((resolve) => hang.once('hung', resolve));
    child.kill('SIGINT');
    expect(await done).toBe(130);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: false, written: 2, cursor: { start: 2 } });
    const files = [...readdirSync(out), ...readdirSync(join(out, 'records'))];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  } finally {
    hang.closeAllConnections();
    await new Promise((resolve) => hang.close(resolve));
  }
});
