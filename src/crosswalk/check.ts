/**
 * Checking a crosswalk's YAML against its profile and the common model: every key known, every
 * source path a field of the profile, every map and vocabulary defined. Each problem is kept with
 * the crosswalk's file:line:col; the parts that build the crosswalk report through here.
 */
import { CLASSES, propertyOf, type ClassName, type PropertyDef } from '../model/properties.js';
import type { FieldDef, Profile } from '../profiles/types.js';
import { resolveFieldPath, type FieldPath } from '../profiles/fields.js';
import { isLanguageTag, type Bilingual } from '../core/lang.js';
import type { Segment } from '../util/paths.js';
import type { YamlSource } from '../util/yaml.js';
import type { Vocabulary, VocabularyRegistry } from '../vocab/vocabulary.js';
import { compileCondition } from '../core/conditions.js';
import { isPlainObject } from './candidates.js';
import type { RecordContext } from './context.js';
import { loadMapFile } from './map-file.js';
import {
  checkFile,
  closest,
  dottedOr,
  schemaErrors,
  suggestion,
  type FileProblem,
} from '../util/file-schema.js';
import { crosswalkFile } from './file-schema.js';
import { COMBINES, PRODUCERS, type Combine, type CrosswalkFile, type EntrySpec } from './types.js';

/** A problem of a crosswalk at its file:line:col, in both languages (`fr`). */
export type LintIssue = FileProblem;

/** Where in the YAML: a path of keys and list indices. */
export type YamlPath = (string | number)[];

/** The JSON Pointer of a place in the YAML, as ajv names it. */
const pointer = (at: YamlPath): string =>
  at.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const LANGUAGE_TAG: Bilingual = {
  en: '`language` must be a language tag',
  fr: '`language` doit être une étiquette de langue',
};

/** `vocabulary: profile`: the profile's own code list of the field read (for labels). */
export const PROFILE_CODES = 'profile';

/** Where the compiler stands: in the crosswalk, in the profile's fields and in the common model. */
export interface Scope {
  /** Profile fields at the current item (for checking dotted paths). */
  fields: Record<string, FieldDef> | undefined;
  cls: ClassName;
  /** Property pattern of the current object: '' for the dataset, `distribution[*]`. */
  pattern: string;
  /** Inside `each`: relative paths start at the item. */
  relative: boolean;
  /** JSON Pointer pattern of the current item from the record root ('' for the record, `/resources/*`). */
  base: string;
  at: YamlPath;
  /** Set by `each` for an object list: the pattern of the items it builds (`distribution[*]`). */
  itemPattern?: string;
  /** The source field being iterated by `each` (`resources`): for `.` and for messages. */
  item?: FieldDef;
  /** Path of the current item from the record root as the crosswalk wrote it (`resources`, `*`), to name fields in comparisons. */
  display: Segment[];
}

/** A value map: local value → common value, each key also in lower case. */
export function toLookup(m: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(m)) {
    out.set(k, v);
    if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v);
  }
  return out;
}

export class CrosswalkCheck {
  readonly issues: LintIssue[] = [];
  /** The crosswalk's named value maps (`maps`). */
  readonly maps = new Map<string, Map<string, unknown>>();
  /** The language of plain texts (`language`; `und` when not given). */
  readonly defaultLanguage: string;
  /** Entries (JSON Pointers) the schema found unusable (unknown keys, not a path nor a map): not compiled. */
  private readonly unusable = new Set<string>();

  constructor(
    readonly yaml: YamlSource<CrosswalkFile>,
    readonly profile: Profile,
    readonly vocabularies: VocabularyRegistry,
  ) {
    this.defaultLanguage = typeof yaml.data?.language === 'string' ? yaml.data.language : 'und';
  }

  problem(said: Bilingual, at: YamlPath, key = false): void {
    this.issues.push({ message: said.en, fr: said.fr, where: this.yaml.where(at, key) });
  }

  /** `file:line:col` of an entry's key. */
  where(at: YamlPath): string {
    return this.yaml.where(at, true);
  }

  /** The top of the file checked (keys, profile, language, maps); its `dataset` entries when it has them. */
  top(): Record<string, unknown> | undefined {
    const d = this.yaml.data;
    // the structure, by the crosswalk file's JSON Schema (the one editors are given); then the meaning
    const errors = schemaErrors(d, crosswalkFile());
    this.issues.push(
      ...checkFile(
        this.yaml,
        crosswalkFile(),
        { name: dottedOr({ en: 'the crosswalk', fr: 'la correspondance' }) },
        errors,
      ),
    );
    for (const e of errors)
      if (e.keyword === 'additionalProperties' || e.keyword === 'type')
        this.unusable.add(e.instancePath);
    if (!isPlainObject(d)) return undefined;
    if (d.profile !== this.profile.id)
      this.problem(
        {
          en: `\`profile\` must be "${this.profile.id}"`,
          fr: `\`profile\` doit valoir « ${this.profile.id} »`,
        },
        ['profile'],
      );
    if (d.language !== undefined && !isLanguageTag(String(d.language)))
      this.problem(LANGUAGE_TAG, ['language']);
    if (isPlainObject(d.maps))
      for (const [name, m] of Object.entries(d.maps)) {
        if (typeof m === 'string') this.mapFile(name, m);
        else if (isPlainObject(m)) this.maps.set(name, toLookup(m));
      }
    return isPlainObject(d.dataset) ? d.dataset : undefined;
  }

  /** A named map kept in a table beside the crosswalk (map-file.ts: confined to the crosswalk's folder). */
  private mapFile(name: string, ref: string): void {
    // a table named by a parent crosswalk (`extends:`) is beside the parent
    const file = this.yaml.fileAt?.(['maps', name]) ?? this.yaml.file;
    const { entries, problems } = loadMapFile(file, ref);
    for (const p of problems) {
      if (p.where)
        this.issues.push({
          message: `map ${name}: ${p.message}`,
          fr: `table ${name} : ${p.fr}`,
          where: p.where,
        });
      else this.problem({ en: p.message, fr: p.fr }, ['maps', name]);
    }
    // a refused table is still a known map: its entries' references are not reported again
    this.maps.set(name, toLookup(Object.fromEntries(entries ?? [])));
  }

  /** The property `name` of the scope's class, or a problem naming the known ones. */
  property(name: string, scope: Scope, at: YamlPath): PropertyDef | undefined {
    const def = propertyOf(scope.cls, name);
    if (!def) {
      const known = CLASSES[scope.cls].properties.map((p) => p.name);
      const near = closest(name, known);
      this.problem(
        {
          en: `${scope.cls} has no property "${name}" (${near ? `did you mean "${near}"? ` : ''}known: ${known.join(', ')})`,
          fr: `${scope.cls} n’a pas de propriété « ${name} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}connues : ${known.join(', ')})`,
        },
        at,
        true,
      );
    }
    return def;
  }

  /** An entry as a map (a bare path is `from`), when the schema found it usable (its keys known). */
  entry(raw: unknown, at: YamlPath): EntrySpec | undefined {
    if (typeof raw === 'string') return { from: raw };
    if (!isPlainObject(raw) || this.unusable.has(pointer(at))) return undefined;
    return raw as EntrySpec;
  }

  /** Whether the entry says where its value comes from, in exactly one way. */
  oneProducer(e: EntrySpec, def: PropertyDef, at: YamlPath): boolean {
    const producers = PRODUCERS.filter((k) => e[k] !== undefined);
    if (producers.length === 1) return true;
    this.problem(
      producers.length === 0
        ? {
            en: `${def.name}: say where the value comes from (${PRODUCERS.join(', ')})`,
            fr: `${def.name} : dites d’où vient la valeur (${PRODUCERS.join(', ')})`,
          }
        : {
            en: `${def.name}: use only one of ${producers.join(', ')}`,
            fr: `${def.name} : n’employez qu’un de ${producers.join(', ')}`,
          },
      at,
    );
    return false;
  }

  /** The keys of an entry (not `each`) that must fit its property; false when it cannot be built. */
  entryFits(e: EntrySpec, def: PropertyDef, at: YamlPath): boolean {
    if (e.object !== undefined && def.kind !== 'object')
      this.problem(
        {
          en: `${def.name} is not an object: \`object\` does not apply`,
          fr: `${def.name} n’est pas un objet : \`object\` ne s’applique pas`,
        },
        [...at, 'object'],
      );
    if (
      def.kind === 'object' &&
      e.object === undefined &&
      e.first === undefined &&
      e.all === undefined
    ) {
      this.problem(
        {
          en: `${def.name} is an object (${def.class}): give its fields under \`object\``,
          fr: `${def.name} est un objet (${def.class}) : donnez ses champs sous \`object\``,
        },
        at,
      );
      return false;
    }
    if (e.lang !== undefined && def.kind !== 'text' && def.kind !== 'texts')
      this.problem(
        {
          en: `${def.name} is not text: \`lang\` does not apply`,
          fr: `${def.name} n’est pas du texte : \`lang\` ne s’applique pas`,
        },
        [...at, 'lang'],
      );
    if (Array.isArray(e.languages) && (def.kind !== 'text' || e.split === undefined)) {
      this.problem(
        {
          en: '`languages` (a list) splits one text into languages: it needs `split` and a text property',
          fr: '`languages` (une liste) partage un texte en langues : il lui faut `split` et une propriété texte',
        },
        [...at, 'languages'],
      );
    }
    if (e.language !== undefined && !isLanguageTag(String(e.language)))
      this.problem(LANGUAGE_TAG, [...at, 'language']);
    return true;
  }

  /** `parse`, when given, is `json` (a bad one is reported by the schema). */
  parse(e: EntrySpec): boolean {
    return e.parse === undefined || e.parse === 'json';
  }

  /** Checks a source path against the profile; returns its segments. */
  path(path: unknown, scope: Scope, at: YamlPath): FieldPath | undefined {
    const r = resolveFieldPath(path, this.profile, { fields: scope.fields, item: scope.item });
    if ('segs' in r) return r;
    this.problem(r, at);
    return undefined;
  }

  /** A `when` condition, its paths checked against the profile. */
  condition(c: unknown, scope: Scope, at: YamlPath): ((ctx: RecordContext) => boolean) | undefined {
    return compileCondition(
      c,
      {
        resolve: (path, where) => this.path(path, scope, where),
        problem: (m, where) => this.problem(m, where),
      },
      at,
    );
  }

  /** How several values become one (`combine`), or the property's usual way. */
  combine(entry: EntrySpec, def: PropertyDef, at: YamlPath): Combine {
    const c = entry.combine;
    if (c === undefined) return def.multiple ? 'all' : 'first';
    if (isPlainObject(c)) return this.preference(c, def, at);
    if (typeof c !== 'string' || !COMBINES.has(c)) return 'first'; // said by the schema
    if (c === 'all' && !def.multiple && def.kind !== 'text' && def.kind !== 'texts')
      this.problem(
        {
          en: `${def.name} holds one value: combine cannot be "all"`,
          fr: `${def.name} a une seule valeur : combine ne peut valoir « all »`,
        },
        [...at, 'combine'],
      );
    return c;
  }

  /** `combine: {prefer: [...]}`, written in common terms: codes of the property's vocabulary, or URIs. */
  private preference(c: Record<string, unknown>, def: PropertyDef, at: YamlPath): Combine {
    const list = c.prefer;
    if (Object.keys(c).length !== 1 || !Array.isArray(list) || list.length === 0) return 'first'; // said by the schema
    if (def.multiple)
      this.problem(
        {
          en: `${def.name} holds several values: nothing to prefer`,
          fr: `${def.name} a plusieurs valeurs : rien à préférer`,
        },
        [...at, 'combine'],
      );
    const vocabulary = def.vocabulary ? this.vocabularies.get(def.vocabulary) : undefined;
    const prefer = list.map((x, i) => {
      if (!vocabulary) return String(x);
      const concept = vocabulary.lookup(x);
      if (!concept)
        this.problem(
          {
            en: `"${String(x)}" is not in the ${vocabulary.id} vocabulary`,
            fr: `« ${String(x)} » n’est pas dans le vocabulaire ${vocabulary.id}`,
          },
          [...at, 'combine', 'prefer', i],
        );
      return concept?.uri ?? String(x);
    });
    return { prefer };
  }

  /** Whether a conflict between values is reported (`conflict`, or by default for `first` and `most-frequent`). */
  conflict(entry: EntrySpec, combine: Combine): boolean {
    // ranges (min, max) and preferences are expected to see several values, unless the crosswalk asks
    return (
      entry.conflict === 'report' ||
      (entry.conflict === undefined && (combine === 'first' || combine === 'most-frequent'))
    );
  }

  /** The value map of a code entry (named or inline) and its name for messages. */
  valueMap(
    e: EntrySpec,
    at: YamlPath,
  ): { map: Map<string, unknown> | undefined; mapName: Bilingual | undefined } {
    if (e.map === undefined) return { map: undefined, mapName: undefined };
    if (typeof e.map === 'string') {
      const map = this.maps.get(e.map);
      const near = map ? undefined : closest(e.map, this.maps.keys());
      if (!map)
        this.problem(
          {
            en: `unknown map "${e.map}" (${near ? `did you mean "${near}"? ` : ''}define it under \`maps\`)`,
            fr: `table inconnue « ${e.map} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}définissez-la sous \`maps\`)`,
          },
          [...at, 'map'],
        );
      return { map, mapName: { en: `the map "${e.map}"`, fr: `la table « ${e.map} »` } };
    }
    if (isPlainObject(e.map))
      return {
        map: toLookup(e.map),
        mapName: { en: 'the inline map', fr: 'la table de la correspondance' },
      };
    return { map: undefined, mapName: undefined }; // another value is said by the schema
  }

  /** The vocabulary of a code entry, which must be the property's unless a fact of it is taken. */
  codeVocabulary(e: EntrySpec, def: PropertyDef, at: YamlPath): Vocabulary | undefined {
    let vocabulary: Vocabulary | undefined;
    if (e.vocabulary === PROFILE_CODES)
      this.problem(
        {
          en: `\`vocabulary: ${PROFILE_CODES}\` gives labels: it goes with \`fact: label\` on a text property`,
          fr: `\`vocabulary: ${PROFILE_CODES}\` donne des libellés : il va avec \`fact: label\` sur une propriété texte`,
        },
        [...at, 'vocabulary'],
      );
    else if (e.vocabulary !== undefined) {
      vocabulary = this.vocabulary(e, at);
      if (
        vocabulary &&
        def.vocabulary &&
        def.vocabulary !== vocabulary.id &&
        e.fact === undefined
      ) {
        this.problem(
          {
            en: `${def.name} takes values from the ${def.vocabulary} vocabulary, not ${vocabulary.id}`,
            fr: `${def.name} prend ses valeurs dans le vocabulaire ${def.vocabulary}, pas ${vocabulary.id}`,
          },
          [...at, 'vocabulary'],
        );
      }
    }
    if (e.fact !== undefined && e.vocabulary === undefined)
      this.problem({ en: '`fact` goes with `vocabulary`', fr: '`fact` va avec `vocabulary`' }, [
        ...at,
        'fact',
      ]);
    if (
      def.vocabulary &&
      e.vocabulary === undefined &&
      e.map === undefined &&
      e.value === undefined &&
      e.template === undefined &&
      e.first === undefined &&
      e.all === undefined &&
      e.each === undefined
    ) {
      this.problem(
        {
          en: `${def.name} takes ${def.vocabulary} URIs: add \`vocabulary: ${def.vocabulary}\` or a \`map\``,
          fr: `${def.name} prend des URI de ${def.vocabulary} : ajoutez \`vocabulary: ${def.vocabulary}\` ou une \`map\``,
        },
        at,
      );
    }
    return vocabulary;
  }

  /** The registered vocabulary an entry names. */
  vocabulary(e: EntrySpec, at: YamlPath): Vocabulary | undefined {
    const vocabulary = this.vocabularies.get(String(e.vocabulary));
    if (!vocabulary)
      this.problem(
        {
          en: `unknown vocabulary "${e.vocabulary}"${suggestion(String(e.vocabulary), this.vocabularies.ids())}`,
          fr: `vocabulaire inconnu « ${e.vocabulary} »${suggestion(String(e.vocabulary), this.vocabularies.ids(), 'fr')}`,
        },
        [...at, 'vocabulary'],
      );
    return vocabulary;
  }
}
