/**
 * The report every formatter renders (after Frictionless: the report is data, formatters only
 * present it). The JSON formatter writes it as is; its shape is a contract. Its parts (findings,
 * record results, summary, scores) are the shared vocabulary in `src/core/`.
 */
import type { RecordResult } from '../core/record.js';
import { SEVERITY_RANK, type Severity } from '../core/severity.js';
import type { Summary } from '../core/summary.js';
import type { ToolInfo } from '../tool.js';
import { jsonText } from '../util/escape.js';

export interface Report {
  schemaVersion: 1;
  tool: ToolInfo;
  summary: Summary;
  records: RecordResult[];
}

/** A record's line in the JSON report: made by the JSON formatter, or by the worker that checked the record. */
export function recordJsonText(r: RecordResult): string {
  return jsonText(r);
}

export type FailOn = Severity | 'never';

/** Exit code contract: 1 when any finding is at or above the `--fail-on` threshold. */
export function exitCodeFor(summary: Summary, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const min = SEVERITY_RANK[failOn];
  return (Object.keys(summary.findings) as Severity[]).some(
    (s) => SEVERITY_RANK[s] >= min && summary.findings[s] > 0,
  )
    ? 1
    : 0;
}
