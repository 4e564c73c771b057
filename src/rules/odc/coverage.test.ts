/** Findability rules: temporal and spatial coverage, themes, languages. */
import temporal from './temporal-coverage.js';
import spatial from './spatial-coverage.js';
import theme from './theme-vocabulary.js';
import language from './language-vocabulary.js';
import resourceLanguage from './resource-language.js';
import { checkRule } from '../testing.js';

const EU = 'http://publications.europa.eu/resource/authority/';
const ids = (rule: Parameters<typeof checkRule>[0], d: Parameters<typeof checkRule>[1]) =>
  checkRule(rule, d).map((f) => [f.messageId, f.property]);

test('odc/temporal-coverage: an end alone counts; a period ending before it starts is named', () => {
  expect(ids(temporal, { temporal: [{ endDate: '2020' }] })).toEqual([]);
  expect(ids(temporal, { temporal: [{}] })).toEqual([['missing', 'temporal']]);
  expect(
    ids(temporal, {
      temporal: [
        { startDate: '2020-01-01', endDate: '2021' },
        { startDate: '2020-02', endDate: '2020-01-31' },
      ],
    }),
  ).toEqual([['order', 'temporal[1].endDate']]);
});

test('odc/spatial-coverage: each place named only by text is reported, once there is any place', () => {
  expect(
    ids(spatial, {
      spatial: [
        { geometry: '{"type":"Point","coordinates":[-75.7,45.4]}' },
        { label: { fr: 'Outaouais' } },
      ],
    }),
  ).toEqual([['uncontrolled', 'spatial[1]']]);
  expect(ids(spatial, { spatial: [{}] })).toEqual([['missing', 'spatial']]);
});

test('odc/theme-vocabulary and odc/language-vocabulary: each value outside the table, by position', () => {
  expect(ids(theme, { theme: [`${EU}data-theme/ENVI`, 'https://example.ca/t/fish'] })).toEqual([
    ['unknown', 'theme[1]'],
  ]);
  expect(ids(language, { language: [`${EU}language/ENG`, 'fr'] })).toEqual([
    ['unknown', 'language[1]'],
  ]);
  expect(ids(language, { language: [] })).toEqual([['missing', 'language']]);
});

test('odc/resource-language: per distribution; no distribution, nothing to judge', () => {
  expect(
    ids(resourceLanguage, {
      distribution: [
        { accessURL: ['x:a'], language: [`${EU}language/IKU`] },
        { accessURL: ['x:b'] },
      ],
    }),
  ).toEqual([['missing', 'distribution[1].language']]);
  expect(ids(resourceLanguage, {})).toEqual([]);
});
