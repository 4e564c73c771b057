/**
 * Text kept for later in bounded memory: held in memory up to a limit, then written to a temporary
 * file and read back in chunks. For report formats that must know totals before they can write
 * what precedes them (a JUnit testsuite's counts sit in its start tag), so that a catalogue of any
 * size is rendered without holding it whole.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Characters held in memory (about 8 million) before spilling to disk. */
export const DEFAULT_SPILL_LIMIT = 8 * 1024 * 1024;
const CHUNK = 64 * 1024;

const open = new Set<string>();
let counter = 0;
let hooked = false;
/** Temporary files go away with the process, however it ends (process.exit included). */
function track(path: string): void {
  open.add(path);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const p of open) rmSync(p, { force: true });
    });
  }
}

export class SpillBuffer {
  private parts: string[] = [];
  private held = 0;
  private fd: number | undefined;
  private path: string | undefined;

  constructor(private readonly limit = DEFAULT_SPILL_LIMIT) {}

  /** Whether the text has gone to disk (for tests and diagnostics). */
  get spilled(): boolean {
    return this.fd !== undefined;
  }

  append(text: string): void {
    if (!text) return;
    if (this.fd === undefined && this.held + text.length <= this.limit) {
      this.parts.push(text);
      this.held += text.length;
      return;
    }
    if (this.fd === undefined) {
      this.path = join(tmpdir(), `.passerelle-${process.pid}-${++counter}.spill`);
      track(this.path);
      this.fd = openSync(this.path, 'w+', 0o600);
      for (const p of this.parts) writeSync(this.fd, p);
      this.parts = [];
      this.held = 0;
    }
    writeSync(this.fd, text);
  }

  /** The text appended so far, in chunks; the buffer is empty afterwards and can be reused. */
  *drain(): Generator<string> {
    if (this.fd === undefined) {
      const parts = this.parts;
      this.parts = [];
      this.held = 0;
      yield* parts;
      return;
    }
    const fd = this.fd;
    try {
      const decoder = new StringDecoder('utf8');
      const buf = Buffer.alloc(CHUNK);
      for (let pos = 0; ; ) {
        const n = readSync(fd, buf, 0, CHUNK, pos);
        if (n === 0) break;
        pos += n;
        const s = decoder.write(buf.subarray(0, n));
        if (s) yield s;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      this.dispose();
    }
  }

  /** Drops the text and its temporary file. */
  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.path) {
      rmSync(this.path, { force: true });
      open.delete(this.path);
    }
    this.fd = undefined;
    this.path = undefined;
    this.parts = [];
    this.held = 0;
  }
}
