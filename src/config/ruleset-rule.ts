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
import { ConfigError } from '../util/errors.js';
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
function near(name: string, names: readonly string[]): string {
  const n = closest(name, names);
  return n ? ` (did you mean "${n}"?)` : '';
}

/** The class of the nodes `given` names: the dataset, or the items of one of its lists of objects. */
function givenClass(given: string): ClassName | string {
  if (given === '') return 'Dataset';
  const m = /^([A-Za-z][A-Za-z0-9]*)\[\*\]$/.exec(given);
  const lists = CLASSES.Dataset.properties.filter((p) => p.kind === 'object' && p.multiple);
  const p = m ? propertyOf('Dataset', m[1]) : undefined;
  if (p?.kind === 'object' && p.multiple && p.class) return p.class;
  return `"${given}" is not a list of the dataset: '' (the dataset) or one of ${lists.map((l) => `${l.name}[*]`).join(', ')}${
    m
      ? near(
          m[1],
          lists.map((l) => l.name),
        )
      : ''
  }`;
}

/** A property path of the common record from class `cls`, or why it is none. */
function modelPath(path: string, cls: ClassName): string | undefined {
  let c = cls;
  const names = path.split('.');
  for (let i = 0; i < names.length; i++) {
    const p = propertyOf(c, names[i]);
    if (!p) {
      const known = CLASSES[c].properties.map((d) => d.name);
      return `no property "${names[i]}" on ${c} in the common record${near(names[i], known)}`;
    }
    if (i < names.length - 1) {
      if (p.kind !== 'object' || !p.class)
        return `"${names[i]}" has no properties (its values are ${p.kind})`;
      c = p.class;
    }
  }
  return undefined;
}

/** A dotted field path of a profile (`resources.format`), or why it is none. */
function profilePath(path: string, profile: Profile): string | undefined {
  let fields: Record<string, FieldDef> | undefined = profile.fields;
  for (const name of path.split('.')) {
    // a profile (or a sub-field) that declares no fields is free-form
    if (!fields || Object.keys(fields).length === 0) return undefined;
    const f: FieldDef | undefined = fields[name];
    if (!f) return `profile ${profile.id} has no field "${name}"${near(name, Object.keys(fields))}`;
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
        { where: at(['source']), message: 'a rule checks a target or a source field, not both' },
      ],
    };
  if (def.source) {
    const profile = targets.profile(def.source.profile);
    if (!profile)
      return {
        problems: [
          {
            where: at(['source', 'profile']),
            message: `unknown profile "${def.source.profile}" (passerelle profiles lists them)`,
          },
        ],
      };
    if (given !== '' && !/^[A-Za-z_][\w-]*\[\*\]$/.test(given))
      return {
        problems: [
          {
            where: at(['given']),
            message: "`given` is '' (the record) or 'field[*]' (a list's items)",
          },
        ],
      };
    const path = given ? `${given.slice(0, -3)}.${def.source.field}` : def.source.field;
    const bad = profilePath(path, profile);
    if (bad) return { problems: [{ where: at(['source', 'field']), message: bad }] };
    return { field: def.source.field, given, source: { profile: profile.id } };
  }
  const cls = givenClass(given);
  if (!(cls in CLASSES)) return { problems: [{ where: at(['given']), message: cls }] };
  // `one-of` names its own targets
  const field = def.target ?? (def.then.check === 'one-of' ? '' : undefined);
  if (field === undefined)
    return {
      problems: [
        {
          where: at([]),
          message: 'the rule needs a target (a property of the common record) or a source field',
        },
      ],
    };
  const paths = def.then.check === 'one-of' ? def.then.targets : [];
  const problems = [
    ...(field ? [{ where: at(['target']), message: modelPath(field, cls as ClassName) }] : []),
    ...paths.map((p, i) => ({
      where: at(['then', 'targets', i]),
      message: modelPath(p, cls as ClassName),
    })),
  ].filter((p): p is FileProblem => !!p.message);
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
    const where = (e instanceof ConfigError && e.where) || at(['then', then.check]);
    const m = (e as Error).message;
    return [{ where, message: m.startsWith(`${where}: `) ? m.slice(where.length + 2) : m }];
  }
  if (then.check === 'vocabulary' && !targets.vocabularies.get(then.vocabulary)) {
    const ids = targets.vocabularies.ids();
    return [
      {
        where: at(['then', 'vocabulary']),
        message: `unknown vocabulary "${then.vocabulary}"${suggestion(then.vocabulary, ids)}`,
      },
    ];
  }
  for (const k of ['after', 'before'] as const)
    if (
      then.check === 'date' &&
      then[k] !== undefined &&
      Number.isNaN(Date.parse(then[k] as string))
    )
      return [{ where: at(['then', k]), message: `"${then[k]}" is not a date (YYYY-MM-DD)` }];
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
