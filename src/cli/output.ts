/**
 * Where reports go: stdout, or a file written atomically (a temporary file renamed at the end),
 * so that a failed or interrupted run never leaves a truncated report behind. Writes wait for the
 * destination to drain: a slow pipe slows reading down instead of filling memory.
 */
import {
  createWriteStream,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, basename, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { aTurn } from '../util/turns.js';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface Sink {
  write(chunk: string): Promise<void>;
  /** Finishes the output; for a file, moves it into place. */
  close(): Promise<void>;
  /** Drops a partial output file. */
  abort(): void;
}

async function writeTo(stream: Writable, chunk: string): Promise<void> {
  if (chunk && !stream.write(chunk)) await once(stream, 'drain');
}

/** Pieces are written together once they reach this many characters: a system call per 64 KiB, not one per record. */
const FLUSH_AT = 64 * 1024;

/** Pieces gathered and written together (`flushAt` 0: each one at once). */
function gathered(
  stream: Writable,
  flushAt: number,
): { write(chunk: string): Promise<void>; flush(): Promise<void>; take(): string } {
  let pending = '';
  const take = (): string => {
    const c = pending;
    pending = '';
    return c;
  };
  return {
    write: async (chunk) => {
      pending += chunk;
      if (pending.length >= flushAt) await writeTo(stream, take());
    },
    flush: () => writeTo(stream, take()),
    take,
  };
}

export function stdoutSink(): Sink {
  // on a terminal, each piece shows as soon as it is written
  const out = gathered(process.stdout, process.stdout.isTTY ? 0 : FLUSH_AT);
  return {
    write: (c) => out.write(c),
    close: () => out.flush(),
    // what was reported before the failure is still shown, as it would have been unbuffered
    abort: () => {
      const rest = out.take();
      if (rest) process.stdout.write(rest);
    },
  };
}

const pending = new Set<string>();
/** Temporary files still open when the process is interrupted are removed. */
export function removePendingOutputs(): void {
  for (const f of pending) rmSync(f, { force: true });
  pending.clear();
}

/** A file that cannot be written (no room, no right, not a place for files): named, with the system's reason. */
function cannotWrite(file: string, e: NodeJS.ErrnoException): UsageError {
  return new UsageError(
    `${file}: cannot write (${e.code ?? e.message})`,
    `${file} : écriture impossible (${e.code ?? e.message})`,
  );
}

/** Whether a process of this machine runs under `pid` (signal 0 tests without sending). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A name for a temporary file beside `file` (`.report.json.<pid>.<random>.tmp`), to be created
 * exclusively (flag `wx`: never through a file or link already there, which an attacker may have
 * planted). Those a killed run left behind (its process gone) are removed first: SIGKILL cannot be
 * caught, so this is where they go.
 */
export function temporaryBeside(file: string): string {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  try {
    for (const name of readdirSync(dir)) {
      const m = name.startsWith(prefix)
        ? /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))
        : null;
      if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // an unreadable directory: the write itself will say so
  }
  return join(dir, `${prefix}${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export function fileSink(file: string): Sink {
  const tmp = temporaryBeside(file);
  pending.add(tmp);
  const stream: WriteStream = createWriteStream(tmp, { flags: 'wx' });
  let failed: Error | undefined;
  stream.on('error', (e) => (failed = cannotWrite(file, e)));
  const out = gathered(stream, FLUSH_AT);
  const written = async (write: () => Promise<void>): Promise<void> => {
    if (failed) throw failed;
    try {
      await write();
    } catch (e) {
      // `once` rejects with the stream's own error: say it with the file's name
      throw failed ?? cannotWrite(file, e as NodeJS.ErrnoException);
    }
  };
  return {
    write: (c) => written(() => out.write(c)),
    close: async () => {
      await written(() => out.flush());
      stream.end();
      try {
        await once(stream, 'close');
      } catch (e) {
        throw failed ?? cannotWrite(file, e as NodeJS.ErrnoException);
      }
      if (failed) throw failed;
      // a signal received while the report was written is handled before it replaces the old one
      await aTurn();
      try {
        renameSync(tmp, file);
      } catch (e) {
        throw cannotWrite(file, e as NodeJS.ErrnoException);
      }
      pending.delete(tmp);
    },
    abort: () => {
      stream.destroy();
      rmSync(tmp, { force: true });
      pending.delete(tmp);
    },
  };
}

/** An output file whose directory does not exist is a usage error, found before anything is read. */
export function requireDirectoryOf(flag: string, file: string | undefined): void {
  if (file === undefined) return;
  let ok = false;
  try {
    ok = statSync(dirname(resolve(file))).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok)
    throw new UsageError(
      `${flag}: ${file}: no such directory`,
      `${flag} : ${file} : dossier introuvable`,
    );
}
