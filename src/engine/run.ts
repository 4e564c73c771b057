/**
 * A run: its inputs read record by record (or as batches of JSON Lines for worker threads), each
 * record through its profile's pipeline, the results back in input order, with what is judged
 * across records (`odc/unique-identifier`) and the baseline applied on the way.
 */
import { tool } from '../tool.js';
import { addToSummary, closeSummary, emptySummary } from '../scores/summary.js';
import type { RecordResult } from '../core/record.js';
import type { Report } from '../report/model.js';
import type { Summary, Tally } from '../core/summary.js';
import type { RuleSettings } from '../rules/run.js';
import type { Emitted } from '../core/finding.js';
import { expandPaths, jsonLineRecords, openFile, type InputEntry } from '../sources/read.js';
import { snapshotProfile } from '../sources/snapshot.js';
import { batches, inOrder } from '../util/ordered.js';
import { letSignalsIn } from '../util/turns.js';
import {
  BATCH_CHARS,
  BATCH_RECORDS,
  throughWorkers,
  unpackTally,
  workersAvailable,
  type Batch,
  type CheckedBatch,
  type WorkerInit,
} from './parallel.js';
import { UsageError } from '../util/errors.js';
import type { SourceRecord } from '../sources/types.js';
import type { ValidateOptions } from './options.js';
import { SeenRecords } from './unique.js';
import type { RecordKeys } from '../rules/odc/unique-identifier.js';
import { AUTO, profileAndPath, recogniseFiles, type Recognised } from './detect.js';
import { relativeToCwd } from '../util/files.js';
import { Pipeline, Unrecognised, type Processed, type Stages } from './pipeline.js';

/** An input with the profile its records follow. */
export interface Input {
  profile: string;
  path: string;
  /** `--profile auto` found no profile for this file: why (its records are rejected). */
  unrecognised?: Extract<Recognised, { profile?: undefined }>['problem'];
  /** The files it stands for, as listed before the first record is read (`prepareRun`). */
  entries?: InputEntry[];
}

/**
 * Inputs as the command line gives them: plain paths take `options.profile`; `<profile>=<path>`
 * names the profile of one path, so that one run covers several jurisdictions.
 */
export function parseInputs(args: readonly string[], defaultProfile: string | undefined): Input[] {
  return args.map((a) => {
    const named = profileAndPath(a);
    if (named) return named;
    // a harvest snapshot names its profile: used unless one is given
    const harvested = !defaultProfile || defaultProfile === AUTO ? snapshotProfile(a) : undefined;
    if (harvested) return { profile: harvested, path: a };
    if (!defaultProfile)
      throw new UsageError(
        `${a}: no profile given (use --profile <id> or <profile>=<path>)`,
        `${a} : aucun profil donné (employez --profile <id> ou <profil>=<chemin>)`,
      );
    return { profile: defaultProfile, path: a };
  });
}

/** Records whose URLs are being checked at once (`--check-urls`), kept in input order. */
const URL_WINDOW = 64;

/**
 * What the inputs are read as: records (read here), or batches of JSON Lines for the workers.
 * `seq` numbers the records of the run in input order (JSON Lines: one number per record text,
 * `part` telling apart the objects written one after another in one text), the same with or
 * without workers: `convert` names blank nodes after them.
 */
export type Unit =
  | { pipeline: Stages; src: SourceRecord; seq: number; part: number; batch?: undefined }
  | { pipeline: Stages; batch: Omit<Batch, 'id' | 'task'>; src?: undefined };

/**
 * Every record of the inputs, in order; JSON Lines as batches of lines when workers check them.
 * Between two units the event loop gets a turn now and then: a signal is handled between records.
 */
export async function* unitsOf(
  inputs: readonly Input[],
  pipelines: ReadonlyMap<string, Stages>,
  batchLines: boolean,
): AsyncGenerator<Unit> {
  for await (const u of unitsRead(inputs, pipelines, batchLines)) {
    await letSignalsIn();
    yield u;
  }
}

async function* unitsRead(
  inputs: readonly Input[],
  pipelines: ReadonlyMap<string, Stages>,
  batchLines: boolean,
): AsyncGenerator<Unit> {
  let seq = 0;
  for (const i of inputs) {
    const pipeline = pipelines.get(i.profile) as Stages;
    const p = i.unrecognised;
    if (p && p.kind !== 'unreadable') {
      // readable, but no profile (or several) recognises it: one rejected record for the file
      yield {
        pipeline,
        src: {
          source: { file: i.path, ...(p.line !== undefined ? { line: p.line } : {}) },
          shape: 'json',
        } as SourceRecord,
        seq: seq++,
        part: 0,
      };
      continue;
    }
    // a file with no readable record is read here, record by record, each one rejected as read
    const batched = batchLines && !p;
    for (const entry of i.entries ?? expandPaths([i.path])) {
      const opened = await openFile(entry);
      if (opened.kind === 'records') {
        for await (const src of opened.records) yield { pipeline, src, seq: seq++, part: 0 };
      } else if (batched) {
        for await (const lines of batches(
          opened.lines,
          BATCH_RECORDS,
          BATCH_CHARS,
          (l) => l.text.length,
        )) {
          yield { pipeline, batch: { profile: i.profile, file: opened.file, lines, seq } };
          seq += lines.length;
        }
      } else {
        for await (const text of opened.lines) {
          const records = jsonLineRecords(opened.file, text);
          for (let part = 0; part < records.length; part++)
            yield { pipeline, src: records[part], seq, part };
          seq++;
        }
      }
    }
  }
}

/** How many workers check JSON Lines: 1 (this thread) unless asked for, and only when the checks can move. */
export function workersFor(options: Partial<ValidateOptions>): number {
  const n = options.workers ?? 1;
  // URL and SHACL checks are asynchronous and stay here; custom vocabularies cannot be handed over
  if (
    n <= 1 ||
    options.checks?.length ||
    options.urlChecker ||
    options.vocabularies ||
    !workersAvailable()
  )
    return 1;
  return n;
}

/**
 * The inputs of a run and one pipeline per profile. `auto` inputs become one input per file, with
 * the profile its records fit. Profiles, crosswalks and paths are all checked before the first
 * record is read.
 */
export async function prepareRun(
  paths: readonly (string | Input)[],
  options: Partial<ValidateOptions>,
): Promise<{ inputs: Input[]; pipelines: Map<string, Stages> }> {
  const given = paths.map((p) =>
    typeof p === 'string' ? parseInputs([p], options.profile)[0] : p,
  );
  const walk = { followLinks: options.followLinks };
  const inputs: Input[] = [];
  const detected: Input[] = [];
  for (const i of given) {
    if (i.profile !== AUTO) inputs.push(i);
    else {
      for (const d of await recogniseFiles([i.path], undefined, walk)) {
        // a file no profile recognises is reported as a rejected record; the other files are checked
        // (its stages are its own when the reason names its candidates)
        if (d.profile === undefined)
          inputs.push({
            profile:
              d.problem.kind === 'unreadable' ? `${AUTO}:unreadable` : `${AUTO}:${inputs.length}`,
            path: d.file,
            unrecognised: d.problem,
            entries: [d.entry],
          });
        else {
          detected.push({ profile: d.profile, path: d.file });
          inputs.push({ profile: d.profile, path: d.file, entries: [d.entry] });
        }
      }
    }
  }
  // said once every profile and crosswalk is loaded, before the first record is read
  const pipelines = new Map<string, Stages>();
  for (const i of inputs) {
    if (pipelines.has(i.profile)) continue;
    const p = i.unrecognised;
    if (!p) pipelines.set(i.profile, new Pipeline({ ...options, profile: i.profile }));
    else
      pipelines.set(
        i.profile,
        new Unrecognised(options, p.kind === 'unreadable' ? undefined : unrecognisedFinding(p)),
      );
  }
  for (const d of detected) options.onDetect?.(relativeToCwd(d.path), d.profile);
  // every path listed once, here: a path that cannot be read stops the run before its first record
  return {
    inputs: inputs.map((i) => ({ ...i, entries: i.entries ?? expandPaths([i.path], walk) })),
    pipelines,
  };
}

function unrecognisedFinding(p: { kind: 'unknown' | 'ambiguous'; candidates: string[] }): Emitted {
  return {
    ruleId: 'input/unrecognised',
    messageId: p.kind,
    data: { candidates: p.candidates.join(', ') },
  };
}

/** Every record of the inputs, checked, in input order. */
export async function* validateRecords(
  paths: readonly (string | Input)[],
  options: Partial<ValidateOptions>,
): AsyncGenerator<Processed> {
  const { inputs, pipelines } = await prepareRun(paths, options);
  // records repeating an earlier one's identifier or URI: judged here, in input order, whoever checked them
  const seen = uniqueOff(options.settings) ? undefined : new SeenRecords();
  const unique = (p: Processed): Processed => {
    const e = seen?.check(p.keys, p.result.source);
    const pipeline = e && pipelines.get(p.result.profile ?? '');
    if (!e || !(pipeline instanceof Pipeline)) return p;
    // a result with a finding more: its worker-made text and tally no longer hold
    return {
      result: pipeline.addFinding(p.result, e),
      mapped: p.mapped,
      checks: p.checks,
      keys: p.keys,
    };
  };
  const known = (result: RecordResult): RecordResult =>
    options.baseline ? options.baseline.apply(result) : result;
  const workers = workersFor(options);
  if (workers > 1) {
    // workers send results only (the common records stay in the workers)
    const task = {
      workers,
      init: { options: workerOptions(options) },
      task: { kind: 'check' },
    } as const;
    for await (const c of throughWorkers(
      unitsOf(inputs, pipelines, true),
      task,
      checkedInWorker,
      // records checked here (other formats, lines too long for a worker) let signals in
      (u) => u.pipeline.processAsync(u.src),
      (u, src) => u.pipeline.processAsync(src),
    )) {
      const p = unique(c);
      // a baseline changes results: their text and tally no longer hold
      yield options.baseline ? { result: known(p.result) } : p;
    }
    return;
  }
  const units = unitsOf(inputs, pipelines, false) as AsyncGenerator<Unit & { src: SourceRecord }>;
  if (!options.checks?.length && !options.urlChecker) {
    for await (const { pipeline, src } of units) {
      const p = unique(await pipeline.processAsync(src));
      yield { ...p, result: known(p.result) };
    }
    return;
  }
  // URL checks wait on servers: several records at once; SHACL checks one after the other
  const width = options.urlChecker ? URL_WINDOW : 1;
  for await (const c of inOrder(units, (u) => u.pipeline.processAsync(u.src), width)) {
    const p = unique(c);
    yield { ...p, result: known(p.result) };
  }
}

/** `odc/unique-identifier: off` for every profile: no key is kept. */
function uniqueOff(settings: RuleSettings | undefined): boolean {
  const id = 'odc/unique-identifier';
  return (
    settings?.severity?.[id] === 'off' &&
    Object.values(settings.profiles ?? {}).every((p) => (p.severity?.[id] ?? 'off') === 'off')
  );
}

/** A record checked by a worker: its result is parsed from its text only when something reads it (a report other than JSON, a baseline). */
class CheckedInWorker implements Processed {
  private parsed: RecordResult | undefined;
  constructor(
    readonly json: string,
    readonly tally: Tally,
    readonly keys: RecordKeys | undefined,
  ) {}

  get result(): RecordResult {
    return (this.parsed ??= JSON.parse(this.json) as RecordResult);
  }
}

function checkedInWorker(batch: CheckedBatch): Processed[] {
  const tallies = JSON.parse(batch.tallies) as (number | null)[][];
  const keys = JSON.parse(batch.keys) as (RecordKeys | null)[];
  return batch.texts.map(
    (text, i) => new CheckedInWorker(text, unpackTally(tallies[i]), keys[i] ?? undefined),
  );
}

/** The options workers rebuild their pipelines from: plain data only. */
export function workerOptions(options: Partial<ValidateOptions>): WorkerInit['options'] {
  // the user's rules are data: each worker builds its own book of them
  return {
    now: options.now,
    lang: options.lang,
    settings: options.settings,
    rules: options.rules?.user,
  };
}

/** The whole report in memory: for programs and tests; the CLI streams instead. */
export async function validate(
  paths: readonly (string | Input)[],
  options: Partial<ValidateOptions>,
): Promise<Report> {
  const summary: Summary = emptySummary();
  const records: RecordResult[] = [];
  for await (const { result } of validateRecords(paths, options)) {
    addToSummary(summary, result);
    records.push(result);
  }
  return { schemaVersion: 1, tool: tool(), summary: closeSummary(summary), records };
}
