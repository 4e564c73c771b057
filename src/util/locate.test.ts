import { LineIndex, offsetOf, offsetsOf, spansOf } from './locate.js';

/** Where `needle` starts in `text` (the expected offsets, written so that they read). */
const at = (text: string, needle: string, from = 0): number => text.indexOf(needle, from);

describe('locating JSON Pointers in a text (one pass, keys compared in place)', () => {
  test('nested objects and arrays; a missing field is absent', () => {
    const t = '{"a":{"b":[10, {"c":"x"}]},"d":true}';
    const found = offsetsOf(t, ['/a/b/1/c', '/d', '/a/b/0', '/a/zz', '/a/b/2']);
    expect(found.get('/a/b/1/c')).toBe(at(t, '"x"'));
    expect(found.get('/d')).toBe(at(t, 'true'));
    expect(found.get('/a/b/0')).toBe(at(t, '10'));
    expect(found.has('/a/zz')).toBe(false);
    expect(found.has('/a/b/2')).toBe(false);
  });

  test('a key written with escapes is the key it decodes to; a key is not a value that looks like it', () => {
    const t = '{"x":"\\"t\\":","\\u0074itle":1,"a\\"b":2,"a\\\\b":3,"t":4}';
    expect(offsetOf(t, '/title')).toBe(at(t, '1,'));
    expect(offsetOf(t, '/a"b')).toBe(at(t, '2,'));
    expect(offsetOf(t, '/a\\b')).toBe(at(t, '3,'));
    expect(offsetOf(t, '/t')).toBe(at(t, '4}'));
  });

  test('keys of different lengths sharing a start; pointer escapes (~1, ~0)', () => {
    const t = '{"titles":0,"title":1,"x/y":2,"x~y":3}';
    expect(offsetOf(t, '/title')).toBe(at(t, '1,'));
    expect(offsetOf(t, '/x~1y')).toBe(at(t, '2,'));
    expect(offsetOf(t, '/x~0y')).toBe(at(t, '3}'));
  });

  test('a repeated key: the first one counts; array indices are written as numbers are ("01" is no index)', () => {
    const t = '{"a":1,"a":2,"l":[5,6]}';
    expect(offsetOf(t, '/a')).toBe(at(t, '1,'));
    expect(offsetsOf(t, ['/l/1', '/l/01']).get('/l/1')).toBe(at(t, '6'));
    expect(offsetsOf(t, ['/l/01']).size).toBe(0);
  });

  test('positions in the pointers order, with the line index of a text cut from a file', () => {
    const t = '{\n  "a": 1,\n  "b": {"c": [1, 2]}\n}';
    const index = new LineIndex(t, 7);
    expect(index.locateAll(['/b/c/1', '/nope', '/a', '/a'])).toEqual([
      { line: 9, column: 18 },
      undefined,
      { line: 8, column: 8 },
      { line: 8, column: 8 },
    ]);
  });

  test('from where a record starts in a larger text', () => {
    const t = '{"a":1} {"a":2}';
    expect(offsetOf(t, '/a', at(t, '{', 1))).toBe(at(t, '2'));
  });

  test('spans: where each value starts and ends (strings with escaped quotes, lists, objects)', () => {
    const t = '{"a": "say \\"hi\\"", "b": [1, {"c": null}], "d": 12.5}';
    const spans = spansOf(t, ['/a', '/b', '/b/1', '/d', '/zz']);
    const text = (p: string): string | undefined => {
      const s = spans.get(p);
      return s && t.slice(s[0], s[1]);
    };
    expect([text('/a'), text('/b'), text('/b/1'), text('/d'), text('/zz')]).toEqual([
      '"say \\"hi\\""',
      '[1, {"c": null}]',
      '{"c": null}',
      '12.5',
      undefined,
    ]);
  });
});
