/**
 * Worker threads for large JSON Lines catalogues: the main thread reads and decompresses, cuts
 * the lines into batches and hands them out; workers parse and check them (the costly part) and
 * send the results back; the main thread yields them in input order. A bounded number of batches
 * is in flight: when the consumer (a report on a slow pipe) stops asking for records, reading stops.
 */
import { searchPath, type SearchPath } from '../util/search-path.js';
import { existsSync, statSync } from 'node:fs';
import { expandPaths, jsonLineRecords } from '../sources/read.js';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Line } from '../sources/lines.js';
import { outOfMemoryRecord } from '../sources/limits.js';
import type { SourceRecord } from '../sources/types.js';
import type { ValidateOptions } from './options.js';
import type { Rule } from '../rules/types.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { RecordResult, RecordStatus } from '../core/record.js';
import type { Tally } from '../core/summary.js';
import { packScores, unpackScores } from '../scores/packed.js';
import { inOrder } from '../util/ordered.js';

/** What every worker is started with: the options its pipelines are built from (plain data). */
export interface WorkerInit {
  options: Omit<
    ValidateOptions,
    'profile' | 'baseline' | 'urlChecker' | 'checks' | 'vocabularies' | 'rules'
  > & {
    /** The user's rules (`RuleBook.user`: data rules, a structured clone carries them). */
    rules?: readonly Rule[];
  };
  /** The main thread's profile search path: a worker finds the same profile files. */
  searchPath?: SearchPath;
}

/** What workers do with a batch: check its records (`validate`), or write them as RDF lines (`convert`). */
export type Task = { kind: 'check' } | { kind: 'rdf'; format: 'ntriples' | 'nquads' };

export interface Batch {
  id: number;
  task: Task;
  profile: string;
  file: string;
  lines: Line[];
  /** The run's number of the batch's first line (see `Unit` in pipeline.ts). */
  seq: number;
}

/**
 * A batch's results, in the form its task sends them (`CheckedBatch` for checks, `Converted[]` for
 * RDF): made so that the main thread, which reads and writes for every worker, does little with them.
 */
export type BatchDone =
  | { id: number; results: unknown; error?: undefined }
  | { id: number; error: string; results?: undefined };

/**
 * Checked records as a worker sends them: each result as its JSON text (what the JSON report writes,
 * as is) and, as one JSON text, what each adds to the summary (`packTally`: parsing that is far
 * cheaper than parsing the results). The main thread parses a result only when something reads it.
 */
export interface CheckedBatch {
  texts: string[];
  tallies: string;
  /** What each record is compared by across the run (`RecordKeys`, or null), as one JSON text. */
  keys: string;
}

const STATUSES: readonly RecordStatus[] = ['valid', 'invalid', 'rejected'];

/**
 * A record's tally as numbers: status, how many errors, warnings and infos, then its scores
 * (`packScores`), if any. (No baseline is applied in workers: nothing is `baselined` there.)
 */
export function packTally(r: RecordResult): (number | null)[] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of r.findings) {
    const s = f.severity;
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
    else if (s === 'info') infos++;
  }
  const out: (number | null)[] = [STATUSES.indexOf(r.status), errors, warnings, infos];
  return r.scores ? packScores(r.scores, out) : out;
}

/** A finding as a tally needs it (its severity only): one shared, frozen object per severity. */
const BY_SEVERITY = SEVERITIES.map((severity) => Object.freeze({ severity }));

export function unpackTally(a: readonly (number | null)[]): Tally {
  const findings: { severity: Severity }[] = [];
  for (let k = 0; k < SEVERITIES.length; k++)
    for (let n = a[1 + k] as number; n > 0; n--) findings.push(BY_SEVERITY[k]);
  const tally: Tally = { status: STATUSES[a[0] as number], findings };
  if (a.length > 4) tally.scores = unpackScores(a, 4);
  return tally;
}

/** Records per batch, and a cap on a batch's text (a catalogue with very large records). */
export const BATCH_RECORDS = 64;
export const BATCH_CHARS = 1 << 20;
/** Batches in flight per worker: one being checked, one waiting, so that no worker idles. */
export const BATCHES_PER_WORKER = 2;

/** The compiled worker script; absent when running from the TypeScript sources (tests), then no workers. */
const WORKER_SCRIPT = fileURLToPath(new URL('./worker.js', import.meta.url));
export const workersAvailable = (): boolean => existsSync(WORKER_SCRIPT);

/** Inputs smaller than this (on disk) are checked in the main thread: starting workers would cost more than they save. */
export const AUTO_WORKERS_FROM_BYTES = 4 * 1024 * 1024;

/**
 * `--workers auto`: one worker per core, at most 4 (past that the main thread, which reads and
 * writes the reports, is the limit), when the inputs are large; else none.
 */
export function autoWorkers(paths: readonly string[]): number {
  let bytes = 0;
  for (const p of paths) {
    const path = /^[a-z0-9-]+=/.test(p) && !existsSync(p) ? p.slice(p.indexOf('=') + 1) : p;
    try {
      for (const f of expandPaths([path])) if (!f.rejected) bytes += statSync(f.path).size;
    } catch {
      return 1; // a path that does not exist: the run reports it
    }
  }
  return bytes >= AUTO_WORKERS_FROM_BYTES ? Math.max(1, Math.min(4, availableParallelism())) : 1;
}

/**
 * Each worker's heap: a small young generation (the records of one batch at a time) and room in
 * the old one for the pipelines (profile, crosswalk, vocabularies, compiled checks) and large
 * records. Without limits each worker sizes its heap for the whole machine, and the run's peak
 * RSS doubles for no gain.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 192 };
const WORKER_HEAP_MB =
  WORKER_LIMITS.maxYoungGenerationSizeMb + WORKER_LIMITS.maxOldGenerationSizeMb;

/**
 * The longest line (in characters) a worker is given; longer ones are checked in the main thread.
 * V8 cannot stop `JSON.parse` half-way: a parse that overruns a worker's heap by more than Node's
 * 16 MB of grace aborts the whole process, and a parse takes up to ~32 bytes a character (a list of
 * empty objects). Past the parse, a worker that runs out of memory is stopped cleanly.
 */
export const WORKER_LINE_CHARS = (WORKER_LIMITS.maxOldGenerationSizeMb << 20) / 32;

/** Why a batch came back without results: its worker ran out of memory (its lines are tried again, alone). */
export class WorkerOutOfMemory extends Error {}

type Slot = { worker: Worker; busy: number; outOfMemory?: boolean };

/**
 * Worker threads started as batches need them (up to `size`): five records never start 64 workers
 * (876 MB), and a signal never waits for workers that had nothing to do.
 */
export class WorkerPool {
  private readonly workers: Slot[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void; slot: Slot }
  >();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(
    private readonly limit: number,
    private readonly init: WorkerInit,
  ) {}

  private start(): Slot {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { ...this.init, searchPath: searchPath() } satisfies WorkerInit,
      resourceLimits: WORKER_LIMITS,
    });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (m: BatchDone) => this.settle(m));
    worker.on('error', (e: Error & { code?: string }) =>
      e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.lost(slot) : this.fail(e),
    );
    worker.on('exit', (code) => {
      if (code !== 0 && !slot.outOfMemory)
        this.fail(new Error(`a validation worker stopped (exit code ${code})`));
    });
    this.workers.push(slot);
    return slot;
  }

  /** Workers started so far. */
  get size(): number {
    return this.workers.length;
  }

  /** Runs one batch on the least busy worker; the results come in the batch's order. */
  run<R>(batch: Omit<Batch, 'id'>): Promise<R> {
    if (this.failed) return Promise.reject(this.failed);
    const least = this.workers.reduce<Slot | undefined>(
      (a, b) => (a && a.busy <= b.busy ? a : b),
      undefined,
    );
    const slot =
      least && (least.busy === 0 || this.workers.length >= this.limit) ? least : this.start();
    const id = this.nextId++;
    slot.busy++;
    return new Promise<R>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject, slot });
      slot.worker.postMessage({ ...batch, id } satisfies Batch);
    });
  }

  private settle(m: BatchDone): void {
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    w.slot.busy--;
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(m.results);
  }

  /**
   * A worker that ran out of memory: it is gone (the next batch starts another), and the batches it
   * had fail with `WorkerOutOfMemory`, the run's other batches and workers untouched.
   */
  private lost(slot: Slot): void {
    slot.outOfMemory = true;
    this.workers.splice(this.workers.indexOf(slot), 1);
    const e = new WorkerOutOfMemory('a validation worker ran out of memory');
    for (const [id, w] of this.waiting)
      if (w.slot === slot) {
        this.waiting.delete(id);
        w.reject(e);
      }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.failed ??= new Error('the worker pool is closed');
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** What a run hands to workers: a batch of JSON Lines (the rest of `Batch` is the pool's). */
type Batched = { batch: Omit<Batch, 'id' | 'task'> };

/**
 * The one loop of every task workers do (validate's checks, convert's RDF lines): each batch of
 * JSON Lines to a worker, each other record here, the results in input order, a bounded number of
 * batches in flight. The pool closes when the caller stops reading.
 *
 * A worker that runs out of memory costs a record, never the run: the lines of the batches it had
 * are tried again one at a time, each alone in a worker (so that a line that runs it out of memory
 * is the one to blame), and a line that runs that worker out of memory too is given to `rejected`
 * as a rejected record (`input/too-large`, its file and line). Each line is tried at most twice.
 * Records checked here (`here`, `checkHere`: other formats, lines too long for a worker) may take
 * turns (`Pipeline.processAsync`, which lets signals in); they are checked one at a time.
 */
export async function* throughWorkers<U extends Batched | { batch?: undefined }, R, T>(
  units: AsyncIterable<U>,
  run: { workers: number; init: WorkerInit; task: Task },
  fromWorker: (reply: R) => T[],
  here: (unit: Exclude<U, Batched>) => T | Promise<T>,
  checkHere: (
    unit: Extract<U, Batched>,
    src: SourceRecord,
    seq: number,
    part: number,
  ) => T | Promise<T>,
): AsyncGenerator<T> {
  const pool = new WorkerPool(run.workers, run.init);
  const alone = new WorkerPool(1, run.init);
  let queue: Promise<unknown> = Promise.resolve();
  // one record at a time here: two huge lines are never held at once
  let hereQueue: Promise<unknown> = Promise.resolve();
  const inTurn = <V>(f: () => V | Promise<V>): Promise<V> => {
    const done = hereQueue.then(f);
    hereQueue = done.catch(() => undefined);
    return done;
  };
  const again = (u: Extract<U, Batched>, line: Line, i: number): Promise<T[]> => {
    const seq = u.batch.seq + i;
    const tried = queue
      .then(() => alone.run<R>({ ...u.batch, lines: [line], seq, task: run.task }))
      .then(fromWorker, (e: unknown) => {
        if (!(e instanceof WorkerOutOfMemory)) throw e;
        return inTurn(async () => [
          await checkHere(u, outOfMemoryRecord(u.batch.file, line, WORKER_HEAP_MB), seq, 0),
        ]);
      });
    queue = tried.catch(() => undefined); // one line at a time in that worker
    return tried;
  };
  const inWorker = async (b: Extract<U, Batched>): Promise<T[]> => {
    try {
      return fromWorker(await pool.run<R>({ ...b.batch, task: run.task }));
    } catch (e) {
      if (!(e instanceof WorkerOutOfMemory)) throw e;
      return (await Promise.all(b.batch.lines.map((line, i) => again(b, line, i)))).flat();
    }
  };
  const one = async (u: U): Promise<T[]> => {
    if (!u.batch) return inTurn(async () => [await here(u as Exclude<U, Batched>)]);
    const b = u as Extract<U, Batched>;
    if (b.batch.lines.every((l) => l.text.length <= WORKER_LINE_CHARS)) return inWorker(b);
    // the lines too long for a worker checked here, the runs of other lines by workers, in order
    const parts: (T[] | Promise<T[]>)[] = [];
    let from = 0;
    b.batch.lines.forEach((line, i) => {
      if (line.text.length <= WORKER_LINE_CHARS) return;
      const seq = b.batch.seq + from;
      if (i > from)
        parts.push(
          inWorker({ ...b, batch: { ...b.batch, lines: b.batch.lines.slice(from, i), seq } }),
        );
      parts.push(
        inTurn(async () => {
          const out: T[] = [];
          const records = jsonLineRecords(b.batch.file, line);
          for (let part = 0; part < records.length; part++)
            out.push(await checkHere(b, records[part], b.batch.seq + i, part));
          return out;
        }),
      );
      from = i + 1;
    });
    if (from < b.batch.lines.length)
      parts.push(
        inWorker({
          ...b,
          batch: { ...b.batch, lines: b.batch.lines.slice(from), seq: b.batch.seq + from },
        }),
      );
    return (await Promise.all(parts)).flat();
  };
  try {
    for await (const results of inOrder(units, one, run.workers * BATCHES_PER_WORKER))
      for (const r of results) yield r;
  } finally {
    await Promise.all([pool.close(), alone.close()]);
  }
}
