import rule from './title-description.js';
import { checkRule } from '../testing.js';

describe('odc/title-description', () => {
  const long = 'x'.repeat(100);
  test('per language: repeats the title (ignoring case and punctuation), or too short', () => {
    const f = checkRule(rule, {
      title: { en: 'Traffic Signs', fr: 'Panneaux' },
      description: { en: 'traffic signs.', fr: 'Panneaux routiers.' },
    });
    expect(f.map((x) => [x.messageId, x.property])).toEqual([
      ['sameAsTitle', 'description@en'],
      ['short', 'description@fr'],
    ]);
  });
  test('the minimum length is an option, counted in characters', () => {
    expect(checkRule(rule, { title: { fr: 'É' }, description: { fr: 'é'.repeat(100) } })).toEqual(
      [],
    );
    expect(
      checkRule(
        rule,
        { title: { en: 'A' }, description: { en: long } },
        { options: { minDescriptionLength: 101 } },
      ),
    ).toHaveLength(1);
  });
});
