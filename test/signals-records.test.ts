/**
 * SIGINT and SIGTERM within one record that takes seconds to check on the main thread (`--workers
 * 1`, or a JSON Lines line too long for a worker): the run stops within the record (its checks take
 * steps and let signals in, src/util/turns.ts), ends with 130 or 143, and the JSON report on
 * stdout, written record by record, never shows that record's result. Before, the run finished the
 * record (17 s for 300,000 codes), printed it, then exited: all four tests failed. No timing is
 * asserted; the signal is sent once the small records before the huge one are reported and the
 * file is read to its end (events, in bounded loops), and a run that never ends fails the test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_LINE_CHARS } from '../src/engine/parallel.js';
import { ROOT, tempDir } from './helpers.js';
import { interrupted, leftovers, OLD, readToEnd } from './support/interrupted.js';

let tmp: ReturnType<typeof tempDir>;
let codes: string;
let longLine: string;
beforeAll(() => {
  tmp = tempDir();
  const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8').split(
    '\n',
  );
  const first = JSON.parse(lines[0]) as Record<string, unknown>;
  // a batch of small records, then one with n audience codes none of the list has (before the
  // findings were capped and the checks took steps, 300,000 took 17 s and 1 GB on the main thread);
  // the small ones' results on stdout say that the run is past them
  const small = `${lines[1]}\n`.repeat(64);
  const withCodes = (n: number): string =>
    `${small}${JSON.stringify({ ...first, audience: Array.from({ length: n }, (_, i) => `zz${i}`) })}\n`;
  codes = join(tmp.dir, 'codes.jsonl');
  writeFileSync(codes, withCodes(300_000));
  // a line longer than a worker may parse: read and checked on the main thread, even with workers
  const long = withCodes(600_000);
  expect(long.length).toBeGreaterThan(WORKER_LINE_CHARS);
  longLine = join(tmp.dir, 'long-line.jsonl');
  writeFileSync(longLine, long);
});
afterAll(() => tmp.cleanup());

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s', (signal, exit) => {
  test.each([
    ['--workers 1: 300,000 codes', () => codes, '1'],
    ['a line too long for a worker (600,000 codes) with --workers 2', () => longLine, '2'],
  ])(
    'within one record that takes seconds on the main thread (%s): stopped before its result',
    async (_, file, workers) => {
      // the signal comes once the small records are reported and the last one is read whole
      const r = await interrupted(
        tmp.dir,
        [file(), '--profile', 'auto', '--workers', workers, '--now', '2026-11-01'],
        signal,
        (_e, pid, stdout) => stdout.includes('"findings"') && readToEnd(file(), pid),
        true,
      );
      expect(r.code).toBe(exit);
      // the small records' results came, the huge record's (its first code, zz0) and the summary never did
      expect(r.stdout).toContain('"findings"');
      expect(r.stdout).not.toContain('"zz0"');
      expect(r.stdout).not.toContain('"summary"');
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    },
  );

  // (this held before too, once the record was done: the report's rename waits for a turn)
  test('within that record, writing to a file (-o): no temporary file left, the old report kept', async () => {
    // the report's temporary file, written record by record, shows the small records' results
    const written = (): boolean =>
      leftovers(tmp.dir).some((f) => readFileSync(join(tmp.dir, f), 'utf8').includes('"findings"'));
    const r = await interrupted(
      tmp.dir,
      [codes, '--profile', 'auto', '--workers', '1', '--now', '2026-11-01'],
      signal,
      (_e, pid) => written() && readToEnd(codes, pid),
    );
    expect(r.code).toBe(exit);
    expect(leftovers(tmp.dir)).toEqual([]);
    expect(r.report).toBe(OLD);
  });
});
