/**
 * `extends: <id>` in a profile or a crosswalk: the file declares only what differs from its
 * parent's. The two YAML files are merged into one source whose `where` still names the file each
 * entry came from, so a problem in an inherited entry points at the parent's file:line:col and a
 * problem in the child's own entries at the child's.
 *
 * Merging is by entry of the maps listed in `perEntry` (a profile's fields, vocabularies and
 * rules; a crosswalk's dataset properties and maps): the child's entry replaces the parent's entry
 * of the same name whole, an entry set to `null` removes the parent's, the others are inherited.
 * Any other top-level key given in the child replaces the parent's; the keys in `notInherited`
 * are taken from the child only.
 */
import { ConfigError } from './errors.js';
import type { YamlSource } from './yaml.js';

type Raw = Record<string, unknown>;
type Path = readonly (string | number)[];

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface MergeRules {
  /** Top-level maps merged entry by entry. */
  perEntry: readonly string[];
  /** Top-level keys never inherited (each file says its own). */
  notInherited?: readonly string[];
  /**
   * How a child's entry combines with the parent's entry of the same name, for the maps that
   * have more than replacement (a profile's vocabulary `add:`). Returns the merged entry, or
   * `undefined` to replace as usual.
   */
  combine?: (map: string, name: string, parent: unknown, child: unknown) => unknown;
}

/** The id a file extends (`extends: <id>`), checked: a single id, lower-case letters, digits and dashes. */
export function parentId(y: YamlSource<unknown>, what: string): string | undefined {
  const d = y.data;
  if (!isMap(d) || d.extends === undefined) return undefined;
  if (typeof d.extends !== 'string' || !/^[a-z0-9-]+$/.test(d.extends))
    throw new ConfigError(
      `\`extends\` is the id of the ${what} this one builds on (one id: lower-case letters, digits and dashes)`,
      y.where(['extends']),
      `\`extends\` est l’identifiant ${what === 'crosswalk' ? 'de la correspondance sur laquelle celle-ci' : 'du profil sur lequel celui-ci'} s’appuie (un identifiant : minuscules, chiffres et tirets)`,
    );
  return d.extends;
}

/**
 * A file that extends nothing has no parent entry to remove: `name: null` under one of the
 * `perEntry` maps is refused there, at its line, rather than read as an entry.
 */
export function refuseRemovals(
  y: YamlSource<Raw>,
  perEntry: readonly string[],
  what: string,
): void {
  const d = y.data;
  if (!isMap(d)) return;
  for (const k of perEntry) {
    const m = d[k];
    if (!isMap(m)) continue;
    for (const [name, entry] of Object.entries(m))
      if (entry === null)
        throw new ConfigError(
          `${k}.${name}: null removes a parent's entry, and this ${what} extends nothing (\`extends: <id>\`)`,
          y.where([k, name]),
          `${k}.${name} : null retire une entrée du parent, et ce fichier n’étend rien (\`extends: <id>\`)`,
        );
  }
}

/** The child merged over its parent, with `where` (and `fileAt`) naming the file of each entry. */
export function mergeOver(
  parent: YamlSource<Raw>,
  child: YamlSource<Raw>,
  rules: MergeRules,
): YamlSource<Raw> {
  const p = isMap(parent.data) ? parent.data : {};
  const c = child.data;
  const data: Raw = {};
  const top = new Map<string, YamlSource<Raw>>();
  const entries = new Map<string, YamlSource<Raw>>();
  const skip = new Set(rules.notInherited ?? []);
  for (const [k, v] of Object.entries(p)) {
    if (skip.has(k) || k === 'extends') continue;
    data[k] = v;
    top.set(k, parent);
  }
  for (const [k, v] of Object.entries(c)) {
    if (rules.perEntry.includes(k) && isMap(v)) {
      const inherited = isMap(data[k]);
      const merged: Raw = inherited ? { ...(data[k] as Raw) } : {};
      for (const [name, entry] of Object.entries(v)) {
        if (entry === null) {
          delete merged[name];
          continue;
        }
        merged[name] = rules.combine?.(k, name, merged[name], entry) ?? entry;
        entries.set(`${k}\u0000${name}`, child);
      }
      data[k] = merged;
      if (!inherited) top.set(k, child);
      continue;
    }
    data[k] = v;
    top.set(k, child);
  }
  const owner = (path: Path): YamlSource<Raw> => {
    if (path.length >= 2 && rules.perEntry.includes(String(path[0]))) {
      const o = entries.get(`${String(path[0])}\u0000${String(path[1])}`);
      if (o) return o;
    }
    return (path.length >= 1 && top.get(String(path[0]))) || child;
  };
  return {
    file: child.file,
    data,
    where: (path, key) => owner(path).where(path, key),
    fileAt: (path) => {
      const o = owner(path);
      return o.fileAt ? o.fileAt(path) : o.file;
    },
  };
}
