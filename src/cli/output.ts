/**
 * Where reports go: stdout, or a file written atomically (a temporary file renamed at the end),
 * so that a failed or interrupted run never leaves a truncated report behind. Writes wait for the
 * destination to drain: a slow pipe slows reading down instead of filling memory.
 */
import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
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

export function stdoutSink(): Sink {
  return { write: (c) => writeTo(process.stdout, c), close: async () => undefined, abort: () => undefined };
}

const pending = new Set<string>();
/** Temporary files still open when the process is interrupted are removed. */
export function removePendingOutputs(): void {
  for (const f of pending) rmSync(f, { force: true });
  pending.clear();
}

/** A file that cannot be written (no room, no right, not a place for files): named, with the system's reason. */
function cannotWrite(file: string, e: NodeJS.ErrnoException): UsageError {
  return new UsageError(`${file}: cannot write (${e.code ?? e.message})`);
}

export function fileSink(file: string): Sink {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  const stream: WriteStream = createWriteStream(tmp);
  let failed: Error | undefined;
  stream.on('error', (e) => (failed = cannotWrite(file, e)));
  return {
    write: async (c) => {
      if (failed) throw failed;
      try {
        await writeTo(stream, c);
      } catch (e) {
        // `once` rejects with the stream's own error: say it with the file's name
        throw failed ?? cannotWrite(file, e as NodeJS.ErrnoException);
      }
    },
    close: async () => {
      stream.end();
      try {
        await once(stream, 'close');
      } catch (e) {
        throw failed ?? cannotWrite(file, e as NodeJS.ErrnoException);
      }
      if (failed) throw failed;
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
  if (!ok) throw new UsageError(`${flag}: ${file}: no such directory`);
}
