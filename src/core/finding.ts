/**
 * Findings: as a stage or rule emits one (`Emitted`), and as the report gives it (`Finding`, its
 * severity and message resolved in the report's language).
 */
import type { Severity } from './severity.js';

/** A finding as a stage or rule emits it, before severity and message are resolved. */
export interface Emitted {
  ruleId: string;
  messageId: string;
  data?: Record<string, unknown>;
  property?: string;
  sourcePath?: string;
  value?: unknown;
  /** A rule may choose a severity for one finding (a legacy code is only a warning). */
  severity?: Severity;
  /** The correction, when the rule is certain of it; its pointer defaults to the finding's source field. */
  fix?: Omit<Fix, 'pointer'> & { pointer?: string };
}

/**
 * How a fix corrects a value: a legacy code replaced by the current one, a code written in another
 * case or spacing than the code list's, text damaged by an encoding conversion repaired, spaces
 * around a code removed, a date written another way than ISO 8601 where it reads only one way.
 */
export type FixKind = 'legacy-code' | 'code-spelling' | 'encoding' | 'whitespace' | 'date';
export const FIX_KINDS: readonly FixKind[] = [
  'legacy-code',
  'code-spelling',
  'encoding',
  'whitespace',
  'date',
];

/**
 * A correction a rule is certain of (`passerelle fix` applies it): the source field and its value
 * before and after. Only kept when the source record holds `old` at `pointer`.
 */
export interface Fix {
  /** JSON Pointer of the source field inside the source record. */
  pointer: string;
  old: unknown;
  new: unknown;
  kind: FixKind;
}

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
  /** The correction, when the rule is certain of it (`passerelle fix`). */
  fix?: Fix;
}

/** A finding merged into another one (`Finding.related`). */
export interface RelatedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: Fix;
}
