/**
 * What `passerelle fix` would change: the inputs validated as `validate` does, and for each record
 * the fixes its findings carry (and those of the findings merged into them), chosen by rule and
 * kind. Two fixes touching the same field (or one inside the other) are a conflict: neither is
 * applied, both are reported.
 */
import type { Finding, Fix, FixKind } from '../core/finding.js';
import type { SourceRef } from '../core/source.js';
import type { ValidateOptions } from '../engine/options.js';
import { validateRecords, type Input } from '../engine/run.js';
import { parsePath, toPointer } from '../util/paths.js';

/** A fix with the finding that carries it. */
export interface PlannedFix extends Fix {
  ruleId: string;
  message: string;
  /** Line of the field in the input file, when known. */
  line?: number;
  column?: number;
}

/** A record's fixes: those to apply, and those left because another fix touches the same field. */
export interface RecordFixes {
  id: string | null;
  profile: string | null;
  source: SourceRef;
  fixes: PlannedFix[];
  conflicts: PlannedFix[];
}

/** Which fixes apply: of these rules only (ids), of these kinds only (all when not given). */
export interface FixFilter {
  ruleIds?: readonly string[];
  kinds?: readonly FixKind[];
}

/** `validate`'s options (`rules`: the run's RuleBook, whose shipped rules give the fixes), and the filter. */
export interface FixOptions extends Partial<ValidateOptions>, FixFilter {}

function planned(f: Finding | NonNullable<Finding['related']>[number], at: Finding): PlannedFix[] {
  if (!f.fix) return [];
  const p: PlannedFix = { ...f.fix, ruleId: f.ruleId, message: f.message };
  // a merged finding's field is the one of the finding it is merged into
  if (at.line !== undefined && f.fix.pointer === (at.fix?.pointer ?? at.sourcePath)) {
    p.line = at.line;
    if (at.column !== undefined) p.column = at.column;
  }
  return [p];
}

/** The fixes of a record's findings that the filter keeps, split into those to apply and conflicts. */
export function fixesOf(
  findings: readonly Finding[],
  filter: FixFilter = {},
): { fixes: PlannedFix[]; conflicts: PlannedFix[] } {
  const all = findings
    .flatMap((f) => [...planned(f, f), ...(f.related ?? []).flatMap((r) => planned(r, f))])
    .filter(
      (p) =>
        (!filter.ruleIds?.length || filter.ruleIds.includes(p.ruleId)) &&
        (!filter.kinds?.length || filter.kinds.includes(p.kind)),
    );
  // the same change said by two findings is one fix
  const byPointer = new Map<string, PlannedFix[]>();
  const unique: PlannedFix[] = [];
  for (const p of all) {
    const same = byPointer.get(p.pointer) ?? [];
    if (same.some((q) => JSON.stringify(q.new) === JSON.stringify(p.new))) continue;
    same.push(p);
    byPointer.set(p.pointer, same);
    unique.push(p);
  }
  // a conflict: another fix at the same pointer, or at one of its ancestors
  const conflicted = new Set<PlannedFix>();
  for (const p of unique) {
    const segs = parsePath(p.pointer);
    for (let n = 0; n <= segs.length; n++) {
      const others = byPointer.get(toPointer(segs.slice(0, n)))?.filter((q) => q !== p) ?? [];
      if (others.length === 0) continue;
      conflicted.add(p);
      for (const q of others) conflicted.add(q);
    }
  }
  return {
    fixes: unique.filter((p) => !conflicted.has(p)),
    conflicts: unique.filter((p) => conflicted.has(p)),
  };
}

/**
 * Every record of the inputs with its fixes, in input order (records without any too: a file's
 * records say which files were read). Rejected records have none.
 */
export async function* planFixes(
  paths: readonly (string | Input)[],
  options: FixOptions,
): AsyncGenerator<RecordFixes> {
  const { ruleIds, kinds, ...validate } = options;
  for await (const { result } of validateRecords(paths, { ...validate, workers: 1 })) {
    yield {
      id: result.id,
      profile: result.profile,
      source: result.source,
      ...fixesOf(result.findings, { ruleIds, kinds }),
    };
  }
}
