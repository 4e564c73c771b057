/**
 * Header mapping: a record's columns, named as people name them in a spreadsheet ("Update
 * requirements", "Licence / Licence"), become the profile's fields (`update_requirements`).
 * A column matches a field by the field's name, its English or French label, or one of its
 * `headers`, ignoring case, accents, spaces and punctuation. Unmatched columns are kept as they
 * are (portals add columns of their own). Where a field is in the file is still found: the
 * record's locator is told the original column name.
 */
import { hasOwn, setOwn } from '../util/own.js';
import { locateAll, type Locator, type SourceRecord } from '../sources/types.js';
import { toPointer } from '../util/paths.js';
import type { Profile } from './types.js';

export function headerKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const lookups = new WeakMap<Profile, Map<string, string>>();

function lookupFor(profile: Profile): Map<string, string> {
  let m = lookups.get(profile);
  if (m) return m;
  m = new Map();
  // names first, then labels, then declared headers: the first field to claim a key keeps it
  const fields = Object.values(profile.fields);
  for (const f of fields) m.set(headerKey(f.name), f.name);
  for (const f of fields)
    for (const l of Object.values(f.label ?? {}))
      if (l && !m.has(headerKey(l))) m.set(headerKey(l), f.name);
  for (const f of fields)
    for (const h of f.headers ?? []) if (!m.has(headerKey(h))) m.set(headerKey(h), f.name);
  lookups.set(profile, m);
  return m;
}

/** The record with its columns renamed to the profile's fields (the same record when none needs it). */
export function conformToProfile(profile: Profile, src: SourceRecord): SourceRecord {
  const data = src.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return src;
  const lookup = lookupFor(profile);
  const fieldOf = (k: string): string | undefined =>
    hasOwn(profile.fields, k) ? k : lookup.get(headerKey(k));
  // most records already use the profile's names: nothing to copy
  if (
    !Object.keys(data).some((k) => {
      const f = fieldOf(k);
      return f !== undefined && f !== k && !hasOwn(data, f);
    })
  )
    return src;
  const renamed = new Map<string, string>();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const field = fieldOf(k);
    if (field === undefined || field === k || hasOwn(data, field) || hasOwn(out, field)) {
      if (!hasOwn(out, k)) setOwn(out, k, v);
      continue;
    }
    setOwn(out, field, v);
    renamed.set(toPointer([field]), toPointer([k]));
  }
  if (renamed.size === 0) return src;
  const inner = src.locator;
  const original = (pointer: string): string => {
    const head = pointer.split('/').slice(0, 2).join('/');
    const was = renamed.get(head);
    return was === undefined ? pointer : was + pointer.slice(head.length);
  };
  const locator: Locator | undefined = inner && {
    locate: (pointer) => inner.locate(original(pointer)),
    locateAll: (pointers) => locateAll(inner, pointers.map(original)),
  };
  return { ...src, data: out, locator };
}
