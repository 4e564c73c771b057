/**
 * The CLI interrupted by a real signal, for the signal tests (test/signals*.test.ts): it waits by
 * events (a file appearing, a line of output, a file read to its end), never by time, in bounded loops.
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
import { BIN } from '../helpers.js';

/** The report a run finds in place, that an interrupted run must leave as it was. */
export const OLD = 'the report of yesterday\n';

/** The temporary files left in `dir`. */
export const leftovers = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/**
 * Whether process `pid`, which has opened `file`, has read all of it: its descriptor's offset is at
 * the end, or it is closed (read to its end). Its last record is then being checked. Without /proc: at once.
 */
export function readToEnd(file: string, pid: number): boolean {
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
 * The report goes to `report.json` in `dir` (an old one there), or with `toStdout` to stdout.
 */
export async function interrupted(
  dir: string,
  args: string[],
  signal: 'SIGINT' | 'SIGTERM',
  ready: (stderr: string, pid: number, stdout: string) => boolean,
  toStdout = false,
): Promise<{ code: number | null; stderr: string; stdout: string; report: string }> {
  const out = join(dir, 'report.json');
  writeFileSync(out, OLD);
  const child = spawn(
    process.execPath,
    [BIN, 'validate', ...args, '-f', 'json', ...(toStdout ? [] : ['-o', out])],
    { cwd: dir, stdio: 'pipe' },
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
