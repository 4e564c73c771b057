import rule from './open-licence.js';
import { checkRule } from '../testing.js';

const dist = (license: string) => ({
  distribution: [{ accessURL: ['https://example.ca/x.csv'], license }],
});

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
        {
          accessURL: ['https://example.ca/a'],
          license: 'https://creativecommons.org/licenses/by-nc/4.0/',
        },
        {
          accessURL: ['https://example.ca/b'],
          license: 'https://creativecommons.org/licenses/by-nc/4.0/',
        },
        { accessURL: ['https://example.ca/c'], license: 'https://example.ca/terms-of-use' },
      ],
    });
    expect(f.map((x) => [x.messageId, x.severity ?? 'error', x.property])).toEqual([
      ['notOpen', 'error', 'distribution[0].license'],
      ['unknown', 'warning', 'distribution[2].license'],
    ]);
  });

  test.each([
    ["King's Printer for Ontario", 'https://www.ontario.ca/page/copyright-information'],
    ["Alberta Queen's Printer terms of use", 'https://www.qp.alberta.ca/copyright.cfm'],
    ['BC access only', 'https://www2.gov.bc.ca/gov/content?id=1AAACC9C65754E4D89A118B875E0FBDA'],
    ['Ontario.ca terms of use', 'https://www.ontario.ca/page/terms-use'],
    ['CC BY-NC-SA 4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'],
    ['CC BY-ND 4.0', 'https://creativecommons.org/licenses/by-nd/4.0/'],
    ['other-closed', 'http://opendefinition.org/licenses/other-closed'],
    ['"All rights reserved" written as the licence', 'All rights reserved'],
    ['"Non-commercial use only" written as the licence', 'Non-commercial use only'],
  ])('%s is not open: an error whatever the policy for unreviewed licences', (_, licence) => {
    for (const options of [{}, { unreviewedLicences: 'accept' }]) {
      expect(
        checkRule(rule, dist(licence), { options }).map((f) => [
          f.messageId,
          f.severity ?? 'error',
        ]),
      ).toEqual([['notOpen', 'error']]);
    }
  });

  test('unreviewedLicences: licences not reviewed yet (known without review, or unknown) are warnings, errors or accepted', () => {
    const d = {
      distribution: [
        {
          accessURL: ['https://example.ca/a'],
          license: 'https://www.apache.org/licenses/LICENSE-2.0',
        },
        { accessURL: ['https://example.ca/b'], license: 'https://example.ca/our-licence' },
      ],
    };
    const run = (options: Record<string, unknown>) =>
      checkRule(rule, d, { options }).map((f) => [f.messageId, f.severity ?? 'error']);
    expect(run({})).toEqual([
      ['unreviewed', 'warning'],
      ['unknown', 'warning'],
    ]);
    expect(run({ unreviewedLicences: 'error' })).toEqual([
      ['unreviewed', 'error'],
      ['unknown', 'error'],
    ]);
    expect(run({ unreviewedLicences: 'accept' })).toEqual([]);
  });
});
