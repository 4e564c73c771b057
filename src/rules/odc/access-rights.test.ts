import publicRule from './access-rights-public.js';
import justified from './access-restriction-justified.js';
import { checkRule } from '../testing.js';

const AR = 'http://publications.europa.eu/resource/authority/access-right/';

describe('odc/access-rights-public', () => {
  test('missing is an error, restricted a warning, a value from outside the table a warning', () => {
    expect(checkRule(publicRule, {}).map((f) => [f.messageId, f.severity])).toEqual([
      ['missing', undefined],
    ]);
    expect(
      checkRule(publicRule, { accessRights: `${AR}NON_PUBLIC` }).map((f) => [
        f.messageId,
        f.severity,
        f.data?.rights,
      ]),
    ).toEqual([['notPublic', 'warning', { en: 'Non-public', fr: 'Non public' }]]);
    expect(
      checkRule(publicRule, { accessRights: 'https://example.ca/rights' }).map((f) => [
        f.messageId,
        f.severity,
      ]),
    ).toEqual([['unknown', 'warning']]);
  });
});

describe('odc/access-restriction-justified', () => {
  test('only restricted records are judged: a blank rights statement does not count', () => {
    expect(
      checkRule(justified, { accessRights: `${AR}RESTRICTED`, rights: { en: '  ' } }).map(
        (f) => f.property,
      ),
    ).toEqual(['rights']);
    expect(checkRule(justified, { rights: { en: 'x' } })).toEqual([]);
    expect(checkRule(justified, {})).toEqual([]);
  });
});
