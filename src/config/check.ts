/**
 * Configuration and ruleset files checked against their JSON Schemas (config/schema.ts), each
 * problem said in a steward's terms at its file:line:col.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ruleById } from '../rules/index.js';
import { unsafeReason } from '../util/safe-regex.js';
import type { YamlSource } from '../util/yaml.js';
import { USER_RULE_ID } from './schema.js';

/** A schema's validator, compiled the first time a file needs it (most runs have no configuration). */
export function schemaChecker(
  schema: () => Record<string, unknown>,
): (data: unknown) => ErrorObject[] {
  let validator: ValidateFunction | undefined;
  return (data) => {
    if (!validator) {
      const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
      const ajv = new Ajv({ allErrors: true, strict: false });
      // a user's regular expression must be valid and safe (util/safe-regex.ts)
      ajv.addFormat('regex', (s: string) => {
        if (unsafeReason(s)) return false;
        try {
          new RegExp(s, 'u');
          return true;
        } catch {
          return false;
        }
      });
      validator = ajv.compile(schema());
    }
    return validator(data) ? [] : (validator.errors ?? []);
  };
}

/** Ajv's path `/rules/odc~1freshness/options/graceDays` as segments. */
const segments = (pointer: string): string[] =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];

const DEFINITION_KEYS =
  'title, docs, severity, principle, commitment, given, target, source, then, match, message, examples';
const userRule = new RegExp(USER_RULE_ID);

function valueAt(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const s of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/** An unknown key: of the file, of a rule's setting or definition, of a check. */
function unknownKey(
  path: string[],
  key: string,
  rule: string | undefined,
  y: YamlSource,
  topKeys: string,
): string {
  const where = y.where([...path, key], true);
  const last = path[path.length - 1];
  if (last === 'rules')
    return /^(odc|dcat-ap|profile|input|shacl)\//.test(key)
      ? `${where}: unknown rule "${key}" (passerelle rules lists them)`
      : `${where}: unknown rule "${key}" (passerelle rules lists them; a new rule's id is namespace/name, in lower case)`;
  if (last === 'options' && rule) {
    const known = Object.keys(ruleById(rule)?.meta.options ?? {});
    return `${where}: rule ${rule} has no option "${key}" (options: ${known.join(', ')})`;
  }
  if (rule && userRule.test(rule)) {
    if (last === 'then') {
      const check = String(valueAt(y.data, [...path, 'check']));
      return `${where}: rule ${rule}: check ${check} has no option "${key}"`;
    }
    if (last === rule)
      return `${where}: unknown key "${key}" for rule ${rule} (${DEFINITION_KEYS})`;
    return `${where}: rule ${rule}: unknown key "${key}" in ${last}`;
  }
  if (rule && key === 'options') return `${where}: rule ${rule} has no options`;
  if (rule) return `${where}: unknown key "${key}" for rule ${rule} (severity, options)`;
  if (path[0] === 'profiles' && path.length === 2)
    return `${where}: unknown key "${key}" for profile ${path[1]} (rules)`;
  return `${where}: unknown key "${key}"${path.length ? '' : ` (${topKeys})`}`;
}

/** One problem, said in the steward's terms, at the node it is about. */
export function describe(e: ErrorObject, y: YamlSource, topKeys: string): string {
  const path = segments(e.instancePath);
  const ruleAt = path.findIndex((_s, i) => path[i - 1] === 'rules');
  const rule = ruleAt >= 0 ? path[ruleAt] : undefined;
  const last = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownKey(
        path,
        String((e.params as { additionalProperty: string }).additionalProperty),
        rule,
        y,
        topKeys,
      );
    case 'enum':
      if (last === 'check')
        return `${y.where(path)}: rule ${rule}: unknown check (${(e.params as { allowedValues: string[] }).allowedValues.join(', ')})`;
      if (rule && last !== rule && last !== 'severity')
        return `${y.where(path)}: rule ${rule}: ${last} must be one of ${(e.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
      return `${y.where(path)}: ${rule ? `rule ${rule}: ` : ''}severity must be one of error, warning, info, off`;
    case 'format': {
      const unsafe = unsafeReason(String(valueAt(y.data, path)));
      return `${y.where(path)}: ${unsafe ? `unsafe regular expression: ${unsafe}` : 'not a valid regular expression'}`;
    }
    case 'propertyNames': {
      const name = String((e.params as { propertyName?: string }).propertyName);
      const where = y.where([...path, name], true);
      return last === 'profiles'
        ? `${where}: unknown profile "${name}" (passerelle profiles lists them)`
        : `${where}: "${name}" is not a valid name`;
    }
    case 'pattern':
      return `${y.where(path, true)}: ${e.message}`;
    default: {
      const what = !rule
        ? (last ?? 'the file')
        : last === rule
          ? `rule ${rule}`
          : path[ruleAt + 1] === 'options' && path.length > ruleAt + 2
            ? `rule ${rule}: option ${path[ruleAt + 2]}`
            : `rule ${rule}: ${path.slice(ruleAt + 1).join('.')}`;
      return `${y.where(path)}: ${what} ${e.message}`;
    }
  }
}

/** The problems of a file, `if`/`then` repeats left out, each once, in the order of the file. */
export function problemsOf(
  errors: readonly ErrorObject[],
  y: YamlSource,
  topKeys: string,
): string[] {
  return (
    errors
      // `if`/`then`/`else` failures repeat the errors of the branch taken; a name's own failure
      // (its pattern) is said by its `propertyNames` error
      .filter(
        (e) => e.keyword !== 'if' && (e as { propertyName?: string }).propertyName === undefined,
      )
      .map((e) => describe(e, y, topKeys))
  );
}

/** Messages `file:line:col: …` each once, in the order of their files' lines. */
export function inFileOrder(problems: readonly string[]): string[] {
  const pos = (m: string): number[] => (/:(\d+):(\d+): /.exec(m) ?? [0, 0, 0]).slice(1).map(Number);
  return [...new Set(problems)].sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1]);
}
