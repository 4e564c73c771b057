/**
 * Files of a series (`ca-ab.1.ndjson`, `ca-ab.2.ndjson`…), each under a size limit: bulk requests
 * have one (Amazon OpenSearch Service refuses bodies over 10 MiB; Elasticsearch's default
 * `http.max_content_length` is 100 MB), and one file is one request. A piece (a document and its
 * action) is never cut; a piece over the limit alone makes a file of its own. Each file is written
 * beside its name and renamed once complete.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framing } from './engines.js';

/** 10 MB: under Amazon OpenSearch Service's 10 MiB, within the 5–15 MB bulk requests do best with. */
export const PART_LIMIT = 10_000_000;

export class Parts {
  private pieces: string[] = [];
  private bytes = 0;
  private readonly names: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly ext: string,
    private readonly framing: Framing,
    private readonly limit = PART_LIMIT,
  ) {}

  add(piece: string): void {
    const size = Buffer.byteLength(piece) + Buffer.byteLength(this.framing.separator);
    const frame = Buffer.byteLength(this.framing.open) + Buffer.byteLength(this.framing.close);
    if (this.pieces.length && this.bytes + size + frame > this.limit) this.flush();
    this.pieces.push(piece);
    this.bytes += size;
  }

  private flush(): void {
    if (!this.pieces.length) return;
    const name = `${this.prefix}.${this.names.length + 1}${this.ext}`;
    const file = join(this.dir, name);
    const tmp = join(this.dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const { open, separator, close } = this.framing;
    writeFileSync(tmp, `${open}${this.pieces.join(separator)}${close}`, { flag: 'wx' });
    renameSync(tmp, file);
    this.names.push(name);
    this.pieces = [];
    this.bytes = 0;
  }

  /** Writes the last file; the names of the files written, in order. */
  close(): string[] {
    this.flush();
    return this.names;
  }
}

/** Removes the files of a series (`<prefix>.<n><ext>`) from a folder. */
export function removeSeries(dir: string, prefix: string, ext: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const series = new RegExp(`^${escaped}\\.\\d+${ext.replace('.', '\\.')}$`);
  for (const n of names) if (series.test(n)) rmSync(join(dir, n), { force: true });
}
