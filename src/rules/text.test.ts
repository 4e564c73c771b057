/** Comparing texts without normalising them gives the answer normalising them gives, or none. */
import { firstLetter, sameNormalised } from './text.js';

const words = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
const spaces = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

const PIECES = [
  'a',
  'A',
  'é',
  'É',
  'ß',
  'ÿ',
  'Ÿ',
  'İ',
  'Σ',
  'K',
  '\u212a',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  '.',
  ',',
  '-',
  '_',
  '!',
  '«',
  '»',
  '·',
  '$',
  '+',
  '^',
  '0',
  '\u0301',
  'ǅ',
  'Ā',
];

/** A small deterministic generator (the same texts on every run). */
function texts(count: number): [string, string][] {
  let seed = 42;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const text = (): string =>
    Array.from({ length: next(8) }, () => PIECES[next(PIECES.length)]).join('');
  const variants = [
    (s: string) => s.toUpperCase(),
    (s: string) => ` ${s}.`,
    (s: string) => s.replace(/ /g, '\t '),
    (s: string) => s,
    (s: string) => s + text(),
  ];
  return Array.from({ length: count }, () => {
    const a = text();
    return [a, next(3) ? variants[next(variants.length)](a) : text()];
  });
}

describe('sameNormalised', () => {
  test.each([
    ['Traffic Signs', 'traffic signs.', true, true],
    [
      'Vehicle recalls, national summary',
      'Vehicle recalls, national summary. This dataset…',
      true,
      false,
    ],
    ['Rappels de véhicules', ' RAPPELS   de VÉHICULES ', false, true],
    ['a-b', 'a b', true, true],
    ['a-b', 'a b', false, false],
    ['ab', 'a b', true, false],
    ['', '  ', true, true],
    ['x', '', false, false],
  ])('%j and %j (punctuation ignored: %s) → %s', (a, b, punctuation, expected) => {
    expect(sameNormalised(a, b, punctuation)).toBe(expected);
    expect((punctuation ? words : spaces)(a) === (punctuation ? words : spaces)(b)).toBe(expected);
  });

  test('outside the Latin blocks it does not answer', () => {
    expect(sameNormalised('Σ', 'σ', false)).toBeUndefined();
    expect(sameNormalised('İ', 'i̇', false)).toBeUndefined();
  });

  test('gives the normalised comparison whenever it answers', () => {
    const wrong: unknown[] = [];
    let answered = 0;
    for (const [a, b] of texts(20000)) {
      for (const punctuation of [true, false]) {
        const norm = punctuation ? words : spaces;
        const answer = sameNormalised(a, b, punctuation);
        if (answer === undefined) continue;
        answered++;
        if (answer !== (norm(a) === norm(b))) wrong.push([a, b, punctuation, answer]);
      }
      const first = firstLetter(a);
      if (first !== undefined && first !== (spaces(a) === '' ? -1 : spaces(a).charCodeAt(0)))
        wrong.push([a, first]);
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(10000);
  });
});
