/**
 * Checks a source record against its profile with ajv and turns ajv's errors into findings
 * `profile/required`, `profile/vocabulary` and `profile/type`, each naming the field and its path.
 */
import { Ajv, _, type ErrorObject, type KeywordCxt, type ValidateFunction } from 'ajv';
import type { Emitted } from '../rules/types.js';
import { isEmpty } from '../util/empty.js';
import { parsePath, toPointer } from '../util/paths.js';
import { isDate } from '../util/coerce.js';
import { profileSchema } from './schema.js';
import type { FieldDef, Profile } from './types.js';


const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function addFormats(ajv: Ajv): void {
  ajv.addVocabulary(['x-field', 'x-vocabulary', 'x-required']);
  ajv.addFormat('portal-date', { type: 'string', validate: (s: string) => isDate(s) || s.trim() === '' });
  ajv.addFormat('portal-email', { type: 'string', validate: (s: string) => s.trim() === '' || EMAIL.test(s.trim().replace(/^mailto:/i, '')) });
  ajv.addFormat('portal-url', {
    type: 'string',
    validate: (s: string) => s.trim() === '' || /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i.test(s.trim()),
  });
  ajv.addFormat('portal-json', {
    type: 'string',
    validate: (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    },
  });
}

/** The validator whose errors become findings: every error, with the value and schema it is about. */
function detailedAjv(): Ajv {
  // the schema is generated here, not written by hand: checking it against the meta-schema, and
  // optimising the code compiled from its long code lists, cost start-up time and buy nothing
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'nonEmpty',
    schemaType: 'boolean',
    errors: true,
    validate: function nonEmpty(schema: boolean, data: unknown) {
      return !schema || !isEmpty(data);
    },
  });
  ajv.addKeyword({
    keyword: 'x-codes',
    schemaType: 'array',
    errors: true,
    compile: (codes: unknown[]) => {
      const set = new Set(codes);
      return (data: unknown) => set.has(data);
    },
  });
  return ajv;
}

/**
 * The validator that only says whether a record is valid (most are): it stops at the first error
 * and builds none of the detail, so its code is a third smaller and V8 optimises it (the detailed
 * validator's code is too long to be). The custom keywords are written inline here (a call with
 * the value only), where ajv's `validate` keywords get an object of context on every call.
 */
function quickAjv(): Ajv {
  const ajv = new Ajv({ strict: false, validateSchema: false, messages: false, code: { optimize: false } });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'nonEmpty',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      cxt.fail(_`${cxt.gen.scopeValue('keyword', { ref: isEmpty })}(${cxt.data})`);
    },
  });
  ajv.addKeyword({
    keyword: 'x-codes',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      cxt.fail(_`!${cxt.gen.scopeValue('keyword', { ref: new Set(cxt.schema as unknown[]) })}.has(${cxt.data})`);
    },
  });
  return ajv;
}

/**
 * The profile's JSON Schema as checked here: a code list (`enum` beside `x-vocabulary`) becomes
 * `x-codes`, the same values checked with a set: code lists run to hundreds of codes, and ajv
 * compares a value with each in turn. The exported schema keeps its `enum`s.
 */
function withCodeSets(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withCodeSets);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  const codeList = 'x-vocabulary' in schema && 'enum' in schema;
  for (const [k, v] of Object.entries(schema)) out[codeList && k === 'enum' ? 'x-codes' : k] = withCodeSets(v);
  return out;
}

/**
 * A profile's validators, compiled from the same schema. The quick one costs as much to compile
 * as the records it then saves in a few thousand: it is compiled once a run has checked
 * QUICK_AFTER records, so that short runs (one record at start-up) do without it.
 */
interface Validators {
  schema: Record<string, unknown>;
  detailed: ValidateFunction;
  quick?: ValidateFunction;
  checked: number;
}

const QUICK_AFTER = 1000;
const validators = new WeakMap<Profile, Validators>();

function validatorsFor(profile: Profile): Validators {
  let v = validators.get(profile);
  if (!v) {
    const schema = withCodeSets(profileSchema(profile)) as Record<string, unknown>;
    v = { schema, detailed: detailedAjv().compile(schema), checked: 0 };
    validators.set(profile, v);
  }
  return v;
}

/** Both validators of a profile, for tests: they must agree on every record. */
export function profileValidators(profile: Profile): { quick: ValidateFunction; detailed: ValidateFunction } {
  const v = validatorsFor(profile);
  return { quick: (v.quick ??= quickAjv().compile(v.schema)), detailed: v.detailed };
}

/** The profile field an instance path points at (`/resources/2/format` → resources.format). */
export function fieldAt(profile: Profile, pointer: string): FieldDef | undefined {
  let fields: Record<string, FieldDef> | undefined = profile.fields;
  let field: FieldDef | undefined;
  for (const seg of parsePath(pointer)) {
    if (/^\d+$/.test(seg) && field?.type === 'list') continue;
    if (!fields) return field;
    field = fields[seg];
    if (!field) return undefined;
    fields = field.fields;
  }
  return field;
}

function fieldName(pointer: string): string {
  return parsePath(pointer)
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
}

export function checkAgainstProfile(profile: Profile, record: unknown): Emitted[] {
  const v = validatorsFor(profile);
  if (!v.quick && ++v.checked > QUICK_AFTER) v.quick = quickAjv().compile(v.schema);
  // both validators check the same schema, so they agree on validity: the details are only for failures
  if (v.quick?.(record)) return [];
  const validate = v.detailed;
  if (validate(record)) return [];
  const out: Emitted[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors as ErrorObject[]) {
    const f = toFinding(profile, e);
    if (!f) continue;
    const key = `${f.ruleId} ${f.sourcePath}`;
    if (seen.has(key)) continue; // ajv may report one bad value under several keywords
    seen.add(key);
    out.push(f);
  }
  return out;
}

function toFinding(profile: Profile, e: ErrorObject): Emitted | undefined {
  // a required field with older names: one finding for the field, not one per name tried
  if (e.keyword === 'required' && e.schemaPath.includes('/anyOf/')) return undefined;
  if (e.keyword === 'anyOf') {
    const name = (e.parentSchema as Record<string, unknown> | undefined)?.['x-required'];
    return typeof name === 'string' ? required(profile, e.instancePath + toPointer([name])) : undefined;
  }
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    const pointer = e.instancePath + toPointer([missing]);
    return required(profile, pointer);
  }
  if (e.keyword === 'nonEmpty') return { ...required(profile, e.instancePath), value: e.data };
  const pointer = e.instancePath;
  const field = fieldAt(profile, pointer);
  const name = fieldName(pointer);
  if (e.keyword === 'enum' || e.keyword === 'x-codes') {
    const vocabId = (e.parentSchema as Record<string, unknown>)?.['x-vocabulary'] as string | undefined;
    const vocab = vocabId ? profile.vocabularies[vocabId] : undefined;
    const value = e.data;
    const current = vocab?.legacy.get(String(value));
    if (current !== undefined) {
      return {
        ruleId: 'profile/vocabulary',
        messageId: 'legacy',
        data: { field: name, value, current },
        sourcePath: pointer,
        value,
        severity: 'warning',
      };
    }
    return {
      ruleId: 'profile/vocabulary',
      messageId: 'unknown',
      data: { field: name, value, vocabulary: vocabId },
      sourcePath: pointer,
      value,
    };
  }
  // type, format, pattern: the value is not of the field's type
  return {
    ruleId: 'profile/type',
    messageId: 'type',
    data: (() => {
      const t = typeName(field?.type ?? String((e.params as { type?: string }).type ?? e.keyword));
      return { field: name, expected: t.en, expectedFr: t.fr };
    })(),
    sourcePath: pointer,
    value: e.data,
  };
}

/** Names of field types in messages, in both languages. */
const TYPE_NAMES: Record<string, { en: string; fr: string }> = {
  string: { en: 'text', fr: 'texte' },
  strings: { en: 'list of texts', fr: 'liste de textes' },
  text: { en: 'language map ({en, fr})', fr: 'texte bilingue ({en, fr})' },
  tags: { en: 'language map of keyword lists', fr: 'liste bilingue de mots-clés' },
  code: { en: 'code', fr: 'code' },
  codes: { en: 'list of codes', fr: 'liste de codes' },
  date: { en: 'date', fr: 'date' },
  datetime: { en: 'date and time', fr: 'date et heure' },
  email: { en: 'email address', fr: 'adresse courriel' },
  url: { en: 'URL', fr: 'URL' },
  integer: { en: 'whole number', fr: 'nombre entier' },
  number: { en: 'number', fr: 'nombre' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  json: { en: 'JSON value', fr: 'valeur JSON' },
  list: { en: 'list', fr: 'liste' },
  object: { en: 'object', fr: 'objet' },
  any: { en: 'any value', fr: 'toute valeur' },
};

export function typeName(type: string): { en: string; fr: string } {
  return TYPE_NAMES[type] ?? { en: type, fr: type };
}

function required(profile: Profile, pointer: string): Emitted {
  const field = fieldAt(profile, pointer);
  return {
    ruleId: 'profile/required',
    messageId: 'missing',
    data: { field: fieldName(pointer), label: field?.label?.en ?? fieldName(pointer), labelFr: field?.label?.fr ?? fieldName(pointer) },
    sourcePath: pointer,
  };
}
