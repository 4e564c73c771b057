/**
 * The profile search path: the folders, besides the package, where profiles, crosswalks (with their
 * value-map tables) and vocabularies are found. Each folder is laid out like the package itself
 * (and like what `passerelle infer -o <folder>` writes):
 *
 *     <folder>/profiles/<id>.yaml
 *     <folder>/crosswalks/<id>.yaml
 *     <folder>/crosswalks/vocabularies/<id>.yaml
 *     <folder>/profiles/portals/<id>.yaml       (the portal registry, `passerelle harvest`)
 *
 * The first folder that has a file wins; the package comes last. A user file may replace a shipped
 * one of the same id only when the run allows it (`allowShadow`): otherwise a usage error names
 * both files, so that a stray copy of `ca-gc.yaml` never silently changes a report.
 *
 * The command line sets the path once per command (`setSearchPath`); worker threads are given the
 * same path. Library callers that set nothing get the package alone, as before.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CROSSWALKS_DIR, PACKAGE_ROOT, PROFILES_DIR, VOCABULARIES_DIR } from '../paths.js';
import { UsageError } from './errors.js';
import { relativeToCwd } from './files.js';

export interface SearchPath {
  /** Absolute folders, searched in this order before the package. */
  folders: string[];
  /** Whether a user file may replace a shipped one of the same id. */
  allowShadow: boolean;
}

export type DataKind = 'profiles' | 'crosswalks' | 'vocabularies' | 'portals';

/** Where each kind lives inside a folder of the path (the package's own layout). */
const SUBFOLDER: Record<DataKind, string> = {
  profiles: 'profiles',
  crosswalks: 'crosswalks',
  vocabularies: join('crosswalks', 'vocabularies'),
  portals: join('profiles', 'portals'),
};
const PACKAGE_DIRS: Record<DataKind, string> = {
  profiles: PROFILES_DIR,
  crosswalks: CROSSWALKS_DIR,
  vocabularies: VOCABULARIES_DIR,
  portals: join(PROFILES_DIR, 'portals'),
};
/** A file of each kind, as a steward names it. */
const WHAT: Record<DataKind, string> = {
  profiles: 'profile',
  crosswalks: 'crosswalk',
  vocabularies: 'vocabulary',
  portals: 'portal',
};
const WHAT_FR: Record<DataKind, string> = {
  profiles: 'le profil',
  crosswalks: 'la table de correspondance',
  vocabularies: 'le vocabulaire',
  portals: 'le portail',
};
const ID = /^[a-z0-9-]+$/;

let current: SearchPath = { folders: [], allowShadow: false };
/** Bumped on every change: caches built for one path (the shared vocabularies) know they are stale. */
let generation = 0;

export function setSearchPath(path: SearchPath): void {
  current = { folders: [...path.folders], allowShadow: path.allowShadow };
  generation++;
}

export function searchPath(): SearchPath {
  return current;
}

export function searchPathGeneration(): number {
  return generation;
}

/** A found file: where it is, and which folder of the path gave it (`package`, or the folder). */
export interface Located {
  id: string;
  file: string;
  /** `package`, or the folder of the search path, as given (absolute). */
  origin: string;
}

const names = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return []; // a folder without this kind holds none of it
  }
};

/** The shipped file of this id, if any. */
function shipped(kind: DataKind, id: string): string | undefined {
  const file = join(PACKAGE_DIRS[kind], `${id}.yaml`);
  return existsSync(file) ? file : undefined;
}

function refuseShadow(kind: DataKind, found: Located, theirs: string): never {
  throw new UsageError(
    `${relativeToCwd(found.file)} would replace the ${WHAT[kind]} "${found.id}" shipped with Passerelle (${relativeToCwd(theirs)}); ` +
      'rename yours, or allow it with --allow-shadow (or `allowShadow: true` in passerelle.config.yaml)',
    `${relativeToCwd(found.file)} remplacerait ${WHAT_FR[kind]} « ${found.id} » fourni avec Passerelle (${relativeToCwd(theirs)}) ; ` +
      'renommez le vôtre, ou autorisez-le avec --allow-shadow (ou `allowShadow: true` dans passerelle.config.yaml)',
  );
}

/** The file of `id`: the first folder of the path that has it, else the package's; undefined when none has. */
export function locate(kind: DataKind, id: string, path = current): Located | undefined {
  if (!ID.test(id)) return undefined;
  for (const folder of path.folders) {
    const file = join(folder, SUBFOLDER[kind], `${id}.yaml`);
    if (!existsSync(file)) continue;
    const found = { id, file, origin: folder };
    const theirs = shipped(kind, id);
    if (theirs && !path.allowShadow) refuseShadow(kind, found, theirs);
    return found;
  }
  const file = shipped(kind, id);
  return file ? { id, file, origin: 'package' } : undefined;
}

/** Every id of a kind on the path, each with the file that wins, in id order. */
export function locateAll(kind: DataKind, path = current): Located[] {
  const ids = new Set<string>();
  for (const dir of [...path.folders.map((f) => join(f, SUBFOLDER[kind])), PACKAGE_DIRS[kind]])
    for (const n of names(dir))
      if (n.endsWith('.yaml') && ID.test(n.slice(0, -5))) ids.add(n.slice(0, -5));
  return [...ids].sort().map((id) => locate(kind, id, path) as Located);
}

/**
 * A folder named by the user, checked: it exists and holds `profiles/` or `crosswalks/` (a folder
 * of YAML files given by mistake, `--profile-dir ./profiles`, is said so rather than ignored).
 */
export function checkFolder(folder: string, named: string): string {
  const abs = resolve(folder);
  if (!existsSync(abs))
    throw new UsageError(`${named}: no such folder`, `${named} : dossier introuvable`);
  if (!existsSync(join(abs, 'profiles')) && !existsSync(join(abs, 'crosswalks')))
    throw new UsageError(
      `${named}: no profiles/ or crosswalks/ folder in it (give the folder that holds them)`,
      `${named} : aucun dossier profiles/ ni crosswalks/ dedans (donnez le dossier qui les contient)`,
    );
  return abs;
}

/** The folders in order, each once, the package itself left out (it always comes last). */
export function distinctFolders(folders: string[]): string[] {
  const real = (f: string): string => {
    try {
      return realpathSync(f);
    } catch {
      return f;
    }
  };
  const seen = new Set([real(PACKAGE_ROOT)]);
  const out: string[] = [];
  for (const f of folders) {
    const r = real(f);
    if (seen.has(r)) continue;
    seen.add(r);
    out.push(f);
  }
  return out;
}
