/**
 * What a jurisdiction's records show, for a performance-measurement framework: per property the
 * fill rate (share of readable records whose common record has a value), indicators built on the
 * rules' own verdicts (open licence, machine-readable, fresh, bilingual, contact point), and the
 * catalogue scores the scoring stage computes (MQA-equivalent, 5 stars, ODC principles): these are
 * gathered as `validate` gathers them, never computed another way.
 */
import type { Processed } from '../engine/pipeline.js';
import { addToSummary, closeSummary, emptySummary } from '../scores/summary.js';
import type { CatalogueScores, MqaBand } from '../core/scores.js';
import type { Summary } from '../core/summary.js';
import { bandOf } from '../scores/mqa.js';
import { isEmpty } from '../util/empty.js';
import { getAll, parsePath } from '../util/paths.js';
import type { Segment } from '../util/paths.js';

/**
 * An indicator is a rule's verdict on each record: passed when the rule ran, had something to
 * judge, and left no finding. `of: 'records'` counts every readable record (a record the rule did
 * not judge has not shown it: a restricted record has no open licence); `of: 'judged'` only those
 * the rule could judge (freshness needs a regular frequency and a date).
 */
export const INDICATORS = [
  { id: 'openLicence', rule: 'odc/open-licence', of: 'records' },
  { id: 'machineReadable', rule: 'odc/machine-readable-format', of: 'records' },
  { id: 'fresh', rule: 'odc/freshness', of: 'judged' },
  { id: 'bilingual', rule: 'odc/bilingual', of: 'records' },
  { id: 'contactPoint', rule: 'odc/contact-point', of: 'records' },
] as const;
export type IndicatorId = (typeof INDICATORS)[number]['id'];

export interface Share {
  /** Records that have it (or passed). */
  n: number;
  /** Records counted. */
  of: number;
  /** n ÷ of, 0 to 1, rounded to 3 decimals (0 when nothing was counted). */
  share: number;
  /** The rule behind an indicator is off for this jurisdiction (its profile or the configuration). */
  notAssessed?: true;
}

export interface Measures {
  profile: string;
  /** Records read, readable ones, unreadable ones (`validate`'s summary counts). */
  records: number;
  readable: number;
  rejected: number;
  valid: number;
  invalid: number;
  /** Per row property of the matrix: records whose common record has a value there. */
  fill: Record<string, Share>;
  indicators: Record<IndicatorId, Share>;
  /** The catalogue scores, as `validate` reports them; absent when no record could be read. */
  scores?: CatalogueScores;
  /** Median MQA-equivalent points and the MQA band they fall in. */
  mqaMedian?: { points: number; max: number; band: MqaBand };
}

export const shareOf = (n: number, of: number): Share => ({
  n,
  of,
  share: of ? Math.round((n / of) * 1000) / 1000 : 0,
});

/** Whether the common record has a value at a row path (`distribution[*].format`: on any distribution). */
export function hasValue(dataset: unknown, segs: readonly Segment[]): boolean {
  return getAll(dataset, segs).some((x) => !isEmpty(x.value));
}

/** Gathers one jurisdiction's measures as its records stream by. */
export class MeasureCollector {
  private readonly summary: Summary = emptySummary();
  private readonly filled = new Map<string, number>();
  private readonly passed = new Map<IndicatorId, number>();
  private readonly judged = new Map<IndicatorId, number>();
  private readonly paths: [string, Segment[]][];

  constructor(
    readonly profile: string,
    properties: readonly string[],
    /** Rules turned off for this jurisdiction: their indicators are not assessed. */
    private readonly off: ReadonlySet<string> = new Set(),
  ) {
    this.paths = properties.map((p) => [p, parsePath(p)]);
  }

  add(p: Processed): void {
    addToSummary(this.summary, p.result);
    if (p.result.status === 'rejected' || !p.mapped) return;
    for (const [property, segs] of this.paths)
      if (hasValue(p.mapped.dataset, segs))
        this.filled.set(property, (this.filled.get(property) ?? 0) + 1);
    // a rule named in a finding's `related` (one gap, one finding) failed as much as the one shown
    const failed = new Set(
      p.result.findings.flatMap((f) =>
        f.related ? [f.ruleId, ...f.related.map((r) => r.ruleId)] : [f.ruleId],
      ),
    );
    for (const i of INDICATORS) {
      const ran = p.checks?.ran.has(i.rule) === true && !p.checks.notApplicable.has(i.rule);
      if (ran) this.judged.set(i.id, (this.judged.get(i.id) ?? 0) + 1);
      if (ran && !failed.has(i.rule)) this.passed.set(i.id, (this.passed.get(i.id) ?? 0) + 1);
    }
  }

  result(): Measures {
    const s = closeSummary(this.summary);
    const readable = s.records - s.rejected;
    const fill = Object.fromEntries(
      this.paths.map(([p]) => [p, shareOf(this.filled.get(p) ?? 0, readable)]),
    );
    const indicators = Object.fromEntries(
      INDICATORS.map((i) => [
        i.id,
        this.off.has(i.rule)
          ? { ...shareOf(0, 0), notAssessed: true }
          : shareOf(
              this.passed.get(i.id) ?? 0,
              i.of === 'records' ? readable : (this.judged.get(i.id) ?? 0),
            ),
      ]),
    ) as Record<IndicatorId, Share>;
    const out: Measures = {
      profile: this.profile,
      records: s.records,
      readable,
      rejected: s.rejected,
      valid: s.valid,
      invalid: s.invalid,
      fill,
      indicators,
    };
    if (s.scores) {
      out.scores = s.scores;
      out.mqaMedian = {
        points: s.scores.mqa.median,
        max: s.scores.mqa.max,
        band: bandOf(s.scores.mqa.median),
      };
    }
    return out;
  }
}
