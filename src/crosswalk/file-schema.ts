/**
 * The JSON Schemas of a crosswalk (crosswalks/<id>.yaml) and of the metadata block of a map table
 * (the `#` lines of a .tsv that `maps:` names): what editors complete and check, and what check.ts
 * checks a crosswalk's structure with before its semantic checks (source fields of the profile,
 * properties of the common model, vocabularies and maps known).
 */
import { REMOVED } from '../profiles/file-schema.js';
import { CLASSES } from '../model/properties.js';
import { COERCIONS } from '../util/coerce.js';
import { lazySchema, schemaId, type Schema } from '../util/file-schema.js';
import { COMBINES, ENTRY_KEYS, PRODUCERS } from './types.js';

/** What each key of an entry does, for editors' hovers. */
const ENTRY_DOCS: Record<string, string> = {
  from: 'A source field: a dotted path from the current item (resources[*].format), or a JSON Pointer from the record (/notes)',
  first: 'Candidates in order: the first that gives a value wins',
  all: 'Candidates whose values are all taken, in order',
  value: 'A constant value',
  template: 'A URI template: {field} inserts the value percent-encoded, {+field} as it is',
  lang: 'A language map ({en, fr} field), or paired fields {en: title_en, fr: title_fr}',
  each: 'A list field: the rest of the entry runs once per item',
  object: 'The fields of a nested object (publisher, contactPoint, distribution…), by property',
  map: 'A value map: local value → common value, inline or the name of one under `maps`',
  vocabulary:
    'A vocabulary (crosswalks/vocabularies/<id>.yaml) turning local codes into URIs; `profile`: the profile’s own code list',
  fact: 'A fact of the vocabulary’s concept instead of its URI (mediaType, label)',
  as: 'Read the value as this type',
  split: 'Split text into several values at this separator',
  default: 'The value when the source gives none',
  when: 'A condition: {path, equals|in|startsWith|exists}, or not / all / any',
  combine:
    'How several values become one: first, all, most-frequent, min, max, or {prefer: [values]}',
  conflict: 'Whether disagreeing values are reported',
  language: 'The language of untagged text',
  languages: 'With split: the languages of the parts of one text, in order',
  unmapped: 'A value no map or vocabulary knows: reported, kept or ignored',
  note: 'A note for readers',
  parse: 'json: the text is JSON (a list in a CKAN extra), its items the values',
};

const candidates: Schema = {
  type: 'array',
  minItems: 1,
  items: { $ref: '#/definitions/entry' },
};

const ENTRY_SCHEMAS: Record<string, Schema> = {
  from: { type: 'string' },
  first: candidates,
  all: candidates,
  value: {},
  template: { type: 'string' },
  lang: { type: ['string', 'object'], additionalProperties: { type: 'string' } },
  each: { type: 'string' },
  object: { type: 'object', additionalProperties: { $ref: '#/definitions/entry' } },
  map: { type: ['string', 'object'] },
  vocabulary: { type: 'string' },
  fact: { type: 'string' },
  as: { enum: [...COERCIONS] },
  split: { type: 'string' },
  default: {},
  when: {},
  combine: {
    anyOf: [
      { enum: [...COMBINES] },
      {
        type: 'object',
        additionalProperties: false,
        required: ['prefer'],
        properties: { prefer: { type: 'array', minItems: 1 } },
      },
    ],
    'x-message':
      'is first, most-frequent, min, max, all, or {prefer: [values in order of preference]}',
    'x-message-fr':
      'vaut first, most-frequent, min, max, all, ou {prefer: [valeurs par ordre de préférence]}',
  },
  conflict: { enum: ['report', 'ignore'], default: 'report' },
  language: { type: 'string', examples: ['en', 'fr'] },
  languages: { type: 'array', items: { type: 'string' } },
  unmapped: { enum: ['report', 'keep', 'ignore'], default: 'report' },
  note: { type: 'string' },
  parse: { enum: ['json'] },
};

/** An entry: a source path, or a map of the keys above. */
const ENTRY: Schema = {
  description: `A source path, or a map saying where the value comes from (${PRODUCERS.join(', ')}) and how it is changed`,
  type: ['string', 'object'],
  'x-message': 'a source path or a map',
  'x-message-fr': 'un chemin source ou une table',
  additionalProperties: false,
  properties: Object.fromEntries(
    [...ENTRY_KEYS].map((k) => [k, { ...ENTRY_SCHEMAS[k], description: ENTRY_DOCS[k] }]),
  ),
};

function crosswalkFileSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('crosswalk'),
    title: 'Passerelle crosswalk (crosswalks/<id>.yaml)',
    description:
      'How one profile’s records become common (DCAT-AP-style) records: each property of the common record, where its value comes from. See docs/profiles.md.',
    type: 'object',
    additionalProperties: false,
    required: ['profile'],
    // a crosswalk that extends another may change its maps only
    if: { not: { required: ['extends'] } },
    then: { required: ['dataset'] },
    properties: {
      crosswalk: { type: 'string', description: 'The crosswalk’s id (its file name)' },
      profile: { type: 'string', description: 'The id of the profile whose records it reads' },
      extends: {
        type: 'string',
        pattern: '^[a-z0-9-]+$',
        'x-message': 'is the id of the crosswalk this one extends',
        'x-message-fr': 'est l’identifiant de la correspondance que celle-ci étend',
        description:
          'The id of a crosswalk this one extends (ckan): its entries, which this file’s entries replace or add to',
        examples: ['ckan'],
      },
      title: { type: 'string' },
      description: { type: 'string' },
      language: {
        type: 'string',
        description: 'The language of texts that do not say theirs',
        examples: ['en', 'fr'],
      },
      maps: {
        type: 'object',
        description:
          'Named value maps: local value → common value (null: known, no common equivalent), or a .tsv table beside the crosswalk',
        additionalProperties: {
          type: ['object', 'string', 'null'],
          'x-message': 'a map of local value → common value, or a .tsv table beside the crosswalk',
          'x-message-fr':
            'une table valeur locale → valeur commune, ou un tableau .tsv à côté de la correspondance',
        },
      },
      dataset: {
        type: 'object',
        description: `The common record: its properties (${CLASSES.Dataset.properties.map((p) => p.name).join(', ')}), each with its entry`,
        // null removes a parent's entry: the loader refuses it in a file that extends nothing
        additionalProperties: {
          if: { type: 'null' },
          then: REMOVED,
          else: { $ref: '#/definitions/entry' },
        },
      },
    },
    definitions: { entry: ENTRY },
  };
}

export const crosswalkFile = lazySchema(crosswalkFileSchema);

/**
 * A map table's metadata block: SSSOM's YAML in the `#` lines at the top of the .tsv. Passerelle
 * reads the rows; the block says, for readers and tools, what the table is. The best-known SSSOM
 * mapping-set slots are listed for editors; others are allowed (SSSOM has more, and extensions).
 */
function mapTableSchema(): Schema {
  const text = (description: string): Schema => ({ type: 'string', description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId('map-table'),
    title: 'Passerelle map table metadata (the # lines of a .tsv named under `maps:`)',
    description:
      'SSSOM mapping-set metadata, as YAML after `#` at the top of the table. The first other line names the columns: subject_id (or subject_label), object_id, and optionally predicate_id (skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch).',
    type: 'object',
    properties: {
      mapping_set_id: text('A URI naming this table'),
      mapping_set_version: text('Its version'),
      mapping_set_title: text('Its title'),
      mapping_set_description: text('What it maps, and why'),
      license: text('The licence of the table (a URI)'),
      creator_id: { type: 'array', items: { type: 'string' }, description: 'Who made it' },
      creator_label: { type: 'array', items: { type: 'string' } },
      mapping_date: text('When it was made (YYYY-MM-DD)'),
      publication_date: text('When it was published (YYYY-MM-DD)'),
      subject_source: text('Where the local values come from'),
      object_source: text('Where the common values come from (a vocabulary)'),
      mapping_provider: text('Who provides the mappings'),
      comment: text('A note'),
      curie_map: {
        type: 'object',
        description: 'Prefixes of the ids (skos: http://www.w3.org/2004/02/skos/core#)',
        additionalProperties: { type: 'string' },
      },
    },
  };
}

export const mapTableFile = lazySchema(mapTableSchema);
