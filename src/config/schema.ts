/**
 * The JSON Schemas of passerelle.config.yaml and of ruleset files, generated from the rules
 * themselves (their ids, option names, defaults and docs) and the core checks, so that they never
 * drift from what the rules accept. `passerelle schema config` and `passerelle schema ruleset`
 * print them for editors; config/load.ts and config/ruleset.ts check with them. The shipped rules
 * are fixed at build time: the build compiles both validators ahead (build/validators.ts).
 */
import { RULES } from '../rules/index.js';
import { RULESET_CHECKS } from '../rules/checks.js';
import type { RuleMeta } from '../rules/types.js';
import { lazySchema, schemaId } from '../util/file-schema.js';

type Schema = Record<string, unknown>;

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;

/** An option's schema: declared by the rule, or read from its default value's type. */
function optionSchema(meta: RuleMeta, name: string, value: unknown): Schema {
  const declared = meta.optionSchema?.[name];
  const base: Schema = declared
    ? { ...declared }
    : typeof value === 'boolean'
      ? { type: 'boolean' }
      : typeof value === 'number'
        ? { type: 'number', minimum: 0 }
        : Array.isArray(value)
          ? { type: 'array', items: { type: typeof value[0] === 'number' ? 'number' : 'string' } }
          : { type: 'string' };
  const doc = meta.optionDocs?.[name]?.en;
  return { ...base, ...(doc ? { description: doc } : {}), default: value };
}

function ruleSchema(meta: RuleMeta): Schema {
  const setting: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: { severity: { $ref: '#/definitions/severity' } } as Schema,
  };
  const options = Object.entries(meta.options ?? {});
  if (options.length) {
    (setting.properties as Schema).options = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        options.map(([name, value]) => [name, optionSchema(meta, name, value)]),
      ),
    };
  }
  return {
    description: `${meta.title.en} (default: ${meta.severity})`,
    if: { type: 'string' },
    then: { $ref: '#/definitions/severity' },
    else: setting,
  };
}

/** Namespaces of Passerelle's own rules: a ruleset names its rules in its own (`city/…`). */
export const RESERVED_NAMESPACES = ['odc', 'dcat-ap', 'profile', 'input', 'shacl'] as const;
/** The id of a rule of a ruleset: `namespace/name`, in lower case, its namespace not one of Passerelle's. */
export const USER_RULE_ID = `^(?!(${RESERVED_NAMESPACES.join('|')})/)[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)+$`;

const bilingual = (what: string): Schema => ({
  description: `${what}, in English and French`,
  type: 'object',
  additionalProperties: false,
  required: ['en', 'fr'],
  properties: { en: { type: 'string', minLength: 1 }, fr: { type: 'string', minLength: 1 } },
});
const range = { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } };
/** The options of each core check (`then: {check: length, min: 200}`). */
const CHECK_OPTIONS: Record<(typeof RULESET_CHECKS)[number], [Schema, string[]]> = {
  present: [{}, []],
  absent: [{}, []],
  pattern: [
    {
      pattern: {
        type: 'string',
        minLength: 1,
        description: 'A regular expression each value matches',
      },
      flags: { type: 'string', pattern: '^[imsu]*$' },
    },
    ['pattern'],
  ],
  length: [range, []],
  words: [range, []],
  enum: [{ values: { type: 'array', minItems: 1 } }, ['values']],
  vocabulary: [{ vocabulary: { type: 'string', minLength: 1 } }, ['vocabulary']],
  date: [
    {
      after: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
      before: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' },
      maxAgeDays: { type: 'integer', minimum: 0 },
    },
    [],
  ],
  count: [range, []],
  'one-of': [{ targets: { type: 'array', minItems: 1, items: { type: 'string' } } }, ['targets']],
  schema: [{ schema: { type: 'object' } }, ['schema']],
};

/** A rule a ruleset defines (docs/rules.md, "Your own rules"). */
function ruleDefinitionSchema(): Schema {
  const example: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: {
      note: bilingual('Why this example passes or fails'),
      profile: { type: 'string' },
      dataset: { type: 'object', description: 'A common record' },
      source: { type: 'object', description: 'A source record (rules on a source field)' },
    },
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'then', 'message'],
    properties: {
      title: bilingual('One line: what the rule asks for'),
      docs: bilingual('Why it matters and how to fix it (Markdown)'),
      url: {
        type: 'string',
        pattern: '^https?://',
        description: "The rule's page: reports (SARIF helpUri, HTML, Markdown) link its id there",
      },
      severity: { enum: ['error', 'warning', 'info'] },
      principle: { enum: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] },
      commitment: { type: 'string', pattern: '^P[1-6]\\.[a-z]$' },
      given: {
        type: 'string',
        description: "'' (the dataset, default) or a list: distribution[*]",
      },
      target: { type: 'string', minLength: 1, description: 'A property path of the common record' },
      source: {
        type: 'object',
        additionalProperties: false,
        required: ['profile', 'field'],
        properties: { profile: { type: 'string' }, field: { type: 'string', minLength: 1 } },
      },
      then: {
        type: 'object',
        required: ['check'],
        properties: { check: { enum: [...RULESET_CHECKS] } },
        allOf: RULESET_CHECKS.map((c) => ({
          if: { properties: { check: { const: c } } },
          then: {
            additionalProperties: false,
            required: CHECK_OPTIONS[c][1],
            properties: { check: {}, ...CHECK_OPTIONS[c][0] },
          },
        })),
      },
      match: { enum: ['every', 'some'] },
      message: bilingual("The finding's message ({{value}}, {{property}} and the check's options)"),
      examples: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pass: { type: 'array', items: example },
          fail: { type: 'array', items: example },
        },
      },
    },
  };
}

/** What a rule id of a ruleset takes: a severity, `{severity}`, or a rule's definition. */
function userRuleSchema(definitions: boolean): Schema {
  const setting: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: { severity: { $ref: '#/definitions/severity' } },
  };
  return {
    if: { type: 'string' },
    then: { $ref: '#/definitions/severity' },
    else: definitions
      ? { if: { required: ['then'] }, then: { $ref: '#/definitions/rule' }, else: setting }
      : setting,
  };
}

/** The definitions configuration files and ruleset files share. */
function definitions(): Schema {
  const shipped = Object.fromEntries(RULES.map((r) => [r.meta.id, ruleSchema(r.meta)]));
  return {
    severity: {
      enum: [...SEVERITY_SETTINGS],
      description: 'error, warning or info; off turns the rule off',
    },
    extends: {
      description:
        'Rulesets applied first, in order (later wins): passerelle:<name>, ./a-file.yaml, an npm package',
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    rules: {
      description:
        'By rule id: a severity, or {severity, options}; or a new rule (namespace/name: {title, then, …})',
      type: 'object',
      additionalProperties: false,
      properties: shipped,
      patternProperties: { [USER_RULE_ID]: userRuleSchema(true) },
    },
    ruleSettings: {
      description: 'By rule id: a severity, or {severity, options}',
      type: 'object',
      additionalProperties: false,
      properties: shipped,
      patternProperties: { [USER_RULE_ID]: userRuleSchema(false) },
    },
    rule: ruleDefinitionSchema(),
  };
}

/**
 * The JSON Schema of a ruleset file (docs/rules.md, "Your own rules"): `passerelle schema ruleset`
 * prints it for editors; the ruleset loader checks files with it.
 */
export function rulesetSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('ruleset'),
    title: 'Passerelle ruleset (a file named by `extends:`)',
    description:
      'Settings of rules and new rules of your own, extending other rulesets. See docs/rules.md, "Your own rules".',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      name: bilingual("The ruleset's name"),
      extends: { $ref: '#/definitions/extends' },
      rules: { $ref: '#/definitions/rules' },
    },
    definitions: definitions(),
  };
}

export function configSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('config'),
    title: 'Passerelle configuration (passerelle.config.yaml)',
    description:
      'Rule severities and options, overrides for one profile’s records, and folders of your own profiles and crosswalks. See docs/configuration.md.',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: { $ref: '#/definitions/extends' },
      profileDirs: {
        description:
          'Folders of your own profiles and crosswalks (each holding profiles/ and crosswalks/), relative to this file; searched before the ones shipped with Passerelle',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      allowShadow: {
        description:
          'Let a profile, crosswalk or vocabulary of your folders replace a shipped one of the same id',
        type: 'boolean',
      },
      rules: { $ref: '#/definitions/rules' },
      profiles: {
        description: "Overrides for one profile's records, by profile id",
        type: 'object',
        propertyNames: { pattern: '^[a-z0-9-]+$' },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: { rules: { $ref: '#/definitions/ruleSettings' } },
        },
      },
    },
    definitions: definitions(),
  };
}

/** The configuration's schema, checked once per process (its prebuilt validator, when the build made it). */
export const configFile = lazySchema(configSchema);

/** The ruleset's schema, checked once per process (its prebuilt validator, when the build made it). */
export const rulesetFile = lazySchema(rulesetSchema);
