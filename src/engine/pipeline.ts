/**
 * The pipeline, one direction: source record → profile check → crosswalk → rules → findings.
 * One record at a time, so that a catalogue streams through in bounded memory, and one bad
 * record never stops the others.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCrosswalk, type Crosswalk, type Mapped } from '../crosswalk/crosswalk.js';
import { checkAgainstProfile } from '../profiles/check.js';
import { conformToProfile } from '../profiles/conform.js';
import { loadProfile } from '../profiles/load.js';
import type { Profile } from '../profiles/types.js';
import type { Dataset } from '../model/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import {
  addToSummary,
  emptySummary,
  statusOf,
  type Report,
  type RecordResult,
  type Summary,
  type ToolInfo,
} from '../report/model.js';
import { runRules, type RuleSettings } from '../rules/run.js';
import type { Emitted, Lang } from '../rules/types.js';
import { expandPaths, readSources } from '../sources/read.js';
import { listProfileIds } from '../profiles/load.js';
import { UsageError } from '../util/errors.js';
import type { SourceRecord } from '../sources/types.js';
import { pickText } from '../util/lang.js';
import { READ_ERRORS } from '../sources/read-errors.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import { finalize } from './findings.js';

export interface ValidateOptions {
  /** Profile id (`ca-gc`…). */
  profile: string;
  /** Reference date for freshness and future dates (default: now). */
  now?: Date;
  /** Language of messages. */
  lang?: Lang;
  settings?: RuleSettings;
  vocabularies?: VocabularyRegistry;
  /** Checks run on each common record after the rules, asynchronously (SHACL shapes: `validate --shacl`). */
  checks?: readonly RecordCheck[];
}

/** A check of whole common records that may take its time (a SHACL engine). */
export interface RecordCheck {
  check(dataset: Dataset): Promise<Emitted[]>;
}

export interface Processed {
  result: RecordResult;
  /** The common record, when the source record could be read. */
  mapped?: Mapped;
}

let toolInfo: ToolInfo | undefined;
export function tool(): ToolInfo {
  if (!toolInfo) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    toolInfo = { name: pkg.name, version: pkg.version };
  }
  return toolInfo;
}

function recordId(data: unknown, mapped?: Mapped): string | null {
  if (mapped?.dataset.identifier) return mapped.dataset.identifier;
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const k of ['id', 'name', 'identifier']) if (typeof d[k] === 'string' && (d[k] as string).trim()) return d[k] as string;
  }
  return null;
}

/** A profile's whole pipeline, built once and applied to every record. */
export class Pipeline {
  readonly profile: Profile;
  readonly crosswalk: Crosswalk;
  private readonly vocabularies: VocabularyRegistry;
  private readonly now: Date;
  private readonly lang: Lang;

  constructor(private readonly options: ValidateOptions) {
    this.profile = loadProfile(options.profile);
    this.vocabularies = options.vocabularies ?? defaultVocabularies();
    this.crosswalk = loadCrosswalk(this.profile, undefined, this.vocabularies);
    this.now = options.now ?? new Date();
    this.lang = options.lang ?? 'en';
  }

  /** One record through the profile check, the crosswalk and the rules. */
  process(read: SourceRecord): Processed {
    const src = conformToProfile(this.profile, read);
    return this.complete(src, this.start(src));
  }

  /** The same, with the asynchronous checks (`options.checks`) too. */
  async processAsync(read: SourceRecord): Promise<Processed> {
    const src = conformToProfile(this.profile, read);
    const started = this.start(src);
    if (started.mapped) for (const c of this.options.checks ?? []) started.emitted.push(...(await c.check(started.mapped.dataset)));
    return this.complete(src, started);
  }

  private start(src: SourceRecord): { emitted: Emitted[]; mapped?: Mapped } {
    if (src.error || src.data === undefined) return { emitted: [] };
    const emitted: Emitted[] = checkAgainstProfile(this.profile, src.data);
    const mapped = this.crosswalk.apply(src.data);
    emitted.push(...mapped.findings);
    emitted.push(
      ...runRules(mapped.dataset, {
        profile: this.profile,
        now: this.now,
        vocabularies: this.vocabularies,
        settings: this.options.settings,
      }),
    );
    return { emitted, mapped };
  }

  private complete(src: SourceRecord, { emitted, mapped }: { emitted: Emitted[]; mapped?: Mapped }): Processed {
    const locate = src.locator ? (p: string) => src.locator?.locate(p) : undefined;
    if (!mapped) {
      const findings = finalize(
        [{ ruleId: 'input/parse-error', messageId: 'invalid', data: { message: src.error?.message ?? READ_ERRORS.unreadable } }],
        { lang: this.lang, settings: this.options.settings },
      );
      for (const f of findings) {
        if (src.error?.line !== undefined) f.line = src.error.line;
        if (src.error?.column !== undefined) f.column = src.error.column;
      }
      return { result: { id: null, profile: this.profile.id, source: src.source, status: 'rejected', findings } };
    }
    const findings = finalize(emitted, {
      profile: this.profile,
      settings: this.options.settings,
      lang: this.lang,
      sourceOf: (property) => this.crosswalk.sourceOf(mapped, property),
      locate,
      // a field that cannot be located (a missing one) still gets the record's line
      recordLine: src.source.line,
    });
    const result: RecordResult = {
      id: recordId(src.data, mapped),
      title: pickText(mapped.dataset.title, this.lang === 'fr' ? ['fr', 'en', 'und'] : ['en', 'fr', 'und']),
      profile: this.profile.id,
      source: src.source,
      status: statusOf(findings, false),
      findings,
    };
    return { result, mapped };
  }
}

/** An input with the profile its records follow. */
export interface Input {
  profile: string;
  path: string;
}

/**
 * Inputs as the command line gives them: plain paths take `options.profile`; `<profile>=<path>`
 * names the profile of one path, so that one run covers several jurisdictions.
 */
export function parseInputs(args: readonly string[], defaultProfile: string | undefined): Input[] {
  const known = new Set(listProfileIds());
  return args.map((a) => {
    const m = /^([a-z0-9-]+)=(.+)$/.exec(a);
    if (m && known.has(m[1])) return { profile: m[1], path: m[2] };
    if (!defaultProfile) throw new UsageError(`${a}: no profile given (use --profile <id> or <profile>=<path>)`);
    return { profile: defaultProfile, path: a };
  });
}

/** Every record of the inputs, checked, in input order. */
export async function* validateRecords(paths: readonly (string | Input)[], options: Partial<ValidateOptions>): AsyncGenerator<Processed> {
  const inputs = paths.map((p) => (typeof p === 'string' ? parseInputs([p], options.profile)[0] : p));
  // Profiles, crosswalks and paths are all checked before the first record is read.
  const pipelines = new Map<string, Pipeline>();
  for (const i of inputs) if (!pipelines.has(i.profile)) pipelines.set(i.profile, new Pipeline({ ...options, profile: i.profile }));
  expandPaths(inputs.map((i) => i.path));
  for (const i of inputs) {
    const pipeline = pipelines.get(i.profile) as Pipeline;
    for await (const src of readSources([i.path])) yield options.checks?.length ? await pipeline.processAsync(src) : pipeline.process(src);
  }
}

/** The whole report in memory: for programs and tests; the CLI streams instead. */
export async function validate(paths: readonly (string | Input)[], options: Partial<ValidateOptions>): Promise<Report> {
  const summary: Summary = emptySummary();
  const records: RecordResult[] = [];
  for await (const { result } of validateRecords(paths, options)) {
    addToSummary(summary, result);
    records.push(result);
  }
  return { schemaVersion: 1, tool: tool(), summary, records };
}
