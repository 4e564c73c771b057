import { coerce, type Coercion } from '../src/util/coerce.js';
import { expectEach } from './helpers.js';

/**
 * The crosswalk does not coerce again values its candidates coerced the same way (compile.ts,
 * IDEMPOTENT): these coercions must give back what they give, unchanged.
 */
describe('coercions the crosswalk does not repeat give back what they give', () => {
  const pieces = [
    'http://',
    'https://',
    'HTTP://',
    'a',
    'Z',
    'mailto:',
    'MAILTO:',
    '@',
    '.',
    ':',
    '/',
    ' ',
    '\t',
    '\u00a0',
    '\u3000',
    'é',
    '%',
    '?',
    '#',
    'x.y',
    '2020',
    '-',
    '12',
    '01',
    'T',
    '10:00',
    ':00',
    '+05:00',
    'text/csv',
    ';',
    'charset=utf-8',
    'http://www.iana.org/assignments/media-types/',
    '[',
    '"',
    '<',
    '\uD800',
    'ex ample',
    '1e3',
    'true',
  ];
  it.each(['uri', 'date', 'datetime', 'string', 'email', 'mediatype'] as Coercion[])('%s', (as) => {
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const values: unknown[] = [
      1,
      0,
      12.5,
      true,
      false,
      ' 2020-12-01 10:00 ',
      '2020-12-01T10:00:00',
      'mailto:a@b.ca',
      'Text/CSV; charset=utf-8',
    ];
    for (let k = 0; k < 30000; k++) {
      let t = '';
      const parts = 1 + next(7);
      for (let p = 0; p < parts; p++) t += pieces[next(pieces.length)];
      values.push(t);
    }
    expectEach(values, (v) => {
      const once = coerce(v, as);
      return once === undefined
        ? [v, v]
        : [
            [v, coerce(once, as)],
            [v, once],
          ];
    });
  });
});
