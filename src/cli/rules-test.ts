/**
 * `passerelle rules test <ruleset>`: each new rule of a ruleset (and of those it extends) run on
 * its own examples. A `pass` example must give no finding of the rule, a `fail` example one at
 * least. Exit 1 when an example does not do what it says, 2 when the ruleset does not load.
 */
import { ruleTargets } from '../config/load.js';
import { loadRuleset } from '../config/ruleset.js';
import type { Lang } from '../core/lang.js';
import { finalize } from '../engine/findings.js';
import { loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import { ruleBook, type RuleBook } from '../rules/book.js';
import type { Rule, RuleExample } from '../rules/types.js';
import { throwProblems } from '../util/file-schema.js';
import { searchPath } from '../util/search-path.js';
import { runExample } from './rules.js';

const WORDS = {
  pass: { en: 'pass', fr: 'réussite' },
  fail: { en: 'fail', fr: 'échec' },
  noExamples: { en: 'no examples', fr: 'aucun exemple' },
  ok: { en: 'examples as expected', fr: 'exemples conformes' },
  gave: { en: 'gives a finding', fr: 'donne un constat' },
  none: { en: 'gives no finding', fr: 'ne donne aucun constat' },
  rules: { en: 'rules', fr: 'règles' },
  failed: { en: 'failed', fr: 'en échec' },
} as const;

/** What goes wrong with one rule's examples, one line each. */
function exampleProblems(book: RuleBook, rule: Rule, lang: Lang): string[] {
  const problems: string[] = [];
  const judge = (e: RuleExample, i: number, failing: boolean) => {
    const mine = runExample(rule, e).filter((f) => f.ruleId === rule.meta.id);
    if (failing === mine.length > 0) return;
    const label = `${WORDS[failing ? 'fail' : 'pass'][lang]} #${i + 1}${e.note ? ` (${e.note[lang]})` : ''}`;
    if (failing) problems.push(`${label} ${WORDS.none[lang]}`);
    else {
      const profile = loadProfile(e.profile ?? 'ca-gc', { knownRules: RULE_IDS });
      const said = finalize(mine, { profile, lang, rules: book }).map((f) => f.message);
      problems.push(`${label} ${WORDS.gave[lang]}: ${said[0] ?? mine[0].messageId}`);
    }
  };
  rule.meta.examples?.pass.forEach((e, i) => judge(e, i, false));
  rule.meta.examples?.fail.forEach((e, i) => judge(e, i, true));
  return problems;
}

export function rulesTestCommand(file: string, o: { lang: Lang }): number {
  const chain = loadRuleset(file, ruleTargets(searchPath().folders));
  throwProblems(chain.problems);
  const book = ruleBook(chain.rules);
  let failed = 0;
  for (const rule of chain.rules) {
    const ex = rule.meta.examples;
    const n = (ex?.pass.length ?? 0) + (ex?.fail.length ?? 0);
    const problems = exampleProblems(book, rule, o.lang);
    if (problems.length) failed++;
    const mark = problems.length ? '✗' : n ? '✓' : '-';
    const status = n
      ? problems.length
        ? ''
        : `  ${n} ${WORDS.ok[o.lang]}`
      : `  ${WORDS.noExamples[o.lang]}`;
    process.stdout.write(`${mark} ${rule.meta.id}${status}\n`);
    for (const p of problems) process.stdout.write(`    ${p}\n`);
  }
  process.stdout.write(
    `${chain.rules.length} ${WORDS.rules[o.lang]}, ${failed} ${WORDS.failed[o.lang]}\n`,
  );
  return failed ? 1 : 0;
}
