/**
 * The JSON Schema of passerelle.config.yaml, generated from the rules themselves (their ids,
 * option names, defaults and docs), so that it never drifts from what the rules accept.
 * `passerelle schema config` prints it for editors; config/load.ts checks with it.
 */
import { RULES } from '../rules/index.js';
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
          properties: { rules: { $ref: '#/definitions/rules' } },
        },
      },
    },
    definitions: {
      severity: {
        enum: [...SEVERITY_SETTINGS],
        description: 'error, warning or info; off turns the rule off',
      },
      rules: {
        description: 'By rule id: a severity, or {severity, options}',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((r) => [r.meta.id, ruleSchema(r.meta)])),
      },
    },
  };
}

/** The configuration's schema, checked once per process (its prebuilt validator, when the build made it). */
export const configFile = lazySchema(configSchema);
