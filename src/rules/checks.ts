/**
 * The core checks of rulesets (docs/rules.md, "Your own rules"): each judges the values a rule's
 * path reaches on one node and says which value fails, for the message's `{{value}}`.
 * Texts are judged language by language (a bilingual title has two lengths); lists item by item.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { isEmpty } from '../util/empty.js';
import { safeRegExp } from '../util/safe-regex.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import type { CoreCheck } from './types.js';

/** Why a node fails: the value at fault and what the message may say of it. */
export interface Failure {
  value?: unknown;
  /** The language of the failing text, when the value is a language map (`title@fr`). */
  lang?: string;
  data: Record<string, unknown>;
}

/** The language whose text (or list) in the language map `value` holds `leaf`. */
function langOf(value: unknown, leaf: unknown): string | undefined {
  // a dotted path's one value (`publisher.name`)
  if (Array.isArray(value) && value.length === 1) return langOf(value[0], leaf);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const [lang, v] of Object.entries(value as Record<string, unknown>))
    if (v === leaf || (Array.isArray(v) && v.includes(leaf))) return lang;
  return undefined;
}

/** The values at a dotted path (`publisher.name`): lists on the way are walked item by item. */
export function valueAt(node: unknown, path: string): unknown {
  if (!path.includes('.'))
    return node && typeof node === 'object' ? (node as Record<string, unknown>)[path] : undefined;
  let values: unknown[] = [node];
  const names = path.split('.');
  for (const name of names) {
    const next: unknown[] = [];
    for (const v of values) {
      const x =
        v && typeof v === 'object' && !Array.isArray(v)
          ? (v as Record<string, unknown>)[name]
          : undefined;
      if (Array.isArray(x)) next.push(...x);
      else if (x !== undefined) next.push(x);
    }
    values = next;
  }
  return values.length ? values : undefined;
}

/** Each value to judge: list items, and each language's text of a language map. */
function leaves(value: unknown): unknown[] {
  if (isEmpty(value)) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>);
    // a language map (`{en: …, fr: …}`, `{en: [...]}`): its texts; another object is one value
    return parts.every((p) => typeof p === 'string' || Array.isArray(p))
      ? parts.flatMap(leaves)
      : [value];
  }
  return [value];
}

/** Lists to count: a list, or each language's list of a language map of lists (keywords). */
function lists(value: unknown): unknown[][] {
  if (isEmpty(value)) return [[]];
  if (Array.isArray(value)) return [value];
  if (value && typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>);
    if (parts.every(Array.isArray)) return parts as unknown[][];
  }
  return [[value]];
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const chars = (s: string): number => [...s].length;

/** Out of `min`..`max`. */
const outside = (n: number, c: { min?: number; max?: number }): boolean =>
  (c.min !== undefined && n < c.min) || (c.max !== undefined && n > c.max);

const DATE = /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const DAY = 86_400_000;
function dateFails(s: unknown, c: Extract<CoreCheck, { check: 'date' }>, now: Date): boolean {
  if (typeof s !== 'string' || !DATE.test(s.trim())) return true;
  const t = Date.parse(s.trim());
  if (Number.isNaN(t)) return true;
  if (c.after !== undefined && !(t > Date.parse(c.after))) return true;
  if (c.before !== undefined && !(t < Date.parse(c.before))) return true;
  return c.maxAgeDays !== undefined && now.getTime() - t > c.maxAgeDays * DAY;
}

/** Compiled once per check object (rules are constant data). */
const regexes = new WeakMap<object, RegExp>();
const schemas = new WeakMap<object, ValidateFunction>();

/** A value's JSON Schema compiled with Ajv, its `pattern`s through `safeRegExp` too. */
export function compileSchema(schema: Record<string, unknown>, where?: string): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const regExp = Object.assign((p: string, f: string) => safeRegExp(p, f, where), {
    code: 'new RegExp',
  });
  const ajv = new Ajv({
    allErrors: false,
    strict: false,
    validateFormats: false,
    code: { regExp },
  });
  return ajv.compile(schema);
}

function firstFailing(
  value: unknown,
  values: unknown[],
  fails: (v: unknown) => boolean,
  data: Record<string, unknown>,
): Failure | undefined {
  const bad = values.find(fails);
  if (bad === undefined) return undefined;
  const lang = langOf(value, bad);
  return { value: bad, ...(lang ? { lang } : {}), data: { ...data, value: bad } };
}

/**
 * `value` (what the rule's path reaches on `node`) judged by a ruleset's check: the failure, or
 * undefined when it passes. The older checks (`uri`, `fact`…) are judged in run.ts.
 */
export function judge(
  check: CoreCheck,
  value: unknown,
  node: unknown,
  ctx: { now: Date; vocabularies: VocabularyRegistry },
): Failure | undefined {
  const { check: _name, ...params } = check as CoreCheck & Record<string, unknown>;
  const data: Record<string, unknown> = { ...params };
  switch (check.check) {
    case 'absent':
      return isEmpty(value) ? undefined : { value, data: { ...data, value } };
    case 'pattern': {
      let re = regexes.get(check);
      if (!re) regexes.set(check, (re = safeRegExp(check.pattern, check.flags)));
      const r = re;
      return firstFailing(value, leaves(value), (v) => !r.test(String(v)), data);
    }
    case 'length':
      return firstFailing(value, leaves(value), (v) => outside(chars(String(v)), check), data);
    case 'words':
      return firstFailing(value, leaves(value), (v) => outside(words(String(v)), check), data);
    case 'enum':
      return firstFailing(value, leaves(value), (v) => !check.values.includes(v), {
        ...data,
        values: check.values.join(', '),
      });
    case 'vocabulary': {
      const v = ctx.vocabularies.require(check.vocabulary);
      return firstFailing(value, leaves(value), (x) => v.get(String(x)) === undefined, data);
    }
    case 'date':
      return firstFailing(value, leaves(value), (v) => dateFails(v, check, ctx.now), data);
    case 'count': {
      const bad = lists(value).find((l) => outside(l.length, check));
      if (!bad) return undefined;
      const lang = langOf(value, bad);
      return { ...(lang ? { lang } : {}), data: { ...data, count: bad.length } };
    }
    case 'one-of':
      return check.targets.some((t) => !isEmpty(valueAt(node, t)))
        ? undefined
        : { data: { ...data, targets: check.targets.join(', ') } };
    case 'schema': {
      let validate = schemas.get(check);
      if (!validate) schemas.set(check, (validate = compileSchema(check.schema)));
      const ok = validate;
      return firstFailing(
        value,
        Array.isArray(value) ? value : isEmpty(value) ? [] : [value],
        (v) => !ok(v),
        data,
      );
    }
    default:
      return undefined;
  }
}

/** The checks `judge` knows (the others are the shipped rules' own). */
export const RULESET_CHECKS = [
  'present',
  'absent',
  'pattern',
  'length',
  'words',
  'enum',
  'vocabulary',
  'date',
  'count',
  'one-of',
  'schema',
] as const;
