import rule from './encoding.js';
import { checkRule } from '../testing.js';

const found = (dataset: Parameters<typeof checkRule>[1]) =>
  checkRule(rule, dataset).map((f) => [f.messageId, f.property, f.data]);

describe('input/encoding', () => {
  test('UTF-8 read as Windows-1252: named with the text it should read', () => {
    expect(found({ title: { en: 'Water levels', fr: 'Niveaux dâ€™eau du QuÃ©bec' } })).toEqual([
      [
        'misread',
        'title@fr',
        { found: 'Niveaux dâ€™eau du QuÃ©bec', repaired: 'Niveaux d’eau du Québec' },
      ],
    ]);
  });

  test('Latin-1 (C1 controls for 0x80–0x9F), a capital (Ã‰), a degree sign (Â°), in nested objects and keyword lists', () => {
    expect(
      found({
        keyword: { fr: ['eau', '\u00C3\u0089cole'] },
        publisher: { name: { fr: 'Ã‰ducation' } },
        distribution: [{ title: { en: 'Fine' } }, { description: { en: 'Temperature in Â°C' } }],
      }),
    ).toEqual([
      ['misread', 'keyword@fr', { found: '\u00C3\u0089cole', repaired: 'École' }],
      ['misread', 'publisher.name@fr', { found: 'Ã‰ducation', repaired: 'Éducation' }],
      [
        'misread',
        'distribution[1].description@en',
        { found: 'Temperature in Â°C', repaired: 'Temperature in °C' },
      ],
    ]);
  });

  test('Inuktitut syllabics and a curly apostrophe misread are repaired too', () => {
    const misread = (s: string): string =>
      [...Buffer.from(s)].map((b) => String.fromCharCode(b)).join('');
    expect(found({ title: { iu: misread('ᐃᓄᒃᑎᑐᑦ'), en: `Canada${misread('’')}s parks` } })).toEqual(
      [
        ['misread', 'title@iu', { found: misread('ᐃᓄᒃᑎᑐᑦ'), repaired: 'ᐃᓄᒃᑎᑐᑦ' }],
        [
          'misread',
          'title@en',
          { found: `Canada${misread('’')}s parks`, repaired: 'Canada’s parks' },
        ],
      ],
    );
  });

  test('characters lost (U+FFFD), shown around the loss in a long text', () => {
    const text = `${'a'.repeat(50)}d\uFFFDeau${'b'.repeat(50)}`;
    expect(found({ description: { fr: text } })).toEqual([
      ['lost', 'description@fr', { found: `…${'a'.repeat(14)}d\uFFFDeau${'b'.repeat(12)}…` }],
    ]);
  });

  test('correct French and English, and characters that only look like the damage, are not reported', () => {
    expect(
      found({
        title: {
          en: 'Québec: l’eau, 20 °C – “Montréal” … Ça',
          fr: 'Économie à São Paulo, Â et ©, SÃO PAULO, «ÉTÉ», RÉSUMÉ… CAFÉ–BAR, AÑO°',
        },
        keyword: { fr: ['été', 'août', 'Ã¸'] }, // Ã¸ is C3 B8, "ø": damage, but a keyword list is reported once, at its first
        identifier: 'ÂB-12',
      }).map((f) => f[1]),
    ).toEqual(['keyword@fr']);
  });
});

describe('input/encoding fixes', () => {
  const fixes = (dataset: Parameters<typeof checkRule>[1]) =>
    checkRule(rule, dataset).map((f) => [f.messageId, f.fix]);

  test('misread text carries the whole text repaired; lost characters carry none', () => {
    expect(
      fixes({ title: { fr: 'Niveaux dâ€™eau du QuÃ©bec', en: 'Water \uFFFD levels' } }),
    ).toEqual([
      [
        'misread',
        { old: 'Niveaux dâ€™eau du QuÃ©bec', new: 'Niveaux d’eau du Québec', kind: 'encoding' },
      ],
      ['lost', undefined],
    ]);
  });
});
