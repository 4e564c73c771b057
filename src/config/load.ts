/**
 * passerelle.config.yaml: rule severities, `off`, options, and per-profile overrides. Found by
 * walking up from the working directory (like .eslintrc or .editorconfig), or named with
 * `--config`. Checked against its JSON Schema (config/schema.ts); every problem is reported with
 * its file:line:col, and the run stops (exit 2) before any record is read.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { RuleSettings } from '../rules/run.js';
import type { Rule } from '../rules/types.js';
import type { Severity } from '../core/severity.js';
import {
  checkFile,
  closest,
  inFileOrder,
  schemaErrors,
  throwProblems,
} from '../util/file-schema.js';
import { loadYaml } from '../util/yaml.js';
import { locateAll, searchPath } from '../util/search-path.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { sayRuleProblem } from './check.js';
import {
  applyRuleset,
  finishChain,
  newChain,
  notReserved,
  reservedDefinitions,
  type RuleSetting,
} from './ruleset.js';
import type { RuleTargets } from './ruleset-rule.js';
import { configFile } from './schema.js';

export const CONFIG_FILE = 'passerelle.config.yaml';

type RuleEntry =
  | Severity
  | 'off'
  | { severity?: Severity | 'off'; options?: Record<string, unknown> };
export interface ConfigFile {
  extends?: string | string[];
  profileDirs?: string[];
  allowShadow?: boolean;
  rules?: Record<string, RuleEntry>;
  profiles?: Record<string, { rules?: Record<string, RuleEntry> }>;
}

export interface LoadedConfig {
  /** The file, as shown in messages. */
  file: string;
  settings: RuleSettings;
  /** The rules its rulesets define (`extends:` and its own `rules:`), in order: give them to the run. */
  rules: Rule[];
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

/** The keys of the file's top level, for "did you mean". */
const say = sayRuleProblem(['extends', 'rules', 'profiles', 'profileDirs', 'allowShadow']);

function toSettings(
  rules: Record<string, RuleEntry> | Map<string, RuleSetting> | undefined,
): Omit<RuleSettings, 'profiles'> {
  const out: Omit<RuleSettings, 'profiles'> = {};
  const entries = rules instanceof Map ? [...rules] : Object.entries(rules ?? {});
  for (const [id, entry] of entries as [string, RuleEntry][]) {
    const severity = typeof entry === 'string' ? entry : entry?.severity;
    if (severity) (out.severity ??= {})[id] = severity;
    if (typeof entry === 'object' && entry?.options) (out.options ??= {})[id] = entry.options;
  }
  return out;
}

export function loadConfig(file: string, text?: string): LoadedConfig {
  const y = loadYaml<ConfigFile | null>(file, text);
  const data = y.data ?? {};
  // a new rule under a name of Passerelle's is said plainly, not as the schema's many errors
  const reserved = reservedDefinitions(y, data.rules);
  const problems = checkFile(
    y,
    configFile(),
    { say },
    notReserved(schemaErrors(data, configFile()), reserved),
  );
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
        fr: `profil inconnu « ${id} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}passerelle profiles les liste)`,
      });
    }
  }
  // a new rule under a name of Passerelle's is said with the file's other problems, or with the rulesets' when there are none
  if (problems.length) throwProblems(inFileOrder([...problems, ...reserved.map((r) => r.problem)]));
  // the rulesets it extends, then its own rules: later wins
  const chain = newChain(ruleTargets([...profileDirs.map((d) => d.dir), ...searchPath().folders]));
  chain.stack.push(realPath(file));
  chain.problems.push(...reserved.map((r) => r.problem));
  applyRuleset(y, data, dirname(resolve(file)), chain);
  const { rules, settings: chosen, problems: chainProblems } = finishChain(chain);
  const defined = new Set(rules.map((r) => r.meta.id));
  for (const [profile, p] of Object.entries(data.profiles ?? {}))
    for (const id of Object.keys(p?.rules ?? {}))
      if (!RULE_IDS.has(id) && !defined.has(id)) {
        const near = closest(id, [...RULE_IDS, ...defined]);
        chainProblems.push({
          where: y.where(['profiles', profile, 'rules', id], true),
          message: `unknown rule "${id}" (${near ? `did you mean "${near}"? ` : ''}neither Passerelle's nor defined by the rulesets)`,
          fr: `règle inconnue « ${id} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}ni de Passerelle ni définie par les jeux de règles)`,
        });
      }
  throwProblems(inFileOrder(chainProblems));
  const settings: RuleSettings = toSettings(chosen);
  for (const [id, p] of Object.entries(data.profiles ?? {}))
    (settings.profiles ??= {})[id] = toSettings(p?.rules);
  return { file: y.file, settings, rules, profileDirs, allowShadow: data.allowShadow === true };
}

/** The file's real path (a ruleset extending it is a cycle), or its path when it is given as text only. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** The profiles (those of `folders` first) and vocabularies a ruleset's rule may name. */
export function ruleTargets(folders: string[]): RuleTargets {
  return {
    profile(id) {
      const found = locateAll('profiles', { folders, allowShadow: true }).find((p) => p.id === id);
      return found
        ? loadProfile(id, { dir: dirname(found.file), knownRules: RULE_IDS })
        : undefined;
    },
    vocabularies: defaultVocabularies(),
  };
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
