import { getAll, parsePath, reader } from '../src/util/paths.js';
import { parseDate } from '../src/util/coerce.js';

describe('paths: reader, compiled once per path', () => {
  const record = {
    id: 'a',
    'a/b': { '~c': 1 },
    empty: '',
    nothing: null,
    organization: { name: 'esdc', title: 'x' },
    resources: [
      { url: 'u0', language: ['en', 'fr'], format: 'CSV' },
      { url: 'u1', language: [] },
      [{ url: 'nested' }],
      null,
      { format: 'SHP' },
    ],
    extras: [
      { key: 'purpose', value: 'p' },
      { key: 'other', value: 'o' },
    ],
    list: ['x', 'y'],
    meta: { items: [{ k: 1 }, { k: 2 }, { j: 3 }], toString: 'own' },
  };
  const paths = [
    'id',
    'empty',
    'nothing',
    'missing',
    '/a~1b/~0c',
    'organization.name',
    'organization.missing',
    'resources.url',
    'resources[*].url',
    'resources[*].language',
    'resources.0.url',
    'resources.7.url',
    'resources[*]',
    'extras[key=purpose].value',
    'list',
    'list.0',
    'list.length',
    'id.length',
    'url',
    'format',
    'language',
    // fields of fields, a list met on the way, inherited names
    'meta.items.k',
    'meta.items.j',
    'meta.toString',
    'organization.toString',
    'organization.name.length',
    'meta.items.k.x',
  ];
  it.each(paths)('gives what getAll gives: %s', (path) => {
    const segs = parsePath(path);
    expect(reader(segs)(record)).toEqual(getAll(record, segs));
    expect(reader(segs)(record, '/base')).toEqual(getAll(record, segs, '/base'));
    // below a list a name applies to each item; on a code, nothing
    expect(reader(segs)(record.resources, '/resources')).toEqual(
      getAll(record.resources, segs, '/resources'),
    );
    expect(reader(segs)('text')).toEqual(getAll('text', segs));
    expect(reader(segs)(null)).toEqual(getAll(null, segs));
  });
});

describe('parseDate: YYYY-MM-DD read without the regular expression', () => {
  it.each([
    ['2020-02-29', { date: '2020-02-29' }],
    ['2000-02-29', { date: '2000-02-29' }],
    ['0000-02-29', { date: '0000-02-29' }],
    ['1900-02-29', undefined],
    ['2019-02-29', undefined],
    ['2020-04-31', undefined],
    ['2020-13-01', undefined],
    ['2020-00-10', undefined],
    ['2020-01-00', undefined],
    ['20a0-01-01', undefined],
    ['2020-1-011', undefined],
    [' 2020-01-01', { date: '2020-01-01' }],
    ['2020-12-23 00:00:00', { date: '2020-12-23', dateTime: '2020-12-23T00:00:00' }],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });
});
