/**
 * Rulesets (docs/rules.md, "Your own rules"): YAML or JSON files of rule settings and new rules,
 * which a configuration or another ruleset `extends:`. A ruleset is data only: its rules compile to
 * the same `DataRule`s as the shipped data rules, run by the same runner; nothing in it is code.
 * Where a ruleset may come from: `passerelle:<name>` (src/rules/rulesets/), a file relative to the
 * file that names it (inside that file's tree), or an npm package (its package.json's
 * `passerelle.ruleset`, or a `ruleset.yaml` at its root).
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { rulePageUrl } from '../tool.js';
import { RULE_IDS } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { ConfigError, type Said } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import {
  checkFile,
  closest,
  inFileOrder,
  schemaErrors,
  suggestion,
  type FileProblem,
} from '../util/file-schema.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { sayRuleProblem } from './check.js';
import { compileRule, type RuleTargets } from './ruleset-rule.js';
import { rulesetFile, USER_RULE_ID } from './schema.js';

/** The rulesets Passerelle ships: `passerelle:<name>` is `<name>.yaml` here. */
export const RULESETS_DIR = join(PACKAGE_ROOT, 'src', 'rules', 'rulesets');
const RULESET_FILE = /\.(ya?ml|json)$/i;
const RULESET: Said = { en: 'ruleset', fr: 'jeu de règles' };
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const RESERVED = /^(odc|dcat-ap|profile|input|shacl)\//;
const userRuleId = new RegExp(USER_RULE_ID);

export type RuleSetting = { severity?: string; options?: Record<string, unknown> };

/** What a chain of rulesets comes to: new rules in order, and the settings of rules, later winning. */
export interface RulesetChain {
  rules: Rule[];
  settings: Map<string, RuleSetting>;
  /** What is wrong, each at its file:line:col, in the order of the files. */
  problems: FileProblem[];
}

/** A chain being loaded. */
export interface Loading extends RulesetChain {
  byId: Map<string, Rule>;
  /** Real paths being loaded, outermost first: a file met again is a cycle. */
  stack: string[];
  done: Set<string>;
  targets: RuleTargets;
}

/** The keys of a ruleset's top level, for "did you mean". */
const say = sayRuleProblem(['$schema', 'name', 'extends', 'rules']);

/** Whether `path` is `dir` or inside it. */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The file `ref` names, relative to `base` and inside `dir` (the configuration's folder, a package's):
 * its real path, or why it may not be read.
 */
function confined(
  base: string,
  dir: string,
  ref: string,
  what: Said,
): { file: string } | { problem: Said } {
  const en = `${what.en} "${ref}"`;
  const fr = `${what.fr} « ${ref} »`;
  const folder = relativeToCwd(dir) || '.';
  if (ref.includes('\0') || isAbsolute(ref) || /^[a-z]:/i.test(ref) || ref.startsWith('\\'))
    return {
      problem: {
        en: `${en}: give a path relative to the file naming it`,
        fr: `${fr} : donnez un chemin relatif au fichier qui le nomme`,
      },
    };
  if (!RULESET_FILE.test(ref))
    return {
      problem: {
        en: `${en}: a ruleset is a .yaml, .yml or .json file (never code)`,
        fr: `${fr} : un jeu de règles est un fichier .yaml, .yml ou .json (jamais du code)`,
      },
    };
  const target = resolve(base, ref);
  if (!inside(dir, target))
    return {
      problem: {
        en: `${en} is outside ${folder} (rulesets stay in the folder of the file naming them)`,
        fr: `${fr} est hors de ${folder} (les jeux de règles restent dans le dossier du fichier qui les nomme)`,
      },
    };
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return {
      problem: {
        en: `${en}: no such file (${relativeToCwd(target)})`,
        fr: `${fr} : fichier introuvable (${relativeToCwd(target)})`,
      },
    };
  }
  // a symbolic link inside the folder may still lead out of it
  if (!inside(realpathSync(dir), real))
    return {
      problem: {
        en: `${en} leads outside ${folder} (symbolic link)`,
        fr: `${fr} mène hors de ${folder} (lien symbolique)`,
      },
    };
  return { file: real };
}

/** The names `passerelle:` knows. */
export function shippedRulesets(): string[] {
  try {
    return readdirSync(RULESETS_DIR)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => n.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/** The ruleset of an npm package, found from `dir` as Node would find the package. */
function packageRuleset(
  name: string,
  dir: string,
): { file: string; root: string } | { problem: Said } {
  const paths = createRequire(join(dir, 'package.json')).resolve.paths(name) ?? [];
  const root = paths.map((p) => join(p, name)).find((p) => existsSync(join(p, 'package.json')));
  if (!root)
    return {
      problem: {
        en: `npm package "${name}" is not installed (looked from ${relativeToCwd(dir) || '.'}; npm install ${name})`,
        fr: `le paquet npm « ${name} » n’est pas installé (cherché depuis ${relativeToCwd(dir) || '.'} ; npm install ${name})`,
      },
    };
  const pkg = loadYaml<{ passerelle?: { ruleset?: unknown } } | null>(join(root, 'package.json'));
  const declared = pkg.data?.passerelle?.ruleset;
  if (declared !== undefined && typeof declared !== 'string') {
    const at = pkg.where(['passerelle', 'ruleset']);
    return {
      problem: {
        en: `${at}: passerelle.ruleset must be the path of a ruleset file`,
        fr: `${at} : passerelle.ruleset doit être le chemin d’un fichier de jeu de règles`,
      },
    };
  }
  const ref = declared ?? 'ruleset.yaml';
  if (declared === undefined && !existsSync(join(root, ref)))
    return {
      problem: {
        en: `npm package "${name}" has no ruleset (a "passerelle": {"ruleset": …} in its package.json, or a ruleset.yaml at its root)`,
        fr: `le paquet npm « ${name} » n’a pas de jeu de règles (un "passerelle": {"ruleset": …} dans son package.json, ou un ruleset.yaml à sa racine)`,
      },
    };
  const found = confined(root, root, ref, {
    en: `npm package "${name}": ruleset`,
    fr: `paquet npm « ${name} » : jeu de règles`,
  });
  return 'file' in found ? { file: found.file, root: realpathSync(root) } : found;
}

/**
 * The file a reference of `extends:` names, from a file in `base` whose references stay in `root`;
 * and the folder the named file's own references stay in.
 */
function resolveRef(
  ref: string,
  base: string,
  root: string,
): { file: string; root: string } | { problem: Said } {
  if (ref.startsWith('passerelle:')) {
    const name = ref.slice('passerelle:'.length);
    const known = shippedRulesets();
    if (!known.includes(name))
      return {
        problem: {
          en: `unknown ruleset "${ref}"${suggestion(
            ref,
            known.map((k) => `passerelle:${k}`),
          )}`,
          fr: `jeu de règles inconnu « ${ref} »${suggestion(
            ref,
            known.map((k) => `passerelle:${k}`),
            'fr',
          )}`,
        },
      };
    return { file: join(RULESETS_DIR, `${name}.yaml`), root: RULESETS_DIR };
  }
  if (ref.startsWith('.') || ref.includes('\\') || RULESET_FILE.test(ref) || isAbsolute(ref)) {
    const found = confined(base, root, ref, RULESET);
    return 'file' in found ? { ...found, root } : found;
  }
  if (PACKAGE_NAME.test(ref)) return packageRuleset(ref, base);
  return {
    problem: {
      en: `"${ref}" is not a ruleset name (passerelle:<name>, ./a-file.yaml or an npm package)`,
      fr: `« ${ref} » n’est pas un nom de jeu de règles (passerelle:<nom>, ./un-fichier.yaml ou un paquet npm)`,
    },
  };
}

/** `extends:` as a list, each entry with its file:line:col. */
function extendsOf(y: YamlSource, value: unknown): { ref: string; where: string }[] {
  if (typeof value === 'string') return [{ ref: value, where: y.where(['extends']) }];
  if (!Array.isArray(value)) return [];
  return value.map((ref, i) => ({ ref: String(ref), where: y.where(['extends', i]) }));
}

/** Definitions under a reserved namespace or a shipped rule's id: said plainly (the schema would say less). */
export function reservedDefinitions(
  y: YamlSource,
  rules: unknown,
): { path: string; problem: FileProblem }[] {
  if (!rules || typeof rules !== 'object') return [];
  return Object.entries(rules as Record<string, unknown>).flatMap(([id, v]) => {
    if (!v || typeof v !== 'object' || !('then' in v)) return [];
    const where = y.where(['rules', id], true);
    if (RULE_IDS.has(id))
      return [
        {
          path: id,
          problem: {
            where,
            message: `"${id}" is a rule of Passerelle: a new rule takes an id of its own (namespace/name)`,
            fr: `« ${id} » est une règle de Passerelle : une nouvelle règle prend son propre identifiant (espace/nom)`,
          },
        },
      ];
    if (RESERVED.test(id))
      return [
        {
          path: id,
          problem: {
            where,
            message: `"${id}": ${id.split('/')[0]}/ is Passerelle's own namespace; name your rules in yours (city/…)`,
            fr: `« ${id} » : ${id.split('/')[0]}/ est l’espace de noms de Passerelle ; nommez vos règles dans le vôtre (ville/…)`,
          },
        },
      ];
    return [];
  });
}

/** Schema errors, without those about the rules `reservedDefinitions` has said. */
export function notReserved<E extends { instancePath: string; params: unknown }>(
  errors: E[],
  reserved: { path: string }[],
): E[] {
  const under = (e: E, id: string) =>
    e.instancePath.startsWith(`/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`) ||
    (e.instancePath === '/rules' &&
      (e.params as { additionalProperty?: string }).additionalProperty === id);
  return errors.filter((e) => !reserved.some((r) => under(e, r.path)));
}

/** The extends of one file, then its own rules: in `st`. `root`: the folder its references stay in. */
export function applyRuleset(
  y: YamlSource,
  data: { extends?: unknown; rules?: unknown },
  root: string,
  st: Loading,
): void {
  for (const { ref, where } of extendsOf(y, data.extends)) {
    const found = resolveRef(ref, dirname(resolve(y.file)), root);
    if ('problem' in found) {
      st.problems.push({ where, message: found.problem.en, fr: found.problem.fr });
      continue;
    }
    loadRulesetFile(found.file, found.root, where, st);
  }
  const entries = Object.entries((data.rules ?? {}) as Record<string, unknown>);
  const defines = ([, entry]: [string, unknown]) =>
    !!entry && typeof entry === 'object' && 'then' in entry;
  // the file's definitions first: its settings may name them, in any order
  for (const [id, entry] of entries.filter(defines)) {
    if (!userRuleId.test(id)) continue; // said by reservedDefinitions
    const page = resolve(root) === RULESETS_DIR ? rulePageUrl(id, 'en') : undefined;
    const compiled = compileRule(id, entry as Record<string, unknown>, y, st.targets, page);
    if ('problems' in compiled) st.problems.push(...compiled.problems);
    else {
      st.byId.delete(id);
      st.byId.set(id, compiled.rule);
    }
  }
  for (const [id, entry] of entries.filter((e) => !defines(e))) {
    const at = y.where(['rules', id], true);
    if (!RULE_IDS.has(id) && !st.byId.has(id)) {
      const near = closest(id, [...RULE_IDS, ...st.byId.keys()]);
      st.problems.push({
        where: at,
        message: `unknown rule "${id}" (${near ? `did you mean "${near}"? ` : ''}neither Passerelle's nor defined by this ruleset or those it extends)`,
        fr: `règle inconnue « ${id} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}ni de Passerelle ni définie par ce jeu de règles ou ceux qu’il étend)`,
      });
      continue;
    }
    const setting: RuleSetting =
      typeof entry === 'string' ? { severity: entry } : { ...(entry as RuleSetting) };
    const before = st.settings.get(id);
    st.settings.set(id, {
      ...before,
      ...setting,
      ...(before?.options || setting.options
        ? { options: { ...before?.options, ...setting.options } }
        : {}),
    });
  }
}

/** One ruleset file and what it extends, into `st`; `where` is the reference's file:line:col. */
function loadRulesetFile(file: string, root: string, where: string, st: Loading): void {
  const real = realpathSync(file);
  if (st.stack.includes(real)) {
    const chain = [...st.stack.slice(st.stack.indexOf(real)), real].map(relativeToCwd).join(' → ');
    st.problems.push({
      where,
      message: `the rulesets extend each other in a cycle: ${chain}`,
      fr: `les jeux de règles s’étendent l’un l’autre en cycle : ${chain}`,
    });
    return;
  }
  if (st.done.has(real)) return; // extended twice (a diamond): its rules are in already
  let y: YamlSource;
  try {
    y = loadYaml(file);
  } catch (e) {
    // a file that cannot be read: its own place and words (a ConfigError), else the error's
    const said = e instanceof ConfigError ? e : undefined;
    st.problems.push({
      where,
      message: (e as Error).message,
      fr: said?.fr ?? (e as Error).message,
    });
    return;
  }
  const data = (y.data ?? {}) as { extends?: unknown; rules?: unknown };
  const reserved = reservedDefinitions(y, data.rules);
  // said once, plainly; the file's other rules are still checked (those rules are left out)
  st.problems.push(...reserved.map((r) => r.problem));
  const problems = checkFile(
    y,
    rulesetFile(),
    { say },
    notReserved(schemaErrors(data, rulesetFile()), reserved),
  );
  if (problems.length) {
    st.problems.push(...problems);
    return;
  }
  st.stack.push(real);
  applyRuleset(y, data, root, st);
  st.stack.pop();
  st.done.add(real);
}

/** A fresh chain to load into. */
export function newChain(targets: RuleTargets): Loading {
  return {
    rules: [],
    settings: new Map(),
    problems: [],
    byId: new Map(),
    stack: [],
    done: new Set(),
    targets,
  };
}

/** The chain's rules, in order, and its problems in the order of their files. */
export function finishChain(st: Loading): RulesetChain {
  return {
    rules: [...st.byId.values()],
    settings: st.settings,
    problems: inFileOrder(st.problems),
  };
}

/** A ruleset file alone, with what it extends (`passerelle rules test`): relative references stay in its folder. */
export function loadRuleset(file: string, targets: RuleTargets): RulesetChain {
  const st = newChain(targets);
  const dir = dirname(resolve(file));
  const found = confined(dir, dir, relative(dir, resolve(file)), RULESET);
  if ('problem' in found)
    return {
      ...finishChain(st),
      problems: [{ where: relativeToCwd(file), message: found.problem.en, fr: found.problem.fr }],
    };
  loadRulesetFile(found.file, dir, relativeToCwd(file), st);
  return finishChain(st);
}
