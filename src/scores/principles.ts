/**
 * ODC principle scores: for each principle, the share of its applicable checks a record passed.
 * A check is one rule that ran on the record (not turned off); it passes when it left no finding,
 * and is left out when it found nothing to judge (no frequency to be fresh against).
 */
import type { Finding, PrincipleId, PrincipleScore } from '../report/model.js';
import { ruleById } from '../rules/index.js';
import type { RuleChecks } from '../rules/run.js';

export type PrincipleScores = Partial<Record<PrincipleId, PrincipleScore>>;
export const PRINCIPLES: readonly PrincipleId[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];

export const share = (passed: number, applicable: number): number => (applicable ? Math.round((passed / applicable) * 1000) / 1000 : 0);

/** `checks.ran`: the record and code rules that ran, and the stage rules that were active, on this record. */
export function principleScores(findings: readonly Finding[], checks: RuleChecks): PrincipleScores {
  const failed = new Set(findings.map((f) => f.ruleId));
  const out: PrincipleScores = {};
  for (const id of checks.ran) {
    const principle = ruleById(id)?.meta.principle;
    if (!principle) continue;
    const fails = failed.has(id);
    if (!fails && checks.notApplicable.has(id)) continue;
    const p = (out[principle] ??= { passed: 0, applicable: 0, share: 0 });
    p.applicable++;
    if (!fails) p.passed++;
  }
  for (const p of Object.values(out)) p.share = share(p.passed, p.applicable);
  return sortByPrinciple(out);
}

export function sortByPrinciple(s: PrincipleScores): PrincipleScores {
  const out: PrincipleScores = {};
  for (const p of PRINCIPLES) if (s[p]) out[p] = s[p];
  return out;
}
