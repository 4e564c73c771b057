/** Turns emitted findings into report findings: severity resolved, message rendered, source located. */
import type { Profile } from '../profiles/types.js';
import { SEVERITY_RANK, type Severity } from '../core/severity.js';
import type { Emitted, Finding, Fix } from '../core/finding.js';
import { SHIPPED_RULES, type RuleBook } from '../rules/book.js';
import type { RuleSettings } from '../rules/run.js';
import type { Lang } from '../core/lang.js';
import type { RuleMeta } from '../rules/types.js';
import { render } from '../i18n/render.js';
import { reportedValue } from '../util/show.js';
import { atOnce, STEP_ITEMS, type Steps } from '../util/turns.js';
import { MAX_FINDINGS_PER_RULE, notListed } from '../rules/input/too-many-findings.js';
export interface FinalizeContext {
  profile?: Profile;
  /** The run's rules, whose messages and severities findings take (default: the shipped ones). */
  rules?: RuleBook;
  settings?: RuleSettings;
  lang: Lang;
  sourceOf?: (property: string) => string | undefined;
  /** Line and column of each source path (all of a record's at once); the column is unknown for fields that are missing. */
  locate?: (pointers: readonly string[]) => ({ line: number; column?: number } | undefined)[];
  /** Line of the record itself, for findings about the record as a whole. */
  recordLine?: number;
}

/** What a rule's findings take from the rule and the configuration, the same for every record. */
interface Resolved {
  meta: RuleMeta | undefined;
  /** The configured severity (it overrides a finding's own). */
  configured: Severity | 'off' | undefined;
  /** The severity when neither the configuration nor the finding gives one. */
  fallback: Severity | 'off';
}

/**
 * Rules resolved once per rule book, profile and settings (objects a run keeps): findings are many,
 * rules few. The maps hold one entry per rule id, so they stay small.
 */
type Context = Pick<FinalizeContext, 'profile' | 'settings'>;
const RESOLVED = new WeakMap<RuleBook, WeakMap<object, WeakMap<object, Map<string, Resolved>>>>();
const NONE = {};
function resolvedFor(book: RuleBook, ctx: Context): Map<string, Resolved> {
  const p: object = ctx.profile ?? NONE;
  const s: object = ctx.settings ?? NONE;
  let byProfile = RESOLVED.get(book);
  if (!byProfile) RESOLVED.set(book, (byProfile = new WeakMap()));
  let bySettings = byProfile.get(p);
  if (!bySettings) byProfile.set(p, (bySettings = new WeakMap()));
  let rules = bySettings.get(s);
  if (!rules) bySettings.set(s, (rules = new Map()));
  return rules;
}
function resolve(
  book: RuleBook,
  rules: Map<string, Resolved>,
  ruleId: string,
  ctx: Context,
): Resolved {
  let r = rules.get(ruleId);
  if (!r) {
    const meta = book.byId(ruleId)?.meta;
    r = {
      meta,
      configured: ctx.settings?.severity?.[ruleId],
      fallback: ctx.profile?.rules[ruleId] ?? meta?.severity ?? 'error',
    };
    if (rules.size < 10000) rules.set(ruleId, r);
  }
  return r;
}

/** `finalizeSteps` at once: a few findings (a rule's examples, a finding across records). */
export function finalize(emitted: readonly Emitted[], ctx: FinalizeContext): Finding[] {
  return atOnce(finalizeSteps(emitted, ctx));
}

/**
 * Emitted findings as the report gives them, in steps (`src/util/turns.ts`). One rule lists at most
 * MAX_FINDINGS_PER_RULE findings on a record (`listedOf`); the others are counted, never built, and
 * said by one `input/too-many-findings` as severe as the worst of them.
 */
export function* finalizeSteps(
  emitted: readonly Emitted[],
  ctx: FinalizeContext,
): Steps<Finding[]> {
  const book = ctx.rules ?? SHIPPED_RULES;
  const rules = resolvedFor(book, ctx);
  // the findings that stand (not off, not a repeat): where in `emitted`, their severity and source
  const stand: Standing = { at: [], severities: [], paths: [], perRule: new Map() };
  const kept = new Set<string>();
  for (let i = 0; i < emitted.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const e = emitted[i];
    const rule = resolve(book, rules, e.ruleId, ctx);
    const severity = rule.configured ?? e.severity ?? rule.fallback;
    if (severity === 'off') continue;
    const sourcePath =
      e.sourcePath ?? (e.property && ctx.sourceOf ? ctx.sourceOf(e.property) : undefined);
    if (repeats(kept, e.ruleId, sourcePath, e.property)) continue;
    stand.at.push(i);
    stand.severities.push(severity);
    stand.paths.push(sourcePath);
    stand.perRule.set(e.ruleId, (stand.perRule.get(e.ruleId) ?? 0) + 1);
  }
  yield;
  const { unlisted, left } = listedOf(emitted, stand);
  const out: Finding[] = [];
  // the source paths to locate, and their findings
  const pointers: string[] = [];
  const located: Finding[] = [];
  for (let k = 0; k < stand.at.length; k++) {
    if (k % STEP_ITEMS === STEP_ITEMS - 1) yield;
    if (unlisted?.has(k)) continue;
    const e = emitted[stand.at[k]];
    const sourcePath = stand.paths[k];
    const meta = resolve(book, rules, e.ruleId, ctx).meta;
    const f = findingOf(e, meta, stand.severities[k], sourcePath, ctx.lang);
    out.push(f);
    if (sourcePath !== undefined) {
      pointers.push(sourcePath);
      located.push(f);
    }
  }
  for (const [ruleId, l] of left) {
    const e = notListed(ruleId, l.count, l.severity);
    const rule = resolve(book, rules, e.ruleId, ctx);
    const severity = rule.configured ?? e.severity ?? rule.fallback;
    if (severity !== 'off') out.push(findingOf(e, rule.meta, severity, undefined, ctx.lang));
  }
  yield;
  // every source field of the record located in one go (one pass over the record's text)
  if (ctx.locate && pointers.length) {
    const positions = ctx.locate(pointers);
    for (let i = 0; i < located.length; i++) {
      const pos = positions[i];
      if (!pos) continue;
      located[i].line = pos.line;
      if (pos.column !== undefined) located[i].column = pos.column;
    }
  }
  if (ctx.recordLine !== undefined) for (const f of out) f.line ??= ctx.recordLine;
  // Most severe first, then by rule and property: a stable order for every formatter.
  return sortByRank(out);
}

/** The findings of a record that stand, by their place in `emitted`, with their severity and source path. */
interface Standing {
  at: number[];
  severities: Severity[];
  paths: (string | undefined)[];
  perRule: Map<string, number>;
}

/**
 * Which standing findings are not listed: those of a rule past its first MAX_FINDINGS_PER_RULE in
 * the record's order (`placeOf`), and for each such rule how many and the worst severity. Nothing
 * when no rule is over.
 */
function listedOf(
  emitted: readonly Emitted[],
  { at, severities, paths, perRule }: Standing,
): { unlisted?: Set<number>; left: Map<string, { count: number; severity: Severity }> } {
  const left = new Map<string, { count: number; severity: Severity }>();
  const over = new Set([...perRule].filter(([, n]) => n > MAX_FINDINGS_PER_RULE).map(([r]) => r));
  if (over.size === 0) return { left };
  const byRule = new Map<string, number[]>();
  for (let k = 0; k < at.length; k++) {
    const id = emitted[at[k]].ruleId;
    if (!over.has(id)) continue;
    const list = byRule.get(id);
    if (list) list.push(k);
    else byRule.set(id, [k]);
  }
  const unlisted = new Set<number>();
  for (const [ruleId, ks] of byRule) {
    const order = inPlaceOrder(ks.map((k) => paths[k] ?? emitted[at[k]].property ?? ''));
    let worst: Severity = 'info';
    for (const j of order.slice(MAX_FINDINGS_PER_RULE)) {
      unlisted.add(ks[j]);
      if (SEVERITY_RANK[severities[ks[j]]] > SEVERITY_RANK[worst]) worst = severities[ks[j]];
    }
    left.set(ruleId, { count: ks.length - MAX_FINDINGS_PER_RULE, severity: worst });
  }
  return { unlisted, left };
}

/**
 * Where a finding is in the record, as text that sorts in the record's order: the record's own
 * fields first, then list items by their numbers (`/resources/9` before `/resources/10`), then by
 * path: the items of a long list in turn, whatever the order the checks found them in (a crosswalk
 * goes property by property). Fields of one object go by name, not as the text writes them.
 */
function placeOf(path: string): string {
  const items: string[] = [];
  for (const m of path.matchAll(ITEM)) items.push((m[1] ?? m[2]).padStart(12, '0'));
  return `${items.length ? 1 : 0}${items.join('.')}\u0000${path}`;
}
/**
 * The positions of `paths` in the record's order (`placeOf`; found order among equals). Paths
 * found in that order already (a long list checked item by item) are not sorted: no key is kept.
 */
function inPlaceOrder(paths: readonly string[]): number[] {
  const order = paths.map((_, j) => j);
  let before = '';
  for (const p of paths) {
    const place = placeOf(p);
    if (cmp(before, place) > 0) {
      const places = paths.map(placeOf);
      return order.sort((x, y) => cmp(places[x], places[y]));
    }
    before = place;
  }
  return order;
}

/** A list item's number in a JSON Pointer (`/resources/2`) or a property path (`distribution[2]`). */
const ITEM = /\/(\d+)(?=\/|$)|\[(\d+)\]/g;

/** A finding as the report gives it, its source not yet located. */
function findingOf(
  e: Emitted,
  meta: RuleMeta | undefined,
  severity: Severity,
  sourcePath: string | undefined,
  lang: Lang,
): Finding {
  const template = meta?.messages[e.messageId]?.[lang] ?? e.messageId;
  const f: Finding = { ruleId: e.ruleId, severity, message: render(template, e.data, lang) };
  if (meta?.principle) f.principle = meta.principle;
  if (meta?.commitment) f.commitment = meta.commitment;
  if (e.property) f.property = e.property;
  if (sourcePath !== undefined) f.sourcePath = sourcePath;
  if (e.value !== undefined) f.value = reportedValue(e.value);
  if (e.fix) f.fix = { pointer: sourcePath, ...e.fix } as Fix; // checked against the record later
  return f;
}

/** Findings with more added, in `finalize`'s order. */
export function withFindings(findings: readonly Finding[], more: readonly Finding[]): Finding[] {
  return sortByRank([...findings, ...more]);
}

/**
 * Sorts in place, stably, as `Array.prototype.sort(byRank)` does (a stable sort's result is the
 * same whatever the algorithm): a record has a few findings, and insertion sort skips the
 * built-in sort's set-up, which cost more than the comparisons. Many findings (a record with
 * hundreds of resources): the built-in sort, whose cost grows as n log n.
 */
export function sortByRank(out: Finding[]): Finding[] {
  if (out.length > 32) return out.sort(byRank);
  for (let i = 1; i < out.length; i++) {
    const f = out[i];
    let j = i - 1;
    while (j >= 0 && byRank(out[j], f) > 0) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = f;
  }
  return out;
}

/**
 * Whether a finding repeats one already kept: the same rule, source path and property, or a type
 * error at the same source path (the profile check and the crosswalk may both notice one bad
 * value). One key per finding in a set: a record may have thousands of findings (a resource list
 * repeated 8,000 times), and comparing each with every kept one grew with their square. The key
 * is injective for fields without a NUL (a rule id has none); fields holding one were always
 * compared by this key.
 */
function repeats(
  kept: Set<string>,
  ruleId: string,
  sourcePath: string | undefined,
  property: string | undefined,
): boolean {
  const key = keyOf(ruleId, sourcePath, property);
  if (kept.has(key)) return true;
  kept.add(key);
  return false;
}

function keyOf(ruleId: string, sourcePath?: string, property?: string): string {
  return ruleId === 'profile/type' && sourcePath
    ? `type\u0000${sourcePath}`
    : `${ruleId}\u0000${sourcePath ?? ''}\u0000${property ?? ''}`;
}

export function byRank(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.property ?? '', b.property ?? '') ||
    cmp(a.sourcePath ?? '', b.sourcePath ?? '')
  );
}

/** Code-point order: the same on every machine, whatever its locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
