import rule from './recommended.js';
import mandatory from './mandatory.js';
import { checkRule } from '../testing.js';
import { CLASSES } from '../../model/properties.js';

describe('dcat-ap/recommended', () => {
  test('reads the property table: every recommended Dataset property is asked for, and nothing else', () => {
    const expected = CLASSES.Dataset.properties
      .filter((p) => p.obligation === 'recommended' && !p.extension)
      .map((p) => p.name);
    expect(checkRule(rule, {}).map((f) => f.property)).toEqual(expected);
  });

  test('follows nested classes: distributions, the publisher, periods, places', () => {
    const f = checkRule(rule, {
      keyword: { en: ['a'] },
      theme: ['http://publications.europa.eu/resource/authority/data-theme/ECON'],
      publisher: { name: { en: 'Statistics Canada' } },
      contactPoint: [{ email: 'infostats@statcan.gc.ca' }],
      temporal: [{ startDate: '1914-01-01' }],
      spatial: [{ id: 'https://www.wikidata.org/wiki/Q16' }],
      distribution: [{ accessURL: ['https://example.ca/a.csv'] }],
    });
    expect(f.map((x) => x.property)).toEqual([
      'publisher.type',
      'temporal[0].endDate',
      'spatial[0].bbox',
      'distribution[0].description',
      'distribution[0].format',
      'distribution[0].license',
    ]);
    expect(f[1].data).toMatchObject({
      class: { en: 'Period of time', fr: 'Période' },
      iri: 'dcat:endDate',
    });
  });

  test('mandatory and recommended never report the same property', () => {
    const m = new Set(
      checkRule(mandatory, { distribution: [{}], publisher: {} }).map((f) => f.property),
    );
    expect(
      checkRule(rule, { distribution: [{}], publisher: {} }).filter((f) => m.has(f.property)),
    ).toEqual([]);
  });
});
