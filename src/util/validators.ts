/**
 * JSON Schema validators, compiled by ajv: those of the records of a profile (profiles/validators.ts)
 * and those of the files a user writes (util/file-schema.ts). Two kinds: the detailed one, whose errors
 * are reported, and the quick one, which only says valid or not. The build (`npm run build`) compiles
 * the shipped schemas ahead of time into dist/validators/, named by a hash of the schema: a run then
 * loads them instead of loading ajv and compiling (about a tenth of a second, at start-up and in each
 * worker). A schema that changed, or one of the user's, is compiled at run time: both ways run the
 * same generated code.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass, KeywordCxt, ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from '../paths.js';
import { isDate } from './coerce.js';
import { isEmpty } from './empty.js';
import { isSafeRegex } from './safe-regex.js';

const require = createRequire(import.meta.url);
/** ajv, loaded when a validator must be compiled: runs of the shipped profiles do without it. */
const ajvModule = (): typeof import('ajv') => require('ajv') as typeof import('ajv');

export type Kind = 'quick' | 'detailed';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The portal formats, as ajv calls them; the same functions serve compiled and prebuilt validators. */
const FORMATS = {
  'portal-date': { type: 'string', validate: (s: string) => isDate(s) || s.trim() === '' },
  'portal-email': {
    type: 'string',
    validate: (s: string) => s.trim() === '' || EMAIL.test(s.trim().replace(/^mailto:/i, '')),
  },
  'portal-url': {
    type: 'string',
    validate: (s: string) =>
      s.trim() === '' || /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i.test(s.trim()),
  },
  // a pattern a file gives (a rule's option): one JavaScript accepts and that cannot backtrack
  // without bound (util/safe-regex.ts)
  regex: { type: 'string', validate: isSafeRegex },
  'portal-json': {
    type: 'string',
    validate: (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    },
  },
} as const;

/** What prebuilt code is given when loaded: the functions it calls that are ours. */
const DEPS = { isEmpty, formats: FORMATS };

/**
 * An ajv instance for one kind. The detailed validator reports every error, with the value and
 * schema it is about; the quick one stops at the first and builds no detail: its code is a third
 * smaller and faster, and it checks every record, the detailed one only those that fail (~6 % of
 * the real corpus, docs/performance.md). The schema is generated, not written by hand: checking it
 * against the meta-schema and optimising the code compiled from its long code lists cost time and
 * buy nothing. `source` keeps the code for the build.
 */
function ajvFor(kind: Kind, source: boolean): AjvClass {
  const { Ajv, _, stringify } = ajvModule();
  const detailed = kind === 'detailed';
  const ajv = new Ajv({
    allErrors: detailed,
    verbose: detailed,
    messages: detailed,
    strict: false,
    validateSchema: false,
    code: { optimize: false, source, formats: _`deps.formats` },
  });
  ajv.addVocabulary(['x-field', 'x-vocabulary', 'x-required']);
  for (const [name, def] of Object.entries(FORMATS)) ajv.addFormat(name, def);
  // keywords written as code (a call with the value only) so that prebuilt code can carry them
  ajv.addKeyword({
    keyword: 'nonEmpty',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      cxt.fail(
        _`${cxt.gen.scopeValue('keyword', { ref: isEmpty, code: _`deps.isEmpty` })}(${cxt.data})`,
      );
    },
  });
  // an empty value, which schema.ts checks against nothing else (`if: {absent: true}`)
  ajv.addKeyword({
    keyword: 'absent',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      cxt.fail(
        _`!${cxt.gen.scopeValue('keyword', { ref: isEmpty, code: _`deps.isEmpty` })}(${cxt.data})`,
      );
    },
  });
  // a code list is checked with a set: lists run to hundreds of codes, and `enum` compares a value with each in turn
  ajv.addKeyword({
    keyword: 'x-codes',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const codes = cxt.schema as unknown[];
      const set = cxt.gen.scopeValue('keyword', {
        ref: new Set(codes),
        code: _`new Set(${stringify(codes)})`,
      });
      cxt.fail(_`!${set}.has(${cxt.data})`);
    },
  });
  return ajv;
}

/** The schema the validators check, and the name of their prebuilt code. */
export interface CheckedSchema {
  schema: Record<string, unknown>;
  hash: string;
}

/** Bumped when the generated code's contract (DEPS, the wrapper) changes: older prebuilt files are then not used. */
const PREBUILT_FORMAT = 1;
export const VALIDATORS_DIR = join(PACKAGE_ROOT, 'dist', 'validators');

/** A schema with the name of its prebuilt code: a hash of the schema, so that a changed schema is compiled anew. */
export function hashedSchema(schema: Record<string, unknown>): CheckedSchema {
  const hash = createHash('sha256')
    .update(`${PREBUILT_FORMAT}\n${JSON.stringify(schema)}`)
    .digest('hex')
    .slice(0, 32);
  return { schema, hash };
}

const fileOf = (s: CheckedSchema, kind: Kind, dir: string): string =>
  join(dir, `${s.hash}.${kind}.cjs`);

/** The validator of one kind: prebuilt if the build made it for this very schema, else compiled now. */
export function validatorFor(s: CheckedSchema, kind: Kind, dir = VALIDATORS_DIR): ValidateFunction {
  let load: ((deps: typeof DEPS) => ValidateFunction) | undefined;
  try {
    load = require(fileOf(s, kind, dir)) as (deps: typeof DEPS) => ValidateFunction;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
  }
  return load ? load(DEPS) : ajvFor(kind, false).compile(s.schema);
}

/**
 * Writes a validator's code as a CommonJS module exporting `load(deps)`: ajv's standalone code,
 * which reads our functions from `deps` (so the module holds no copy of them).
 */
export function writeValidator(s: CheckedSchema, kind: Kind, dir = VALIDATORS_DIR): string {
  const standaloneCode = require('ajv/dist/standalone').default as (
    ajv: AjvClass,
    v: ValidateFunction,
  ) => string;
  const ajv = ajvFor(kind, true);
  const code = standaloneCode(ajv, ajv.compile(s.schema));
  // the standalone code assigns module.exports: here, a local `module` that load() returns
  const text = `"use strict";\n// Generated by \`npm run build\` from a JSON Schema (src/util/validators.ts): do not edit.\nmodule.exports = function load(deps) {\nconst module = { exports: {} };\n${code}\nreturn module.exports;\n};\n`;
  mkdirSync(dir, { recursive: true });
  const file = fileOf(s, kind, dir);
  writeFileSync(file, text);
  return file;
}
