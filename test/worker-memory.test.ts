/**
 * A worker thread that runs out of memory costs its record, never the run (issue 22): the line that
 * exhausted a worker's heap is tried again alone in a fresh worker, and, exhausting it too, is one
 * rejected record (`input/too-large`) at its line; a line too long for a worker to parse is read in
 * the main thread; every other record is checked as without workers. A record's text longer than
 * `MAX_LINE_CHARS` is rejected as it is read, whatever thread would check it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';
import { WORKER_LINE_CHARS } from '../src/engine/parallel.js';
import { MAX_LINE_CHARS } from '../src/sources/lines.js';
import type { Report } from '../src/report/model.js';

let tmp: ReturnType<typeof tempDir>;
afterAll(() => tmp?.cleanup());

it('a record that exhausts a worker heap is rejected at its line; the others are checked (--workers 2)', () => {
  tmp = tempDir();
  const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8')
    .trim()
    .split('\n');
  const first = JSON.parse(lines[0]) as Record<string, unknown>;
  /** The first record with `extras` holding `n` empty objects (3 characters each). */
  const empties = (n: number): string =>
    JSON.stringify({ ...first, extras: null }).replace(
      '"extras":null',
      `"extras":[${'{},'.repeat(n - 1)}{}]`,
    );
  // just short enough to be given to a worker; its 1.25 million codes outside the code list take
  // the profile check over 208 MB (two million empty objects did, before the nesting walk stopped
  // remembering every object)
  const bomb = JSON.stringify({
    ...first,
    audience: Array.from({ length: Math.floor((WORKER_LINE_CHARS - 20_000) / 5) }, () => 'zz'),
  });
  expect(bomb.length).toBeLessThanOrEqual(WORKER_LINE_CHARS);
  // too long for a worker to parse (its parse alone would abort the process): read in the main thread
  const long = empties(Math.ceil(WORKER_LINE_CHARS / 2));
  const write = (dir: string, middle: string): void => {
    mkdirSync(join(tmp.dir, dir));
    const all = [...lines, middle, ...lines, long, ...lines];
    writeFileSync(join(tmp.dir, dir, 'catalogue.jsonl'), `${all.join('\n')}\n`);
  };
  write('bad', bomb);
  write('good', ''); // the same file with that line blank: its records' lines stay the same
  const run = (dir: string, workers: string) =>
    cli(['validate', 'catalogue.jsonl', '--profile', 'ca-gc', '--workers', workers, '-f', 'json'], {
      cwd: join(tmp.dir, dir),
    });
  const bad = run('bad', '2');
  expect(bad.stderr).not.toMatch(/out of memory|internal error|FATAL/);
  expect(bad.code).toBe(1); // the fixture's own errors, as --fail-on error says; not 2
  const report = JSON.parse(bad.stdout) as Report;
  const at = lines.length + 1;
  const rejected = report.records.find((r) => r.source.line === at);
  expect(rejected).toMatchObject({
    status: 'rejected',
    source: { file: 'catalogue.jsonl', line: at },
    findings: [{ ruleId: 'input/too-large', severity: 'error', line: at }],
  });
  expect(rejected?.findings[0].message).toMatch(/out of memory twice.*--workers 1/);
  // every other record (the long one too), in input order, exactly as the main thread checks it
  const good = JSON.parse(run('good', '1').stdout) as Report;
  expect(good.records.some((r) => r.source.line === 2 * at && r.status !== 'rejected')).toBe(true);
  expect(report.records.filter((r) => r !== rejected)).toEqual(good.records);
  expect(report.summary.records).toBe(good.summary.records + 1);
  expect(report.summary.rejected).toBe(good.summary.rejected + 1);
});

it.each(['1', '2'])(
  'a JSON Lines record longer than the limit is rejected as read, never held whole (--workers %s)',
  (workers) => {
    const dir = tempDir();
    try {
      const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8')
        .trim()
        .split('\n');
      const long = JSON.stringify({ title: 'x'.repeat(MAX_LINE_CHARS) });
      // a pretty-printed object too long in total, its lines each short enough
      const third = 'y'.repeat(Math.ceil(MAX_LINE_CHARS / 3));
      const pretty = `{\n${[1, 2, 3].map((n) => `  "t${n}": "${third}",`).join('\n')}\n  "z": 1\n}`;
      const all = [lines[0], long, lines[1], pretty, lines[2]];
      writeFileSync(join(dir.dir, 'long.jsonl'), `${all.join('\n')}\n`);
      const r = cli(
        ['validate', 'long.jsonl', '--profile', 'ca-gc', '--workers', workers, '-f', 'json'],
        { cwd: dir.dir },
      );
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.records.map((x) => [x.source.line, x.status === 'rejected'])).toEqual([
        [1, false],
        [2, true],
        [3, false],
        [4, true],
        [10, false],
      ]);
      for (const at of [2, 4])
        expect(report.records.find((x) => x.source.line === at)?.findings).toEqual([
          expect.objectContaining({
            ruleId: 'input/too-large',
            line: at,
            message: expect.stringMatching(/longer than 33,554,432 characters/),
          }),
        ]);
    } finally {
      dir.cleanup();
    }
  },
);
