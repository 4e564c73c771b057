/**
 * SIGINT and SIGTERM, sent to the CLI while it works: the run ends with 130 or 143, leaves no
 * temporary file, and an existing report as it was, whether workers are busy or the main thread
 * is checking one huge record. The tests wait by events (a temporary file appearing, a line on
 * stderr), never by time, in bounded loops. A signal within one record that takes seconds of
 * checking: test/signals-records.test.ts (slow).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.js';
import { interrupted, leftovers, OLD } from './support/interrupted.js';

let tmp: ReturnType<typeof tempDir>;
let many: string;
let huge: string;
beforeAll(() => {
  tmp = tempDir();
  const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8').trim();
  // a large catalogue: enough batches that workers are still busy when the report file opens
  many = join(tmp.dir, 'many.jsonl');
  writeFileSync(many, `${Array.from({ length: 1000 }, () => lines).join('\n')}\n`);
  // one record with thousands of resources: seconds of work for the main thread on one record
  const first = JSON.parse(lines.split('\n')[0]) as { resources: Record<string, unknown>[] };
  huge = join(tmp.dir, 'huge.json');
  const resources = Array.from({ length: 2000 }, (_, i) => ({
    ...first.resources[0],
    id: `r${i}`,
    url: `https://example.org/${i}.csv`,
  }));
  writeFileSync(huge, JSON.stringify({ ...first, resources }));
});
afterAll(() => tmp.cleanup());

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s', (signal, exit) => {
  test('while workers are busy: workers stopped, exit code, no temporary file, the old report kept', async () => {
    const r = await interrupted(
      tmp.dir,
      [many, '-p', 'ca-gc', '--workers', '2'],
      signal,
      () => leftovers(tmp.dir).length > 0,
    );
    expect(r.code).toBe(exit);
    expect(leftovers(tmp.dir)).toEqual([]);
    expect(r.report).toBe(OLD);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  test('while the main thread checks one huge record: the report it was asked to abandon is never written', async () => {
    const r = await interrupted(
      tmp.dir,
      [huge, '--profile', 'auto', '--workers', '1'],
      signal,
      (e) => /\(detected\)/.test(e),
    );
    expect(r.code).toBe(exit);
    expect(leftovers(tmp.dir)).toEqual([]);
    expect(r.report).toBe(OLD);
  });
});

test('workers start as batches need them: one batch of five records starts one worker, whatever --workers says', async () => {
  // the compiled pool (the worker script exists only in dist/)
  const { WorkerPool } = (await import(
    join(ROOT, 'dist', 'engine', 'parallel.js')
  )) as typeof import('../src/engine/parallel.js');
  const pool = new WorkerPool(4, { options: {} });
  try {
    const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(0, 5)
      .map((text, i) => ({ line: i + 1, text }));
    expect(pool.size).toBe(0);
    const done = await pool.run<{ texts: string[] }>({
      task: { kind: 'check' },
      profile: 'ca-gc',
      file: 'five.jsonl',
      lines,
      seq: 0,
    });
    expect(done.texts.length).toBe(lines.length);
    expect(pool.size).toBe(1);
  } finally {
    await pool.close();
  }
});
