import rule from './mandatory.js';
import { checkRule } from '../testing.js';

describe('dcat-ap/mandatory', () => {
  test('follows the property table into nested classes: distributions and the publisher', () => {
    const f = checkRule(rule, {
      title: { en: 'A' },
      publisher: { identifier: 'x' },
      distribution: [{ accessURL: ['https://example.ca/a'] }, { title: { en: 'no url' } }],
    });
    expect(f.map((x) => x.property)).toEqual([
      'description',
      'publisher.name',
      'distribution[1].accessURL',
    ]);
    expect(f[0].data).toMatchObject({
      class: { en: 'Dataset', fr: 'Jeu de données' },
      iri: 'dct:description',
    });
  });
});
