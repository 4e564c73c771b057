/**
 * How the problems of a configuration or ruleset file are said: the `say` hook of the shared file
 * check (util/file-schema.ts), in a steward's terms (a rule, its options, a new rule's definition
 * and its check), with the closest known name for a slip. What it does not word is said the usual way.
 */
import type { ErrorObject } from 'ajv';
import { ruleById, RULE_IDS } from '../rules/index.js';
import type { Said } from '../util/errors.js';
import {
  ajvWords,
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
const near = (word: string, known: Iterable<string>, tail: Said): Said => {
  const n = closest(word, known);
  return {
    en: ` (${n ? `did you mean "${n}"? ` : ''}${tail.en})`,
    fr: ` (${n ? `vouliez-vous dire « ${n} » ? ` : ''}${tail.fr})`,
  };
};

/** The same words in both languages (lists of names, ids). */
const both = (s: string): Said => ({ en: s, fr: s });

/** ` (did you mean "x"?)` of util/file-schema.ts, in both languages. */
const suggested = (word: string, known: readonly string[]): Said => ({
  en: suggestion(word, known),
  fr: suggestion(word, known, 'fr'),
});

/** An unknown key: of the file, of a rule's setting or definition, of a check. */
function unknownKey(
  path: string[],
  key: string,
  rule: string | undefined,
  e: ErrorObject,
  y: YamlSource,
  topKeys: readonly string[],
): Said {
  const last = path[path.length - 1];
  const known = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
  if (last === 'rules') {
    const n = near(
      key,
      RULE_IDS,
      reserved.test(key) || closest(key, RULE_IDS)
        ? { en: 'passerelle rules lists them', fr: 'passerelle rules les liste' }
        : {
            en: "passerelle rules lists them; a new rule's id is namespace/name, in lower case",
            fr: 'passerelle rules les liste ; l’identifiant d’une nouvelle règle est espace/nom, en minuscules',
          },
    );
    return { en: `unknown rule "${key}"${n.en}`, fr: `règle inconnue « ${key} »${n.fr}` };
  }
  if (last === 'options' && rule) {
    const options = Object.keys(ruleById(rule)?.meta.options ?? {});
    const n = near(key, options, {
      en: `options: ${options.join(', ')}`,
      fr: `options : ${options.join(', ')}`,
    });
    return {
      en: `rule ${rule} has no option "${key}"${n.en}`,
      fr: `la règle ${rule} n’a pas d’option « ${key} »${n.fr}`,
    };
  }
  if (rule && userRule.test(rule)) {
    if (last === 'then') {
      const check = String(valueAt(y.data, [...path, 'check']));
      const options = known.filter((k) => k !== 'check');
      const n = options.length ? near(key, options, both(options.join(', '))) : both('');
      return {
        en: `rule ${rule}: check ${check} has no option "${key}"${n.en}`,
        fr: `règle ${rule} : la vérification ${check} n’a pas d’option « ${key} »${n.fr}`,
      };
    }
    if (last === rule) {
      const n = near(key, DEFINITION_KEYS, both(DEFINITION_KEYS.join(', ')));
      return {
        en: `unknown key "${key}" for rule ${rule}${n.en}`,
        fr: `clé inconnue « ${key} » pour la règle ${rule}${n.fr}`,
      };
    }
    const n = suggested(key, known);
    return {
      en: `rule ${rule}: unknown key "${key}" in ${last}${n.en}`,
      fr: `règle ${rule} : clé inconnue « ${key} » dans ${last}${n.fr}`,
    };
  }
  if (rule && key === 'options')
    return { en: `rule ${rule} has no options`, fr: `la règle ${rule} n’a pas d’options` };
  const n = suggested(key, known);
  if (rule)
    return {
      en: `unknown key "${key}" for rule ${rule}${n.en}`,
      fr: `clé inconnue « ${key} » pour la règle ${rule}${n.fr}`,
    };
  if (path[0] === 'profiles' && path.length === 2)
    return {
      en: `unknown key "${key}" for profile ${path[1]}${n.en}`,
      fr: `clé inconnue « ${key} » pour le profil ${path[1]}${n.fr}`,
    };
  const top = path.length ? n : suggested(key, topKeys);
  return { en: `unknown key "${key}"${top.en}`, fr: `clé inconnue « ${key} »${top.fr}` };
}

/** How a place under a rule is named: `rule x`, `rule x: option y`, `rule x: then.min`. */
function placeName(path: string[], ruleAt: number): Said {
  const rule = path[ruleAt];
  const last = path[path.length - 1];
  if (ruleAt < 0) return { en: last ?? 'the file', fr: last ?? 'le fichier' };
  if (last === rule) return { en: `rule ${rule}`, fr: `la règle ${rule}` };
  if (path[ruleAt + 1] === 'options' && path.length > ruleAt + 2)
    return {
      en: `rule ${rule}: option ${path[ruleAt + 2]}`,
      fr: `règle ${rule} : l’option ${path[ruleAt + 2]}`,
    };
  const rest = path.slice(ruleAt + 1).join('.');
  return { en: `rule ${rule}: ${rest}`, fr: `règle ${rule} : ${rest}` };
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
    const at = (said: Said, where = y.where(path)): FileProblem => ({
      where,
      message: said.en,
      fr: said.fr,
    });
    const ofRule = rule ? { en: `rule ${rule}: `, fr: `règle ${rule} : ` } : both('');
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        return at(unknownKey(path, key, rule, e, y, topKeys), y.where([...path, key], true));
      }
      case 'enum': {
        const values = (e.params as { allowedValues: string[] }).allowedValues.map(String);
        const value = String(valueAt(y.data, path));
        const list = values.join(', ');
        if (last === 'check') {
          const n = near(value, values, both(list));
          return at({
            en: `rule ${rule}: unknown check${n.en}`,
            fr: `règle ${rule} : vérification inconnue${n.fr}`,
          });
        }
        const mean = closest(value, values);
        const hint = mean
          ? { en: ` (did you mean "${mean}"?)`, fr: ` (vouliez-vous dire « ${mean} » ?)` }
          : both('');
        if (rule && last !== rule && last !== 'severity')
          return at({
            en: `rule ${rule}: ${last} must be one of ${list}${hint.en}`,
            fr: `règle ${rule} : ${last} doit être l’une de ${list}${hint.fr}`,
          });
        return at({
          en: `${ofRule.en}severity must be one of ${list}${hint.en}`,
          fr: `${ofRule.fr}la gravité doit être l’une de ${list}${hint.fr}`,
        });
      }
      case 'format':
        return at(badFormat((e.params as { format: string }).format, valueAt(y.data, path)));
      case 'propertyNames': {
        const name = String((e.params as { propertyName?: string }).propertyName);
        const where = y.where([...path, name], true);
        return last === 'profiles'
          ? at(
              {
                en: `unknown profile "${name}" (passerelle profiles lists them)`,
                fr: `profil inconnu « ${name} » (passerelle profiles les liste)`,
              },
              where,
            )
          : at(
              { en: `"${name}" is not a valid name`, fr: `« ${name} » n’est pas un nom valide` },
              where,
            );
      }
      case 'pattern': {
        const place = placeName(path, ruleAt);
        const words = ajvWords(e);
        return at(
          { en: `${place.en} ${words.en}`, fr: `${place.fr} ${words.fr}` },
          y.where(path, true),
        );
      }
      default: {
        const place = placeName(path, ruleAt);
        const words =
          e.keyword === 'type'
            ? ((t) => ({ en: `must be ${t.en}`, fr: `doit être ${t.fr}` }))(
                typeWords(String((e.params as { type: string }).type)),
              )
            : ajvWords(e);
        return at({ en: `${place.en} ${words.en}`, fr: `${place.fr} ${words.fr}` });
      }
    }
  };
}
