/**
 * Conditions of the crosswalk language (`when:` on an entry, `detect.when:` in a profile):
 * `{path, equals}`, `{path, in: [...]}`, `{path, startsWith: [...]}` (a text beginning with one of the
 * prefixes, as `in` compares: trimmed, any case: HNAP's "Supporting Document;CSV;eng"), `{path, exists:
 * true|false}`, `{not}`, `{all: [...]}`, `{any: [...]}`. Data, not code: compiled once into a test, checked (paths against the profile)
 * by the caller's `resolve`.
 */
import type { Bilingual } from './lang.js';
import { isEmpty } from '../util/empty.js';
import { getAll, plainField, type Segment } from '../util/paths.js';

export type Condition =
  | { path: string; equals: unknown }
  | { path: string; in: unknown[] }
  | { path: string; startsWith: string[] }
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
  problem(message: Bilingual, at: (string | number)[]): void;
}

const KEYS = ['path', 'equals', 'in', 'startsWith', 'exists', 'not', 'all', 'any'];

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
  return (p.absolute ? getAll(s.root, p.segs) : getAll(s.node, p.segs, s.base))
    .map((x) => x.value)
    .filter((v) => !isEmpty(v));
}

const own = Object.prototype.hasOwnProperty;

/**
 * Whether `test` holds for one of the non-empty values a path reaches (`valuesAt(p, s).some(test)`);
 * a path of one field read on an object is read directly (most conditions), without lists.
 */
function someValue(p: ResolvedPath, test: (v: unknown) => boolean): Test {
  const field = plainField(p.segs);
  if (!field) return (s) => valuesAt(p, s).some(test);
  const { name } = field;
  const absolute = p.absolute;
  return (s) => {
    const node = absolute ? s.root : s.node;
    if (node === null || typeof node !== 'object' || Array.isArray(node))
      return valuesAt(p, s).some(test);
    if (!own.call(node, name)) return false;
    const v = (node as Record<string, unknown>)[name];
    return v !== undefined && !isEmpty(v) && test(v);
  };
}

/** What is wrong with a condition, in both languages. */
const SAID = {
  notMap: {
    en: 'a condition is a map (path with equals/in/startsWith/exists, or not/all/any)',
    fr: 'une condition est une table (path avec equals/in/startsWith/exists, ou not/all/any)',
  },
  unknownKey: (k: string): Bilingual => ({
    en: `unknown condition key "${k}" (known: ${KEYS.join(', ')})`,
    fr: `clé de condition inconnue « ${k} » (connues : ${KEYS.join(', ')})`,
  }),
  conditions: (key: string): Bilingual => ({
    en: `\`${key}\` is a list of conditions`,
    fr: `\`${key}\` est une liste de conditions`,
  }),
  in: { en: '`in` is a list of values', fr: '`in` est une liste de valeurs' },
  startsWith: { en: '`startsWith` is a list of texts', fr: '`startsWith` est une liste de textes' },
  exists: { en: '`exists` is true or false', fr: '`exists` vaut true ou false' },
  test: {
    en: 'a condition needs equals, in, startsWith or exists',
    fr: 'une condition a besoin de equals, in, startsWith ou exists',
  },
} satisfies Record<string, Bilingual | ((k: string) => Bilingual)>;

/** At most this many texts a condition remembers the answer for (past it, started again). */
const MAX_KNOWN = 1000;

export function compileCondition(
  c: unknown,
  host: ConditionHost,
  at: (string | number)[],
): Test | undefined {
  if (!isObj(c)) {
    host.problem(SAID.notMap, at);
    return undefined;
  }
  for (const k of Object.keys(c))
    if (!KEYS.includes(k)) host.problem(SAID.unknownKey(k), [...at, k]);
  if ('not' in c) {
    const inner = compileCondition(c.not, host, [...at, 'not']);
    return inner && ((s) => !inner(s));
  }
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const list = c[key];
    if (!Array.isArray(list) || list.length === 0) {
      host.problem(SAID.conditions(key), [...at, key]);
      return undefined;
    }
    const parts = list
      .map((x, i) => compileCondition(x, host, [...at, key, i]))
      .filter((x): x is Test => !!x);
    if (parts.length !== list.length) return undefined;
    return key === 'all' ? (s) => parts.every((p) => p(s)) : (s) => parts.some((p) => p(s));
  }
  const p = host.resolve(c.path, [...at, 'path']);
  if (!p) return undefined;
  if ('equals' in c) {
    const want = c.equals;
    return someValue(p, (v) => same(v, want) || (Array.isArray(v) && v.some((x) => same(x, want))));
  }
  if ('in' in c) {
    if (!Array.isArray(c.in)) {
      host.problem(SAID.in, [...at, 'in']);
      return undefined;
    }
    // the list folded once (as `same` folds), not once per value compared
    const folded = new Set(c.in.filter(isScalar).map(fold));
    const others = c.in.filter((x) => !isScalar(x));
    // texts come back in every record (formats, types): each one folded and looked up once
    const known = new Map<string, boolean>();
    const matches = (v: unknown): boolean => {
      if (typeof v !== 'string') return isScalar(v) ? folded.has(fold(v)) : others.includes(v);
      let answer = known.get(v);
      if (answer === undefined) {
        answer = folded.has(fold(v));
        if (known.size >= MAX_KNOWN) known.clear();
        known.set(v, answer);
      }
      return answer;
    };
    return someValue(p, (v) => matches(v) || (Array.isArray(v) && v.some(matches)));
  }
  if ('startsWith' in c) {
    const list = c.startsWith;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((x) => typeof x === 'string' && x.trim() !== '')
    ) {
      host.problem(SAID.startsWith, [...at, 'startsWith']);
      return undefined;
    }
    const prefixes = list.map((x) => fold(x));
    const matches = (v: unknown): boolean =>
      typeof v === 'string' && prefixes.some((x) => fold(v).startsWith(x));
    return someValue(p, (v) => matches(v) || (Array.isArray(v) && v.some(matches)));
  }
  if ('exists' in c) {
    if (typeof c.exists !== 'boolean') {
      host.problem(SAID.exists, [...at, 'exists']);
      return undefined;
    }
    const want = c.exists;
    const any = someValue(p, () => true);
    return (s) => any(s) === want;
  }
  host.problem(SAID.test, at);
  return undefined;
}
