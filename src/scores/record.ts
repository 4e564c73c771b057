/** A record's scores: MQA-equivalent points, 5-star levels, ODC principle shares. */
import type { Dataset } from '../model/types.js';
import type { Finding } from '../core/finding.js';
import type { RecordScores } from '../core/scores.js';
import type { RuleChecks, RuleSettings } from '../rules/run.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { recordMqaScore, type Reachability } from './mqa.js';
import { principleScores, type RulePrinciples } from './principles.js';
import { stars } from './stars.js';

export interface ScoreContext {
  vocabularies: VocabularyRegistry;
  /** The licence policy of `odc/open-licence` decides what counts as open for the stars too. */
  settings?: RuleSettings;
  /** Whether a URL answered; absent when URLs were not checked. */
  reachable?: Reachability;
  /** Each rule's ODC principle: which principle a check counts for. */
  rulePrinciples: RulePrinciples;
}

const MANDATORY = 'dcat-ap/mandatory';

/** Scores are facts about the metadata: a baseline or a severity does not change them, only `off` leaves a check out. */
export function scoreRecord(
  dataset: Dataset,
  findings: readonly Finding[],
  checks: RuleChecks,
  ctx: ScoreContext,
): RecordScores {
  // DCAT-AP compliance is what `dcat-ap/mandatory` judged, when it ran on the record: one finding per
  // missing mandatory property (a severity changes none of them; `off`, and the rule does not run).
  // Then its findings say it, and the record is not walked a second time.
  const complete = checks.ran.has(MANDATORY)
    ? !findings.some((f) => f.ruleId === MANDATORY)
    : undefined;
  const mqa = recordMqaScore(dataset, ctx.vocabularies, ctx.reachable, complete);
  const accept = ctx.settings?.options?.['odc/open-licence']?.acceptCanadianOpenLicences !== false;
  const s = stars(dataset, ctx.vocabularies, accept);
  return {
    mqa,
    stars: s.dataset,
    distributionStars: s.distributions,
    principles: principleScores(findings, checks, ctx.rulePrinciples),
  };
}
