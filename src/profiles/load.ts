/** Loads a jurisdiction's profile (profiles/<id>.yaml) and checks that it is well formed. */
import { setOwn } from '../util/own.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { ConfigError, UsageError } from '../util/errors.js';
import { PROFILES_DIR } from '../paths.js';
import { locate, locateAll, type Located } from '../util/search-path.js';
import type { Bilingual, LangText } from '../core/lang.js';
import type {
  Detect,
  FieldDef,
  FieldType,
  LocalVocabulary,
  Profile,
  RecordTypes,
} from './types.js';
import { compileCondition } from '../core/conditions.js';
import { resolveFieldPath } from './fields.js';
import { mergeOver, parentId, refuseRemovals } from '../util/extends.js';
import { profileFile } from './file-schema.js';
import { checkFile, closest, suggestion, throwProblems } from '../util/file-schema.js';

type Raw = Record<string, unknown>;

function isObj(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function parseVocabularies(y: YamlSource<Raw>, raw: unknown): Record<string, LocalVocabulary> {
  const out: Record<string, LocalVocabulary> = {};
  if (!isObj(raw)) return out; // its shape is checked by the schema (file-schema.ts)
  for (const [id, v] of Object.entries(raw)) {
    const at = ['vocabularies', id];
    const codes = new Map<string, LangText | undefined>();
    const legacy = new Map<string, string>();
    const list = isObj(v) ? v.codes : v;
    if (Array.isArray(list)) {
      for (const c of list) codes.set(String(c), undefined);
    } else if (isObj(list)) {
      for (const [c, label] of Object.entries(list))
        codes.set(c, isObj(label) ? (label as LangText) : undefined);
    }
    if (isObj(v) && isObj(v.legacy)) {
      for (const [old, cur] of Object.entries(v.legacy)) {
        if (!codes.has(String(cur))) {
          throw new ConfigError(
            `legacy code ${old} points to unknown code ${String(cur)}`,
            y.where([...at, 'legacy', old]),
            `l’ancien code ${old} renvoie au code inconnu ${String(cur)}`,
          );
        }
        legacy.set(old, String(cur));
      }
    }
    setOwn(out, id, { id, codes, legacy });
  }
  return out;
}

function parseFields(
  y: YamlSource<Raw>,
  raw: unknown,
  at: (string | number)[],
  vocabularies: Record<string, LocalVocabulary>,
): Record<string, FieldDef> {
  const out: Record<string, FieldDef> = {};
  if (!isObj(raw)) return out; // its shape is checked by the schema (file-schema.ts)
  for (const [name, def] of Object.entries(raw)) {
    const here = [...at, name];
    const d: Raw = typeof def === 'string' ? { type: def } : isObj(def) ? def : {};
    const type = d.type as FieldType;
    if ((type === 'code' || type === 'codes') && typeof d.vocabulary !== 'string') {
      throw new ConfigError(
        `field ${name}: a ${type} field needs a \`vocabulary\``,
        y.where(here),
        `champ ${name} : un champ ${type} a besoin d’un \`vocabulary\``,
      );
    }
    if (typeof d.vocabulary === 'string' && !vocabularies[d.vocabulary]) {
      throw new ConfigError(
        `field ${name}: unknown vocabulary "${d.vocabulary}"${suggestion(d.vocabulary, Object.keys(vocabularies))}`,
        y.where([...here, 'vocabulary']),
        `champ ${name} : vocabulaire inconnu « ${d.vocabulary} »${suggestion(d.vocabulary, Object.keys(vocabularies), 'fr')}`,
      );
    }
    const field: FieldDef = {
      name,
      type,
      label: d.label as LangText | undefined,
      required: d.required === true,
      bilingual: d.bilingual === true || undefined,
      vocabulary: d.vocabulary as string | undefined,
      description: d.description as string | undefined,
      headers: Array.isArray(d.headers) ? d.headers.map(String) : undefined,
      where: y.where(here, true),
    };
    if (d.fields !== undefined) {
      if (type !== 'list' && type !== 'object') {
        throw new ConfigError(
          `field ${name}: only list and object fields have sub-fields`,
          y.where([...here, 'fields']),
          `champ ${name} : seuls les champs list et object ont des sous-champs`,
        );
      }
      field.fields = parseFields(y, d.fields, [...here, 'fields'], vocabularies);
    }
    setOwn(out, name, field); // a field's name is data, whatever it is (`__proto__`)
    if (Array.isArray(d.aliases)) field.aliases = d.aliases as string[];
  }
  // an alias is a field of its own (same type, never required), so that crosswalks may read it
  for (const field of Object.values(out)) {
    for (const alias of field.aliases ?? []) {
      if (own.call(out, alias))
        throw new ConfigError(
          `field ${field.name}: alias ${alias} is also a field`,
          y.where([...at, field.name, 'aliases']),
          `champ ${field.name} : l’alias ${alias} est aussi un champ`,
        );
      const { aliases: _a, required: _r, ...rest } = field;
      void _a;
      void _r;
      setOwn(out, alias, {
        ...rest,
        name: alias,
        aliasOf: field.name,
        required: false,
        description: `older name of ${field.name}`,
      });
    }
  }
  return out;
}

const own = Object.prototype.hasOwnProperty;

/** `detect: {priority, when}`: the condition is the crosswalk language's, its paths fields of the profile. */
function parseDetect(y: YamlSource<Raw>, raw: Raw, profile: Profile): Detect {
  const at = ['detect'];
  const problems: { said: Bilingual; where: string }[] = [];
  const problem = (said: Bilingual, where: (string | number)[]): void =>
    void problems.push({ said, where: y.where(where) });
  const when = compileCondition(
    raw.when,
    {
      resolve: (path, where) => {
        const r = resolveFieldPath(path, profile, { fields: profile.fields });
        if ('segs' in r) return r;
        problem(r, where);
        return undefined;
      },
      problem,
    },
    [...at, 'when'],
  );
  if (problems.length) {
    const [{ said, where }] = problems;
    throw new ConfigError(`detect: ${said.en}`, where, `detect : ${said.fr}`);
  }
  if (!when)
    throw new ConfigError(
      'detect: `when` is a condition',
      y.where(at),
      'detect : `when` est une condition',
    );
  return { priority: raw.priority as number, when, where: y.where(at) };
}

/** `recordTypes: {field, types: {<type>: {required: [names], source}}}`: every name a field of the profile. */
function parseRecordTypes(
  y: YamlSource<Raw>,
  raw: { field: string; types: Record<string, { required: unknown[]; source?: string }> },
  fields: Record<string, FieldDef>,
): RecordTypes {
  const at = ['recordTypes'];
  if (!own.call(fields, raw.field))
    throw new ConfigError(
      `recordTypes: field "${raw.field}" is not in the profile`,
      y.where([...at, 'field']),
      `recordTypes : le champ « ${raw.field} » n’est pas dans le profil`,
    );
  const types: RecordTypes['types'] = {};
  for (const [name, t] of Object.entries(raw.types)) {
    const here = [...at, 'types', name];
    t.required.forEach((n, i) => {
      // a dotted name goes down through list and object fields
      let scope: Record<string, FieldDef> | undefined = fields;
      for (const seg of String(n).split('.')) {
        const f: FieldDef | undefined = scope && own.call(scope, seg) ? scope[seg] : undefined;
        if (!f)
          throw new ConfigError(
            `record type ${name}: field "${String(n)}" is not in the profile`,
            y.where([...here, 'required', i]),
            `type d’enregistrement ${name} : le champ « ${String(n)} » n’est pas dans le profil`,
          );
        scope = f.fields;
      }
    });
    setOwn(types, name, {
      required: new Set(t.required.map(String)),
      source: t.source,
      where: y.where(here),
    });
  }
  return { field: raw.field, types, where: y.where(at) };
}

/**
 * Ids of the rules a profile may set a severity for. The rule list sits above profiles (rules read
 * profiles), so the caller gives it (`RULE_IDS` of src/rules/index.ts); without it, rule ids are
 * not checked (profiles parsed for tests and examples).
 */
export type KnownRules = ReadonlySet<string>;

function checkRuleIds(y: YamlSource<Raw>, known: KnownRules): void {
  const rules = (y.data as Raw).rules;
  if (!isObj(rules)) return;
  for (const id of Object.keys(rules)) {
    if (!known.has(id)) throw unknownRule(y, id, known);
  }
}

/** An unknown rule id, with the closest known one. */
function unknownRule(y: YamlSource<Raw>, id: string, known: KnownRules): ConfigError {
  const near = closest(id, known);
  return new ConfigError(
    `unknown rule "${id}" (${near ? `did you mean "${near}"? ` : ''}passerelle rules lists them)`,
    y.where(['rules', id], true),
    `règle inconnue « ${id} » (${near ? `vouliez-vous dire « ${near} » ? ` : ''}passerelle rules les liste)`,
  );
}

/** How the places of a profile are named in messages: `field resources.url: type`, `detect: priority`. */
function placeName(path: string[]): Bilingual {
  const tail = (from: number): string => path.slice(from).join('.');
  const rest = (from: number): Bilingual =>
    path.length > from ? { en: `: ${tail(from)}`, fr: ` : ${tail(from)}` } : { en: '', fr: '' };
  const named = (en: string, fr: string, from: number): Bilingual => ({
    en: `${en}${rest(from).en}`,
    fr: `${fr}${rest(from).fr}`,
  });
  if (path[0] === 'fields' && path.length > 1) {
    const names = [path[1]];
    let i = 2;
    while (path[i] === 'fields' && path.length > i + 1) {
      names.push(path[i + 1]);
      i += 2;
    }
    return named(`field ${names.join('.')}`, `champ ${names.join('.')}`, i);
  }
  if (path[0] === 'rules' && path.length === 2)
    return { en: `rule ${path[1]}: severity`, fr: `règle ${path[1]} : gravité` };
  if (path[0] === 'vocabularies' && path.length > 1)
    return named(`vocabulary ${path[1]}`, `vocabulaire ${path[1]}`, 2);
  if (path[0] === 'recordTypes' && path[1] === 'types' && path.length > 2)
    return named(`record type ${path[2]}`, `type d’enregistrement ${path[2]}`, 3);
  if (path.length === 0) return { en: 'the profile', fr: 'le profil' };
  return path.length === 1 ? { en: path[0], fr: path[0] } : named(path[0], path[0], 1);
}

export function parseProfile(y: YamlSource<Raw>, knownRules?: KnownRules): Profile {
  // the structure, by the profile file's JSON Schema (the one editors are given); then the meaning
  throwProblems(checkFile(y, profileFile(), { name: placeName }));
  const d = y.data as Raw & { id: string };
  const rules: Record<string, never> = {};
  for (const [id, sev] of Object.entries(isObj(d.rules) ? d.rules : {})) {
    if (knownRules && !knownRules.has(id)) throw unknownRule(y, id, knownRules);
    (rules as Record<string, unknown>)[id] = sev;
  }
  const vocabularies = parseVocabularies(y, d.vocabularies);
  const languages = Array.isArray(d.languages) ? d.languages.map(String) : [];
  const profile: Profile = {
    id: d.id,
    name: (isObj(d.name) ? d.name : { en: String(d.name ?? d.id) }) as LangText,
    platform: d.platform as string | undefined,
    portal: d.portal as string | undefined,
    jurisdiction: d.jurisdiction as Profile['jurisdiction'],
    languages,
    rules,
    fields: parseFields(y, d.fields ?? {}, ['fields'], vocabularies),
    vocabularies,
    file: y.file,
    source: d.source as string | undefined,
    lineage: [d.id],
  };
  if (typeof d.extends === 'string') profile.extends = d.extends;
  if (isObj(d.detect)) profile.detect = parseDetect(y, d.detect, profile);
  if (isObj(d.recordTypes))
    profile.recordTypes = parseRecordTypes(
      y,
      d.recordTypes as Parameters<typeof parseRecordTypes>[1],
      profile.fields,
    );
  return profile;
}

/**
 * The file of profile `id`: in `dir` when given, else the first folder of the search path that has
 * it, else the package's (which may not exist: loading then says the profile is unknown).
 */
export function profilePath(id: string, dir?: string): string {
  if (dir !== undefined) return join(dir, `${id}.yaml`);
  return locate('profiles', id)?.file ?? join(PROFILES_DIR, `${id}.yaml`);
}

/** The ids of the profiles in `dir`, or on the search path (user folders and the package). */
export function listProfileIds(dir?: string): string[] {
  if (dir === undefined) return locateAll('profiles').map((p) => p.id);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.slice(0, -5))
    .sort();
}

/** Every profile on the search path with its file and where it came from (`package`, or the folder). */
export function listProfiles(): Located[] {
  return locateAll('profiles');
}

/** A file the profile was built from (itself, its parent, …): the cache checks they are still the ones found. */
interface Link {
  id: string;
  file: string;
}

/** Profiles parsed, by file (two folders may hold the same id), with their YAML (to check their rule ids against another caller's list). */
const cache = new Map<string, { profile: Profile; yaml: YamlSource<Raw>; chain: Link[] }>();

export interface LoadProfileOptions {
  /** Folder of the profile files (default: the search path, then the profiles shipped with Passerelle). */
  dir?: string;
  knownRules?: KnownRules;
}

/** A parent's file: beside the child in `dir` when there, else on the search path (a user's profile may extend a shipped one). */
function parentPath(id: string, dir?: string): string {
  if (dir !== undefined && existsSync(join(dir, `${id}.yaml`))) return join(dir, `${id}.yaml`);
  return profilePath(id);
}

/**
 * A child's vocabulary `add:` adds codes (and legacy codes) to the parent's vocabulary of the same
 * id; `codes:` replaces it (or declares a new one).
 */
function addCodes(child: YamlSource<Raw>) {
  const asMap = (list: unknown): Raw =>
    Array.isArray(list)
      ? Object.fromEntries(list.map((c) => [String(c), null]))
      : isObj(list)
        ? list
        : {};
  return (map: string, name: string, parent: unknown, entry: unknown): unknown => {
    if (map !== 'vocabularies' || !isObj(entry) || entry.add === undefined) return undefined;
    const at = ['vocabularies', name, 'add'];
    if (parent === undefined)
      throw new ConfigError(
        `vocabulary ${name}: \`add\` adds codes to the parent's vocabulary of that id, and it has none (use \`codes\`)`,
        child.where(at),
        `vocabulaire ${name} : \`add\` ajoute des codes au vocabulaire du parent de cet identifiant, et il n’en a pas (employez \`codes\`)`,
      );
    if (entry.codes !== undefined)
      throw new ConfigError(
        `vocabulary ${name}: \`add\` (codes added to the parent's) or \`codes\` (the whole list), not both`,
        child.where(at),
        `vocabulaire ${name} : \`add\` (codes ajoutés à ceux du parent) ou \`codes\` (la liste entière), pas les deux`,
      );
    const from = isObj(parent) ? parent : { codes: parent };
    return {
      codes: { ...asMap(from.codes), ...asMap(entry.add) },
      legacy: {
        ...(isObj(from.legacy) ? from.legacy : {}),
        ...(isObj(entry.legacy) ? entry.legacy : {}),
      },
    };
  };
}

/** The maps a child profile merges entry by entry (`name: null` removes the parent's). */
const PER_ENTRY = ['fields', 'vocabularies', 'rules'];

/** The profile file's YAML, merged over its parents' when it extends one; with the files it was built from. */
function profileSource(
  file: string,
  dir: string | undefined,
  seen: Link[],
): { yaml: YamlSource<Raw>; chain: Link[] } {
  const yaml = loadYaml<Raw>(file);
  const parent = parentId(yaml, 'profile');
  if (parent === undefined) {
    refuseRemovals(yaml, PER_ENTRY, 'profile');
    return { yaml, chain: [] };
  }
  if (!isObj(yaml.data) || yaml.data.id === undefined)
    throw new ConfigError(
      '`id` is required: a profile that extends another still names itself',
      yaml.where([]),
      '`id` est obligatoire : un profil qui en étend un autre se nomme quand même',
    );
  const pfile = parentPath(parent, dir);
  if (!existsSync(pfile))
    throw new ConfigError(
      `extends: unknown profile "${parent}" (known: ${listProfileIds().join(', ')})`,
      yaml.where(['extends']),
      `extends : profil inconnu « ${parent} » (connus : ${listProfileIds().join(', ')})`,
    );
  if (seen.some((l) => l.file === pfile) || pfile === file)
    throw new ConfigError(
      `extends: "${parent}" extends this profile in turn (${[...seen.map((l) => l.id), String(yaml.data.id), parent].join(' → ')}): a profile cannot extend itself`,
      yaml.where(['extends']),
      `extends : « ${parent} » étend ce profil à son tour (${[...seen.map((l) => l.id), String(yaml.data.id), parent].join(' → ')}) : un profil ne peut s’étendre lui-même`,
    );
  const up = profileSource(pfile, dir, [...seen, { id: String(yaml.data.id), file }]);
  const merged = mergeOver(up.yaml, yaml, {
    perEntry: PER_ENTRY,
    // a profile is recognised by its own condition: a child with its parent's would tie with it on every record
    notInherited: ['detect'],
    combine: addCodes(yaml),
  });
  return { yaml: merged, chain: [{ id: parent, file: pfile }, ...up.chain] };
}

export function loadProfile(id: string, { dir, knownRules }: LoadProfileOptions = {}): Profile {
  const file = profilePath(id, dir);
  const hit = cache.get(file);
  // a parent found elsewhere since (another search path) makes another profile
  if (hit?.chain.every((l) => parentPath(l.id, dir) === l.file)) {
    if (knownRules) checkRuleIds(hit.yaml, knownRules);
    return hit.profile;
  }
  if (!/^[a-z0-9-]+$/.test(id) || !existsSync(file)) {
    const known = listProfileIds(dir);
    throw new UsageError(
      `unknown profile "${id}"${suggestion(id, known)}`,
      `profil inconnu « ${id} »${suggestion(id, known, 'fr')}`,
    );
  }
  const { yaml, chain } = profileSource(file, dir, []);
  const profile = parseProfile(yaml, knownRules);
  if (profile.id !== id)
    throw new ConfigError(
      `profile id "${profile.id}" does not match its file name`,
      profile.file,
      `l’identifiant du profil « ${profile.id} » ne correspond pas au nom de son fichier`,
    );
  profile.lineage = [profile.id, ...chain.map((l) => l.id)];
  cache.set(file, { profile, yaml, chain });
  return profile;
}
