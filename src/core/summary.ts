/** A run's summary: records by status, findings by severity, catalogue scores (built by `src/scores/summary.ts`). */
import type { Finding } from './finding.js';
import type { RecordResult } from './record.js';
import type { CatalogueScores } from './scores.js';
import type { Severity } from './severity.js';

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

/**
 * What a record adds to a summary: its status, its findings' severities, its scores. A record
 * result is one; workers send a record's tally beside its JSON text, so that the main thread counts
 * records without parsing them.
 */
export type Tally = Pick<RecordResult, 'status' | 'scores' | 'baselined'> & {
  findings: readonly Pick<Finding, 'severity'>[];
};
