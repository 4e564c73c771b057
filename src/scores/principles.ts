/**
 * ODC principle scores: for each principle, the share of its applicable checks a record passed.
 * A check is one rule that ran on the record (not turned off); it passes when it left no finding,
 * and is left out when it found nothing to judge (no frequency to be fresh against).
 */
import type { Finding } from '../core/finding.js';
import type { Principle } from '../core/principle.js';
import type { PrincipleScore } from '../core/scores.js';
import type { RuleChecks } from '../rules/run.js';

export type PrincipleScores = Partial<Record<Principle, PrincipleScore>>;
export const PRINCIPLES: readonly Principle[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];

export const share = (passed: number, applicable: number): number =>
  applicable ? Math.round((passed / applicable) * 1000) / 1000 : 0;

/** Each rule's ODC principle, for the rules that have one (the pipeline gives its `RuleBook.principles`). */
export type RulePrinciples = ReadonlyMap<string, Principle>;

/** A principle's place in PRINCIPLES. */
const INDEX: Record<Principle, number> = { P1: 0, P2: 1, P3: 2, P4: 3, P5: 4, P6: 5 };

/** `checks.ran`: the record and code rules that ran, and the stage rules that were active, on this record. */
export function principleScores(
  findings: readonly Finding[],
  checks: RuleChecks,
  rulePrinciples: RulePrinciples,
): PrincipleScores {
  const failed = new Set<string>();
  for (const f of findings) failed.add(f.ruleId);
  // counts by the principle's place in PRINCIPLES: the scores come out in that order
  const passed = [0, 0, 0, 0, 0, 0];
  const applicable = [0, 0, 0, 0, 0, 0];
  for (const id of checks.ran) {
    const principle = rulePrinciples.get(id);
    if (principle === undefined) continue;
    const k = INDEX[principle];
    const fails = failed.has(id);
    if (!fails && checks.notApplicable.has(id)) continue;
    applicable[k]++;
    if (!fails) passed[k]++;
  }
  const out: PrincipleScores = {};
  for (let k = 0; k < PRINCIPLES.length; k++) {
    if (applicable[k])
      out[PRINCIPLES[k]] = {
        passed: passed[k],
        applicable: applicable[k],
        share: share(passed[k], applicable[k]),
      };
  }
  return out;
}

export function sortByPrinciple(s: PrincipleScores): PrincipleScores {
  const out: PrincipleScores = {};
  for (const p of PRINCIPLES) if (s[p]) out[p] = s[p];
  return out;
}
