/** Every rule: complete metadata in both languages, and its own examples pass and fail as they say. */
import { RULES } from './index.js';
import { checkRule } from './testing.js';
import { LANGS } from '../core/lang.js';

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
    for (const option of Object.keys(rule.meta.options ?? {})) {
      for (const lang of LANGS)
        expect([option, rule.meta.optionDocs?.[option]?.[lang]]).toEqual([
          option,
          expect.any(String),
        ]);
    }
    for (const e of [...(rule.meta.examples?.pass ?? []), ...(rule.meta.examples?.fail ?? [])]) {
      if (e.note) for (const lang of LANGS) expect(e.note[lang]).toBeTruthy();
    }
    if (id.startsWith('odc/') || id.startsWith('dcat-ap/'))
      expect(rule.meta.principle).toMatch(/^P[1-6]$/);
    if (rule.meta.commitment)
      expect(rule.meta.commitment.startsWith(rule.meta.principle as string)).toBe(true);
  });

  if (rule.kind === 'stage') return; // checked through the stage that emits them
  test('has passing and failing examples', () => {
    expect(rule.meta.examples?.pass.length).toBeGreaterThan(0);
    expect(rule.meta.examples?.fail.length).toBeGreaterThan(0);
  });
  test.each((rule.meta.examples?.pass ?? []).map((e) => [e.note?.en ?? 'pass', e] as const))(
    'passes: %s',
    (_, e) => {
      expect(checkRule(rule, e.dataset, { profile: e.profile })).toEqual([]);
    },
  );
  test.each((rule.meta.examples?.fail ?? []).map((e) => [e.note?.en ?? 'fail', e] as const))(
    'fails: %s',
    (_, e) => {
      const found = checkRule(rule, e.dataset, { profile: e.profile });
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.ruleId).toBe(id);
        expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
      }
    },
  );
});

test('the ODC rule ids checks outside the project rely on are all there', () => {
  const fixed = [
    'odc/access-rights-public',
    'odc/access-restriction-justified',
    'odc/update-frequency',
    'odc/freshness',
    'odc/dates-valid',
    'odc/temporal-coverage',
    'odc/documentation-link',
    'odc/contact-point',
    'odc/landing-page',
    'odc/title-description',
    'odc/keywords',
    'odc/access-url',
    'odc/download-url',
    'odc/machine-readable-format',
    'odc/non-proprietary-format',
    'odc/format-vocabulary',
    'odc/licence-present',
    'odc/open-licence',
    'odc/byte-size',
    'odc/stable-identifier',
    'odc/theme-vocabulary',
    'odc/spatial-coverage',
    'odc/language-vocabulary',
    'odc/unmapped-value',
    'dcat-ap/mandatory',
    'dcat-ap/recommended',
    'odc/publisher',
    'odc/bilingual',
    'odc/resource-language',
  ];
  const ids = RULES.map((r) => r.meta.id);
  expect(fixed.filter((id) => !ids.includes(id))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
});
