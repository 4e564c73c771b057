/**
 * The JSON Schema of a vocabulary file (crosswalks/vocabularies/<id>.yaml): what editors complete
 * and check, and what vocabulary.ts checks a vocabulary's structure with.
 */
import { lazySchema, schemaId, type Schema } from '../util/file-schema.js';

const LANG_TEXT: Schema = {
  type: 'object',
  description: 'Text by language tag: {en: …, fr: …}',
  additionalProperties: { type: 'string' },
};

function vocabularyFileSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('vocabulary'),
    title: 'Passerelle vocabulary (crosswalks/vocabularies/<id>.yaml)',
    description:
      'A controlled list of common concepts (an EU table, licences…), each with its URI and the local codes each profile uses for it. Crosswalks turn local codes into these URIs; rules read the concepts’ facts.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'concepts'],
    properties: {
      id: {
        type: 'string',
        pattern: '^[a-z0-9-]+$',
        'x-message': 'must be lower-case letters, digits and dashes (the file’s name)',
        'x-message-fr':
          'doit être fait de minuscules, de chiffres et de tirets (le nom du fichier)',
        description: 'The vocabulary’s id: its file name without .yaml',
      },
      title: LANG_TEXT,
      scheme: { type: 'string', description: 'The URI of the concept scheme' },
      concepts: {
        type: 'object',
        description: 'Concepts by code',
        additionalProperties: {
          type: 'object',
          required: ['uri'],
          description:
            'A concept: its URI, label, aliases and local codes; other keys are facts of this vocabulary (days, machineReadable, open…)',
          properties: {
            uri: { type: 'string', description: 'The concept’s URI' },
            label: LANG_TEXT,
            aliases: {
              type: 'array',
              items: { type: 'string' },
              description: 'Other names or URIs met for it',
            },
            notations: {
              type: 'object',
              description: 'Local codes by profile id: {ca-gc: [P1D, daily]}',
              propertyNames: { pattern: '^[a-z0-9-]+$' },
              additionalProperties: {
                type: 'array',
                items: { type: ['string', 'number', 'boolean'] },
              },
            },
            verified: {
              type: 'boolean',
              description: 'false: the mapping awaits review against its source',
            },
          },
        },
      },
    },
  };
}

export const vocabularyFile = lazySchema(vocabularyFileSchema);
