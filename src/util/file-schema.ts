/**
 * The structural check of a file a user writes (profile, crosswalk, vocabulary, configuration…)
 * against its JSON Schema: the schema editors are given is the one the loader checks with (one
 * source of truth). Every problem is said in a steward's terms at its file:line:col, a misspelt key
 * with the closest known one ("did you mean"). The loaders keep their semantic checks (unknown
 * source field, unknown vocabulary…), which the schema cannot know.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError, type Said } from './errors.js';
import { unsafeReason } from './safe-regex.js';
import { hashedSchema, validatorFor, type CheckedSchema, type Kind } from './validators.js';
import type { YamlSource } from './yaml.js';

export type Schema = Record<string, unknown>;

/** Stable ids: `passerelle schema <kind>` prints the schema of that id, the build writes it to dist/schemas/<kind>.schema.json. */
export const schemaId = (kind: string): string =>
  `https://github.com/passerelle/passerelle/schemas/${kind}.schema.json`;

/** A problem found in a file, at its place; `fr`: the message in French. */
export interface FileProblem {
  message: string;
  fr: string;
  where: string;
}

/** Optimal string alignment distance (a swap of two neighbours counts one), given up past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The known name closest to `word` (case aside), when close enough to be a slip: at most one
 * edit in three letters. A namespaced name (`odc/freshness`) is also matched by its last part;
 * failing that, a name holding each of the word's parts (`program_url`: `program_page_url`).
 */
export function closest(word: string, known: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined; // a hostile key: no quadratic work
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  const names = [...known];
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const n = name.toLowerCase();
    const tail = n.slice(n.lastIndexOf('/') + 1);
    const d = Math.min(distance(w, n, max), tail === n ? max + 1 : distance(w, tail, max));
    if (d <= max && (!best || d < best.d)) best = { name, d };
  }
  if (best) return best.name;
  // a name's words in a longer name (program_url: program_page_url)
  const words = w.split(/[_.-]/).filter(Boolean);
  return words.length > 1
    ? names.find((name) => words.every((p) => name.toLowerCase().includes(p)))
    : undefined;
}

/** ` (did you mean "x"?)`, or the known names when none is close, or nothing; in French for the CLI's French messages. */
export function suggestion(
  word: string,
  known: readonly string[],
  lang: 'en' | 'fr' = 'en',
): string {
  const near = closest(word, known);
  if (near)
    return lang === 'fr' ? ` (vouliez-vous dire « ${near} » ?)` : ` (did you mean "${near}"?)`;
  return known.length && known.length <= 25
    ? ` (${lang === 'fr' ? 'connus :' : 'known:'} ${known.join(', ')})`
    : '';
}

/** Ajv's path `/rules/odc~1freshness/options` as segments. */
export const segments = (pointer: string): string[] =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];

/** The part of `schema` an error's `schemaPath` (`#/definitions/field/properties/type/enum`) is in. */
function schemaAt(schema: Schema, schemaPath: string): Schema {
  let node: unknown = schema;
  for (const s of segments(schemaPath.replace(/^#/, '')).slice(0, -1))
    node = node && typeof node === 'object' ? (node as Schema)[s] : undefined;
  return (node && typeof node === 'object' ? node : {}) as Schema;
}

/** `string,object` (ajv's `type` parameter) in words: `text or a map`. */
export const typeWords = (types: string): Said => ({
  en: types
    .split(',')
    .map((t) => TYPES[t]?.en ?? t)
    .join(' or '),
  fr: types
    .split(',')
    .map((t) => TYPES[t]?.fr ?? t)
    .join(' ou '),
});

const TYPES: Record<string, Said> = {
  string: { en: 'text', fr: 'du texte' },
  object: { en: 'a map', fr: 'une table' },
  array: { en: 'a list', fr: 'une liste' },
  integer: { en: 'a whole number', fr: 'un nombre entier' },
  number: { en: 'a number', fr: 'un nombre' },
  boolean: { en: 'true or false', fr: 'true ou false' },
  null: { en: 'empty', fr: 'vide' },
};

/** Ajv's message for the keywords it words itself (bounds, patterns), in both languages. */
export function ajvWords(e: ErrorObject): Said {
  const p = e.params as Record<string, unknown>;
  const en = e.message ?? 'is not valid';
  // French counts 0 and 1 in the singular
  const n = (word: string): string => `${p.limit} ${word}${Number(p.limit) > 1 ? 's' : ''}`;
  const fr: Record<string, () => string> = {
    minimum: () => `doit être ${p.comparison} ${p.limit}`,
    maximum: () => `doit être ${p.comparison} ${p.limit}`,
    exclusiveMinimum: () => `doit être ${p.comparison} ${p.limit}`,
    exclusiveMaximum: () => `doit être ${p.comparison} ${p.limit}`,
    minItems: () => `doit avoir au moins ${n('élément')}`,
    maxItems: () => `doit avoir au plus ${n('élément')}`,
    minLength: () => `doit avoir au moins ${n('caractère')}`,
    maxLength: () => `doit avoir au plus ${n('caractère')}`,
    minProperties: () => `doit avoir au moins ${n('clé')}`,
    maxProperties: () => `doit avoir au plus ${n('clé')}`,
    pattern: () => `doit suivre le motif « ${p.pattern} »`,
    const: () => `doit valoir ${JSON.stringify(p.allowedValue)}`,
    uniqueItems: () => `ne doit pas répéter un élément (éléments ${p.j} et ${p.i})`,
  };
  return { en, fr: fr[e.keyword]?.() ?? 'n’est pas valide' };
}

/** How a file's problems are said: the name of a place, and messages of the file's own. */
export interface Wording {
  /** How the place at `path` is named (`field title`), in both languages; by default its keys joined with dots. */
  name?(path: string[]): Said;
  /** A message of the file's own for an error (with its place), or undefined for the usual one. */
  say?(e: ErrorObject, path: string[], y: YamlSource): FileProblem | undefined;
}

const dotted = (path: string[]): Said => ({ en: path.join('.'), fr: path.join('.') });

/** A place named the same in both languages by its keys, the whole file by `whole`. */
export const dottedOr =
  (whole: Said) =>
  (path: string[]): Said =>
    path.length ? dotted(path) : whole;

/** What is wrong with a value of a format: an unsafe pattern says why (util/safe-regex.ts). */
export function badFormat(format: string, value: unknown): Said {
  if (format !== 'regex') return { en: `not a valid ${format}`, fr: `${format} non valide` };
  const unsafe = unsafeReason(String(value));
  return unsafe
    ? {
        en: `unsafe regular expression: ${unsafe.en}`,
        fr: `expression régulière dangereuse : ${unsafe.fr}`,
      }
    : { en: 'not a valid regular expression', fr: 'expression régulière non valide' };
}

/** A schema's own words for its place (`x-message`, `x-message-fr`), when it has them. */
function schemaWords(s: Schema | undefined): Said | undefined {
  const en = s?.['x-message'];
  if (typeof en !== 'string') return undefined;
  const fr = s?.['x-message-fr'];
  return { en, fr: typeof fr === 'string' ? fr : en };
}

/** One problem in the usual words: the place named, what is wrong, what is known there. */
function describe(e: ErrorObject, schema: Schema, y: YamlSource, w: Wording): FileProblem {
  const path = segments(e.instancePath);
  const named = (w.name ?? dotted)(path);
  const [name, nameFr] = path.length ? [named.en, named.fr] : ['', ''];
  const at = (p: string, colon: string): string => (p ? `${p}${colon}` : '');
  const file = (w.name ?? dotted)([]);
  const whole = file.en || 'the file';
  const wholeFr = file.fr || 'le fichier';
  // the schema part the error is in (ajv's path is relative to the definition a `$ref` points to)
  const parent = (e.parentSchema as Schema | undefined) ?? schemaAt(schema, e.schemaPath);
  const said = schemaWords(parent);
  const where = y.where(path);
  const problem = (en: string, fr: string, place = where): FileProblem => ({
    message: en,
    fr,
    where: place,
  });
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parent.properties as Schema | undefined) ?? {});
      return problem(
        `${at(name, ': ')}unknown key "${key}"${suggestion(key, known)}`,
        `${at(nameFr, ' : ')}clé inconnue « ${key} »${suggestion(key, known, 'fr')}`,
        y.where([...path, key], true),
      );
    }
    case 'enum': {
      const values = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const near =
        typeof e.data === 'string' || e.data === undefined
          ? closest(String(e.data ?? ''), values)
          : undefined;
      const [list, listFr] =
        values.length === 1
          ? [` ${values[0]}`, ` ${values[0]}`]
          : values.length <= 25
            ? [` one of ${values.join(', ')}`, ` l’une de ${values.join(', ')}`]
            : [' a known value', ' une valeur connue'];
      return problem(
        `${name || 'the value'} must be${list}${near ? ` (did you mean "${near}"?)` : ''}`,
        `${nameFr || 'la valeur'} doit être${listFr}${near ? ` (vouliez-vous dire « ${near} » ?)` : ''}`,
      );
    }
    case 'type': {
      const types = said ?? typeWords(String((e.params as { type: string }).type));
      return problem(
        `${name || whole} must be ${types.en}`,
        `${nameFr || wholeFr} doit être ${types.fr}`,
      );
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return problem(
        `${name || whole} needs \`${missing}\``,
        `${nameFr || wholeFr} : il manque \`${missing}\``,
      );
    }
    case 'propertyNames': {
      const key = String((e.params as { propertyName?: string }).propertyName);
      const rule = schemaWords(parent.propertyNames as Schema | undefined);
      return problem(
        `${at(name, ': ')}"${key}" is not a valid name${rule ? ` (${rule.en})` : ''}`,
        `${at(nameFr, ' : ')}« ${key} » n’est pas un nom valide${rule ? ` (${rule.fr})` : ''}`,
        y.where([...path, key], true),
      );
    }
    case 'format': {
      const bad = badFormat((e.params as { format: string }).format, e.data);
      return problem(`${at(name, ': ')}${bad.en}`, `${at(nameFr, ' : ')}${bad.fr}`);
    }
    default: {
      const words = said ?? ajvWords(e);
      return problem(`${name || whole} ${words.en}`, `${nameFr || wholeFr} ${words.fr}`);
    }
  }
}

const validators = new Map<string, ValidateFunction>();
const validator = (s: CheckedSchema, kind: Kind): ValidateFunction => {
  let v = validators.get(`${s.hash}.${kind}`);
  if (!v) validators.set(`${s.hash}.${kind}`, (v = validatorFor(s, kind)));
  return v;
};

/** Ajv's errors for a file's data, each problem once; none when it fits its schema. */
export function schemaErrors(data: unknown, s: CheckedSchema): ErrorObject[] {
  // most files fit: the quick validator says so, the detailed one (slower to load) says why not
  if (validator(s, 'quick')(data)) return [];
  const validate = validator(s, 'detailed');
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // an `anyOf` that failed is said once, by its own message, not by each branch's
  const branches = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  // `if`/`then`/`else` failures repeat the errors of the branch taken; a name's own failure
  // (its pattern) is said by its `propertyNames` error
  return errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      (e as { propertyName?: string }).propertyName === undefined &&
      !branches.some((b) => e.schemaPath.startsWith(b)),
  );
}

/** The structural problems of a YAML file, in the order of the file; none when it fits its schema. */
export function checkFile(
  y: YamlSource,
  s: CheckedSchema,
  w: Wording = {},
  errors = schemaErrors(y.data, s),
): FileProblem[] {
  return inFileOrder(
    errors.map((e) => w.say?.(e, segments(e.instancePath), y) ?? describe(e, s.schema, y, w)),
  );
}

/** Problems sorted by line and column, each said once; those of other files than `file`, when given, after. */
export function inFileOrder(problems: FileProblem[], file?: string): FileProblem[] {
  const pos = (p: FileProblem): number[] => [
    file !== undefined && !p.where.startsWith(`${file}:`) && p.where !== file ? 1 : 0,
    ...(/:(\d+):(\d+)$/.exec(p.where) ?? [0, 0, 0]).slice(1).map(Number),
  ];
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.where}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => pos(a)[0] - pos(b)[0] || pos(a)[1] - pos(b)[1] || pos(a)[2] - pos(b)[2]);
}

/** Stops the load with every problem, one a line, each at its file:line:col. */
export function throwProblems(problems: FileProblem[]): void {
  if (!problems.length) return;
  const [first, ...rest] = problems;
  const more = rest.map((p) => `\n${p.where}: ${p.message}`).join('');
  const moreFr = rest.map((p) => `\n${p.where} : ${p.fr}`).join('');
  throw new ConfigError(`${first.message}${more}`, first.where, `${first.fr}${moreFr}`);
}

/** A schema checked once per process: its hash is worked out on first use. */
export function lazySchema(make: () => Schema): () => CheckedSchema {
  let checked: CheckedSchema | undefined;
  return () => (checked ??= hashedSchema(make()));
}
