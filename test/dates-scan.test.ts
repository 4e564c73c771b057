import { coerce, isDate, parseDate } from '../src/util/coerce.js';
import { expectEach } from './helpers.js';

/** parseDate as it was written with its regular expression: the hand-written reader must agree. */
const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function reference(value: string): { date: string; dateTime?: string } | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const y = m[1],
    mo = m[2],
    d = m[3],
    h = m[4],
    mi = m[5],
    s = m[6],
    frac = m[7],
    tz = m[8];
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return undefined;
  if (d !== undefined && (+d < 1 || +d > daysIn(+y, +mo))) return undefined;
  if (h !== undefined && (+h > 23 || +mi > 59 || (s !== undefined && +s > 60))) return undefined;
  const date = mo === undefined ? y : d === undefined ? `${y}-${mo}` : `${y}-${mo}-${d}`;
  if (h === undefined) return { date };
  return { date, dateTime: `${date}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${tz ?? ''}` };
}

const TRICKY = [
  '',
  ' ',
  '2020',
  '202',
  '20201',
  '2020-',
  '2020-1',
  '2020-01',
  '2020-00',
  '2020-13',
  '2020-1a',
  '2020-01-',
  '2020-02-29',
  '2019-02-29',
  '1900-02-29',
  '2000-02-29',
  '2020-04-31',
  '2020-04-30',
  '2020-12-32',
  '2020-12-00',
  '2020/12/01',
  '2020-12-01T',
  '2020-12-01 ',
  ' 2020-12-01',
  '\t2020-12-01\n',
  '2020-12-01\u00a0',
  '2020-12-01t10:00',
  '2020-12-01T10',
  '2020-12-01T10:',
  '2020-12-01T10:0',
  '2020-12-01T10:00',
  '2020-12-01 10:00',
  '2020-12-01T24:00',
  '2020-12-01T23:59',
  '2020-12-01T23:60',
  '2020-12-01T10:00:',
  '2020-12-01T10:00:0',
  '2020-12-01T10:00:00',
  '2020-12-01T10:00:60',
  '2020-12-01T10:00:61',
  '2020-12-01T10:00:000',
  '2020-12-01T10:00:00.',
  '2020-12-01T10:00:00.1',
  '2020-12-01T13:55:02.384919',
  '2020-12-01T10:00:00.123Z',
  '2020-12-01T10:00:00Z',
  '2020-12-01T10:00Z',
  '2020-12-01T10:00.5',
  '2020-12-01T10:00:00.5.5',
  '2020-12-01T10:00:00+05:00',
  '2020-12-01T10:00:00-0500',
  '2020-12-01T10:00:00+05',
  '2020-12-01T10:00:00+5:00',
  '2020-12-01T10:00:00+05:0',
  '2020-12-01T10:00:00+05:000',
  '2020-12-01T10:00+05:30',
  '2020-12-01T10:00:00ZZ',
  '2020-12-01T10:00:00z',
  '2020-12-01T10:00:00 +05:00',
  '2017-05-18 00:00:00',
  '2017-05-18  00:00:00',
  '２０２０-12-01',
  '2020-12-01T10:00:00.\u0661',
  '-2020-12-01',
  '+2020',
  '0000-01-01',
  '9999-12-31T23:59:60.999999-23:59',
  '2020-1-01',
  '2020-01-1',
  '2020-12-01T1:00',
  'abcd',
  '2020-1',
];

describe('isDate and parseDate read dates by the rules of the regular expression they replace', () => {
  it.each(TRICKY)('%j', (text) => {
    expect(parseDate(text)).toEqual(reference(text));
    expect(isDate(text)).toBe(reference(text) !== undefined);
    // the crosswalk's coercions read dates without parseDate: the same answers
    expect(coerce(text, 'date')).toBe(reference(text)?.date);
    expect(coerce(text, 'datetime')).toBe(reference(text)?.dateTime ?? reference(text)?.date);
  });

  it('agree on strings made of date pieces', () => {
    const pieces = [
      '2020',
      '-',
      '02',
      '29',
      '13',
      '00',
      'T',
      ' ',
      '23',
      ':',
      '59',
      '60',
      '61',
      '.',
      '5',
      'Z',
      '+',
      '05',
      '0',
    ];
    let seed = 8;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const texts: string[] = [];
    for (let k = 0; k < 20000; k++) {
      let text = '2020';
      const parts = next(12);
      for (let p = 0; p < parts; p++) text += pieces[next(pieces.length)];
      texts.push(text);
    }
    expectEach(texts, (text) => {
      const want = reference(text);
      return [
        [text, parseDate(text), isDate(text), coerce(text, 'date'), coerce(text, 'datetime')],
        [text, want, want !== undefined, want?.date, want?.dateTime ?? want?.date],
      ];
    });
  });
});
