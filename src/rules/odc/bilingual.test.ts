import rule from './bilingual.js';
import { checkRule } from '../testing.js';
import { finalize } from '../../engine/findings.js';
import { loadProfile, parseProfile } from '../../profiles/load.js';
import { settingsFor } from '../run.js';
import { RULE_IDS } from '../index.js';
import { loadYaml } from '../../util/yaml.js';

/** A profile as the issue-3 jurisdictions write them: its own severity for odc/bilingual, or none. */
const testProfile = (rules: string) =>
  parseProfile(
    loadYaml<Record<string, unknown>>(
      'profiles/test-on.yaml',
      `id: test-on\nname: {en: Test}\nlanguages: [en]\n${rules}fields: {}\n`,
    ),
    RULE_IDS,
  );

const full = {
  title: { en: 'Wetland inventory', fr: 'Inventaire des milieux humides' },
  description: {
    en: 'Wetlands mapped from imagery.',
    fr: "Milieux humides cartographiés à partir d'images.",
  },
  keyword: { en: ['wetlands'], fr: ['milieux humides'] },
};

describe('odc/bilingual', () => {
  test('each missing language of title, description and keywords is one finding, on the property@language', () => {
    const f = checkRule(rule, {
      title: { en: 'Wetland inventory' },
      description: { fr: 'Milieux humides.' },
      keyword: { en: ['wetlands'], fr: [] },
    });
    expect(f.map((x) => [x.messageId, x.property])).toEqual([
      ['missing', 'title@fr'],
      ['missing', 'description@en'],
      ['missing', 'keyword@fr'],
    ]);
  });

  test('identical English and French counts as untranslated, keywords in any order', () => {
    const f = checkRule(rule, {
      ...full,
      description: { en: 'Same text.', fr: 'same  text.' },
      keyword: { en: ['b', 'a'], fr: ['A', 'b'] },
    });
    expect(f.map((x) => [x.messageId, x.property])).toEqual([
      ['untranslated', 'description@fr'],
      ['untranslated', 'keyword@fr'],
    ]);
  });

  test('machine translations do not count; regional tags do', () => {
    expect(
      checkRule(rule, { ...full, title: { en: 'Wetlands', 'fr-t-en': 'Milieux humides' } }).map(
        (x) => x.property,
      ),
    ).toEqual(['title@fr']);
    expect(
      checkRule(rule, { ...full, title: { 'en-CA': 'Wetlands', 'fr-CA': 'Milieux humides' } }),
    ).toEqual([]);
  });

  test('an absent property is left to the rules that require it', () => {
    expect(checkRule(rule, { title: full.title })).toEqual([]);
  });

  test('severity comes from the profile (error for ca-gc, a warning where a profile says so, info elsewhere)', () => {
    expect(rule.meta.severity).toBe('info');
    const emitted = checkRule(rule, { title: { en: 'Wetland inventory' } });
    const severity = (
      profile: ReturnType<typeof loadProfile>,
      settings?: Parameters<typeof settingsFor>[0],
    ) =>
      finalize(emitted, { profile, settings: settingsFor(settings, profile.id), lang: 'en' }).map(
        (f) => f.severity,
      );
    expect(severity(loadProfile('ca-gc'))).toEqual(['error']);
    expect(severity(testProfile('rules: {odc/bilingual: warning}\n'))).toEqual(['warning']);
    expect(severity(testProfile(''))).toEqual(['info']);
    // passerelle.config.yaml has the last word, in general or for one profile
    expect(severity(loadProfile('ca-gc'), { severity: { 'odc/bilingual': 'warning' } })).toEqual([
      'warning',
    ]);
    expect(
      severity(loadProfile('ca-gc'), {
        profiles: { 'ca-gc': { severity: { 'odc/bilingual': 'off' } } },
      }),
    ).toEqual([]);
    expect(
      severity(testProfile(''), {
        profiles: { 'ca-gc': { severity: { 'odc/bilingual': 'off' } } },
      }),
    ).toEqual(['info']);
  });

  test("a profile's rules must exist", () => {
    expect(() => testProfile('rules:\n  odc/bilingal: warning\n')).toThrow(
      'profiles/test-on.yaml:5:3: unknown rule "odc/bilingal"',
    );
  });
});
