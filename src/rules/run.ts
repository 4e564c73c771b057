/** Runs the record rules on one common record. */
import type { Dataset } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Severity } from '../report/model.js';
import { isEmpty } from '../util/empty.js';
import { coerce } from '../util/coerce.js';
import { getAll, parsePath, pointerToDotted, type Segment } from '../util/paths.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { RULES } from './index.js';
import type { CoreCheck, DataRule, Emitted, Rule, RuleContext } from './types.js';

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
export function settingsFor(settings: RuleSettings | undefined, profile: string): RuleSettings | undefined {
  const own = settings?.profiles?.[profile];
  if (!settings || !own) return settings && { severity: settings.severity, options: settings.options };
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
  rules?: readonly Rule[];
  /** Filled in with the rules that ran and those that found nothing to judge. */
  checks?: RuleChecks;
}

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
      return (Array.isArray(value) ? value : [value]).some((x) => v.get(String(x))?.[check.fact] === (check.equals ?? true));
    }
  }
}

/** Rules' target paths, parsed once. */
const givenPaths = new Map<string, Segment[]>();
function givenPath(given: string): Segment[] {
  let segs = givenPaths.get(given);
  if (!segs) givenPaths.set(given, (segs = parsePath(given)));
  return segs;
}

function runDataRule(rule: DataRule, dataset: Dataset, ctx: RuleContext): void {
  const base = rule.given.replace(/\[\*\]$/, '');
  const field = (node: unknown, name: string): unknown =>
    node && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
  let nodes = rule.given === '' ? [{ value: dataset as unknown, pointer: '' }] : getAll(dataset, givenPath(rule.given));
  if (rule.onlyIf) nodes = nodes.filter((n) => !isEmpty(field(n.value, rule.onlyIf as string)));
  if (nodes.length === 0) {
    if (rule.ifNone) ctx.report({ messageId: rule.ifNone, property: base });
    else ctx.notApplicable();
    return;
  }
  const failing = nodes.filter((n) => !passes(rule.then, field(n.value, rule.field), ctx.vocabularies));
  if (rule.match === 'some') {
    if (failing.length === nodes.length) ctx.report({ messageId: rule.messageId, property: base || rule.field });
    return;
  }
  for (const node of failing) {
    const value = field(node.value, rule.field);
    const at = node.pointer ? pointerToDotted(node.pointer) : '';
    ctx.report({ messageId: rule.messageId, property: at ? `${at}.${rule.field}` : rule.field, value: isEmpty(value) ? undefined : value });
  }
}

/** Access rights whose concept says the data is not public (restricted, non-public). */
function notPublic(dataset: Dataset, vocabularies: VocabularyRegistry): boolean {
  return !!dataset.accessRights && vocabularies.get('access-right')?.get(dataset.accessRights)?.public === false;
}

/** A rule's options (its defaults under the configuration's), merged once per configuration. */
const mergedOptions = new WeakMap<RuleSettings, Map<string, Readonly<Record<string, unknown>>>>();
const defaultOptions = new Map<string, Readonly<Record<string, unknown>>>();
function optionsOf(rule: Rule, settings: RuleSettings | undefined): Record<string, unknown> {
  let cache = settings ? mergedOptions.get(settings) : defaultOptions;
  if (!cache) mergedOptions.set(settings as RuleSettings, (cache = new Map()));
  let options = cache.get(rule.meta.id);
  if (!options) {
    options = Object.freeze({ ...(rule.meta.options ?? {}), ...(settings?.options?.[rule.meta.id] ?? {}) });
    cache.set(rule.meta.id, options);
  }
  return options;
}

export function runRules(dataset: Dataset, opts: RunOptions): Emitted[] {
  const out: Emitted[] = [];
  const unreleased = notPublic(dataset, opts.vocabularies);
  for (const rule of opts.rules ?? RULES) {
    if (rule.kind === 'stage') continue;
    const id = rule.meta.id;
    if (opts.settings?.severity?.[id] === 'off' || opts.profile.rules[id] === 'off') continue;
    if (unreleased && rule.meta.releasedOnly) continue;
    opts.checks?.ran.add(id);
    const ctx: RuleContext = {
      dataset,
      profile: opts.profile,
      now: opts.now,
      vocabularies: opts.vocabularies,
      options: optionsOf(rule, opts.settings),
      report: (f) => out.push({ ...f, ruleId: id }),
      notApplicable: () => opts.checks?.notApplicable.add(id),
    };
    if (rule.kind === 'data') runDataRule(rule, dataset, ctx);
    else rule.check(ctx);
  }
  return out;
}
