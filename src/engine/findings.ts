/** Turns emitted findings into report findings: severity resolved, message rendered, source located. */
import type { Profile } from '../profiles/types.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../report/model.js';
import { ruleById } from '../rules/index.js';
import type { RuleSettings } from '../rules/run.js';
import type { Emitted, Lang } from '../rules/types.js';
import { render } from '../i18n/render.js';
import { reportedValue } from '../util/show.js';

export interface FinalizeContext {
  profile?: Profile;
  settings?: RuleSettings;
  lang: Lang;
  sourceOf?: (property: string) => string | undefined;
  /** Line and column of each source path (all of a record's at once); the column is unknown for fields that are missing. */
  locate?: (pointers: readonly string[]) => ({ line: number; column?: number } | undefined)[];
  /** Line of the record itself, for findings about the record as a whole. */
  recordLine?: number;
}

export function severityOf(e: Emitted, ctx: Pick<FinalizeContext, 'profile' | 'settings'>): Severity | 'off' {
  const meta = ruleById(e.ruleId)?.meta;
  return ctx.settings?.severity?.[e.ruleId] ?? e.severity ?? ctx.profile?.rules[e.ruleId] ?? meta?.severity ?? 'error';
}

export function finalize(emitted: readonly Emitted[], ctx: FinalizeContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of emitted) {
    const severity = severityOf(e, ctx);
    if (severity === 'off') continue;
    const meta = ruleById(e.ruleId)?.meta;
    const template = meta?.messages[e.messageId]?.[ctx.lang] ?? e.messageId;
    const sourcePath = e.sourcePath ?? (e.property && ctx.sourceOf ? ctx.sourceOf(e.property) : undefined);
    const f: Finding = { ruleId: e.ruleId, severity, message: render(template, e.data, ctx.lang) };
    if (meta?.principle) f.principle = meta.principle;
    if (meta?.commitment) f.commitment = meta.commitment;
    if (e.property) f.property = e.property;
    if (sourcePath !== undefined) f.sourcePath = sourcePath;
    if (e.value !== undefined) f.value = reportedValue(e.value);
    const key = `${f.ruleId}\u0000${f.sourcePath ?? ''}\u0000${f.property ?? ''}`;
    // The profile check and the crosswalk may both notice one bad value: report it once.
    const typeKey = f.ruleId === 'profile/type' && f.sourcePath ? `type\u0000${f.sourcePath}` : key;
    if (seen.has(typeKey)) continue;
    seen.add(typeKey);
    out.push(f);
  }
  // every source field of the record located in one go (one pass over the record's text)
  const located = out.filter((f) => f.sourcePath !== undefined);
  const positions = ctx.locate && located.length ? ctx.locate(located.map((f) => f.sourcePath as string)) : [];
  located.forEach((f, i) => {
    const pos = positions[i];
    if (!pos) return;
    f.line = pos.line;
    if (pos.column !== undefined) f.column = pos.column;
  });
  if (ctx.recordLine !== undefined) for (const f of out) f.line ??= ctx.recordLine;
  // Most severe first, then by rule and property: a stable order for every formatter.
  return out.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.property ?? '', b.property ?? '') ||
      cmp(a.sourcePath ?? '', b.sourcePath ?? ''),
  );
}

/** Code-point order: the same on every machine, whatever its locale. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
