/**
 * One new rule of a ruleset compiled to a `DataRule`: its target checked against the common model
 * (model/properties.ts) or the profile's fields, its pattern against catastrophic backtracking, its
 * JSON Schema compiled; every problem at its file:line:col.
 */
import type { Bilingual } from '../core/lang.js';
import type { Principle } from '../core/principle.js';
import type { Severity } from '../core/severity.js';
import { CLASSES, propertyOf, type ClassName } from '../model/properties.js';
import type { FieldDef, Profile } from '../profiles/types.js';
import { compileSchema } from '../rules/checks.js';
import type { CoreCheck, DataRule, RuleExample } from '../rules/types.js';
import { ConfigError, type Said } from '../util/errors.js';
import { closest, suggestion, type FileProblem } from '../util/file-schema.js';
import { safeRegExp } from '../util/safe-regex.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import type { YamlSource } from '../util/yaml.js';

/** What a rule's target may name: the profiles and vocabularies a run knows. */
export interface RuleTargets {
  profile(id: string): Profile | undefined;
  vocabularies: VocabularyRegistry;
}

interface Definition {
  title: Bilingual;
  docs?: Bilingual;
  /** Where the rule is documented (reports link the rule's id there). */
  url?: string;
  severity?: Severity;
  principle?: Principle;
  commitment?: string;
  given?: string;
  target?: string;
  source?: { profile: string; field: string };
  then: CoreCheck;
  match?: 'every' | 'some';
  message: Bilingual;
  examples?: { pass?: RuleExample[]; fail?: RuleExample[] };
}

/** ` (did you mean "x"?)` for a typo or a field's words in a longer name, or nothing. */
function near(name: string, names: readonly string[]): Said {
  const n = closest(name, names);
  return n
    ? { en: ` (did you mean "${n}"?)`, fr: ` (vouliez-vous dire « ${n} » ?)` }
    : { en: '', fr: '' };
}

/** A problem at `where`, in both languages. */
const problem = (where: string, said: Said): FileProblem => ({
  where,
  message: said.en,
  fr: said.fr,
});

/** The class of the nodes `given` names: the dataset, or the items of one of its lists of objects. */
function givenClass(given: string): { cls: ClassName } | { problem: Said } {
  if (given === '') return { cls: 'Dataset' };
  const m = /^([A-Za-z][A-Za-z0-9]*)\[\*\]$/.exec(given);
  const lists = CLASSES.Dataset.properties.filter((p) => p.kind === 'object' && p.multiple);
  const p = m ? propertyOf('Dataset', m[1]) : undefined;
  if (p?.kind === 'object' && p.multiple && p.class) return { cls: p.class };
  const names = lists.map((l) => `${l.name}[*]`).join(', ');
  const n = m
    ? near(
        m[1],
        lists.map((l) => l.name),
      )
    : { en: '', fr: '' };
  return {
    problem: {
      en: `"${given}" is not a list of the dataset: '' (the dataset) or one of ${names}${n.en}`,
      fr: `« ${given} » n’est pas une liste du jeu de données : '' (le jeu de données) ou l’une de ${names}${n.fr}`,
    },
  };
}

/** A property path of the common record from class `cls`, or why it is none. */
function modelPath(path: string, cls: ClassName): Said | undefined {
  let c = cls;
  const names = path.split('.');
  for (let i = 0; i < names.length; i++) {
    const p = propertyOf(c, names[i]);
    if (!p) {
      const n = near(
        names[i],
        CLASSES[c].properties.map((d) => d.name),
      );
      return {
        en: `no property "${names[i]}" on ${c} in the common record${n.en}`,
        fr: `pas de propriété « ${names[i]} » sur ${c} dans l’enregistrement commun${n.fr}`,
      };
    }
    if (i < names.length - 1) {
      if (p.kind !== 'object' || !p.class)
        return {
          en: `"${names[i]}" has no properties (its values are ${p.kind})`,
          fr: `« ${names[i]} » n’a pas de propriétés (ses valeurs sont de type ${p.kind})`,
        };
      c = p.class;
    }
  }
  return undefined;
}

/** A dotted field path of a profile (`resources.format`), or why it is none. */
function profilePath(path: string, profile: Profile): Said | undefined {
  let fields: Record<string, FieldDef> | undefined = profile.fields;
  for (const name of path.split('.')) {
    // a profile (or a sub-field) that declares no fields is free-form
    if (!fields || Object.keys(fields).length === 0) return undefined;
    const f: FieldDef | undefined = fields[name];
    if (!f) {
      const n = near(name, Object.keys(fields));
      return {
        en: `profile ${profile.id} has no field "${name}"${n.en}`,
        fr: `le profil ${profile.id} n’a pas de champ « ${name} »${n.fr}`,
      };
    }
    fields = f.fields;
  }
  return undefined;
}

/** Where the rule's value is: `field`, and `source` for a source field; problems otherwise. */
function targetOf(
  def: Definition,
  at: (path: (string | number)[]) => string,
  targets: RuleTargets,
): { field: string; given: string; source?: { profile: string } } | { problems: FileProblem[] } {
  const given = def.given ?? '';
  if (def.target !== undefined && def.source !== undefined)
    return {
      problems: [
        problem(at(['source']), {
          en: 'a rule checks a target or a source field, not both',
          fr: 'une règle vérifie une cible ou un champ source, pas les deux',
        }),
      ],
    };
  if (def.source) {
    const profile = targets.profile(def.source.profile);
    if (!profile)
      return {
        problems: [
          problem(at(['source', 'profile']), {
            en: `unknown profile "${def.source.profile}" (passerelle profiles lists them)`,
            fr: `profil inconnu « ${def.source.profile} » (passerelle profiles les liste)`,
          }),
        ],
      };
    if (given !== '' && !/^[A-Za-z_][\w-]*\[\*\]$/.test(given))
      return {
        problems: [
          problem(at(['given']), {
            en: "`given` is '' (the record) or 'field[*]' (a list's items)",
            fr: "`given` vaut '' (l’enregistrement) ou 'champ[*]' (les éléments d’une liste)",
          }),
        ],
      };
    const path = given ? `${given.slice(0, -3)}.${def.source.field}` : def.source.field;
    const bad = profilePath(path, profile);
    if (bad) return { problems: [problem(at(['source', 'field']), bad)] };
    return { field: def.source.field, given, source: { profile: profile.id } };
  }
  const of = givenClass(given);
  if ('problem' in of) return { problems: [problem(at(['given']), of.problem)] };
  // `one-of` names its own targets
  const field = def.target ?? (def.then.check === 'one-of' ? '' : undefined);
  if (field === undefined)
    return {
      problems: [
        problem(at([]), {
          en: 'the rule needs a target (a property of the common record) or a source field',
          fr: 'la règle a besoin d’une cible (une propriété de l’enregistrement commun) ou d’un champ source',
        }),
      ],
    };
  const paths = def.then.check === 'one-of' ? def.then.targets : [];
  const problems = [
    ...(field ? [{ where: at(['target']), said: modelPath(field, of.cls) }] : []),
    ...paths.map((p, i) => ({ where: at(['then', 'targets', i]), said: modelPath(p, of.cls) })),
  ].flatMap((p) => (p.said ? [problem(p.where, p.said)] : []));
  return problems.length ? { problems } : { field, given };
}

/** The check's own problems: a pattern that is unsafe, a schema that does not compile, a vocabulary unknown. */
function checkProblems(
  then: CoreCheck,
  at: (path: (string | number)[]) => string,
  targets: RuleTargets,
): FileProblem[] {
  try {
    if (then.check === 'pattern') safeRegExp(then.pattern, then.flags, at(['then', 'pattern']));
    if (then.check === 'schema') compileSchema(then.schema, at(['then', 'schema']));
  } catch (e) {
    // safeRegExp says where (the pattern's line); the check's place otherwise
    if (e instanceof ConfigError && e.where) return [problem(e.where, e.said)];
    const m = (e as Error).message;
    return [
      problem(at(['then', then.check]), {
        en: m,
        fr: `le schéma JSON ne se compile pas (${m})`,
      }),
    ];
  }
  if (then.check === 'vocabulary' && !targets.vocabularies.get(then.vocabulary)) {
    const ids = targets.vocabularies.ids();
    return [
      problem(at(['then', 'vocabulary']), {
        en: `unknown vocabulary "${then.vocabulary}"${suggestion(then.vocabulary, ids)}`,
        fr: `vocabulaire inconnu « ${then.vocabulary} »${suggestion(then.vocabulary, ids, 'fr')}`,
      }),
    ];
  }
  for (const k of ['after', 'before'] as const)
    if (
      then.check === 'date' &&
      then[k] !== undefined &&
      Number.isNaN(Date.parse(then[k] as string))
    )
      return [
        problem(at(['then', k]), {
          en: `"${then[k]}" is not a date (YYYY-MM-DD)`,
          fr: `« ${then[k]} » n’est pas une date (AAAA-MM-JJ)`,
        }),
      ];
  return [];
}

/**
 * A rule of a ruleset as the runner runs it, or its problems. `page`: the rule's generated page,
 * for the rulesets Passerelle ships (their rules have pages like Passerelle's own).
 */
export function compileRule(
  id: string,
  raw: Record<string, unknown>,
  y: YamlSource,
  targets: RuleTargets,
  page?: string,
): { rule: DataRule } | { problems: FileProblem[] } {
  const def = raw as unknown as Definition;
  const at = (path: (string | number)[]) => y.where(['rules', id, ...path]);
  const target = targetOf(def, at, targets);
  const problems = [
    ...('problems' in target ? target.problems : []),
    ...checkProblems(def.then, at, targets),
  ];
  if ('problems' in target || problems.length) return { problems };
  const examples = def.examples && {
    pass: (def.examples.pass ?? []).map((e) => ({ ...e, dataset: e.dataset ?? {} })),
    fail: (def.examples.fail ?? []).map((e) => ({ ...e, dataset: e.dataset ?? {} })),
  };
  return {
    rule: {
      kind: 'data',
      meta: {
        id,
        ...(def.principle ? { principle: def.principle } : {}),
        ...(def.commitment ? { commitment: def.commitment } : {}),
        severity: def.severity ?? 'warning',
        title: def.title,
        docs: def.docs ?? def.title,
        messages: { failed: def.message },
        ...(examples ? { examples } : {}),
        origin: y.where(['rules', id], true),
        ...(def.url || page ? { url: def.url ?? page } : {}),
      },
      given: target.given,
      field: target.field,
      ...(target.source ? { source: target.source } : {}),
      then: def.then,
      messageId: 'failed',
      ...(def.match ? { match: def.match } : {}),
    },
  };
}
