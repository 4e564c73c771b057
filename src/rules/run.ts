/** Runs the record rules on one common record. */
import type { Dataset } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Severity } from '../report/model.js';
import { isEmpty } from '../util/empty.js';
import { coerce } from '../util/coerce.js';
import { getAll, parsePath, pointerToDotted } from '../util/paths.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { RULES } from './index.js';
import type { CoreCheck, DataRule, Emitted, Rule, RuleContext } from './types.js';

/** Rule configuration: severity overrides (or `off`) and options, per rule id. */
export interface RuleSettings {
  severity?: Record<string, Severity | 'off'>;
  options?: Record<string, Record<string, unknown>>;
}

export interface RunOptions {
  profile: Profile;
  now: Date;
  vocabularies: VocabularyRegistry;
  settings?: RuleSettings;
  rules?: readonly Rule[];
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
  }
}

function runDataRule(rule: DataRule, dataset: Dataset, ctx: RuleContext): void {
  const nodes = rule.given === '' ? [{ value: dataset as unknown, pointer: '' }] : getAll(dataset, parsePath(rule.given));
  if (nodes.length === 0) {
    if (rule.ifNone) ctx.report({ messageId: rule.ifNone, property: rule.given.replace(/\[\*\]$/, '') });
    return;
  }
  for (const node of nodes) {
    const value = node.value && typeof node.value === 'object' ? (node.value as Record<string, unknown>)[rule.field] : undefined;
    if (passes(rule.then, value, ctx.vocabularies)) continue;
    const base = node.pointer ? pointerToDotted(node.pointer) : '';
    ctx.report({ messageId: rule.messageId, property: base ? `${base}.${rule.field}` : rule.field, value: isEmpty(value) ? undefined : value });
  }
}

export function runRules(dataset: Dataset, opts: RunOptions): Emitted[] {
  const out: Emitted[] = [];
  for (const rule of opts.rules ?? RULES) {
    if (rule.kind === 'stage') continue;
    const id = rule.meta.id;
    if (opts.settings?.severity?.[id] === 'off' || opts.profile.rules[id] === 'off') continue;
    const ctx: RuleContext = {
      dataset,
      profile: opts.profile,
      now: opts.now,
      vocabularies: opts.vocabularies,
      options: { ...(rule.meta.options ?? {}), ...(opts.settings?.options?.[id] ?? {}) },
      report: (f) => out.push({ ...f, ruleId: id }),
    };
    if (rule.kind === 'data') runDataRule(rule, dataset, ctx);
    else rule.check(ctx);
  }
  return out;
}
