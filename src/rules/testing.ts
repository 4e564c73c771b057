/** Runs one rule on one common record: for rule tests and rule authors. */
import type { Dataset } from '../model/types.js';
import { loadProfile } from '../profiles/load.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { runRules } from './run.js';
import type { Emitted } from '../core/finding.js';
import type { Rule } from './types.js';

export function checkRule(
  rule: Rule,
  dataset: Dataset,
  o: { profile?: string; now?: string; options?: Record<string, unknown> } = {},
): Emitted[] {
  return runRules(dataset, {
    profile: loadProfile(o.profile ?? 'ca-gc'),
    now: new Date(`${o.now ?? '2026-11-01'}T00:00:00Z`),
    vocabularies: defaultVocabularies(),
    settings: o.options ? { options: { [rule.meta.id]: o.options } } : undefined,
    rules: [rule],
  });
}
