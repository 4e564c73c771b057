/**
 * The pipeline, one direction: source record → profile check → crosswalk → rules → findings.
 * One record at a time, so that a catalogue streams through in bounded memory, and one bad
 * record never stops the others.
 */
import { loadCrosswalk, type Crosswalk, type Mapped } from '../crosswalk/crosswalk.js';
import { checkAgainstProfile } from '../profiles/check.js';
import { conformToProfile } from '../profiles/conform.js';
import { loadProfile } from '../profiles/load.js';
import type { Profile } from '../profiles/types.js';
import type { Dataset } from '../model/types.js';
import { tool } from '../tool.js';
import { addToSummary, closeSummary, emptySummary } from '../scores/summary.js';
import { statusOf, type RecordResult } from '../core/record.js';
import type { Report } from '../report/model.js';
import type { SourceRef } from '../core/source.js';
import type { Summary, Tally } from '../core/summary.js';
import { runRules, settingsFor, type RuleChecks, type RuleSettings } from '../rules/run.js';
import { RULE_IDS, RULE_PRINCIPLES, RULES } from '../rules/index.js';
import { statusText, type UrlStatus } from '../net/urls.js';
import { scoreRecord } from '../scores/record.js';
import type { Emitted } from '../core/finding.js';
import type { Lang } from '../core/lang.js';
import { expandPaths, jsonLineRecords, openFile, type InputEntry } from '../sources/read.js';
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
import { locateAll, type SourceRecord } from '../sources/types.js';
import { withinLimits } from '../sources/limits.js';
import { pickText } from '../core/lang.js';
import { READ_ERRORS } from '../i18n/read-errors.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import { finalize, mergeRelated, withFindings } from './findings.js';
import type { ValidateOptions } from './options.js';
import { SeenRecords } from './unique.js';
import { recordKeys, type RecordKeys } from '../rules/odc/unique-identifier.js';
import { AUTO, profileAndPath, recogniseFiles, type Recognised } from './detect.js';
import { relativeToCwd } from '../util/files.js';
import { getAll, parsePath } from '../util/paths.js';
import { isEmpty } from '../util/empty.js';

export { tool } from '../tool.js';

/** A record mapped without being checked (`convert`): its common record, or its rejection. */
export type Mapping =
  | { source: SourceRef; mapped: Mapped; rejected?: undefined }
  | { source: SourceRef; rejected: RecordResult; mapped?: undefined };

export interface Processed {
  result: RecordResult;
  /** `result` as JSON text, when made where the record was checked (a worker): the JSON report writes it as is. */
  json?: string;
  /** What `result` adds to the summary, when a worker sent it (see `Tally`). */
  tally?: Tally;
  /** The common record, when the source record could be read. */
  mapped?: Mapped;
  /** Which rules ran on the record and which found nothing to judge (indicators built on rule verdicts: `compare`). */
  checks?: RuleChecks;
  /** What the run compares records by (`odc/unique-identifier`), when the record could be read. */
  keys?: RecordKeys;
}

function recordId(data: unknown, mapped?: Mapped): string | null {
  if (mapped?.dataset.identifier) return mapped.dataset.identifier;
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const k of ['id', 'name', 'identifier'])
      if (typeof d[k] === 'string' && (d[k] as string).trim()) return d[k] as string;
  }
  return null;
}

/** A record through the rules: what the asynchronous checks (SHACL, URLs) need to finish it. */
interface Prepared {
  src: SourceRecord;
  mapped: Mapped;
  emitted: Emitted[];
  ruleChecks: RuleChecks;
}

/** A profile's whole pipeline, built once and applied to every record. */
export class Pipeline {
  readonly profile: Profile;
  readonly crosswalk: Crosswalk;
  private readonly vocabularies: VocabularyRegistry;
  private readonly now: Date;
  private readonly lang: Lang;
  /** The rule settings for this profile's records (config, with its per-profile overrides). */
  private readonly settings: RuleSettings | undefined;
  /** The ids of the profile check's and the crosswalk's rules that are on: each record counts them as run. */
  private readonly stageChecks: readonly string[];

  constructor(private readonly options: ValidateOptions) {
    this.profile = loadProfile(options.profile, { knownRules: RULE_IDS });
    this.vocabularies = options.vocabularies ?? defaultVocabularies();
    this.crosswalk = loadCrosswalk(this.profile, undefined, this.vocabularies);
    this.now = options.now ?? new Date();
    this.lang = options.lang ?? 'en';
    this.settings = settingsFor(options.settings, this.profile.id);
    // rules whose findings the profile check and the crosswalk emit are checks too, unless turned off
    // (SHACL components are not: they restate the DCAT-AP rules in RDF, and only run with --shacl)
    const on = (id: string): boolean =>
      this.settings?.severity?.[id] !== 'off' && this.profile.rules[id] !== 'off';
    this.stageChecks = RULES.filter(
      (r) =>
        r.kind === 'stage' && (r.stage === 'profile' || r.stage === 'crosswalk') && on(r.meta.id),
    ).map((r) => r.meta.id);
  }

  /**
   * Spreadsheet columns are named as people name them: a CSV row's headers become the profile's
   * fields. JSON, XML and RDF keys are field names already (renamed by label, they would be misread).
   */
  private conform(read: SourceRecord): SourceRecord {
    return read.shape === 'csv' ? conformToProfile(this.profile, read) : read;
  }

  /** One record through the profile check, the crosswalk and the rules. */
  process(src: SourceRecord): Processed {
    const prepared = this.prepare(src);
    return 'result' in prepared ? prepared : this.finish(prepared);
  }

  /** The same, with the asynchronous checks too: `options.checks` (SHACL) and the URLs (`options.urlChecker`). */
  async processAsync(src: SourceRecord): Promise<Processed> {
    const prepared = this.prepare(src);
    if ('result' in prepared) return prepared;
    for (const c of this.options.checks ?? [])
      prepared.emitted.push(...(await c.check(prepared.mapped.dataset)));
    const checker = this.options.urlChecker;
    if (!checker) return this.finish(prepared);
    const urls = (prepared.mapped.dataset.distribution ?? []).flatMap((d) => [
      ...(d.accessURL ?? []),
      ...(d.downloadURL ?? []),
    ]);
    return this.finish(prepared, await checker.checkAll(urls));
  }

  /** A record through the crosswalk only, without checking it (`convert`): its common record, or why it cannot be read. */
  map(read: SourceRecord): Mapping {
    const src = withinLimits(this.conform(read));
    if (src.error || src.data === undefined)
      return { source: src.source, rejected: this.reject(src) };
    return { source: src.source, mapped: this.crosswalk.apply(src.data) };
  }

  private reject(src: SourceRecord): RecordResult {
    return rejection(src, this.profile.id, { lang: this.lang, settings: this.settings });
  }

  private prepare(read: SourceRecord): Prepared | Processed {
    const src = withinLimits(this.conform(read));
    if (src.error || src.data === undefined) return { result: this.reject(src) };
    const emitted: Emitted[] = checkAgainstProfile(this.profile, src.data);
    const mapped = this.crosswalk.apply(src.data);
    emitted.push(...mapped.findings);
    const ruleChecks: RuleChecks = { ran: new Set(), notApplicable: new Set() };
    emitted.push(
      ...runRules(mapped.dataset, {
        profile: this.profile,
        now: this.now,
        vocabularies: this.vocabularies,
        settings: this.settings,
        checks: ruleChecks,
      }),
    );
    for (const id of this.stageChecks) ruleChecks.ran.add(id);
    return { src, mapped, emitted, ruleChecks };
  }

  private finish(
    { src, mapped, emitted, ruleChecks }: Prepared,
    urls?: Map<string, UrlStatus>,
  ): Processed {
    if (urls) emitted.push(...unreachable(mapped, urls));
    const locator = src.locator;
    const locate = locator
      ? (pointers: readonly string[]) => locateAll(locator, pointers)
      : undefined;
    const findings = finalize(emitted, {
      profile: this.profile,
      settings: this.settings,
      lang: this.lang,
      sourceOf: (property) => this.crosswalk.sourceOf(mapped, property),
      locate,
      // a field that cannot be located (a missing one) still gets the record's line
      recordLine: src.source.line,
    });
    const result: RecordResult = {
      id: recordId(src.data, mapped),
      title: pickText(
        mapped.dataset.title,
        this.lang === 'fr' ? ['fr', 'en', 'und'] : ['en', 'fr', 'und'],
      ),
      profile: this.profile.id,
      source: src.source,
      status: statusOf(findings, false),
      findings,
      scores: scoreRecord(mapped.dataset, findings, ruleChecks, {
        vocabularies: this.vocabularies,
        settings: this.settings,
        reachable: urls ? (u) => urls.get(u)?.ok === true : undefined,
        rulePrinciples: RULE_PRINCIPLES,
      }),
    };
    // one gap, one finding: after the scores, which count every rule's verdict
    result.findings = mergeRelated(
      findings,
      (property) => absentFrom(mapped.dataset, property),
      (field) => this.crosswalk.propertiesReading(field),
    );
    return { result, mapped, checks: ruleChecks, keys: recordKeys(mapped.dataset) };
  }

  /**
   * A result with a finding more, from a check across records (`odc/unique-identifier`): severity
   * and message as for the record's own findings, the record's line, its status again. Its scores
   * stay: they are the record's own.
   */
  addFinding(result: RecordResult, e: Emitted): RecordResult {
    const more = finalize([e], {
      profile: this.profile,
      settings: this.settings,
      lang: this.lang,
      recordLine: result.source.line,
    });
    if (more.length === 0) return result;
    const findings = withFindings(result.findings, more);
    return { ...result, status: statusOf(findings, result.status === 'rejected'), findings };
  }
}

/**
 * A record that cannot be read: one `input/parse-error` finding, with the line and column of the
 * problem (or the finding given: `input/unrecognised`).
 */
function rejection(
  src: SourceRecord,
  profile: string | null,
  ctx: { lang: Lang; settings?: RuleSettings },
  why?: Emitted,
): RecordResult {
  const findings = finalize(
    [
      why ?? {
        ruleId: 'input/parse-error',
        messageId: 'invalid',
        data: { message: src.error?.message ?? READ_ERRORS.unreadable },
      },
    ],
    ctx,
  );
  for (const f of findings) {
    if (src.error?.line !== undefined) f.line = src.error.line;
    if (src.error?.column !== undefined) f.column = src.error.column;
    f.line ??= src.source.line;
  }
  return { id: null, profile, source: src.source, status: 'rejected', findings };
}

/**
 * What a file `--profile auto` found no profile for goes through instead of a pipeline: each of
 * its records is rejected, with the reason (`input/unrecognised`), or as read (`input/parse-error`,
 * a file with no readable record). The run goes on with the next file.
 */
export class Unrecognised {
  private readonly ctx: { lang: Lang; settings?: RuleSettings };
  constructor(
    options: Partial<ValidateOptions>,
    private readonly why?: Emitted,
  ) {
    this.ctx = { lang: options.lang ?? 'en', settings: settingsFor(options.settings, AUTO) };
  }

  process(src: SourceRecord): Processed {
    return { result: rejection(src, null, this.ctx, this.why) };
  }

  async processAsync(src: SourceRecord): Promise<Processed> {
    return this.process(src);
  }

  map(src: SourceRecord): Mapping {
    return { source: src.source, rejected: rejection(src, null, this.ctx, this.why) };
  }
}

/** What a unit's records go through: their profile's pipeline, or their rejection. */
export type Stages = Pick<Pipeline, 'process' | 'processAsync' | 'map'>;

/** Whether a property of the common record (`distribution`, `contactPoint`) has no value at all. */
function absentFrom(dataset: Dataset, property: string): boolean {
  const path = property.split('@')[0];
  return getAll(dataset, parsePath(path)).every((v) => isEmpty(v.value));
}

/** Findings for URLs that did not answer: each URL once per distribution, as an access URL first. */
function unreachable(mapped: Mapped, urls: Map<string, UrlStatus>): Emitted[] {
  const out: Emitted[] = [];
  (mapped.dataset.distribution ?? []).forEach((d, i) => {
    const seen = new Set<string>();
    for (const [field, ruleId] of [
      ['accessURL', 'odc/access-url'],
      ['downloadURL', 'odc/download-url'],
    ] as const) {
      for (const url of d[field] ?? []) {
        const s = urls.get(url);
        if (!s || s.ok || seen.has(url)) continue;
        seen.add(url);
        out.push({
          ruleId,
          messageId: 'unreachable',
          property: `distribution[${i}].${field}`,
          data: { url, status: statusText(s) },
          value: url,
          severity: 'warning',
        });
      }
    }
  });
  return out;
}

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
    if (!defaultProfile)
      throw new UsageError(`${a}: no profile given (use --profile <id> or <profile>=<path>)`);
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
      (u) => u.pipeline.process(u.src),
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
      const p = unique(pipeline.process(src));
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
  return { now: options.now, lang: options.lang, settings: options.settings };
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
