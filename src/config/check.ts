/**
 * How the problems of a configuration or ruleset file are said: the `say` hook of the shared file
 * check (util/file-schema.ts), in a steward's terms (a rule, its options, a new rule's definition
 * and its check), with the closest known name for a slip. What it does not word is said the usual way.
 */
import type { ErrorObject } from 'ajv';
import { ruleById, RULE_IDS } from '../rules/index.js';
import {
  badFormat,
  closest,
  suggestion,
  typeWords,
  type FileProblem,
} from '../util/file-schema.js';
import type { YamlSource } from '../util/yaml.js';
import { RESERVED_NAMESPACES, USER_RULE_ID } from './schema.js';

const DEFINITION_KEYS = [
  'title',
  'docs',
  'severity',
  'principle',
  'commitment',
  'given',
  'target',
  'source',
  'then',
  'match',
  'message',
  'examples',
];
const userRule = new RegExp(USER_RULE_ID);
const reserved = new RegExp(`^(${RESERVED_NAMESPACES.join('|')})/`);

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const s of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/** ` (did you mean "x"? …)` with the list's words after: `tail` alone when nothing is near. */
const near = (word: string, known: Iterable<string>, tail: string): string => {
  const n = closest(word, known);
  return ` (${n ? `did you mean "${n}"? ` : ''}${tail})`;
};

/** An unknown key: of the file, of a rule's setting or definition, of a check. */
function unknownKey(
  path: string[],
  key: string,
  rule: string | undefined,
  e: ErrorObject,
  y: YamlSource,
  topKeys: readonly string[],
): string {
  const last = path[path.length - 1];
  const known = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
  if (last === 'rules')
    return `unknown rule "${key}"${near(
      key,
      RULE_IDS,
      reserved.test(key) || closest(key, RULE_IDS)
        ? 'passerelle rules lists them'
        : "passerelle rules lists them; a new rule's id is namespace/name, in lower case",
    )}`;
  if (last === 'options' && rule) {
    const options = Object.keys(ruleById(rule)?.meta.options ?? {});
    return `rule ${rule} has no option "${key}"${near(key, options, `options: ${options.join(', ')}`)}`;
  }
  if (rule && userRule.test(rule)) {
    if (last === 'then') {
      const check = String(valueAt(y.data, [...path, 'check']));
      const options = known.filter((k) => k !== 'check');
      return `rule ${rule}: check ${check} has no option "${key}"${options.length ? near(key, options, options.join(', ')) : ''}`;
    }
    if (last === rule)
      return `unknown key "${key}" for rule ${rule}${near(key, DEFINITION_KEYS, DEFINITION_KEYS.join(', '))}`;
    return `rule ${rule}: unknown key "${key}" in ${last}${suggestion(key, known)}`;
  }
  if (rule && key === 'options') return `rule ${rule} has no options`;
  if (rule) return `unknown key "${key}" for rule ${rule}${suggestion(key, known)}`;
  if (path[0] === 'profiles' && path.length === 2)
    return `unknown key "${key}" for profile ${path[1]}${suggestion(key, known)}`;
  return `unknown key "${key}"${path.length ? suggestion(key, known) : suggestion(key, topKeys)}`;
}

/** How a place under a rule is named: `rule x`, `rule x: option y`, `rule x: then.min`. */
function placeName(path: string[], ruleAt: number): string {
  const rule = path[ruleAt];
  const last = path[path.length - 1];
  if (ruleAt < 0) return last ?? 'the file';
  if (last === rule) return `rule ${rule}`;
  if (path[ruleAt + 1] === 'options' && path.length > ruleAt + 2)
    return `rule ${rule}: option ${path[ruleAt + 2]}`;
  return `rule ${rule}: ${path.slice(ruleAt + 1).join('.')}`;
}

/**
 * The `say` hook of configuration and ruleset files (util/file-schema.ts `checkFile`): each
 * problem at the node it is about. `topKeys`: the keys of the file's top level.
 */
export function sayRuleProblem(
  topKeys: readonly string[],
): (e: ErrorObject, path: string[], y: YamlSource) => FileProblem {
  return (e, path, y) => {
    const ruleAt = path.findIndex((_s, i) => path[i - 1] === 'rules');
    const rule = ruleAt >= 0 ? path[ruleAt] : undefined;
    const last = path[path.length - 1];
    const at = (message: string, where = y.where(path)): FileProblem => ({ where, message });
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        return at(unknownKey(path, key, rule, e, y, topKeys), y.where([...path, key], true));
      }
      case 'enum': {
        const values = (e.params as { allowedValues: string[] }).allowedValues.map(String);
        const value = String(valueAt(y.data, path));
        if (last === 'check')
          return at(`rule ${rule}: unknown check${near(value, values, values.join(', '))}`);
        const mean = closest(value, values);
        const hint = mean ? ` (did you mean "${mean}"?)` : '';
        if (rule && last !== rule && last !== 'severity')
          return at(`rule ${rule}: ${last} must be one of ${values.join(', ')}${hint}`);
        return at(
          `${rule ? `rule ${rule}: ` : ''}severity must be one of ${values.join(', ')}${hint}`,
        );
      }
      case 'format':
        return at(badFormat((e.params as { format: string }).format, valueAt(y.data, path)));
      case 'propertyNames': {
        const name = String((e.params as { propertyName?: string }).propertyName);
        const where = y.where([...path, name], true);
        return last === 'profiles'
          ? at(`unknown profile "${name}" (passerelle profiles lists them)`, where)
          : at(`"${name}" is not a valid name`, where);
      }
      case 'pattern':
        return at(`${placeName(path, ruleAt)} ${e.message}`, y.where(path, true));
      default: {
        const message =
          e.keyword === 'type'
            ? `must be ${typeWords(String((e.params as { type: string }).type))}`
            : e.message;
        return at(`${placeName(path, ruleAt)} ${message}`);
      }
    }
  };
}
