/** Builds a run's summary record by record: counts by status and severity, then the catalogue scores. */
import type { Summary, Tally } from '../core/summary.js';
import { CatalogueScorer } from './catalogue.js';

export function emptySummary(): Summary {
  return {
    records: 0,
    valid: 0,
    invalid: 0,
    rejected: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
}

const scorers = new WeakMap<Summary, CatalogueScorer>();

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
