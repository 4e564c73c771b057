/**
 * Source paths checked against a profile's fields, so that a typo in a crosswalk or in a profile's
 * `detect` block is an error with its place, not a value silently never found.
 */
import { isLanguageTag, type Bilingual } from '../core/lang.js';
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
function nearest(name: string, fields: Record<string, FieldDef> | undefined): Bilingual {
  const near = fields ? closest(name, Object.keys(fields)) : undefined;
  return near
    ? { en: ` (did you mean "${near}"?)`, fr: ` (vouliez-vous dire « ${near} » ?)` }
    : { en: '', fr: '' };
}

/** `"path": field "x" is not in y`, in both languages. */
function notIn(path: string, key: string, where: Bilingual, near: Bilingual): Bilingual {
  return {
    en: `"${path}": field "${key}" is not in ${where.en}${near.en}`,
    fr: `« ${path} » : le champ « ${key} » n’est pas dans ${where.fr}${near.fr}`,
  };
}

const notList = (path: string, name: string): Bilingual => ({
  en: `"${path}": ${name} is not a list`,
  fr: `« ${path} » : ${name} n’est pas une liste`,
});

/** Parses `path` and checks it against the profile; the problem, in both languages, when it does not fit. */
export function resolveFieldPath(
  path: unknown,
  profile: Profile,
  scope: PathScope,
): FieldPath | Bilingual {
  if (typeof path !== 'string')
    return { en: 'a source path is a string', fr: 'un chemin source est du texte' };
  // `.`: the current item of `each` (a code of a list, read as it is)
  if (path === '.')
    return scope.item
      ? { segs: [], absolute: false, field: scope.item }
      : {
          en: '"." (the current item) applies inside `each`',
          fr: '« . » (l’élément courant) s’emploie dans `each`',
        };
  let segs: Segment[];
  try {
    segs = parsePath(path);
  } catch (e) {
    return { en: (e as PathError).message, fr: (e as PathError).fr };
  }
  const absolute = isPointer(path);
  let fields = absolute ? profile.fields : scope.fields;
  let field: FieldDef | undefined;
  for (const seg of segs) {
    const filter = filterOf(seg);
    if (filter) {
      // the items of a list whose field (a name, or a path below the item) has a value
      if (field && !LISTS.has(field.type)) return notList(path, field.name);
      const key = filter.key.split('.')[0];
      if (field?.fields && !own.call(field.fields, key))
        return notIn(path, key, { en: field.name, fr: field.name }, nearest(key, field.fields));
      continue;
    }
    if (seg === WILDCARD || /^\d+$/.test(seg)) {
      if (field && !LISTS.has(field.type)) return notList(path, field.name);
      continue;
    }
    if (field && (field.type === 'text' || field.type === 'tags')) {
      return isLanguageTag(seg)
        ? { segs, absolute }
        : {
            en: `"${path}": ${field.name} is a language map; "${seg}" is not a language`,
            fr: `« ${path} » : ${field.name} est une table de langues ; « ${seg} » n’est pas une langue`,
          };
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
      const name = field ? field.name : !absolute && scope.item ? scope.item.name : undefined;
      const where = name
        ? { en: name, fr: name }
        : { en: `profile ${profile.id}`, fr: `le profil ${profile.id}` };
      return notIn(path, seg, where, nearest(seg, fields));
    }
    field = fields[seg];
    fields = field.fields;
  }
  return { segs, absolute, field };
}
