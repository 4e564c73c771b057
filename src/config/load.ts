/**
 * passerelle.config.yaml: rule severities, `off`, options, and per-profile overrides. Found by
 * walking up from the working directory (like .eslintrc or .editorconfig), or named with
 * `--config`. Checked against its JSON Schema (config/schema.ts); every problem is reported with
 * its file:line:col, and the run stops (exit 2) before any record is read.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { listProfileIds } from '../profiles/load.js';
import { ruleById } from '../rules/index.js';
import type { RuleSettings } from '../rules/run.js';
import type { Severity } from '../core/severity.js';
import { ConfigError } from '../util/errors.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { locateAll, searchPath } from '../util/search-path.js';
import { configSchema } from './schema.js';

export const CONFIG_FILE = 'passerelle.config.yaml';

type RuleEntry =
  | Severity
  | 'off'
  | { severity?: Severity | 'off'; options?: Record<string, unknown> };
export interface ConfigFile {
  profileDirs?: string[];
  allowShadow?: boolean;
  rules?: Record<string, RuleEntry>;
  profiles?: Record<string, { rules?: Record<string, RuleEntry> }>;
}

export interface LoadedConfig {
  /** The file, as shown in messages. */
  file: string;
  settings: RuleSettings;
  /** `profileDirs`, absolute (they are relative to the file), in the file's order, each with its file:line:col. */
  profileDirs: { dir: string; where: string }[];
  allowShadow: boolean;
}

/** The nearest passerelle.config.yaml in `dir` or a folder above it. */
export function findConfig(dir = process.cwd()): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const f = join(d, CONFIG_FILE);
    if (existsSync(f)) return f;
    if (dirname(d) === d) return undefined;
  }
}

let validator: ReturnType<AjvClass['compile']> | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    // ajv is loaded only when there is a configuration to check: most runs have none
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('regex', (s: string) => {
      try {
        new RegExp(s, 'u');
        return true;
      } catch {
        return false;
      }
    });
    validator = ajv.compile(configSchema());
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

/** Ajv's path `/rules/odc~1freshness/options/graceDays` as segments. */
const segments = (pointer: string): string[] =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];

/** One problem, said in the steward's terms, at the node it is about. */
function describe(e: ErrorObject, y: YamlSource): string {
  const path = segments(e.instancePath);
  const ruleAt = path.findIndex((_s, i) => path[i - 1] === 'rules');
  const rule = ruleAt >= 0 ? path[ruleAt] : undefined;
  const last = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const where = y.where([...path, key], true);
      if (last === 'rules') return `${where}: unknown rule "${key}" (passerelle rules lists them)`;
      if (last === 'options' && rule) {
        const known = Object.keys(ruleById(rule)?.meta.options ?? {});
        return `${where}: rule ${rule} has no option "${key}" (options: ${known.join(', ')})`;
      }
      if (rule && key === 'options') return `${where}: rule ${rule} has no options`;
      if (rule) return `${where}: unknown key "${key}" for rule ${rule} (severity, options)`;
      if (path[0] === 'profiles' && path.length === 2)
        return `${where}: unknown key "${key}" for profile ${path[1]} (rules)`;
      return `${where}: unknown key "${key}" (rules, profiles, profileDirs, allowShadow)`;
    }
    case 'enum':
      return `${y.where(path)}: ${rule ? `rule ${rule}: ` : ''}severity must be one of error, warning, info, off`;
    case 'format':
      return `${y.where(path)}: not a valid regular expression`;
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
        ? (last ?? 'the configuration')
        : last === rule
          ? `rule ${rule}`
          : path[ruleAt + 1] === 'options' && path.length > ruleAt + 2
            ? `rule ${rule}: option ${path[ruleAt + 2]}`
            : `rule ${rule}: ${last}`;
      return `${y.where(path)}: ${what} ${e.message}`;
    }
  }
}

function toSettings(rules: Record<string, RuleEntry> | undefined): Omit<RuleSettings, 'profiles'> {
  const out: Omit<RuleSettings, 'profiles'> = {};
  for (const [id, entry] of Object.entries(rules ?? {})) {
    const severity = typeof entry === 'string' ? entry : entry?.severity;
    if (severity) (out.severity ??= {})[id] = severity;
    if (typeof entry === 'object' && entry?.options) (out.options ??= {})[id] = entry.options;
  }
  return out;
}

export function loadConfig(file: string, text?: string): LoadedConfig {
  const y = loadYaml<ConfigFile | null>(file, text);
  const data = y.data ?? {};
  const problems = validate(data)
    // `if`/`then`/`else` failures repeat the errors of the branch taken; a name's own failure
    // (its pattern) is said by its `propertyNames` error
    .filter(
      (e) => e.keyword !== 'if' && (e as { propertyName?: string }).propertyName === undefined,
    )
    .map((e) => describe(e, y));
  // the profiles this file may name include those of its own folders
  const profileDirs = (Array.isArray(data.profileDirs) ? data.profileDirs : []).flatMap((d, i) =>
    typeof d === 'string' && d !== ''
      ? [{ dir: resolve(dirname(resolve(file)), d), where: y.where(['profileDirs', i]) }]
      : [],
  );
  const known = new Set(
    problems.length
      ? listProfileIds()
      : locateAll('profiles', {
          folders: [...profileDirs.map((d) => d.dir), ...searchPath().folders],
          allowShadow: true,
        }).map((p) => p.id),
  );
  for (const id of Object.keys(data.profiles ?? {})) {
    if (/^[a-z0-9-]+$/.test(id) && !known.has(id))
      problems.push(
        `${y.where(['profiles', id], true)}: unknown profile "${id}" (passerelle profiles lists them)`,
      );
  }
  if (problems.length) {
    // in the order of the file
    const pos = (m: string): number[] =>
      (/:(\d+):(\d+): /.exec(m) ?? [0, 0, 0]).slice(1).map(Number);
    const unique = [...new Set(problems)].sort(
      (a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1],
    );
    throw new ConfigError(unique.join('\n'));
  }
  const settings: RuleSettings = toSettings(data.rules);
  for (const [id, p] of Object.entries(data.profiles ?? {}))
    (settings.profiles ??= {})[id] = toSettings(p?.rules);
  return { file: y.file, settings, profileDirs, allowShadow: data.allowShadow === true };
}

/** `--config <file>`, or the nearest passerelle.config.yaml, or none (`--no-config`: `false`). */
export function resolveConfig(
  option: string | false | undefined,
  cwd = process.cwd(),
): LoadedConfig | undefined {
  if (option === false) return undefined;
  const file = option ?? findConfig(cwd);
  return file ? loadConfig(resolve(cwd, file)) : undefined;
}
