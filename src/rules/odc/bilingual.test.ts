import rule from './bilingual.js';
import { checkRule } from '../testing.js';

const full = {
  title: { en: 'Wetland inventory', fr: 'Inventaire des milieux humides' },
  description: { en: 'Wetlands mapped from imagery.', fr: "Milieux humides cartographiés à partir d'images." },
  keyword: { en: ['wetlands'], fr: ['milieux humides'] },
};

describe('odc/bilingual', () => {
  test('each missing language of title, description and keywords is one finding, on the property@language', () => {
    const f = checkRule(rule, { title: { en: 'Wetland inventory' }, description: { fr: 'Milieux humides.' }, keyword: { en: ['wetlands'], fr: [] } });
    expect(f.map((x) => [x.messageId, x.property])).toEqual([
      ['missing', 'title@fr'],
      ['missing', 'description@en'],
      ['missing', 'keyword@fr'],
    ]);
  });

  test('identical English and French counts as untranslated, keywords in any order', () => {
    const f = checkRule(rule, { ...full, description: { en: 'Same text.', fr: 'same  text.' }, keyword: { en: ['b', 'a'], fr: ['A', 'b'] } });
    expect(f.map((x) => [x.messageId, x.property])).toEqual([
      ['untranslated', 'description@fr'],
      ['untranslated', 'keyword@fr'],
    ]);
  });

  test('machine translations do not count; regional tags do', () => {
    expect(checkRule(rule, { ...full, title: { en: 'Wetlands', 'fr-t-en': 'Milieux humides' } }).map((x) => x.property)).toEqual(['title@fr']);
    expect(checkRule(rule, { ...full, title: { 'en-CA': 'Wetlands', 'fr-CA': 'Milieux humides' } })).toEqual([]);
  });

  test('an absent property is left to the rules that require it', () => {
    expect(checkRule(rule, { title: full.title })).toEqual([]);
  });

  test('severity comes from the profile (error for ca-gc) through the finding pipeline, not the rule', () => {
    expect(rule.meta.severity).toBe('info');
  });
});
