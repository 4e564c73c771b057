/**
 * The JSON Schema of a profile file (profiles/<id>.yaml): what editors complete and check, and what
 * load.ts checks a profile's structure with before its semantic checks (vocabularies named, fields
 * of record types, detection conditions). Not to be confused with schema.ts: the schema of the
 * records a profile describes.
 */
import { lazySchema, schemaId, type Schema } from '../util/file-schema.js';
import { FIELD_TYPES } from './types.js';

export const PROFILE_ID = '^[a-z0-9-]+$';

/** Text in several languages, by language tag: `{en: Title, fr: Titre}`. */
export const LANG_TEXT: Schema = {
  type: 'object',
  description: 'Text by language tag: {en: …, fr: …}',
  additionalProperties: { type: 'string' },
  examples: [{ en: 'Open Government', fr: 'Gouvernement ouvert' }],
};

const FIELD_TYPE: Schema = {
  description:
    'string, strings (a list of texts), text (a language map {en, fr}), tags (a language map of lists), code / codes (one or several codes of a vocabulary), date, datetime, email, url, integer, number, boolean, json, list (repeated sub-records), object (one sub-record), any (not checked)',
  enum: [...FIELD_TYPES],
};

/** An entry set to null in a file that extends another: the parent's entry, removed. */
export const REMOVED: Schema = {
  description: 'null: the parent’s entry of that name is removed (in a file that extends another)',
};

const FIELD: Schema = {
  description: 'A field of the portal’s records: its type, or a map',
  if: { type: 'string' },
  then: FIELD_TYPE,
  else: {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: FIELD_TYPE,
      label: { ...LANG_TEXT, description: 'The field’s label on the portal, by language' },
      required: { type: 'boolean', default: false, description: 'Every record must give it' },
      bilingual: {
        type: 'boolean',
        default: false,
        description: 'Both official languages expected (a fluent field)',
      },
      vocabulary: {
        type: 'string',
        description: 'The code list of a code or codes field: a name under `vocabularies`',
      },
      fields: {
        $ref: '#/definitions/fields',
        description: 'Sub-fields of a list or object field',
      },
      description: { type: 'string', description: 'What the field holds, for readers' },
      headers: {
        type: 'array',
        items: { type: 'string' },
        description: 'Other column headers the field goes by in spreadsheet exports',
      },
      aliases: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Older names of the field, accepted in its place',
      },
    },
  },
};

const CODES: Schema = {
  description: 'A list of codes, or a map of code → label ({en, fr})',
  type: ['array', 'object'],
  items: { type: ['string', 'number', 'boolean'] },
  additionalProperties: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
};

const VOCABULARIES: Schema = {
  type: 'object',
  description: 'The portal’s own code lists, by name',
  additionalProperties: {
    if: { type: 'array' },
    then: CODES,
    else: {
      type: 'object',
      additionalProperties: false,
      // `add:` adds to the parent's list of that name (in a file that extends another)
      anyOf: [{ required: ['codes'] }, { required: ['add'] }],
      properties: {
        codes: CODES,
        add: { ...CODES, description: 'Codes added to the parent profile’s list of that name' },
        legacy: {
          type: 'object',
          description: 'Old codes still met in the wild → the current code',
          additionalProperties: { type: ['string', 'number', 'boolean'] },
        },
      },
    },
  },
};

const DETECT: Schema = {
  type: 'object',
  description: 'How `--profile auto` recognises this profile’s records',
  additionalProperties: false,
  required: ['priority', 'when'],
  properties: {
    priority: {
      type: 'integer',
      description: 'Higher wins when several profiles match; generic profiles use a low one',
    },
    when: {
      description:
        'A condition on the record, as in crosswalks: {path, equals|in|startsWith|exists}, or not / all / any',
    },
  },
};

const RECORD_TYPES: Schema = {
  type: 'object',
  description: 'Record types with required fields of their own (CKAN dataset types)',
  additionalProperties: false,
  required: ['field', 'types'],
  properties: {
    field: { type: 'string', description: 'The field naming the record’s type' },
    types: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['required'],
        properties: {
          required: {
            type: 'array',
            items: { type: 'string' },
            description: 'Field names, dotted for sub-fields (resources.url)',
          },
          source: { type: 'string' },
        },
      },
    },
  },
};

function profileFileSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('profile'),
    title: 'Passerelle profile (profiles/<id>.yaml)',
    description:
      'The fields, code lists and rules of one portal’s metadata, as Passerelle checks its records. See docs/profiles.md.',
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: {
      id: {
        type: 'string',
        pattern: PROFILE_ID,
        'x-message': 'must be lower-case letters, digits and dashes (the file’s name)',
        'x-message-fr':
          'doit être fait de minuscules, de chiffres et de tirets (le nom du fichier)',
        description: 'The profile’s id: its file name without .yaml',
        examples: ['ca-xx'],
      },
      extends: {
        type: 'string',
        pattern: PROFILE_ID,
        'x-message': 'is the id of the profile this one extends',
        'x-message-fr': 'est l’identifiant du profil que celui-ci étend',
        description:
          'The id of a profile this one extends (ckan): its fields, code lists and rules, to which this file adds its own',
        examples: ['ckan'],
      },
      name: {
        description: 'The portal’s name, by language',
        type: ['string', 'object'],
        additionalProperties: { type: 'string' },
      },
      platform: { type: 'string', description: 'The portal’s software', examples: ['CKAN'] },
      portal: { type: 'string', description: 'The portal’s address', examples: ['https://…'] },
      jurisdiction: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: LANG_TEXT,
          level: { type: 'string', examples: ['federal', 'provincial', 'municipal'] },
          sgc: { type: 'string', description: 'Statistics Canada SGC code' },
        },
      },
      languages: {
        type: 'array',
        items: { type: 'string' },
        description: 'Languages every text should be given in',
        examples: [['en', 'fr']],
      },
      rules: {
        type: 'object',
        description: 'Severities of rules for this profile’s records, by rule id',
        propertyNames: { pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
        additionalProperties: {
          enum: ['error', 'warning', 'info', 'off'],
          description: 'error, warning or info; off turns the rule off',
        },
      },
      fields: {
        type: 'object',
        description: 'Field name → its type, or a map {type, label, required, vocabulary, fields…}',
        // null removes a parent's field: the loader refuses it in a file that extends nothing
        additionalProperties: { if: { type: 'null' }, then: REMOVED, else: FIELD },
      },
      source: { type: 'string', description: 'Where the profile was read from (a schema, a page)' },
      vocabularies: VOCABULARIES,
      notes: { description: 'Notes for readers' },
      detect: DETECT,
      recordTypes: RECORD_TYPES,
    },
    definitions: {
      fields: {
        type: 'object',
        description: 'Field name → its type, or a map {type, label, required, vocabulary, fields…}',
        additionalProperties: FIELD,
      },
    },
  };
}

export const profileFile = lazySchema(profileFileSchema);
