/** Loads a jurisdiction's profile (profiles/<id>.yaml) and checks that it is well formed. */
import { setOwn } from '../util/own.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { ConfigError, UsageError } from '../util/errors.js';
import { PROFILES_DIR } from '../paths.js';
import { locate, locateAll, type Located } from '../util/search-path.js';
import type { LangText } from '../core/lang.js';
import {
  FIELD_TYPES,
  type Detect,
  type FieldDef,
  type FieldType,
  type LocalVocabulary,
  type Profile,
  type RecordTypes,
} from './types.js';
import { compileCondition } from '../core/conditions.js';
import { resolveFieldPath } from './fields.js';
import { mergeOver, parentId } from '../util/extends.js';

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const PROFILE_KEYS = new Set([
  'id',
  'name',
  'platform',
  'portal',
  'jurisdiction',
  'languages',
  'rules',
  'fields',
  'vocabularies',
  'source',
  'notes',
  'detect',
  'recordTypes',
  'extends',
]);
const FIELD_KEYS = new Set([
  'type',
  'label',
  'required',
  'bilingual',
  'vocabulary',
  'fields',
  'description',
  'headers',
  'aliases',
]);
const DETECT_KEYS = new Set(['priority', 'when']);

type Raw = Record<string, unknown>;

function isObj(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function parseVocabularies(y: YamlSource<Raw>, raw: unknown): Record<string, LocalVocabulary> {
  const out: Record<string, LocalVocabulary> = {};
  if (raw === undefined) return out;
  if (!isObj(raw)) throw new ConfigError('`vocabularies` must be a map', y.where(['vocabularies']));
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
    } else {
      throw new ConfigError(
        `vocabulary ${id} needs \`codes\` (a list, or a map of code → label)`,
        y.where(at),
      );
    }
    if (isObj(v) && v.legacy !== undefined) {
      if (!isObj(v.legacy))
        throw new ConfigError(
          '`legacy` must map old code → current code',
          y.where([...at, 'legacy']),
        );
      for (const [old, cur] of Object.entries(v.legacy)) {
        if (!codes.has(String(cur))) {
          throw new ConfigError(
            `legacy code ${old} points to unknown code ${String(cur)}`,
            y.where([...at, 'legacy', old]),
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
  if (!isObj(raw))
    throw new ConfigError('`fields` must be a map of field name → definition', y.where(at));
  const out: Record<string, FieldDef> = {};
  for (const [name, def] of Object.entries(raw)) {
    const here = [...at, name];
    const d: Raw = typeof def === 'string' ? { type: def } : isObj(def) ? def : {};
    if (typeof def !== 'string' && !isObj(def))
      throw new ConfigError(`field ${name}: expected a type or a map`, y.where(here));
    for (const k of Object.keys(d)) {
      if (!FIELD_KEYS.has(k))
        throw new ConfigError(`field ${name}: unknown key "${k}"`, y.where([...here, k], true));
    }
    const type = d.type as FieldType;
    if (!FIELD_TYPES.includes(type)) {
      throw new ConfigError(
        `field ${name}: type must be one of ${FIELD_TYPES.join(', ')}`,
        y.where([...here, 'type']),
      );
    }
    if ((type === 'code' || type === 'codes') && typeof d.vocabulary !== 'string') {
      throw new ConfigError(`field ${name}: a ${type} field needs a \`vocabulary\``, y.where(here));
    }
    if (typeof d.vocabulary === 'string' && !vocabularies[d.vocabulary]) {
      throw new ConfigError(
        `field ${name}: unknown vocabulary "${d.vocabulary}"`,
        y.where([...here, 'vocabulary']),
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
        );
      }
      field.fields = parseFields(y, d.fields, [...here, 'fields'], vocabularies);
    }
    setOwn(out, name, field); // a field's name is data, whatever it is (`__proto__`)
    if (d.aliases !== undefined) {
      if (!Array.isArray(d.aliases) || d.aliases.some((a) => typeof a !== 'string' || !a)) {
        throw new ConfigError(
          `field ${name}: \`aliases\` is a list of older field names`,
          y.where([...here, 'aliases']),
        );
      }
      field.aliases = d.aliases as string[];
    }
  }
  // an alias is a field of its own (same type, never required), so that crosswalks may read it
  for (const field of Object.values(out)) {
    for (const alias of field.aliases ?? []) {
      if (own.call(out, alias))
        throw new ConfigError(
          `field ${field.name}: alias ${alias} is also a field`,
          y.where([...at, field.name, 'aliases']),
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
function parseDetect(y: YamlSource<Raw>, raw: unknown, profile: Profile): Detect {
  const at = ['detect'];
  if (!isObj(raw)) throw new ConfigError('`detect` is a map: {priority, when}', y.where(at));
  for (const k of Object.keys(raw))
    if (!DETECT_KEYS.has(k))
      throw new ConfigError(
        `detect: unknown key "${k}" (known: priority, when)`,
        y.where([...at, k], true),
      );
  if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority))
    throw new ConfigError('detect: `priority` is a whole number', y.where([...at, 'priority']));
  const problems: { message: string; where: string }[] = [];
  const problem = (message: string, where: (string | number)[]): void =>
    void problems.push({ message: `detect: ${message}`, where: y.where(where) });
  const when = compileCondition(
    raw.when,
    {
      resolve: (path, where) => {
        const r = resolveFieldPath(path, profile, { fields: profile.fields });
        if (typeof r === 'string') problem(r, where);
        return typeof r === 'string' ? undefined : r;
      },
      problem,
    },
    [...at, 'when'],
  );
  if (problems.length) throw new ConfigError(problems[0].message, problems[0].where);
  if (!when) throw new ConfigError('detect: `when` is a condition', y.where(at));
  return { priority: raw.priority, when, where: y.where(at) };
}

/** `recordTypes: {field, types: {<type>: {required: [names], source}}}`: every name a field of the profile. */
function parseRecordTypes(
  y: YamlSource<Raw>,
  raw: unknown,
  fields: Record<string, FieldDef>,
): RecordTypes {
  const at = ['recordTypes'];
  if (!isObj(raw) || typeof raw.field !== 'string' || !isObj(raw.types)) {
    throw new ConfigError(
      '`recordTypes` is a map: {field, types: {<type>: {required: [fields]}}}',
      y.where(at),
    );
  }
  for (const k of Object.keys(raw))
    if (k !== 'field' && k !== 'types')
      throw new ConfigError(
        `recordTypes: unknown key "${k}" (known: field, types)`,
        y.where([...at, k], true),
      );
  if (!own.call(fields, raw.field))
    throw new ConfigError(
      `recordTypes: field "${raw.field}" is not in the profile`,
      y.where([...at, 'field']),
    );
  const types: RecordTypes['types'] = {};
  for (const [name, t] of Object.entries(raw.types)) {
    const here = [...at, 'types', name];
    if (!isObj(t) || !Array.isArray(t.required))
      throw new ConfigError(
        `record type ${name}: \`required\` is a list of field names`,
        y.where(here),
      );
    for (const k of Object.keys(t))
      if (k !== 'required' && k !== 'source')
        throw new ConfigError(
          `record type ${name}: unknown key "${k}" (known: required, source)`,
          y.where([...here, k], true),
        );
    t.required.forEach((n, i) => {
      // a dotted name goes down through list and object fields
      let scope: Record<string, FieldDef> | undefined = fields;
      for (const seg of String(n).split('.')) {
        const f: FieldDef | undefined = scope && own.call(scope, seg) ? scope[seg] : undefined;
        if (!f)
          throw new ConfigError(
            `record type ${name}: field "${String(n)}" is not in the profile`,
            y.where([...here, 'required', i]),
          );
        scope = f.fields;
      }
    });
    setOwn(types, name, {
      required: new Set(t.required.map(String)),
      source: t.source as string | undefined,
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
    if (!known.has(id))
      throw new ConfigError(
        `unknown rule "${id}" (passerelle rules lists them)`,
        y.where(['rules', id], true),
      );
  }
}

export function parseProfile(y: YamlSource<Raw>, knownRules?: KnownRules): Profile {
  const d = y.data;
  if (!isObj(d)) throw new ConfigError('a profile is a YAML map', y.where([]));
  for (const k of Object.keys(d)) {
    if (!PROFILE_KEYS.has(k)) throw new ConfigError(`unknown key "${k}"`, y.where([k], true));
  }
  if (typeof d.id !== 'string' || !/^[a-z0-9-]+$/.test(d.id)) {
    throw new ConfigError('`id` must be lower-case letters, digits and dashes', y.where(['id']));
  }
  const rules: Record<string, never> = {};
  if (d.rules !== undefined) {
    if (!isObj(d.rules))
      throw new ConfigError('`rules` must map rule id → severity', y.where(['rules']));
    for (const [id, sev] of Object.entries(d.rules)) {
      if (knownRules && !knownRules.has(id))
        throw new ConfigError(
          `unknown rule "${id}" (passerelle rules lists them)`,
          y.where(['rules', id], true),
        );
      if (!SEVERITIES.has(String(sev))) {
        throw new ConfigError(
          `rule ${id}: severity must be error, warning, info or off`,
          y.where(['rules', id]),
        );
      }
      (rules as Record<string, unknown>)[id] = sev;
    }
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
  if (d.detect !== undefined) profile.detect = parseDetect(y, d.detect, profile);
  if (d.recordTypes !== undefined)
    profile.recordTypes = parseRecordTypes(y, d.recordTypes, profile.fields);
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
      );
    if (entry.codes !== undefined)
      throw new ConfigError(
        `vocabulary ${name}: \`add\` (codes added to the parent's) or \`codes\` (the whole list), not both`,
        child.where(at),
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

/** The profile file's YAML, merged over its parents' when it extends one; with the files it was built from. */
function profileSource(
  file: string,
  dir: string | undefined,
  seen: Link[],
): { yaml: YamlSource<Raw>; chain: Link[] } {
  const yaml = loadYaml<Raw>(file);
  const parent = parentId(yaml, 'profile');
  if (parent === undefined) return { yaml, chain: [] };
  if (!isObj(yaml.data) || yaml.data.id === undefined)
    throw new ConfigError(
      '`id` is required: a profile that extends another still names itself',
      yaml.where([]),
    );
  const pfile = parentPath(parent, dir);
  if (!existsSync(pfile))
    throw new ConfigError(
      `extends: unknown profile "${parent}" (known: ${listProfileIds().join(', ')})`,
      yaml.where(['extends']),
    );
  if (seen.some((l) => l.file === pfile) || pfile === file)
    throw new ConfigError(
      `extends: "${parent}" extends this profile in turn (${[...seen.map((l) => l.id), String(yaml.data.id), parent].join(' → ')}): a profile cannot extend itself`,
      yaml.where(['extends']),
    );
  const up = profileSource(pfile, dir, [...seen, { id: String(yaml.data.id), file }]);
  const merged = mergeOver(up.yaml, yaml, {
    perEntry: ['fields', 'vocabularies', 'rules'],
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
    throw new UsageError(`unknown profile "${id}" (known: ${listProfileIds(dir).join(', ')})`);
  }
  const { yaml, chain } = profileSource(file, dir, []);
  const profile = parseProfile(yaml, knownRules);
  if (profile.id !== id)
    throw new ConfigError(`profile id "${profile.id}" does not match its file name`, profile.file);
  profile.lineage = [profile.id, ...chain.map((l) => l.id)];
  cache.set(file, { profile, yaml, chain });
  return profile;
}
