/**
 * The pipeline, one direction: source record → profile check → crosswalk → rules → findings.
 * One record at a time, so that a catalogue streams through in bounded memory, and one bad
 * record never stops the others. A run's records are read and put through it in `run.ts`.
 */
import { loadCrosswalk, type Crosswalk, type Mapped } from '../crosswalk/crosswalk.js';
import { profileSteps } from '../profiles/check.js';
import { conformToProfile } from '../profiles/conform.js';
import { loadProfile } from '../profiles/load.js';
import type { Profile } from '../profiles/types.js';
import type { Dataset } from '../model/types.js';
import { statusOf, type RecordResult } from '../core/record.js';
import type { SourceRef } from '../core/source.js';
import type { Tally } from '../core/summary.js';
import { runRules, settingsFor, type RuleChecks, type RuleSettings } from '../rules/run.js';
import { RULE_IDS } from '../rules/index.js';
import { SHIPPED_RULES, type RuleBook } from '../rules/book.js';
import { statusText, type UrlStatus } from '../net/urls.js';
import { scoreRecord } from '../scores/record.js';
import type { Emitted } from '../core/finding.js';
import type { Lang } from '../core/lang.js';
import { locateAll, type SourceRecord } from '../sources/types.js';
import { withinLimits } from '../sources/limits.js';
import { pickText } from '../core/lang.js';
import { READ_ERRORS } from '../i18n/read-errors.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import { finalizeSteps, finalize, withFindings } from './findings.js';
import { mergeRelated } from './related.js';
import { checkFixes } from './fixes.js';
import type { ValidateOptions } from './options.js';
import { recordKeys, type RecordKeys } from '../rules/odc/unique-identifier.js';
import { AUTO } from './detect.js';
import { getAll, parsePath } from '../util/paths.js';
import { isEmpty } from '../util/empty.js';
import { atOnce, inTurns, type Steps } from '../util/turns.js';

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
  private readonly rules: RuleBook;
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
    this.rules = options.rules ?? SHIPPED_RULES;
    this.settings = settingsFor(options.settings, this.profile.id);
    // rules whose findings the profile check and the crosswalk emit are checks too, unless turned off
    // (SHACL components are not: they restate the DCAT-AP rules in RDF, and only run with --shacl)
    const on = (id: string): boolean =>
      this.settings?.severity?.[id] !== 'off' && this.profile.rules[id] !== 'off';
    this.stageChecks = this.rules.all
      .filter(
        (r) =>
          r.kind === 'stage' && (r.stage === 'profile' || r.stage === 'crosswalk') && on(r.meta.id),
      )
      .map((r) => r.meta.id);
  }

  /**
   * Spreadsheet columns are named as people name them: a CSV row's headers become the profile's
   * fields. JSON, XML and RDF keys are field names already (renamed by label, they would be misread).
   */
  private conform(read: SourceRecord): SourceRecord {
    return read.shape === 'csv' ? conformToProfile(this.profile, read) : read;
  }

  /** One record through the profile check, the crosswalk and the rules, at once (a worker thread). */
  process(src: SourceRecord): Processed {
    return atOnce(this.steps(src));
  }

  /**
   * The same, letting signals in between steps (the main thread: one huge record cannot hold off a
   * Ctrl-C), with the asynchronous checks too: `options.checks` (SHACL) and the URLs (`options.urlChecker`).
   */
  async processAsync(src: SourceRecord): Promise<Processed> {
    const checker = this.options.urlChecker;
    if (!this.options.checks?.length && !checker) return inTurns(this.steps(src));
    const prepared = await inTurns(this.prepare(src));
    if ('result' in prepared) return prepared;
    for (const c of this.options.checks ?? [])
      prepared.emitted.push(...(await c.check(prepared.mapped.dataset)));
    if (!checker) return inTurns(this.finish(prepared));
    const urls = (prepared.mapped.dataset.distribution ?? []).flatMap((d) => [
      ...(d.accessURL ?? []),
      ...(d.downloadURL ?? []),
    ]);
    return inTurns(this.finish(prepared, await checker.checkAll(urls)));
  }

  private *steps(src: SourceRecord): Steps<Processed> {
    const prepared = yield* this.prepare(src);
    return 'result' in prepared ? prepared : yield* this.finish(prepared);
  }

  /** A record through the crosswalk only, without checking it (`convert`): its common record, or why it cannot be read. */
  map(read: SourceRecord): Mapping {
    const src = withinLimits(this.conform(read));
    if (src.error || src.data === undefined)
      return { source: src.source, rejected: this.reject(src) };
    return { source: src.source, mapped: this.crosswalk.apply(src.data) };
  }

  private reject(src: SourceRecord): RecordResult {
    return rejection(src, this.profile.id, {
      lang: this.lang,
      settings: this.settings,
      rules: this.rules,
    });
  }

  /** A record read and checked, in steps between its stages (and within the long ones). */
  private *prepare(read: SourceRecord): Steps<Prepared | Processed> {
    const src = withinLimits(this.conform(read));
    if (src.error || src.data === undefined) return { result: this.reject(src) };
    yield;
    const emitted: Emitted[] = yield* profileSteps(this.profile, src.data);
    yield;
    const mapped = this.crosswalk.apply(src.data);
    for (const f of mapped.findings) emitted.push(f);
    yield;
    const ruleChecks: RuleChecks = { ran: new Set(), notApplicable: new Set() };
    const found = runRules(mapped.dataset, {
      profile: this.profile,
      now: this.now,
      vocabularies: this.vocabularies,
      settings: this.settings,
      rules: this.rules.all,
      checks: ruleChecks,
      source: src.data,
    });
    for (const f of found) emitted.push(f);
    for (const id of this.stageChecks) ruleChecks.ran.add(id);
    return { src, mapped, emitted, ruleChecks };
  }

  private *finish(
    { src, mapped, emitted, ruleChecks }: Prepared,
    urls?: Map<string, UrlStatus>,
  ): Steps<Processed> {
    if (urls) emitted.push(...unreachable(mapped, urls));
    yield;
    const locator = src.locator;
    const locate = locator
      ? (pointers: readonly string[]) => locateAll(locator, pointers)
      : undefined;
    const findings = yield* finalizeSteps(emitted, {
      profile: this.profile,
      rules: this.rules,
      settings: this.settings,
      lang: this.lang,
      sourceOf: (property) => this.crosswalk.sourceOf(mapped, property),
      locate,
      // a field that cannot be located (a missing one) still gets the record's line
      recordLine: src.source.line,
    });
    // a fix stays only where the source record holds the value it corrects
    checkFixes(findings, src.data);
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
        rulePrinciples: this.rules.principles,
      }),
    };
    yield;
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
      rules: this.rules,
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
 * A record that cannot be read: one `input/parse-error` finding (or the rule its error names:
 * `input/too-large`), with the line and column of the problem (or the finding given: `input/unrecognised`).
 */
function rejection(
  src: SourceRecord,
  profile: string | null,
  ctx: { lang: Lang; settings?: RuleSettings; rules?: RuleBook },
  why?: Emitted,
): RecordResult {
  const findings = finalize(
    [
      why ?? {
        ruleId: src.error?.rule ?? 'input/parse-error',
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
