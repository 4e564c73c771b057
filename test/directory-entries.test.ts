/**
 * One entry of an input folder never stops or hangs a run (issue 22): a dangling link, a link loop,
 * a folder linking back to one being read, a FIFO with no writer and a link leading outside the
 * folder are each one rejected record naming the entry (`input/parse-error` with the reason), every
 * other file is read, and the run ends with exit 1. `--follow-links` reads the outside link. A path
 * named on the command line keeps its usage error. Every CLI run is bounded by a kill timeout: a
 * hang fails the test instead of stalling the suite.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandPaths, openFile } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const GOOD_ID = '5b9e2d7f-3c1a-4e84-a6f0-8d2b4c1e9a37'; // fixtures/ckan/dataset.json
const OUTSIDE_ID = 'outside-0001'; // the same record, outside the folder

let tmp: ReturnType<typeof tempDir>;
let dir: string;
/** The bad entries, each with the words its rejection gives. */
const BAD: Record<string, RegExp> = {
  'dangling.json': /link to nothing/,
  'loop1.json': /loops/,
  'loop2.json': /loops/,
  'fifo.json': /not a regular file/,
  'outside.json': /outside the folder/,
  self: /loops/,
  outdir: /outside the folder/,
};

beforeAll(() => {
  tmp = tempDir();
  dir = join(tmp.dir, 'in');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  copyFileSync(join(ROOT, 'fixtures/ckan/dataset.json'), join(dir, 'good.json'));
  copyFileSync(join(ROOT, 'fixtures/ckan/dataset.json'), join(dir, 'sub', 'good2.json'));
  symlinkSync('good.json', join(dir, 'alias.json')); // inside the folder: followed
  symlinkSync('missing.json', join(dir, 'dangling.json'));
  symlinkSync('loop2.json', join(dir, 'loop1.json'));
  symlinkSync('loop1.json', join(dir, 'loop2.json'));
  symlinkSync('.', join(dir, 'self'));
  execFileSync('mkfifo', [join(dir, 'fifo.json')]);
  const out = join(tmp.dir, 'elsewhere');
  mkdirSync(out);
  const record = JSON.parse(readFileSync(join(ROOT, 'fixtures/ckan/dataset.json'), 'utf8'));
  writeFileSync(join(out, 'secret.json'), JSON.stringify({ ...record, id: OUTSIDE_ID }));
  symlinkSync(join(out, 'secret.json'), join(dir, 'outside.json'));
  symlinkSync(out, join(dir, 'outdir'));
});
afterAll(() => tmp.cleanup());

/** The CLI, killed if it runs past the bound (a hang is then a failure, exit -1). */
function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Reported {
  id: string | null;
  status: string;
  source: { file: string };
  findings: { ruleId: string; message: string }[];
}

function report(args: string[]): { code: number; records: Reported[] } {
  const r = run(['validate', dir, '-f', 'json', '--now', '2026-11-01', ...args]);
  expect(r.stderr).not.toMatch(/internal error/);
  return { code: r.code, records: r.stdout ? (JSON.parse(r.stdout).records as Reported[]) : [] };
}

const named = (records: Reported[], name: string): Reported[] =>
  records.filter((r) => r.source.file.endsWith(`/in/${name}`));

function expectRejectedEntries(records: Reported[], names: string[]): void {
  for (const name of names) {
    const mine = named(records, name);
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe('rejected');
    expect(mine[0].findings.map((f) => f.ruleId)).toEqual(['input/parse-error']);
    expect(mine[0].findings[0].message).toMatch(BAD[name]);
  }
}

describe('a bad entry of an input folder is one rejected record; the run goes on', () => {
  test.each([['ckan'], ['auto']])(
    '--profile %s: every bad entry rejected and named, the good files read, exit 1',
    (profile) => {
      const { code, records } = report(['--profile', profile]);
      expect(code).toBe(1);
      expectRejectedEntries(records, Object.keys(BAD));
      // good.json, its link inside the folder, sub/good2.json: read and checked
      for (const name of ['good.json', 'alias.json', 'sub/good2.json'])
        expect(named(records, name).map((r) => r.id)).toEqual([GOOD_ID]);
      expect(records.some((r) => r.id === OUTSIDE_ID)).toBe(false);
      expect(records).toHaveLength(Object.keys(BAD).length + 3);
    },
  );

  test('a FIFO with no writer beside a good file: rejected without being opened, the run ends', () => {
    const alone = join(tmp.dir, 'fifo-only');
    mkdirSync(alone);
    copyFileSync(join(ROOT, 'fixtures/ckan/dataset.json'), join(alone, 'a.json'));
    execFileSync('mkfifo', [join(alone, 'b.json')]);
    const r = run(['validate', alone, '--profile', 'ckan', '-f', 'json', '--now', '2026-11-01']);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout).records as Reported[];
    expect(
      records.map((x) => [
        x.source.file.slice(-6),
        x.status === 'rejected' ? x.findings[0].message : x.id,
      ]),
    ).toEqual([
      ['a.json', GOOD_ID],
      ['b.json', expect.stringMatching(/not a regular file/)],
    ]);
  });

  test('--follow-links reads the links leading outside the folder; the others are still rejected', () => {
    const { code, records } = report(['--profile', 'ckan', '--follow-links']);
    expect(code).toBe(1);
    expect(named(records, 'outside.json').map((r) => r.id)).toEqual([OUTSIDE_ID]);
    expect(named(records, 'outdir/secret.json').map((r) => r.id)).toEqual([OUTSIDE_ID]);
    expectRejectedEntries(
      records,
      Object.keys(BAD).filter((n) => !n.startsWith('out')),
    );
  });

  test('convert: the same entries named on stderr, the good records converted, exit 1', () => {
    const r = run(['convert', dir, '--profile', 'ckan', '-t', 'ntriples']);
    expect(r.code).toBe(1);
    for (const name of Object.keys(BAD)) expect(r.stderr).toContain(join('in', name));
    expect(r.stdout).toContain(GOOD_ID);
  });

  test("compare auto=<dir>, which needs every file's profile, stops naming the entry and its reason (exit 2)", () => {
    const r = run(['compare', `auto=${dir}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dangling\.json: a link to nothing/);
  });

  test('a path named on the command line keeps its usage error (exit 2)', () => {
    const r = run(['validate', join(dir, 'dangling.json'), '--profile', 'ckan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or directory/);
  });
});

describe('the walk and the opening', () => {
  test('the walk lists the bad entries with their reasons and opens nothing', () => {
    const entries = expandPaths([dir]);
    const rejected = Object.fromEntries(
      entries.filter((e) => e.rejected).map((e) => [e.path.slice(dir.length + 1), e.rejected?.en]),
    );
    expect(Object.keys(rejected).sort()).toEqual(Object.keys(BAD).sort());
    for (const [name, why] of Object.entries(rejected)) expect(why).toMatch(BAD[name]);
    expect(entries.every((e) => e.listed)).toBe(true);
  });

  test('a FIFO put in place of a listed file after the walk is rejected when opened, without blocking', async () => {
    const opened = await openFile({ path: join(dir, 'fifo.json'), listed: true });
    const records: SourceRecord[] = [];
    if (opened.kind === 'records') for await (const r of opened.records) records.push(r);
    expect(records).toHaveLength(1);
    expect(records[0].error?.message).toMatchObject({
      en: expect.stringMatching(/not a regular file/),
    });
  });
});
