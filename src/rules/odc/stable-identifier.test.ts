import rule from './stable-identifier.js';
import { checkRule } from '../testing.js';

describe('odc/stable-identifier', () => {
  test.each([
    ['a UUID', '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51'],
    ['an HTTP URI', 'https://data.ontario.ca/dataset/air-quality'],
    ['a URN', 'urn:uuid:1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51'],
    ['a DOI', '10.5683/SP2/KRWGRJ'],
    ['a DOI URL', 'https://doi.org/10.5683/SP2/KRWGRJ'],
    ['a Socrata id', 'x8nn-hbku'],
  ])('%s is stable', (_, identifier) => expect(checkRule(rule, { identifier })).toEqual([]));

  test('a title slug is a warning naming the value; the patterns option accepts local forms', () => {
    const [f] = checkRule(rule, { identifier: 'air-quality-2024' });
    expect([f.messageId, f.severity, f.value]).toEqual([
      'notStable',
      'warning',
      'air-quality-2024',
    ]);
    expect(
      checkRule(rule, { identifier: 'AB-000123' }, { options: { patterns: ['AB-\\d{6}'] } }),
    ).toEqual([]);
    // a pattern matches the whole identifier
    expect(
      checkRule(rule, { identifier: 'xAB-000123' }, { options: { patterns: ['AB-\\d{6}'] } }),
    ).toHaveLength(1);
  });

  test('without an identifier, the dataset IRI is judged', () => {
    expect(
      checkRule(rule, {
        id: 'https://open.canada.ca/data/dataset/1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51',
      }),
    ).toEqual([]);
    expect(checkRule(rule, { identifier: '  ' }).map((f) => f.messageId)).toEqual(['missing']);
  });
});
