/**
 * SIGINT and SIGTERM, sent to the CLI while it works: the run ends with 130 or 143, leaves no
 * temporary file, and an existing report as it was, whether workers are busy or the main thread
 * is checking one huge record. The tests wait by events (a temporary file appearing, a line on
 * stderr), never by time, in bounded loops. A record that takes seconds of checking is stopped
 * within it: the JSON report on stdout, written record by record, never shows its result (before
 * the checks took steps, the run finished the record, printed it, then exited).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { WORKER_LINE_CHARS } from '../src/engine/parallel.js';
import { BIN, ROOT, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let many: string;
let huge: string;
let codes: string;
let longLine: string;
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
  // a batch of small records, then one with n audience codes none of the list has: seconds of checking
  // on the main thread (before the findings were capped and the checks took steps, 300,000 took 17 s
  // and 1 GB); the small ones' results on stdout say that the run is past them
  const small = `${lines.split('\n')[1]}\n`.repeat(64);
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

const OLD = 'the report of yesterday\n';

const leftovers = (): string[] => readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'));

/**
 * Whether process `pid`, which has opened `file`, has read all of it: its descriptor's offset is at
 * the end, or it is closed (read to its end). Its last record is then being checked. Without /proc: at once.
 */
function readToEnd(file: string, pid: number): boolean {
  const fds = `/proc/${pid}/fd`;
  if (!existsSync('/proc/self/fd')) return true;
  const path = realpathSync(file);
  try {
    for (const fd of readdirSync(fds)) {
      if (readlinkSync(join(fds, fd)) !== path) continue;
      const pos = /^pos:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
      return pos !== null && Number(pos[1]) >= statSync(file).size;
    }
  } catch {
    return false; // a descriptor closed while looked at: look again
  }
  return true;
}

/**
 * Runs the CLI, waits (by events, bounded) until `ready`, sends `signal`, and returns how it ended.
 * The report goes to `report.json` (an old one there), or with `toStdout` to stdout.
 */
async function interrupted(
  args: string[],
  signal: 'SIGINT' | 'SIGTERM',
  ready: (stderr: string, pid: number, stdout: string) => boolean,
  toStdout = false,
): Promise<{ code: number | null; stderr: string; stdout: string; report: string }> {
  const out = join(tmp.dir, 'report.json');
  writeFileSync(out, OLD);
  const child = spawn(
    process.execPath,
    [BIN, 'validate', ...args, '-f', 'json', ...(toStdout ? [] : ['-o', out])],
    { cwd: tmp.dir, stdio: 'pipe' },
  );
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => (stdout += d));
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      ended = true;
      resolve(code);
    }),
  );
  for (let i = 0; i < 3000 && !ended && !ready(stderr, child.pid as number, stdout); i++)
    await new Promise((r) => setTimeout(r, 10));
  // the run must still be working when the signal is sent, or the test proves nothing
  expect(ended).toBe(false);
  child.kill(signal);
  // a run that never ends fails the test (its timeout) and is not left behind
  const hang = setTimeout(() => child.kill('SIGKILL'), 100_000);
  const code = await exited;
  clearTimeout(hang);
  return { code, stderr, stdout, report: readFileSync(out, 'utf8') };
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s', (signal, exit) => {
  test('while workers are busy: workers stopped, exit code, no temporary file, the old report kept', async () => {
    const r = await interrupted(
      [many, '-p', 'ca-gc', '--workers', '2'],
      signal,
      () => leftovers().length > 0,
    );
    expect(r.code).toBe(exit);
    expect(leftovers()).toEqual([]);
    expect(r.report).toBe(OLD);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  test('while the main thread checks one huge record: the report it was asked to abandon is never written', async () => {
    const r = await interrupted([huge, '--profile', 'auto', '--workers', '1'], signal, (e) =>
      /\(detected\)/.test(e),
    );
    expect(r.code).toBe(exit);
    expect(leftovers()).toEqual([]);
    expect(r.report).toBe(OLD);
  });

  test.each([
    ['--workers 1: 300,000 codes', () => codes, '1'],
    ['a line too long for a worker (600,000 codes) with --workers 2', () => longLine, '2'],
  ])(
    'within one record that takes seconds on the main thread (%s): stopped before its result',
    async (_, file, workers) => {
      // the signal comes once the small records are reported and the last one is read whole
      const r = await interrupted(
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
