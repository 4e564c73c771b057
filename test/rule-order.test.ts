/**
 * Rules do not depend on each other nor on their order: run in the listed order, in reverse and
 * shuffled, over the fixtures' common records and the rules' own examples, they find the same.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pipeline } from '../src/engine/pipeline.js';
import { finalize } from '../src/engine/findings.js';
import { loadProfile } from '../src/profiles/load.js';
import { RULES } from '../src/rules/index.js';
import { runRules, type RuleChecks } from '../src/rules/run.js';
import type { Rule } from '../src/rules/types.js';
import type { Dataset } from '../src/model/types.js';
import { readSources } from '../src/sources/read.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { ROOT } from './helpers.js';

const now = new Date('2026-11-01T00:00:00Z');

/** The list shuffled the same way every run (mulberry32 from a fixed seed, Fisher–Yates). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let a = seed;
  const random = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const ORDERS: [string, readonly Rule[]][] = [
  ['listed', RULES],
  ['reversed', [...RULES].reverse()],
  ['shuffled', shuffled(RULES, 16)],
];

/** A record's findings as a report has them (sorted, repeats dropped), and the rules that ran and had nothing to judge. */
function judged(dataset: Dataset, profileId: string, rules: readonly Rule[]) {
  const profile = loadProfile(profileId);
  const checks: RuleChecks = { ran: new Set(), notApplicable: new Set() };
  const emitted = runRules(dataset, {
    profile,
    now,
    vocabularies: defaultVocabularies(),
    rules,
    checks,
  });
  return {
    findings: finalize(emitted, { profile, lang: 'en' }),
    ran: [...checks.ran].sort(),
    notApplicable: [...checks.notApplicable].sort(),
  };
}

function expectSameInEveryOrder(dataset: Dataset, profile: string): void {
  const [first, ...others] = ORDERS.map(
    ([name, rules]) => [name, judged(dataset, profile, rules)] as const,
  );
  for (const [name, found] of others) expect([name, found]).toEqual([name, first[1]]);
}

test.each(readdirSync(join(ROOT, 'fixtures')))(
  'fixtures/%s: the same findings whatever the rules’ order',
  async (profile) => {
    const pipeline = new Pipeline({ profile, now });
    let records = 0;
    for await (const src of readSources([join(ROOT, 'fixtures', profile)])) {
      const { mapped } = pipeline.map(src);
      if (!mapped) continue;
      expectSameInEveryOrder(mapped.dataset, profile);
      records++;
    }
    expect(records).toBeGreaterThan(0);
  },
);

test('the rules’ own examples: the same findings whatever the rules’ order', () => {
  const examples = RULES.flatMap((r) => [
    ...(r.meta.examples?.pass ?? []),
    ...(r.meta.examples?.fail ?? []),
  ]);
  for (const e of examples) expectSameInEveryOrder(e.dataset, e.profile ?? 'ca-gc');
});

test('the dcat-ap/* rules share one walk per record, whichever runs first, and only that record’s', () => {
  const mandatory = RULES.find((r) => r.meta.id === 'dcat-ap/mandatory') as Rule;
  const recommended = RULES.find((r) => r.meta.id === 'dcat-ap/recommended') as Rule;
  const bare: Dataset = { title: { en: 'Air quality' } };
  const full: Dataset = { ...bare, description: { en: 'Hourly readings.' } };
  const ids = (dataset: Dataset, rules: Rule[]) =>
    judged(dataset, 'ca-gc', rules).findings.map((f) => `${f.ruleId} ${f.property}`);
  // one rule alone on a record, then both on another: nothing of the first record is read again
  expect(ids(bare, [mandatory])).toContain('dcat-ap/mandatory description');
  expect(ids(full, [recommended, mandatory])).not.toContain('dcat-ap/mandatory description');
  expect(ids(full, [mandatory, recommended])).toEqual(ids(full, [recommended, mandatory]));
});
