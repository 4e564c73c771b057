import type { LangText } from '../core/lang.js';
import type { Severity } from '../core/severity.js';

/**
 * Field types a portal's schema uses.
 * - `text`: a language map `{en, fr}` (ckanext-fluent `fluent_text`); `tags`: language map of lists.
 * - `code` / `codes`: one or several values from a local vocabulary.
 * - `list`: repeated sub-records (CKAN resources, BC contacts); `object`: one sub-record
 *   (free-form when it declares no fields).
 * - `any`: not checked (a field whose shape differs between the exports one profile covers).
 */
export type FieldType =
  | 'string'
  | 'strings'
  | 'text'
  | 'tags'
  | 'code'
  | 'codes'
  | 'date'
  | 'datetime'
  | 'email'
  | 'url'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'json'
  | 'list'
  | 'object'
  | 'any';

export const FIELD_TYPES: readonly FieldType[] = [
  'string',
  'strings',
  'text',
  'tags',
  'code',
  'codes',
  'date',
  'datetime',
  'email',
  'url',
  'integer',
  'number',
  'boolean',
  'json',
  'list',
  'object',
  'any',
];

export interface FieldDef {
  name: string;
  type: FieldType;
  label?: LangText;
  required?: boolean;
  /** Bilingual field: both official languages expected (fluent fields). */
  bilingual?: boolean;
  vocabulary?: string;
  /** Sub-fields of `list` and `object` fields. */
  fields?: Record<string, FieldDef>;
  /** Older names of the field, accepted in its place (Alberta's `createdate` for `date_created`). */
  aliases?: string[];
  /** Set on the field an alias stands for: the current name. */
  aliasOf?: string;
  description?: string;
  /** Other column headers the field goes by in spreadsheet exports (besides its name and labels). */
  headers?: string[];
  /** Where the field is `file:line:col` in the profile. */
  where: string;
}

export interface LocalVocabulary {
  id: string;
  codes: Map<string, LangText | undefined>;
  /** Legacy codes still met in the wild, with the code that replaced them. */
  legacy: Map<string, string>;
}

/** How `--profile auto` recognises a profile's records (a crosswalk condition), and its rank. */
export interface Detect {
  /** Higher wins when several profiles match; generic profiles (`ckan`) use a low one. */
  priority: number;
  when: import('../core/conditions.js').Test;
  /** `file:line:col` of the block. */
  where: string;
}

/**
 * Record types with schemas of their own (CKAN dataset types: open.canada.ca's `doc` beside
 * `dataset`): a record whose `field` holds one of the types is checked with that type's required
 * fields instead of those the fields declare (which are the default type's). Types, code lists and
 * the crosswalk stay the profile's: the types share their fields.
 */
export interface RecordTypes {
  /** The record field naming the type (CKAN's `type`). */
  field: string;
  /** Per type, its required fields: names, dotted for sub-fields (`resources.url`). */
  types: Record<string, { required: Set<string>; source?: string; where: string }>;
  where: string;
}

export interface Profile {
  id: string;
  name: LangText;
  platform?: string;
  portal?: string;
  jurisdiction?: { name?: LangText; level?: string; sgc?: string };
  /** Languages every text should be given in (both official languages for bilingual profiles). */
  languages: string[];
  /** Per-profile rule severities (`odc/bilingual: error`). */
  rules: Record<string, Severity | 'off'>;
  fields: Record<string, FieldDef>;
  vocabularies: Record<string, LocalVocabulary>;
  detect?: Detect;
  recordTypes?: RecordTypes;
  /** The file it came from. */
  file: string;
  source?: string;
  /** The profile it extends (`extends:`): its fields, code lists and rules are inherited. */
  extends?: string;
  /** The profile's id, then the ids of the profiles it extends, nearest first: whose local codes a vocabulary knows it by. */
  lineage?: string[];
}
