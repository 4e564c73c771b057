/**
 * The JSON Schema of a portal file (profiles/portals/<id>.yaml): what editors complete and check,
 * and what portals.ts checks a portal's structure with.
 */
import { lazySchema, schemaId, type Schema } from '../util/file-schema.js';

/** The protocols `passerelle harvest` speaks (src/harvest/protocols.ts reads each). */
export const API_KINDS = ['ckan', 'ckan-bulk', 'csw', 'socrata', 'data-json', 'dcat-ap'] as const;

const ID: Schema = {
  type: 'string',
  pattern: '^[a-z0-9-]+$',
  'x-message': 'must be lower-case letters, digits and dashes',
  'x-message-fr': 'doit être fait de minuscules, de chiffres et de tirets',
};

const WEB_ADDRESS: Schema = {
  type: 'string',
  pattern: '^https?://',
  'x-message': 'must be a web address (http:// or https://)',
  'x-message-fr': 'doit être une adresse web (http:// ou https://)',
};

const BILINGUAL: Schema = {
  type: 'object',
  required: ['en', 'fr'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1 }, fr: { type: 'string', minLength: 1 } },
  description: 'Text in English and French: {en: …, fr: …}',
};

function portalFileSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('portal'),
    title: 'Passerelle portal (profiles/portals/<id>.yaml)',
    description:
      'Where a portal’s catalogue can be fetched by `passerelle harvest`: its protocols in order of preference, the profile its records follow, and how fast it may be asked.',
    type: 'object',
    required: ['id', 'name', 'profile', 'apis'],
    additionalProperties: false,
    properties: {
      id: { ...ID, description: 'The portal’s id: its file name without .yaml' },
      name: { ...BILINGUAL, description: 'The portal’s name, {en: …, fr: …}' },
      profile: { ...ID, description: 'The profile its records follow (passerelle profiles)' },
      home: { ...WEB_ADDRESS, description: 'The portal’s home page' },
      apis: {
        type: 'array',
        description:
          'Its catalogue APIs in order of preference: the first unless --api names another',
        items: {
          type: 'object',
          required: ['kind', 'url'],
          additionalProperties: false,
          properties: {
            kind: { enum: [...API_KINDS], description: 'The protocol' },
            url: { ...WEB_ADDRESS, description: 'The API’s address' },
            pageSize: {
              type: 'integer',
              minimum: 1,
              maximum: 10000,
              description: 'Records asked for per page (the portal’s limit, or less)',
            },
          },
        },
      },
      rate: {
        type: 'object',
        required: ['requestsPerSecond'],
        additionalProperties: false,
        properties: {
          requestsPerSecond: {
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 10,
            description: 'At most this many requests a second (10 at most)',
          },
        },
      },
      notes: { ...BILINGUAL, description: 'What a steward should know about it, {en: …, fr: …}' },
    },
  };
}

export const portalFile = lazySchema(portalFileSchema);
