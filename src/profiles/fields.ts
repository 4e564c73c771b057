/**
 * Source paths checked against a profile's fields, so that a typo in a crosswalk or in a profile's
 * `detect` block is an error with its place, not a value silently never found.
 */
import { isLanguageTag } from '../core/lang.js';
import {
  filterOf,
  isPointer,
  parsePath,
  type PathError,
  WILDCARD,
  type Segment,
} from '../util/paths.js';
import type { FieldDef, Profile } from './types.js';
import { closest } from '../util/file-schema.js';

export interface FieldPath {
  segs: Segment[];
  absolute: boolean;
  /** The profile field the path ends on, when it ends on a declared one. */
  field?: FieldDef;
}

export interface PathScope {
  /** Fields at the current item (the record's fields outside `each`). */
  fields: Record<string, FieldDef> | undefined;
  /** The field whose items `each` iterates (for `.` and for messages). */
  item?: FieldDef;
}

const own = Object.prototype.hasOwnProperty;
const LISTS = new Set(['list', 'strings', 'codes', 'object', 'json', 'any', 'text', 'tags']);

/** ` (did you mean "x"?)` when a field of `fields` is close to a misspelt name. */
function nearest(name: string, fields: Record<string, FieldDef> | undefined): string {
  const near = fields ? closest(name, Object.keys(fields)) : undefined;
  return near ? ` (did you mean "${near}"?)` : '';
}

/** Parses `path` and checks it against the profile; a string is the problem when it does not fit. */
export function resolveFieldPath(
  path: unknown,
  profile: Profile,
  scope: PathScope,
): FieldPath | string {
  if (typeof path !== 'string') return 'a source path is a string';
  // `.`: the current item of `each` (a code of a list, read as it is)
  if (path === '.')
    return scope.item
      ? { segs: [], absolute: false, field: scope.item }
      : `"." (the current item) applies inside \`each\``;
  let segs: Segment[];
  try {
    segs = parsePath(path);
  } catch (e) {
    return (e as PathError).message;
  }
  const absolute = isPointer(path);
  let fields = absolute ? profile.fields : scope.fields;
  let field: FieldDef | undefined;
  for (const seg of segs) {
    const filter = filterOf(seg);
    if (filter) {
      // the items of a list whose field (a name, or a path below the item) has a value
      if (field && !LISTS.has(field.type)) return `"${path}": ${field.name} is not a list`;
      const key = filter.key.split('.')[0];
      if (field?.fields && !own.call(field.fields, key))
        return `"${path}": field "${key}" is not in ${field.name}${nearest(key, field.fields)}`;
      continue;
    }
    if (seg === WILDCARD || /^\d+$/.test(seg)) {
      if (field && !LISTS.has(field.type)) return `"${path}": ${field.name} is not a list`;
      continue;
    }
    if (field && (field.type === 'text' || field.type === 'tags')) {
      return isLanguageTag(seg)
        ? { segs, absolute }
        : `"${path}": ${field.name} is a language map; "${seg}" is not a language`;
    }
    if (
      field &&
      !field.fields &&
      (field.type === 'object' ||
        field.type === 'json' ||
        field.type === 'any' ||
        field.type === 'list')
    ) {
      return { segs, absolute }; // free-form object: anything below is allowed
    }
    if (!fields || !own.call(fields, seg)) {
      const where = field
        ? field.name
        : !absolute && scope.item
          ? scope.item.name
          : `profile ${profile.id}`;
      return `"${path}": field "${seg}" is not in ${where}${nearest(seg, fields)}`;
    }
    field = fields[seg];
    fields = field.fields;
  }
  return { segs, absolute, field };
}
