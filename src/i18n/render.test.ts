import { render } from './render.js';

describe('render: messages of frozen data are kept, and the same as rendered afresh', () => {
  test('each template and language of one frozen data object gives its own message', () => {
    const data = Object.freeze({
      class: Object.freeze({ en: 'Dataset', fr: 'Jeu de données' }),
      iri: 'dct:title',
      n: 3,
    });
    const copy = () => ({ class: { en: 'Dataset', fr: 'Jeu de données' }, iri: 'dct:title', n: 3 });
    for (let round = 0; round < 2; round++) {
      expect(render('{{class}} has no {{iri}} ({{n}})', data, 'en')).toBe(
        render('{{class}} has no {{iri}} ({{n}})', copy(), 'en'),
      );
      expect(render('{{class}} has no {{iri}} ({{n}})', data, 'fr')).toBe(
        'Jeu de données has no dct:title (3)',
      );
      expect(render('{{class}} : {{iri}} absente', data, 'fr')).toBe(
        'Jeu de données : dct:title absente',
      );
    }
  });

  test('frozen data holding a value that can change is rendered every time', () => {
    const inner = { en: 'Dataset', fr: 'Jeu de données' };
    const list = ['a'];
    const data = Object.freeze({ class: inner, list });
    expect(render('{{class}} {{list}}', data, 'en')).toBe('Dataset ["a"]');
    inner.en = 'Catalogue';
    list.push('b');
    expect(render('{{class}} {{list}}', data, 'en')).toBe('Catalogue ["a","b"]');
  });
});
