/**
 * Conditions of the crosswalk language (`when:` on an entry, `detect.when:` in a profile):
 * `{path, equals}`, `{path, in: [...]}`, `{path, exists: true|false}`, `{not}`, `{all: [...]}`,
 * `{any: [...]}`. Data, not code: compiled once into a test, checked (paths against the profile)
 * by the caller's `resolve`.
 */
import { isEmpty } from '../util/empty.js';
import { getAll, type Segment } from '../util/paths.js';

export type Condition =
  | { path: string; equals: unknown }
  | { path: string; in: unknown[] }
  | { path: string; exists: boolean }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

/** Where a condition is evaluated: the record, and the current item inside `each`. */
export interface Scope {
  root: unknown;
  node: unknown;
  /** JSON Pointer of `node` in the record. */
  base: string;
}

export type Test = (scope: Scope) => boolean;

/** A checked source path. */
export interface ResolvedPath {
  segs: Segment[];
  absolute: boolean;
}

export interface ConditionHost {
  /** Parses and checks a path (against the profile), reporting problems itself. */
  resolve(path: unknown, at: (string | number)[]): ResolvedPath | undefined;
  problem(message: string, at: (string | number)[]): void;
}

const KEYS = ['path', 'equals', 'in', 'exists', 'not', 'all', 'any'];

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Text compares trimmed and without regard to case, numbers and booleans as text (`2` = `'2'`). */
function same(a: unknown, b: unknown): boolean {
  return a === b || (isScalar(a) && isScalar(b) && fold(a) === fold(b));
}

function isScalar(x: unknown): x is string | number | boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

const fold = (x: string | number | boolean): string => String(x).trim().toLowerCase();

/** The non-empty values a path reaches in the scope. */
export function valuesAt(p: ResolvedPath, s: Scope): unknown[] {
  return (p.absolute ? getAll(s.root, p.segs) : getAll(s.node, p.segs, s.base)).map((x) => x.value).filter((v) => !isEmpty(v));
}

export function compileCondition(c: unknown, host: ConditionHost, at: (string | number)[]): Test | undefined {
  if (!isObj(c)) {
    host.problem('a condition is a map (path with equals/in/exists, or not/all/any)', at);
    return undefined;
  }
  for (const k of Object.keys(c)) if (!KEYS.includes(k)) host.problem(`unknown condition key "${k}" (known: ${KEYS.join(', ')})`, [...at, k]);
  if ('not' in c) {
    const inner = compileCondition(c.not, host, [...at, 'not']);
    return inner && ((s) => !inner(s));
  }
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const list = c[key];
    if (!Array.isArray(list) || list.length === 0) {
      host.problem(`\`${key}\` is a list of conditions`, [...at, key]);
      return undefined;
    }
    const parts = list.map((x, i) => compileCondition(x, host, [...at, key, i])).filter((x): x is Test => !!x);
    if (parts.length !== list.length) return undefined;
    return key === 'all' ? (s) => parts.every((p) => p(s)) : (s) => parts.some((p) => p(s));
  }
  const p = host.resolve(c.path, [...at, 'path']);
  if (!p) return undefined;
  if ('equals' in c) {
    const want = c.equals;
    return (s) => valuesAt(p, s).some((v) => same(v, want) || (Array.isArray(v) && v.some((x) => same(x, want))));
  }
  if ('in' in c) {
    if (!Array.isArray(c.in)) {
      host.problem('`in` is a list of values', [...at, 'in']);
      return undefined;
    }
    // the list folded once (as `same` folds), not once per value compared
    const folded = new Set(c.in.filter(isScalar).map(fold));
    const others = c.in.filter((x) => !isScalar(x));
    const matches = (v: unknown): boolean => (isScalar(v) ? folded.has(fold(v)) : others.includes(v));
    return (s) => valuesAt(p, s).some((v) => matches(v) || (Array.isArray(v) && v.some(matches)));
  }
  if ('exists' in c) {
    if (typeof c.exists !== 'boolean') {
      host.problem('`exists` is true or false', [...at, 'exists']);
      return undefined;
    }
    const want = c.exists;
    return (s) => valuesAt(p, s).length > 0 === want;
  }
  host.problem('a condition needs equals, in or exists', at);
  return undefined;
}
