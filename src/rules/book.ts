/**
 * The rules one run knows: Passerelle's, then the user's (a configuration's rulesets). One value,
 * built once from the configuration and handed to everything that needs a rule by id — the runner,
 * the scores, the findings' messages, the formatters, the workers (as the user's rules, data) — so
 * that two runs in one process, one after the other or at once, each see their own rules only.
 */
import type { Principle } from '../core/principle.js';
import { RULE_PRINCIPLES, RULES } from './index.js';
import type { Rule } from './types.js';

export class RuleBook {
  /** The shipped rules, then the user's: what a run applies, in this order. */
  readonly all: readonly Rule[];
  /** Each rule's ODC principle, for the rules that have one (given to the principle scores). */
  readonly principles: ReadonlyMap<string, Principle>;
  private readonly byIdMap: ReadonlyMap<string, Rule>;

  /** `user`: the rules the configuration's rulesets define (their ids never clash with shipped ones: the loader refuses that). */
  constructor(readonly user: readonly Rule[]) {
    this.all = user.length ? [...RULES, ...user] : RULES;
    this.byIdMap = new Map(this.all.map((r) => [r.meta.id, r]));
    this.principles = user.some((r) => r.meta.principle)
      ? new Map([
          ...RULE_PRINCIPLES,
          ...user.flatMap((r) =>
            r.meta.principle ? [[r.meta.id, r.meta.principle] as const] : [],
          ),
        ])
      : RULE_PRINCIPLES;
  }

  byId(id: string): Rule | undefined {
    return this.byIdMap.get(id);
  }
}

/** Passerelle's rules alone: the book of a run without rulesets of its own (built once). */
export const SHIPPED_RULES: RuleBook = new RuleBook([]);

/** The book of a configuration's rules (`LoadedConfig.rules`); none: `SHIPPED_RULES`, at no cost. */
export function ruleBook(user: readonly Rule[] = []): RuleBook {
  return user.length ? new RuleBook(user) : SHIPPED_RULES;
}
