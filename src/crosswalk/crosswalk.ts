/** A loaded crosswalk: apply it to a source record to get a common record with provenance. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dataset, Provenance } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Emitted } from '../core/finding.js';
import type { Bilingual } from '../core/lang.js';
import { pluralForm, type PluralForms } from '../i18n/plural.js';
import { CROSSWALKS_DIR } from '../paths.js';
import { ConfigError } from '../util/errors.js';
import { inFileOrder } from '../util/file-schema.js';
import { locate } from '../util/search-path.js';
import { mergeOver, parentId, refuseRemovals } from '../util/extends.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import type { LintIssue } from './check.js';
import { Compiler, type CompiledCrosswalk } from './compile.js';
import type { RecordContext } from './context.js';
import type { Declared } from './declared.js';
import { keepDirectDownloads } from './direct-links.js';
import type { CrosswalkFile } from './types.js';

export interface Mapped {
  dataset: Dataset;
  provenance: Provenance[];
  /** Findings of the mapping itself (unmapped values, values of the wrong type, disagreeing values). */
  findings: Emitted[];
}

/**
 * What `sourceOf` asks of a record's provenance, by property: the last entry of each property, the
 * first language of each text that has a source (`title@en` for `title`) and the first entry of a
 * text in some language with a source (`title@…` for `title`). Built once per record in one pass:
 * a record with 8,000 resources has tens of thousands of entries and findings, and a scan per
 * finding grew with their product. Rebuilt if the provenance grew since.
 */
interface ProvenanceIndex {
  size: number;
  last: Map<string, Provenance>;
  firstLanguage: Map<string, string>;
  firstText: Map<string, Provenance>;
}
const INDEXES = new WeakMap<Provenance[], ProvenanceIndex>();
function provenanceIndex(provenance: Provenance[]): ProvenanceIndex {
  let index = INDEXES.get(provenance);
  if (index?.size === provenance.length) return index;
  index = {
    size: provenance.length,
    last: new Map(),
    firstLanguage: new Map(),
    firstText: new Map(),
  };
  for (const p of provenance) {
    const q = p.property;
    index.last.set(q, p);
    if (!p.source.length) continue;
    // `q` is one language of what comes before its last `@` (`title@en` of `title`)
    const lastAt = q.lastIndexOf('@');
    if (lastAt > 0 && !index.firstLanguage.has(q.slice(0, lastAt)))
      index.firstLanguage.set(q.slice(0, lastAt), p.source[0]);
    // and a text in a language of what comes before its first `@`
    const firstAt = q.indexOf('@');
    if (firstAt >= 0 && firstAt < q.length - 1 && !index.firstText.has(q.slice(0, firstAt)))
      index.firstText.set(q.slice(0, firstAt), p);
  }
  INDEXES.set(provenance, index);
  return index;
}

/** What `sourceOf` needs of a property path (`distribution[2].format@fr`), worked out once. */
interface PathShape {
  path: string;
  lang: string | undefined;
  /** The list items the path goes through, outermost first (`distribution[2]`). */
  items: string[];
  /** Whether the crosswalk reads this language of the property itself (paired fields). */
  langDeclared: boolean;
  /** `${path}@`: the property's other languages start so. */
  texts: string;
  /**
   * Where the crosswalk looks for the property (its first source), when it declares one: below the
   * nearest list item when `relative` (`/description_translated`), else from the record's root with
   * the item indices filled in (`/resources/2/format`).
   */
  where: { pointer: string; relative: boolean } | undefined;
}

export class Crosswalk {
  private readonly shapes = new Map<string, PathShape>();

  constructor(
    readonly id: string,
    readonly profile: Profile,
    readonly file: string,
    private readonly run: CompiledCrosswalk,
    readonly declared: ReadonlyMap<string, Declared>,
    private readonly vocabularies: VocabularyRegistry = defaultVocabularies(),
  ) {}

  private readonly readers = new Map<string, string[]>();

  /**
   * The property patterns (`keyword`, `contactPoint[*].email`) the crosswalk fills from a source
   * field or from inside it (`/contact_email`, `/resources/2/format`): a portal finding about a
   * field names what the common record lacks because of it. Remembered per field pattern.
   */
  propertiesReading(pointer: string): string[] {
    // list items aside: a pointer names them (`/resources/2`), a pattern may (`/resources/*`) or,
    // in XML where any element may repeat, may not
    const bare = (path: string): string => path.replace(/\/(?:\d+|\*)(?=\/|$)/g, '');
    const field = bare(pointer);
    let found = this.readers.get(field);
    if (!found) {
      found = [];
      for (const [property, d] of this.declared) {
        if (d.fields.some((f) => bare(f) === field || bare(f).startsWith(`${field}/`)))
          found.push(property.split('@')[0]);
      }
      found = [...new Set(found)];
      if (this.readers.size < 10_000) this.readers.set(field, found);
    }
    return found;
  }

  apply(record: unknown): Mapped {
    const findings: Emitted[] = [];
    const provenance: Provenance[] = [];
    const ctx: RecordContext = {
      root: record,
      node: record,
      base: '',
      prefix: '',
      itemPrefix: undefined,
      offset: undefined,
      profile: this.profile.id,
      emit: (e) => findings.push(e),
      provenance,
      provenanceKeys: undefined,
    };
    const dataset = this.run(ctx) as Dataset;
    // one place for every crosswalk: a download URL is a direct link to a file
    keepDirectDownloads(dataset, provenance, this.vocabularies.require('file-type'));
    return { dataset, provenance, findings };
  }

  /**
   * The source field behind a property of the common record, as a JSON Pointer, also when the
   * property has no value (then: where the crosswalk looked for it).
   * `property`: `title`, `title@fr`, `distribution[2].license`, `publisher.name@en`.
   */
  sourceOf(mapped: Mapped, property: string): string | undefined {
    const index = provenanceIndex(mapped.provenance);
    const shape = this.shapeOf(property);
    // the property's own entry (the last one counts)
    const own = index.last.get(property);
    if (own?.source.length) return own.source[0];
    // all languages of a text: the first one recorded
    const firstLanguage = index.firstLanguage.get(property);
    if (firstLanguage !== undefined) return firstLanguage;
    const { lang } = shape;
    // a language missing from a text given in others: where the crosswalk reads that language
    // (paired fields), else beside the others in a language map (`/title_translated/fr`), else the
    // field that gave the text (`/notes`)
    if (lang && !shape.langDeclared) {
      const p = index.firstText.get(shape.path);
      if (p) {
        const other = p.property.slice(shape.texts.length);
        const src = p.source[0];
        return src.endsWith(`/${other}`) ? `${src.slice(0, -other.length)}${lang}` : src;
      }
    }

    // nearest enclosing list item that was produced (`distribution[2]` → /resources/2)
    let base: string | undefined;
    for (const item of shape.items) {
      // the property itself is not an item of its own (`distribution[2]`): its entry came first
      const p = item === property ? undefined : index.last.get(item);
      if (p?.source.length) base = p.source[0];
    }
    const where = shape.where;
    if (!where) return base;
    if (where.relative) return base === undefined ? undefined : base + where.pointer;
    return where.pointer;
  }

  /** A property path taken apart once: the same paths come back in every record. */
  private shapeOf(property: string): PathShape {
    let shape = this.shapes.get(property);
    if (shape) return shape;
    const [path, lang] = property.split('@');
    const pattern = path.replace(/\[\d+\]/g, '[*]');
    const items: string[] = [];
    const indices: string[] = [];
    for (const m of path.matchAll(/\[(\d+)\]/g)) {
      items.push(path.slice(0, (m.index as number) + m[0].length));
      indices.push(m[1]);
    }
    const langDeclared = lang !== undefined && this.declared.has(`${pattern}@${lang}`);
    const declared =
      (lang ? this.declared.get(`${pattern}@${lang}`) : undefined) ?? this.declared.get(pattern);
    const first = declared?.sources[0];
    let where: PathShape['where'];
    if (first) {
      let p = first.path;
      if (lang && first.languageMap && !langDeclared) p += `/${lang}`;
      if (first.relative) where = { pointer: p.replace(/\/\*/g, ''), relative: true };
      else {
        // an absolute pattern below a list (`/resources/*/format`): fill the item indices in; without
        // an index (`distribution`, none at all) the list itself
        let k = 0;
        const out: string[] = [];
        for (const part of p.split('/')) {
          if (part !== '*') out.push(part);
          else if (k < indices.length) out.push(indices[k++]);
          else break;
        }
        where = { pointer: out.join('/'), relative: false };
      }
    }
    shape = { path, lang, items, langDeclared, texts: `${path}@`, where };
    // property paths are few (list indices vary a little); bounded all the same
    if (this.shapes.size >= 10000) this.shapes.clear();
    this.shapes.set(property, shape);
    return shape;
  }
}

/** The crosswalk of profile `id`: in `dir` when given, else the first on the search path, else the package's. */
export function crosswalkPath(id: string, dir?: string): string {
  if (dir !== undefined) return join(dir, `${id}.yaml`);
  return locate('crosswalks', id)?.file ?? join(CROSSWALKS_DIR, `${id}.yaml`);
}

/** A crosswalk file the crosswalk was built from (its parent, …): the cache checks they are still the ones found. */
interface Link {
  id: string;
  file: string;
}

/** A parent crosswalk's file: beside the child when there, else on the search path (a user's crosswalk may extend a shipped one). */
function parentPath(id: string, child: string): string {
  const beside = join(dirname(child), `${id}.yaml`);
  return existsSync(beside) ? beside : crosswalkPath(id);
}

/**
 * The crosswalk file's YAML, merged over its parents' when it extends one (`extends: <id>`): the
 * child's `dataset` entries replace the parent's entries of the same common property (`null`
 * removes one), its `maps` the parent's maps of the same name; `crosswalk` and `profile` are the
 * child's own.
 */
/** `(and 2 more problems…)` of an invalid crosswalk. */
const MORE: PluralForms = {
  en: { one: 'problem', other: 'problems' },
  fr: { one: 'autre problème', other: 'autres problèmes' },
};

/** The maps a child crosswalk merges entry by entry (`name: null` removes the parent's). */
const PER_ENTRY = ['dataset', 'maps'];

function crosswalkSource(
  file: string,
  seen: Link[] = [],
): { yaml: YamlSource<Record<string, unknown>>; chain: Link[]; problem?: LintIssue } {
  const yaml = loadYaml<Record<string, unknown>>(file);
  // an unknown parent or a cycle is a problem of the file, listed as the others are
  const problem = (said: Bilingual) => ({
    yaml,
    chain: [],
    problem: { message: said.en, fr: said.fr, where: yaml.where(['extends']) },
  });
  let parent: string | undefined;
  try {
    parent = parentId(yaml, 'crosswalk');
  } catch (e) {
    if (!(e instanceof ConfigError) || e.where === undefined) throw e;
    return problem(e.said);
  }
  if (parent === undefined) {
    try {
      refuseRemovals(yaml, PER_ENTRY, 'crosswalk');
    } catch (e) {
      if (!(e instanceof ConfigError) || e.where === undefined) throw e;
      return {
        yaml,
        chain: [],
        problem: { message: e.said.en, fr: e.said.fr, where: e.where },
      };
    }
    return { yaml, chain: [] };
  }
  const self = String(yaml.data.crosswalk ?? yaml.data.profile);
  const pfile = parentPath(parent, file);
  if (!existsSync(pfile))
    return problem({
      en: `extends: unknown crosswalk "${parent}"`,
      fr: `extends : correspondance inconnue « ${parent} »`,
    });
  if (pfile === file || seen.some((l) => l.file === pfile)) {
    const cycle = [...seen.map((l) => l.id), self, parent].join(' → ');
    return problem({
      en: `extends: "${parent}" extends this crosswalk in turn (${cycle}): a crosswalk cannot extend itself`,
      fr: `extends : « ${parent} » étend cette correspondance à son tour (${cycle}) : une correspondance ne peut s’étendre elle-même`,
    });
  }
  const up = crosswalkSource(pfile, [...seen, { id: self, file }]);
  if (up.problem) return up;
  const merged = mergeOver(up.yaml, yaml, {
    perEntry: PER_ENTRY,
    notInherited: ['crosswalk', 'profile'],
  });
  return {
    yaml: merged,
    chain: [{ id: parent, file: pfile }, ...up.chain],
  };
}

/** Checks a crosswalk against its profile and the common model; every problem, with file:line:col. */
export function lintCrosswalk(
  file: string,
  profile: Profile,
  vocabularies: VocabularyRegistry = defaultVocabularies(),
): {
  issues: LintIssue[];
  crosswalk?: Crosswalk;
  chain?: Link[];
} {
  const source = crosswalkSource(file);
  if (source.problem) return { issues: [source.problem] };
  const y = source.yaml as unknown as YamlSource<CrosswalkFile>;
  const compiler = new Compiler(y, profile, vocabularies);
  const run = compiler.compile();
  // the schema's problems and the compiler's, in the order of the file (a map table's after)
  if (!run || compiler.issues.length) return { issues: inFileOrder(compiler.issues, y.file) };
  const id = String(y.data.crosswalk ?? profile.id);
  return {
    issues: [],
    crosswalk: new Crosswalk(id, profile, y.file, run, compiler.declared, vocabularies),
    chain: source.chain,
  };
}

/**
 * Crosswalks compiled, by everything a compiled crosswalk depends on: the vocabularies its values
 * are checked and mapped against, the profile object (not its id: a profile of the same id read
 * from another file is another profile), the file (read once: files do not change during a run)
 * and the files of its parents (`extends:`), which another search path may find elsewhere.
 */
const cache = new WeakMap<
  VocabularyRegistry,
  WeakMap<Profile, Map<string, { crosswalk: Crosswalk; chain: Link[] }>>
>();

export function loadCrosswalk(
  profile: Profile,
  file = crosswalkPath(profile.id),
  vocabularies = defaultVocabularies(),
): Crosswalk {
  let byProfile = cache.get(vocabularies);
  if (!byProfile) cache.set(vocabularies, (byProfile = new WeakMap()));
  let byFile = byProfile.get(profile);
  if (!byFile) byProfile.set(profile, (byFile = new Map()));
  const hit = byFile.get(file);
  if (hit?.chain.every((l, i) => parentPath(l.id, i ? hit.chain[i - 1].file : file) === l.file))
    return hit.crosswalk;
  if (!existsSync(file))
    throw new ConfigError(
      `no crosswalk for profile ${profile.id}`,
      file,
      `pas de correspondance pour le profil ${profile.id}`,
    );
  const { issues, crosswalk, chain } = lintCrosswalk(file, profile, vocabularies);
  if (!crosswalk) {
    const n = issues.length - 1;
    const run = `\`passerelle crosswalk check ${profile.id}\``;
    const [more, moreFr] =
      n > 0
        ? [
            ` (and ${n} more ${pluralForm(n, MORE, 'en')}: run ${run})`,
            ` (et ${n} ${pluralForm(n, MORE, 'fr')} : lancez ${run})`,
          ]
        : ['', ''];
    throw new ConfigError(
      `invalid crosswalk: ${issues[0].message}${more}`,
      issues[0].where,
      `correspondance non valide : ${issues[0].fr}${moreFr}`,
    );
  }
  byFile.set(file, { crosswalk, chain: chain ?? [] });
  return crosswalk;
}
