import { deeperThan } from './limits.js';

/** `levels` objects or lists one inside the other (1: `{}`). */
function nested(levels: number, list = false): unknown {
  let v: unknown = list ? [] : {};
  for (let i = 1; i < levels; i++) v = list ? [1, v, 'x'] : { a: 1, b: v };
  return v;
}

describe('deeperThan', () => {
  test('counts levels of objects and lists, whatever they hold', () => {
    for (const list of [false, true]) {
      expect(deeperThan(nested(3, list), 3)).toBe(false);
      expect(deeperThan(nested(4, list), 3)).toBe(true);
      expect(deeperThan(nested(128, list), 128)).toBe(false);
      expect(deeperThan(nested(129, list), 128)).toBe(true);
    }
    expect(deeperThan({ a: [{ b: [{}] }], c: 'x' }, 4)).toBe(true);
    expect(deeperThan({ a: [{ b: [{}] }], c: 'x' }, 5)).toBe(false);
    expect(deeperThan('text', 0)).toBe(false);
    expect(deeperThan(null, 0)).toBe(false);
  });

  test('a deep record does not overflow the stack', () => {
    expect(deeperThan(nested(100_000), 128)).toBe(true);
    expect(deeperThan(nested(100_000, true), 128)).toBe(true);
  });

  test('objects met twice (readers other than JSON may share them) are walked once, as before: cycles end', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(deeperThan(cycle, 128)).toBe(false);
    expect(deeperThan({ x: [cycle] }, 128)).toBe(false);
    // a node shared by every level: a walk without bookkeeping would visit it 2^60 times
    let shared: unknown = {};
    for (let i = 0; i < 60; i++) shared = { l: shared, r: shared };
    expect(deeperThan(shared, 128)).toBe(false);
    expect(deeperThan(shared, 50)).toBe(true);
  });

  test('a record too big to walk quickly is still judged', () => {
    const wide = Array.from({ length: 150_000 }, () => ({ a: {} }));
    expect(deeperThan(wide, 3)).toBe(false);
    expect(deeperThan(wide, 2)).toBe(true);
  });

  test('a list of small objects without objects in them (empty, shared or not) is judged without remembering each', () => {
    const empties = Array.from({ length: 200_000 }, () => ({}));
    expect(deeperThan(empties, 2)).toBe(false);
    expect(deeperThan(empties, 1)).toBe(true);
    // one leaf met 200,000 times: looked at again each time, a few values each
    const leaf = { a: 1, b: 'x' };
    expect(deeperThan({ list: Array.from({ length: 200_000 }, () => leaf) }, 3)).toBe(false);
    expect(deeperThan({ list: Array.from({ length: 200_000 }, () => leaf) }, 2)).toBe(true);
    // the last item deeper than the others
    expect(deeperThan([...empties, nested(5)], 5)).toBe(true);
  });
});
