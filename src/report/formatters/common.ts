/** Small helpers the report formats share: how a record and a place in a file are named. */
import { t } from '../../i18n/ui.js';
import type { Lang } from '../../core/lang.js';
import { SEVERITY_RANK, type Severity } from '../../core/severity.js';
import type { Finding } from '../../core/finding.js';
import type { RecordResult } from '../../core/record.js';

/** The record's id, or "unreadable record" for one that could not be read. */
export function recordName(r: RecordResult, lang: Lang): string {
  return r.id ?? t('rejectedRecord', lang);
}

/** Line of a finding: its own, else the record's. */
export function lineOf(r: RecordResult, f?: Finding): number | undefined {
  return f?.line ?? r.source.line;
}

/** `file:line:column` (as much of it as is known). */
export function placeOf(r: RecordResult, f?: Finding): string {
  const line = lineOf(r, f);
  if (line === undefined)
    return r.source.pointer ? `${r.source.file}#${r.source.pointer}` : r.source.file;
  return f?.line !== undefined && f.column !== undefined
    ? `${r.source.file}:${line}:${f.column}`
    : `${r.source.file}:${line}`;
}

/** The rules a finding stands for besides its own (one gap, one finding), briefly: ` (+ dcat-ap/recommended)`; '' when none. */
export function relatedNote(f: Finding): string {
  return f.related?.length ? ` (+ ${f.related.map((r) => r.ruleId).join(', ')})` : '';
}

/** Whether `passerelle fix` can correct a finding: it, or a finding merged into it, carries a fix. */
export function isFixable(f: Finding): boolean {
  return f.fix !== undefined || f.related?.some((x) => x.fix !== undefined) === true;
}

/** Whether a finding is at or above a threshold (`never`: none is). */
export function atOrAbove(s: Severity, threshold: Severity | 'never'): boolean {
  return threshold !== 'never' && SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}

/** A finding's value as text (JSON for lists and objects). */
export function valueText(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Code-point order, the same on every machine whatever its locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First letter capitalised, for labels used as headings. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
