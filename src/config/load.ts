/**
 * passerelle.config.yaml: rule severities, `off`, options, and per-profile overrides. Found by
 * walking up from the working directory (like .eslintrc or .editorconfig), or named with
 * `--config`. Checked against its JSON Schema (config/schema.ts); every problem is reported with
 * its file:line:col, and the run stops (exit 2) before any record is read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { listProfileIds } from '../profiles/load.js';
import { RULE_IDS, ruleById } from '../rules/index.js';
import type { RuleSettings } from '../rules/run.js';
import type { Severity } from '../core/severity.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { locateAll, searchPath } from '../util/search-path.js';
import { configFile } from './schema.js';
import {
  checkFile,
  closest,
  inFileOrder,
  suggestion,
  schemaErrors,
  throwProblems,
  typeWords,
  type FileProblem,
} from '../util/file-schema.js';

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

/** One problem, said in the steward's terms, at the node it is about; a misspelt name with the closest one. */
function describe(e: ErrorObject, path: string[], y: YamlSource): FileProblem {
  const ruleAt = path.findIndex((_s, i) => path[i - 1] === 'rules');
  const rule = ruleAt >= 0 ? path[ruleAt] : undefined;
  const last = path[path.length - 1];
  const at = (where: string, message: string): FileProblem => ({ where, message });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const where = y.where([...path, key], true);
      if (last === 'rules') {
        const near = closest(key, RULE_IDS);
        return at(
          where,
          `unknown rule "${key}" (${near ? `did you mean "${near}"? ` : ''}passerelle rules lists them)`,
        );
      }
      if (last === 'options' && rule) {
        const known = Object.keys(ruleById(rule)?.meta.options ?? {});
        const near = closest(key, known);
        return at(
          where,
          `rule ${rule} has no option "${key}" (${near ? `did you mean "${near}"? ` : ''}options: ${known.join(', ')})`,
        );
      }
      if (rule && key === 'options') return at(where, `rule ${rule} has no options`);
      const known =
        rule !== undefined
          ? ['severity', 'options']
          : path[0] === 'profiles' && path.length === 2
            ? ['rules']
            : TOP_KEYS;
      const whose = rule
        ? ` for rule ${rule}`
        : path[0] === 'profiles'
          ? ` for profile ${path[1]}`
          : '';
      return at(where, `unknown key "${key}"${whose}${suggestion(key, known)}`);
    }
    case 'enum':
      return at(
        y.where(path),
        `${rule ? `rule ${rule}: ` : ''}severity must be one of error, warning, info, off`,
      );
    case 'format':
      return at(y.where(path), 'not a valid regular expression');
    case 'propertyNames': {
      const name = String((e.params as { propertyName?: string }).propertyName);
      const where = y.where([...path, name], true);
      return last === 'profiles'
        ? at(where, `unknown profile "${name}" (passerelle profiles lists them)`)
        : at(where, `"${name}" is not a valid name`);
    }
    case 'pattern':
      return at(y.where(path, true), e.message ?? 'is not valid');
    default: {
      const what = !rule
        ? (last ?? 'the configuration')
        : last === rule
          ? `rule ${rule}`
          : path[ruleAt + 1] === 'options' && path.length > ruleAt + 2
            ? `rule ${rule}: option ${path[ruleAt + 2]}`
            : `rule ${rule}: ${last}`;
      const message =
        e.keyword === 'type'
          ? `must be ${typeWords(String((e.params as { type: string }).type))}`
          : e.message;
      return at(y.where(path), `${what} ${message}`);
    }
  }
}

/** The keys of the file's top level, for "did you mean". */
const TOP_KEYS = ['rules', 'profiles', 'profileDirs', 'allowShadow'];

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
  const problems = checkFile(y, configFile(), { say: describe }, schemaErrors(data, configFile()));
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
    if (/^[a-z0-9-]+$/.test(id) && !known.has(id)) {
      const near = closest(id, known);
      problems.push({
        where: y.where(['profiles', id], true),
        message: `unknown profile "${id}" (${near ? `did you mean "${near}"? ` : ''}passerelle profiles lists them)`,
      });
    }
  }
  throwProblems(inFileOrder(problems));
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
