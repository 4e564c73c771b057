/** One record's result in a report: where it comes from, its status, its findings and scores. */
import type { Finding } from './finding.js';
import type { RecordScores } from './scores.js';
import type { SourceRef } from './source.js';

export type RecordStatus = 'valid' | 'invalid' | 'rejected';

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

export function statusOf(findings: readonly Finding[], rejected: boolean): RecordStatus {
  if (rejected) return 'rejected';
  return findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid';
}
