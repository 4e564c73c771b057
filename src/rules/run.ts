/** Runs the record rules on one common record. */
import type { Dataset } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Severity } from '../core/severity.js';
import { isEmpty } from '../util/empty.js';
import { coerce } from '../util/coerce.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { RULES } from './index.js';
import { judge, valueAt, type Failure } from './checks.js';
import type { CodeRule, CoreCheck, DataRule, RecordInput, Rule, RuleContext } from './types.js';
import type { Emitted } from '../core/finding.js';

/**
 * Rule configuration (passerelle.config.yaml): severity overrides (or `off`) and options, per rule
 * id; `profiles` overrides them for one profile's records.
 */
export interface RuleSettings {
  severity?: Record<string, Severity | 'off'>;
  options?: Record<string, Record<string, unknown>>;
  profiles?: Record<string, Omit<RuleSettings, 'profiles'>>;
}

/** The settings that apply to one profile's records: its `profiles` overrides over the general ones. */
export function settingsFor(
  settings: RuleSettings | undefined,
  profile: string,
): RuleSettings | undefined {
  const own = settings?.profiles?.[profile];
  if (!settings || !own)
    return settings && { severity: settings.severity, options: settings.options };
  const options: Record<string, Record<string, unknown>> = { ...settings.options };
  for (const [id, o] of Object.entries(own.options ?? {})) options[id] = { ...options[id], ...o };
  return { severity: { ...settings.severity, ...own.severity }, options };
}

/** Which rules ran on a record, and which found nothing to judge (for the ODC principle scores). */
export interface RuleChecks {
  ran: Set<string>;
  notApplicable: Set<string>;
}

export interface RunOptions {
  profile: Profile;
  now: Date;
  vocabularies: VocabularyRegistry;
  settings?: RuleSettings;
  /** The rules to run, in order (a run's: `RuleBook.all`); default: the shipped ones. */
  rules?: readonly Rule[];
  /** Filled in with the rules that ran and those that found nothing to judge. */
  checks?: RuleChecks;
  /** The record as its source gave it (rules on a profile's own fields read it). */
  source?: unknown;
}

/** Why a node fails its rule's check, or undefined when it passes. */
function failure(
  check: CoreCheck,
  value: unknown,
  node: unknown,
  ctx: RuleContext,
): Failure | undefined {
  switch (check.check) {
    case 'present':
    case 'uri':
    case 'email':
    case 'in-vocabulary':
    case 'fact':
      return passes(check, value, ctx.vocabularies) ? undefined : NO_FAILURE;
    default:
      return judge(check, value, node, ctx);
  }
}
const NO_FAILURE: Failure = { data: {} };

function passes(check: CoreCheck, value: unknown, vocabularies: VocabularyRegistry): boolean {
  switch (check.check) {
    case 'present':
      return !isEmpty(value);
    case 'uri':
      return isEmpty(value) || coerce(value, 'uri') !== undefined;
    case 'email':
      return isEmpty(value) || coerce(value, 'email') !== undefined;
    case 'in-vocabulary': {
      if (isEmpty(value)) return true;
      const v = vocabularies.require(check.vocabulary);
      return (Array.isArray(value) ? value : [value]).every((x) => v.get(String(x)) !== undefined);
    }
    case 'fact': {
      if (isEmpty(value)) return false;
      const v = vocabularies.require(check.vocabulary);
      return (Array.isArray(value) ? value : [value]).some(
        (x) => v.get(String(x))?.[check.fact] === (check.equals ?? true),
      );
    }
    default:
      return true;
  }
}

/**
 * A data rule read once: where its nodes are. `given` names the dataset itself ('') or the items of
 * one of its lists (`distribution[*]`): the two shapes the common record has, each read directly.
 */
interface CompiledDataRule {
  rule: DataRule;
  /** `given: 'name[*]'`: the list's name; undefined for the dataset itself. */
  list?: string;
  /** The finding's property when no node is found: the list's name, or '' for the dataset. */
  base: string;
}

// a list of the common record, or of a source record (whose names may hold `_` and `-`)
const GIVEN = /^([A-Za-z_][\w-]*)\[\*\]$/;

/** Compiled once per rule: a function of the rule object alone (rules are constant data). */
const compiledDataRules = new WeakMap<DataRule, CompiledDataRule>();
function compileDataRule(rule: DataRule): CompiledDataRule {
  let c = compiledDataRules.get(rule);
  if (!c) {
    const list = rule.given === '' ? undefined : GIVEN.exec(rule.given)?.[1];
    if (rule.given !== '' && list === undefined)
      throw new Error(
        `${rule.meta.id}: \`given\` is '' (the dataset) or 'name[*]' (a list's items), not "${rule.given}"`,
      );
    compiledDataRules.set(rule, (c = { rule, list, base: list ?? '' }));
  }
  return c;
}

const field = valueAt;

/** The JSON Pointer of a source path (`resources[1].format` → `/resources/1/format`), and of a language's text. */
function pointer(path: string, lang?: string): string {
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (lang) segments.push(lang);
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A node failing the rule's check: one finding (`every`), on the node's field. */
function reportNode(
  rule: DataRule,
  at: string,
  node: unknown,
  why: Failure,
  ctx: RuleContext,
): void {
  const value = why === NO_FAILURE ? field(node, rule.field) : why.value;
  // `one-of` judges the node itself (its field is '')
  const base = !rule.field ? at : at ? `${at}.${rule.field}` : rule.field;
  // a text failing in one language: that language's property (`title@fr`), located in the source
  const path = why.lang && !rule.source ? `${base}@${why.lang}` : base;
  const f: Omit<Emitted, 'ruleId'> = { messageId: rule.messageId };
  // a source field is named by its JSON Pointer in the source record, not as a common property
  if (rule.source) f.sourcePath = pointer(base, why.lang);
  else f.property = path;
  f.value = isEmpty(value) ? undefined : value;
  if (why !== NO_FAILURE) f.data = { property: path, ...why.data };
  ctx.report(f);
}

/**
 * The rule's nodes (those without `onlyIf`'s field left out) counted and checked in one pass;
 * `every` reports in node order. A list that is not an array (no distribution) has no node.
 */
function runDataRule(
  { rule, list, base }: CompiledDataRule,
  record: Dataset,
  ctx: RuleContext,
): void {
  let dataset = record as unknown;
  if (rule.source) {
    if (ctx.profile.id !== rule.source.profile || !ctx.source) return ctx.notApplicable();
    dataset = ctx.source;
  }
  const items = list === undefined ? undefined : field(dataset, list);
  const n = list === undefined ? 1 : Array.isArray(items) ? items.length : 0;
  const every = rule.match !== 'some';
  let nodes = 0;
  let failing = 0;
  for (let k = 0; k < n; k++) {
    const node = list === undefined ? dataset : (items as unknown[])[k];
    if (node === undefined) continue; // a hole in the list is no node
    if (rule.onlyIf && isEmpty(field(node, rule.onlyIf))) continue;
    nodes++;
    const why = failure(rule.then, field(node, rule.field), node, ctx);
    if (!why) continue;
    failing++;
    if (every) reportNode(rule, list === undefined ? '' : `${list}[${k}]`, node, why, ctx);
  }
  finishDataRule(rule, base, nodes, failing, ctx);
}

/** No node at all (`ifNone`, or not applicable); `some` with every node failing: one finding on the list. */
function finishDataRule(
  rule: DataRule,
  base: string,
  nodes: number,
  failing: number,
  ctx: RuleContext,
): void {
  if (nodes === 0) {
    if (rule.ifNone) ctx.report({ messageId: rule.ifNone, property: base });
    else ctx.notApplicable();
  } else if (rule.match === 'some' && failing === nodes) {
    const at = base || rule.field;
    ctx.report(
      rule.source
        ? { messageId: rule.messageId, sourcePath: pointer(at) }
        : { messageId: rule.messageId, property: at },
    );
  }
}

/** Access rights whose concept says the data is not public (restricted, non-public). */
function notPublic(dataset: Dataset, vocabularies: VocabularyRegistry): boolean {
  return (
    !!dataset.accessRights &&
    vocabularies.get('access-right')?.get(dataset.accessRights)?.public === false
  );
}

/** A rule's options: its defaults under the configuration's (merged once, with the run's plan). */
function optionsOf(
  rule: Rule,
  settings: RuleSettings | undefined,
): Readonly<Record<string, unknown>> {
  return Object.freeze({
    ...(rule.meta.options ?? {}),
    ...(settings?.options?.[rule.meta.id] ?? {}),
  });
}

/** One rule as a run applies it: its options merged, its data compiled (once per rule list and configuration). */
interface Planned {
  rule: CodeRule | CompiledDataRule;
  id: string;
  releasedOnly: boolean;
  options: Readonly<Record<string, unknown>>;
}

const NO_SETTINGS = {};
/**
 * The rules a run applies, by rule list, settings and profile (objects a run keeps): those turned
 * `off` by the settings or the profile are left out once, not looked up for every record.
 */
const plans = new WeakMap<readonly Rule[], WeakMap<RuleSettings, WeakMap<Profile, Planned[]>>>();
function planOf(
  rules: readonly Rule[],
  settings: RuleSettings | undefined,
  profile: Profile,
): Planned[] {
  let bySettings = plans.get(rules);
  if (!bySettings) plans.set(rules, (bySettings = new WeakMap()));
  let byProfile = bySettings.get(settings ?? NO_SETTINGS);
  if (!byProfile) bySettings.set(settings ?? NO_SETTINGS, (byProfile = new WeakMap()));
  let plan = byProfile.get(profile);
  if (!plan) {
    plan = [];
    for (const rule of rules) {
      if (rule.kind === 'stage') continue;
      const { id, releasedOnly } = rule.meta;
      if (settings?.severity?.[id] === 'off' || profile.rules[id] === 'off') continue;
      plan.push({
        rule: rule.kind === 'data' ? compileDataRule(rule) : rule,
        id,
        releasedOnly: !!releasedOnly,
        options: optionsOf(rule, settings),
      });
    }
    byProfile.set(profile, plan);
  }
  return plan;
}

/**
 * The context every rule of one record is given, one object for the whole record: `options` and
 * the rule's id change from rule to rule (rules run one after another and keep no hold of it).
 * What rules share is in `memos`, made with the context: nothing outlives the record.
 */
class Context implements RuleContext {
  options: Record<string, unknown> = {};
  id = '';
  private memos: Map<(record: RecordInput) => unknown, unknown> | undefined;
  constructor(
    readonly dataset: Dataset,
    readonly profile: Profile,
    readonly now: Date,
    readonly vocabularies: VocabularyRegistry,
    private readonly out: Emitted[],
    private readonly checks: RuleChecks | undefined,
    readonly source: unknown,
  ) {}

  report(f: Omit<Emitted, 'ruleId'>): void {
    // rules hand over a new object: it becomes the emitted finding (the same fields, in the same
    // order, as a copy with the rule's id last); a frozen one is copied
    if (Object.isExtensible(f)) {
      (f as Emitted).ruleId = this.id;
      this.out.push(f as Emitted);
    } else this.out.push({ ...f, ruleId: this.id });
  }

  notApplicable(): void {
    this.checks?.notApplicable.add(this.id);
  }

  memo<T>(compute: (record: RecordInput) => T): T {
    const memos = (this.memos ??= new Map());
    if (memos.has(compute)) return memos.get(compute) as T;
    const value = compute({
      dataset: this.dataset,
      profile: this.profile,
      now: this.now,
      vocabularies: this.vocabularies,
    });
    memos.set(compute, value);
    return value;
  }
}

export function runRules(dataset: Dataset, opts: RunOptions): Emitted[] {
  const out: Emitted[] = [];
  const unreleased = notPublic(dataset, opts.vocabularies);
  const ctx = new Context(
    dataset,
    opts.profile,
    opts.now,
    opts.vocabularies,
    out,
    opts.checks,
    opts.source,
  );
  for (const p of planOf(opts.rules ?? RULES, opts.settings, opts.profile)) {
    const id = p.id;
    if (unreleased && p.releasedOnly) continue;
    opts.checks?.ran.add(id);
    ctx.id = id;
    ctx.options = p.options;
    if ('check' in p.rule) p.rule.check(ctx);
    else runDataRule(p.rule, dataset, ctx);
  }
  return out;
}
