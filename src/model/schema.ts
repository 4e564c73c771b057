/** JSON Schema (draft-07) of the common record, derived from the property table. */
import { CLASSES, type ClassName, type PropertyDef } from './properties.js';

type Schema = Record<string, unknown>;

const LANG_KEY = '^([a-z]{2,3}(-[A-Za-z0-9]{1,8})*|und)$';

function valueSchema(def: PropertyDef): Schema {
  switch (def.kind) {
    case 'text':
      return {
        type: 'object',
        propertyNames: { pattern: LANG_KEY },
        additionalProperties: { type: 'string' },
      };
    case 'texts':
      return {
        type: 'object',
        propertyNames: { pattern: LANG_KEY },
        additionalProperties: { type: 'array', items: { type: 'string' } },
      };
    case 'uri':
      return { type: 'string', format: 'uri' };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'date':
      return {
        type: 'string',
        pattern: '^\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?)?)?$',
      };
    case 'integer':
      return { type: 'integer', minimum: 0 };
    case 'object':
      return { $ref: `#/definitions/${def.class}` };
    default:
      return { type: 'string' };
  }
}

function classSchema(cls: ClassName): Schema {
  const properties: Record<string, Schema> = {};
  for (const def of CLASSES[cls].properties) {
    if (def.kind === 'texts') properties[def.name] = valueSchema(def);
    else
      properties[def.name] = def.multiple
        ? { type: 'array', items: valueSchema(def) }
        : valueSchema(def);
  }
  return { type: 'object', additionalProperties: false, properties };
}

export function commonRecordSchema(): Schema {
  const definitions: Record<string, Schema> = {};
  for (const cls of Object.keys(CLASSES) as ClassName[]) definitions[cls] = classSchema(cls);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://passerelle.opendata.ca/schema/common-record/1.json',
    title: 'Passerelle common record (DCAT-AP 3 style dataset)',
    $ref: '#/definitions/Dataset',
    definitions,
  };
}
