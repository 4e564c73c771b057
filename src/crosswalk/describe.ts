/**
 * A profile as a steward or an analyst reads it: its fields (type, required, bilingual, code list)
 * with the common-record properties its crosswalk fills from each, and its code lists.
 * `passerelle profiles show` prints it; programs compare jurisdictions with it.
 */
import type { Crosswalk } from './crosswalk.js';
import type { LangText } from '../core/lang.js';
import type { FieldDef, FieldType, Profile } from '../profiles/types.js';

export interface FieldRow {
  /** Path in crosswalk syntax: `title`, `organization.title`, `resources[*].format`. */
  path: string;
  type: FieldType;
  required: boolean;
  bilingual: boolean;
  vocabulary?: string;
  /** For an older name: the field it stands for. */
  aliasOf?: string;
  label?: LangText;
  /** Common-record properties the crosswalk fills from this field (`title@en`, `distribution[*].format`). */
  mapsTo: string[];
}

export interface CodeListDescription {
  id: string;
  codes: { code: string; label?: LangText }[];
  legacy: { code: string; current: string }[];
}

export interface ProfileDescription {
  id: string;
  name: LangText;
  platform?: string;
  portal?: string;
  languages: string[];
  source?: string;
  /** The profile it extends, then that one's parent… (`extends:`). */
  extends?: string[];
  detect?: { priority: number };
  crosswalk?: string;
  fields: FieldRow[];
  vocabularies: CodeListDescription[];
}

/** Every field, depth first in the profile's order, with the JSON Pointer pattern its values sit at. */
function walk(
  fields: Record<string, FieldDef>,
  path: string,
  pointer: string,
  out: { field: FieldDef; path: string; pointer: string }[],
): void {
  for (const f of Object.values(fields)) {
    const p = path ? `${path}.${f.name}` : f.name;
    const ptr = `${pointer}/${f.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    out.push({ field: f, path: p, pointer: ptr });
    if (f.fields) {
      if (f.type === 'list') walk(f.fields, `${p}[*]`, `${ptr}/*`, out);
      else walk(f.fields, p, ptr, out);
    }
  }
}

/**
 * A field is read for a property when the crosswalk reads it, its items or one of its languages
 * (not a sub-field). A name applied to a list applies to each item (`gmd:keyword.gco:CharacterString`),
 * so item steps (`*`) are left out of both sides.
 */
function reads(declaredPattern: string, pointerPattern: string, field: FieldDef): boolean {
  const declared = declaredPattern.replace(/\/\*(?=\/|$)/g, '');
  const pointer = pointerPattern.replace(/\/\*(?=\/|$)/g, '');
  if (declared === pointer) return true;
  if (!declared.startsWith(`${pointer}/`)) return false;
  const rest = declared.slice(pointer.length + 1);
  return !rest.includes('/') && !(field.fields && Object.hasOwn(field.fields, rest));
}

export function describeProfile(profile: Profile, crosswalk?: Crosswalk): ProfileDescription {
  const rows: { field: FieldDef; path: string; pointer: string }[] = [];
  walk(profile.fields, '', '', rows);
  const declared = crosswalk ? [...crosswalk.declared.entries()] : [];
  const fields: FieldRow[] = rows.map(({ field, path, pointer }) => {
    const mapsTo = declared
      .filter(([, d]) => d.fields.some((f) => reads(f, pointer, field)))
      .map(([property]) => property);
    return {
      path,
      type: field.type,
      required: field.required === true,
      bilingual: field.bilingual === true,
      ...(field.vocabulary ? { vocabulary: field.vocabulary } : {}),
      ...(field.aliasOf ? { aliasOf: field.aliasOf } : {}),
      ...(field.label ? { label: field.label } : {}),
      mapsTo: [...new Set(mapsTo)].sort(),
    };
  });
  const vocabularies = Object.values(profile.vocabularies).map((v) => ({
    id: v.id,
    codes: [...v.codes].map(([code, label]) => (label ? { code, label } : { code })),
    legacy: [...v.legacy].map(([code, current]) => ({ code, current })),
  }));
  return {
    id: profile.id,
    name: profile.name,
    ...(profile.platform ? { platform: profile.platform } : {}),
    ...(profile.portal ? { portal: profile.portal } : {}),
    languages: profile.languages,
    ...(profile.source ? { source: profile.source } : {}),
    ...(profile.lineage && profile.lineage.length > 1 ? { extends: profile.lineage.slice(1) } : {}),
    ...(profile.detect ? { detect: { priority: profile.detect.priority } } : {}),
    ...(crosswalk ? { crosswalk: crosswalk.file } : {}),
    fields,
    vocabularies,
  };
}
