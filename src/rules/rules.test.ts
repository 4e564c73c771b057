/** Every rule: complete metadata in both languages, and its own examples pass and fail as they say. */
import { RULES } from './index.js';
import { checkRule } from './testing.js';
import { LANGS } from './types.js';

const ID = /^(odc|dcat-ap|profile|input)\/[a-z0-9-]+$|^shacl\/[A-Z][A-Za-z]+ConstraintComponent$/;

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  test('has an id in its namespace, a severity, and a title, docs and messages in English and French', () => {
    expect(id).toMatch(ID);
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
    for (const lang of LANGS) {
      expect(rule.meta.title[lang].length).toBeGreaterThan(10);
      expect(rule.meta.docs[lang].length).toBeGreaterThan(80);
      for (const m of Object.values(rule.meta.messages)) expect(m[lang]).toBeTruthy();
    }
    if (id.startsWith('odc/')) expect(rule.meta.principle).toMatch(/^P[1-6]$/);
    if (rule.meta.commitment) expect(rule.meta.commitment.startsWith(rule.meta.principle as string)).toBe(true);
  });

  if (rule.kind === 'stage') return; // checked through the stage that emits them
  test('has passing and failing examples', () => {
    expect(rule.meta.examples?.pass.length).toBeGreaterThan(0);
    expect(rule.meta.examples?.fail.length).toBeGreaterThan(0);
  });
  test.each((rule.meta.examples?.pass ?? []).map((e) => [e.note ?? 'pass', e] as const))('passes: %s', (_, e) => {
    expect(checkRule(rule, e.dataset, { profile: e.profile })).toEqual([]);
  });
  test.each((rule.meta.examples?.fail ?? []).map((e) => [e.note ?? 'fail', e] as const))('fails: %s', (_, e) => {
    const found = checkRule(rule, e.dataset, { profile: e.profile });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.ruleId).toBe(id);
      expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
    }
  });
});
