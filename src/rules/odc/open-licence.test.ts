import rule from './open-licence.js';
import { checkRule } from '../testing.js';

const dist = (license: string) => ({ distribution: [{ accessURL: ['https://example.ca/x.csv'], license }] });

describe('odc/open-licence', () => {
  test.each([
    ['OGL-Canada 2.0', 'https://open.canada.ca/en/open-government-licence-canada'],
    ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['ODbL', 'https://opendefinition.org/licenses/odc-odbl'],
  ])('%s is open', (_, uri) => expect(checkRule(rule, dist(uri))).toEqual([]));

  test('provincial OGLs are open by the default policy, and not when the policy says otherwise', () => {
    const bc = dist('https://www2.gov.bc.ca/gov/content/data/open-data/open-government-licence-bc');
    expect(checkRule(rule, bc)).toEqual([]);
    const strict = checkRule(rule, bc, { options: { acceptCanadianOpenLicences: false } });
    expect(strict.map((f) => [f.messageId, f.severity])).toEqual([['unreviewed', 'warning']]);
  });

  test('rejected licences are errors, unknown licences warnings; each licence once', () => {
    const f = checkRule(rule, {
      distribution: [
        { accessURL: ['https://example.ca/a'], license: 'https://creativecommons.org/licenses/by-nc/4.0/' },
        { accessURL: ['https://example.ca/b'], license: 'https://creativecommons.org/licenses/by-nc/4.0/' },
        { accessURL: ['https://example.ca/c'], license: 'https://example.ca/terms-of-use' },
      ],
    });
    expect(f.map((x) => [x.messageId, x.severity ?? 'error', x.property])).toEqual([
      ['notOpen', 'error', 'distribution[0].license'],
      ['unknown', 'warning', 'distribution[2].license'],
    ]);
  });
});
