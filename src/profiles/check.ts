/**
 * Checks a source record against its profile with ajv and turns ajv's errors into findings
 * `profile/required`, `profile/vocabulary` and `profile/type`, each naming the field and its path.
 * Empty values are absent values (schema.ts): `profile/required` when the field is required, nothing else.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Emitted, FixKind } from '../core/finding.js';
import { isDate } from '../util/coerce.js';
import { parsePath, toPointer } from '../util/paths.js';
import type { FieldDef, LocalVocabulary, Profile } from './types.js';
import { checkedSchema, validatorFor, type CheckedSchema } from './validators.js';
import type { Bilingual } from '../core/lang.js';
import { atOnce, STEP_ITEMS, type Steps } from '../util/turns.js';

/**
 * A profile's validators. The quick one (valid or not) saves its cost on the records it then checks
 * within a few thousand, when compiled at run time: it is made once a run has checked QUICK_AFTER
 * records, so that short runs (one record at start-up) do without it.
 */
interface Validators {
  schema: CheckedSchema;
  detailed: ValidateFunction;
  quick?: ValidateFunction;
  checked: number;
}

const QUICK_AFTER = 1000;
const validators = new WeakMap<Profile, Validators>();

function validatorsFor(profile: Profile): Validators {
  let v = validators.get(profile);
  if (!v) {
    const schema = checkedSchema(profile);
    v = { schema, detailed: validatorFor(schema, 'detailed'), checked: 0 };
    validators.set(profile, v);
  }
  return v;
}

/** Both validators of a profile, for tests: they must agree on every record. */
export function profileValidators(profile: Profile): {
  quick: ValidateFunction;
  detailed: ValidateFunction;
} {
  const v = validatorsFor(profile);
  return { quick: (v.quick ??= validatorFor(v.schema, 'quick')), detailed: v.detailed };
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
  return atOnce(profileSteps(profile, record));
}

/** `checkAgainstProfile` in steps (`src/util/turns.ts`): a record may fail its profile 300,000 times. */
export function* profileSteps(profile: Profile, record: unknown): Steps<Emitted[]> {
  const v = validatorsFor(profile);
  if (!v.quick && ++v.checked > QUICK_AFTER) v.quick = validatorFor(v.schema, 'quick');
  // both validators check the same schema, so they agree on validity: the details are only for failures
  if (v.quick?.(record)) return [];
  const validate = v.detailed;
  if (validate(record)) return [];
  const errors = validate.errors as ErrorObject[];
  validate.errors = null; // not kept until the next record that fails
  yield;
  const out: Emitted[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < errors.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const f = toFinding(profile, errors[i]);
    if (!f) continue;
    const key = `${f.ruleId} ${f.sourcePath}`;
    if (seen.has(key)) continue; // ajv may report one bad value under several keywords
    seen.add(key);
    out.push(f);
  }
  return out;
}

function toFinding(profile: Profile, e: ErrorObject): Emitted | undefined {
  // an `if` whose branch failed (an empty value's `if: {absent}` in schema.ts, a record type's
  // branch, recordTypes): the branch's own errors say what is wrong
  if (e.keyword === 'if') return undefined;
  // a required field with older names: one finding for the field, not one per name tried
  if ((e.keyword === 'required' || e.keyword === 'nonEmpty') && e.schemaPath.includes('/anyOf/'))
    return undefined;
  if (e.keyword === 'anyOf') {
    const name = (e.parentSchema as Record<string, unknown> | undefined)?.['x-required'];
    return typeof name === 'string'
      ? required(profile, e.instancePath + toPointer([name]))
      : undefined;
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
    const vocabId = (e.parentSchema as Record<string, unknown>)?.['x-vocabulary'] as
      | string
      | undefined;
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
        fix: { pointer, old: value, new: current, kind: 'legacy-code' },
      };
    }
    const fix = vocab && typeof value === 'string' ? codeFix(vocab, value) : undefined;
    return {
      ruleId: 'profile/vocabulary',
      messageId: 'unknown',
      data: { field: name, value, vocabulary: vocabId },
      sourcePath: pointer,
      value,
      ...(fix ? { fix: { pointer, old: value, ...fix } } : {}),
    };
  }
  // type, format, pattern: the value is not of the field's type
  const date = field?.type === 'date' && typeof e.data === 'string' ? isoDateOf(e.data) : undefined;
  return {
    ruleId: 'profile/type',
    messageId: 'type',
    data: (() => {
      const t = typeName(field?.type ?? String((e.params as { type?: string }).type ?? e.keyword));
      return { field: name, expected: t.en, expectedFr: t.fr };
    })(),
    sourcePath: pointer,
    value: e.data,
    ...(date ? { fix: { pointer, old: e.data, new: date, kind: 'date' as const } } : {}),
  };
}

const two = (n: string): string => n.padStart(2, '0');

/**
 * A date written another way, in ISO 8601, when it reads only one way: year first (2020/01/15,
 * 2020.1.15, 20200115), or day and month in either order when only one order makes a date
 * (15/01/2020: no 15th month; 01/02/2020 is left, a person knows which it is).
 */
export function isoDateOf(value: string): string | undefined {
  const t = value.trim();
  let m = /^(\d{4})([/.-]?)(\d{1,2})\2(\d{1,2})$/.exec(t);
  let iso: string | undefined;
  if (m && (m[2] !== '' || (m[3].length === 2 && m[4].length === 2)))
    iso = `${m[1]}-${two(m[3])}-${two(m[4])}`;
  else if ((m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t))) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a === b || (a > 12 && b <= 12)) iso = `${m[4]}-${two(m[3])}-${two(m[1])}`;
    else if (b > 12 && a <= 12) iso = `${m[4]}-${two(m[1])}-${two(m[3])}`;
  }
  return iso !== undefined && iso !== t && isDate(iso) ? iso : undefined;
}

/** Codes (and legacy codes) by their spelling without case and spaces, made once per code list. */
const spellings = new WeakMap<LocalVocabulary, Map<string, string[]>>();
const spelling = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

function spellingsOf(vocab: LocalVocabulary): Map<string, string[]> {
  let m = spellings.get(vocab);
  if (m) return m;
  m = new Map();
  for (const code of [...vocab.codes.keys(), ...vocab.legacy.keys()]) {
    const k = spelling(code);
    const list = m.get(k) ?? [];
    if (!list.includes(code)) list.push(code);
    m.set(k, list);
  }
  spellings.set(vocab, m);
  return m;
}

/**
 * The code a value outside the list certainly stands for: itself with spaces around it removed, or
 * the one code spelled the same but for case and spaces (`fisheries` for `Fisheries`); a legacy code
 * found so is replaced by the current one. None when two codes could be meant.
 */
function codeFix(
  vocab: LocalVocabulary,
  value: string,
): { new: string; kind: FixKind } | undefined {
  const trimmed = value.trim();
  const current = (code: string): string => vocab.legacy.get(code) ?? code;
  if (trimmed !== value && (vocab.codes.has(trimmed) || vocab.legacy.has(trimmed)))
    return { new: current(trimmed), kind: vocab.codes.has(trimmed) ? 'whitespace' : 'legacy-code' };
  const found = spellingsOf(vocab).get(spelling(value));
  if (found?.length !== 1) return undefined;
  return {
    new: current(found[0]),
    kind: vocab.codes.has(found[0]) ? 'code-spelling' : 'legacy-code',
  };
}

/** Names of field types in messages, in both languages. */
const TYPE_NAMES: Record<string, Bilingual> = {
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

export function typeName(type: string): Bilingual {
  return TYPE_NAMES[type] ?? { en: type, fr: type };
}

function required(profile: Profile, pointer: string): Emitted {
  const field = fieldAt(profile, pointer);
  return {
    ruleId: 'profile/required',
    messageId: 'missing',
    data: {
      field: fieldName(pointer),
      label: field?.label?.en ?? fieldName(pointer),
      labelFr: field?.label?.fr ?? fieldName(pointer),
    },
    sourcePath: pointer,
  };
}
