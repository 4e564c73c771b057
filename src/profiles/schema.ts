/**
 * A JSON Schema derived from a profile, so that ajv checks each source record against its own
 * portal's schema before any mapping. Annotations (`x-field`, `x-vocabulary`) let findings name the
 * field and the vocabulary in the steward's terms.
 */
import type { FieldDef, Profile } from './types.js';

type Schema = Record<string, unknown>;

/**
 * An empty value ([], [""], " ", null, {}) is an absent value: it is checked against nothing here
 * (`absent`: the value is empty, see util/empty.ts), so that it is reported once as missing when
 * the field is required (`nonEmpty`), never as a value of the wrong type nor as an unknown code.
 */
function unlessEmpty(s: Schema): Schema {
  return { if: { absent: true }, else: s };
}

/**
 * Which fields are required: by default those the fields declare; for a record type with its own
 * required fields (profile `recordTypes`), those it names, dotted from the record (`resources.url`).
 */
interface Required {
  names: Set<string>;
  prefix: string;
}

function isRequired(f: FieldDef, req: Required | undefined): boolean {
  return req ? req.names.has(req.prefix + f.name) : f.required === true;
}

const below = (f: FieldDef, req: Required | undefined): Required | undefined =>
  req && { names: req.names, prefix: `${req.prefix}${f.name}.` };

function typeSchema(f: FieldDef, profile: Profile, req?: Required): Schema {
  const nullable = (t: string | string[]): string[] => [...(Array.isArray(t) ? t : [t]), 'null'];
  switch (f.type) {
    case 'string':
      return { type: nullable('string') };
    case 'strings':
      return { type: nullable('array'), items: unlessEmpty({ type: 'string' }) };
    case 'text':
      return { type: nullable('object'), additionalProperties: { type: ['string', 'null'] } };
    case 'tags':
      return {
        type: nullable('object'),
        additionalProperties: { type: ['array', 'null'], items: { type: 'string' } },
      };
    case 'code': {
      // an unset select is written "" by CKAN: that is a missing value (profile/required), not an unknown code
      return {
        type: nullable('string'),
        'x-vocabulary': f.vocabulary,
        enum: [...codes(f, profile), '', null],
      };
    }
    case 'codes':
      return {
        type: nullable('array'),
        items: unlessEmpty({
          type: 'string',
          'x-vocabulary': f.vocabulary,
          enum: codes(f, profile),
        }),
      };
    case 'date':
    case 'datetime':
      return { type: nullable('string'), format: 'portal-date' };
    case 'email':
      return { type: nullable('string'), format: 'portal-email' };
    case 'url':
      return { type: nullable('string'), format: 'portal-url' };
    case 'integer':
      return { type: nullable(['integer', 'string']), pattern: '^\\s*\\d+\\s*$' };
    case 'number':
      return { type: nullable(['number', 'string']), pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*$' };
    case 'boolean':
      return { type: nullable(['boolean', 'string']), pattern: '^(true|false|True|False)$' };
    case 'json':
      return { type: nullable(['string', 'object', 'array']), format: 'portal-json' };
    case 'list':
      return {
        type: nullable('array'),
        items: f.fields ? unlessEmpty(objectSchema(f.fields, profile, below(f, req))) : {},
      };
    case 'any':
      return {};
    case 'object':
      return f.fields
        ? { ...objectSchema(f.fields, profile, below(f, req)), type: nullable('object') }
        : { type: nullable('object') };
  }
}

function codes(f: FieldDef, profile: Profile): string[] {
  return [...(profile.vocabularies[f.vocabulary as string]?.codes.keys() ?? [])];
}

function objectSchema(fields: Record<string, FieldDef>, profile: Profile, req?: Required): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const either: Schema[] = [];
  for (const f of Object.values(fields)) {
    const s: Schema =
      f.type === 'any'
        ? { 'x-field': f.name }
        : { ...unlessEmpty(typeSchema(f, profile, req)), 'x-field': f.name };
    const current = f.aliasOf ? fields[f.aliasOf] : f;
    // a required field with older names is checked in `anyOf` below: empty beside a filled older name
    // (the EDC generation's resource_type null, edc_resource_type "Data") it is not missing
    if (current && isRequired(current, req) && (f.aliasOf || !f.aliases?.length)) s.nonEmpty = true;
    const needed = isRequired(f, req);
    if (needed && f.aliases?.length) {
      // a required field may be given under one of its older names (an older name given empty is missing, above)
      const given = (n: string): Schema =>
        n === f.name
          ? { required: [n], properties: { [n]: { nonEmpty: true } } }
          : { required: [n] };
      either.push({ 'x-required': f.name, anyOf: [f.name, ...f.aliases].map(given) });
    } else if (needed) required.push(f.name);
    properties[f.name] = s;
  }
  // Portals add system fields of their own (CKAN's revision_id…): unknown fields are not errors.
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(either.length ? { allOf: either } : {}),
  };
}

export function profileSchema(profile: Profile): Schema {
  let schema = objectSchema(profile.fields, profile);
  // record types with required fields of their own: the first type the record names decides
  const rt = profile.recordTypes;
  for (const [name, t] of Object.entries(rt?.types ?? {}).reverse()) {
    schema = {
      if: { properties: { [rt!.field]: { const: name } }, required: [rt!.field] },
      then: objectSchema(profile.fields, profile, { names: t.required, prefix: '' }),
      else: schema,
    };
  }
  return { $id: `passerelle:profile:${profile.id}`, ...schema };
}
