/**
 * The one findings model every formatter renders (after Frictionless: the report is data,
 * formatters only present it). The JSON formatter writes it as is; its shape is a contract.
 */
import { CatalogueScorer } from '../scores/catalogue.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** ODC principle (P1…P6). */
  principle?: string;
  /** ODC commitment (P3.c). */
  commitment?: string;
  /** Property of the common record: `title`, `distribution[0].license`, `title@fr`. */
  property?: string;
  /** JSON Pointer of the source field inside the source record. */
  sourcePath?: string;
  message: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** Where the source field is in the input file, when known. */
  line?: number;
  column?: number;
  /**
   * Other rules' findings on the same gap (one gap, one finding): the same property of the same
   * record, said again by a presence table (`dcat-ap/*`), the portal's schema (`profile/*`) or an
   * unmapped value. Most severe first. Absent when the finding stands alone.
   */
  related?: RelatedFinding[];
}

/** A finding merged into another one (`Finding.related`). */
export interface RelatedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface SourceRef {
  file: string;
  /** 1-based line of the record (JSON Lines, or where the record starts in a JSON document). */
  line?: number;
  /** JSON Pointer of the record inside its file (JSON documents). */
  pointer?: string;
}

export type RecordStatus = 'valid' | 'invalid' | 'rejected';

/** MQA dimensions (EU Metadata Quality Assessment): the record's points and the maximum per dimension. */
export type MqaDimension = 'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality';
export type MqaBand = 'excellent' | 'good' | 'sufficient' | 'bad';
export type PrincipleId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6';

export interface MqaScore {
  /** Points earned out of `max` (405 when every indicator is assessed), rounded to 2 decimals. */
  points: number;
  max: number;
  /** The MQA's band for `points` (excellent > 350, good > 220, sufficient > 120): indicators not assessed count 0. */
  band: MqaBand;
  dimensions: Record<MqaDimension, { points: number; max: number }>;
  /** Points of each assessed indicator, by its MQA metric name (keywordAvailability…). */
  indicators: Record<string, number>;
  /** Indicators not assessed in this run (reachability without --check-urls). */
  notAssessed?: string[];
}

/** The share of applicable checks of one ODC principle that passed. */
export interface PrincipleScore {
  passed: number;
  applicable: number;
  /** passed ÷ applicable, 0 to 1, rounded to 3 decimals. */
  share: number;
}

export interface RecordScores {
  mqa: MqaScore;
  /** Berners-Lee 5-star level of the dataset (its best distribution), 0 to 5. */
  stars: number;
  /** 5-star level of each distribution, in the record's order. */
  distributionStars: number[];
  principles: Partial<Record<PrincipleId, PrincipleScore>>;
}

export interface CatalogueScores {
  /** Records scored (every record that could be read). */
  records: number;
  mqa: {
    mean: number;
    median: number;
    /** Highest possible points per record (405, or 325 without --check-urls). */
    max: number;
    /** Band of the mean. */
    band: MqaBand;
    dimensions: Record<MqaDimension, { mean: number; max: number }>;
    /** Mean points of each indicator: what to improve first. */
    indicators: Record<string, number>;
    notAssessed?: string[];
  };
  /** Number of datasets at each 5-star level ("0".."5"). */
  stars: Record<string, number>;
  principles: Partial<Record<PrincipleId, PrincipleScore>>;
}

export interface RecordResult {
  /** The record's identifier; null when the record could not be read. */
  id: string | null;
  title?: string;
  profile: string | null;
  source: SourceRef;
  status: RecordStatus;
  findings: Finding[];
  /** Scores of the record; absent for rejected records. */
  scores?: RecordScores;
  /** Findings left out because the baseline (--baseline) already knows them. */
  baselined?: number;
}

export interface Summary {
  records: number;
  valid: number;
  invalid: number;
  rejected: number;
  findings: Record<Severity, number>;
  /** Scores over the records that could be read (set by `closeSummary`). */
  scores?: CatalogueScores;
  /** Findings the baseline left out: they are in no count above. */
  baselined?: number;
}

export interface ToolInfo {
  name: string;
  version: string;
}

export interface Report {
  schemaVersion: 1;
  tool: ToolInfo;
  summary: Summary;
  records: RecordResult[];
}

export function emptySummary(): Summary {
  return { records: 0, valid: 0, invalid: 0, rejected: 0, findings: { error: 0, warning: 0, info: 0 } };
}

const scorers = new WeakMap<Summary, CatalogueScorer>();

/**
 * What a record adds to a summary: its status, its findings' severities, its scores. A record
 * result is one; workers send a record's tally beside its JSON text, so that the main thread counts
 * records without parsing them.
 */
export type Tally = Pick<RecordResult, 'status' | 'scores' | 'baselined'> & { findings: readonly Pick<Finding, 'severity'>[] };

/** Adds one record to a running summary; every record read is counted exactly once. */
export function addToSummary(summary: Summary, r: Tally): void {
  summary.records++;
  summary[r.status]++;
  for (const f of r.findings) summary.findings[f.severity]++;
  if (r.baselined) summary.baselined = (summary.baselined ?? 0) + r.baselined;
  if (r.scores) {
    let scorer = scorers.get(summary);
    if (!scorer) scorers.set(summary, (scorer = new CatalogueScorer()));
    scorer.add(r.scores);
  }
}

/** Completes a summary once every record is added: the catalogue scores. */
export function closeSummary(summary: Summary): Summary {
  const scores = scorers.get(summary)?.result();
  if (scores) summary.scores = scores;
  return summary;
}

export function statusOf(findings: readonly Finding[], rejected: boolean): RecordStatus {
  if (rejected) return 'rejected';
  return findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid';
}

export type FailOn = Severity | 'never';

/** Exit code contract: 1 when any finding is at or above the `--fail-on` threshold. */
export function exitCodeFor(summary: Summary, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const min = SEVERITY_RANK[failOn];
  return (Object.keys(summary.findings) as Severity[]).some((s) => SEVERITY_RANK[s] >= min && summary.findings[s] > 0)
    ? 1
    : 0;
}
