/**
 * The portal registry: where each portal's catalogue can be fetched, as data. One YAML file per
 * portal, `profiles/portals/<id>.yaml`, found on the profile search path (src/util/search-path.ts):
 * a user folder's `profiles/portals/` first, the package's last, a shipped portal replaced only as
 * a shipped profile is (`--allow-shadow`). A file is checked against its
 * JSON Schema (file-schema.ts, `passerelle schema portal`) and a problem is said at its file:line:col.
 */
import { basename } from 'node:path';
import type { Bilingual } from '../core/lang.js';
import { type Said, UsageError } from '../util/errors.js';
import { checkFile, throwProblems } from '../util/file-schema.js';
import { locate, locateAll } from '../util/search-path.js';
import { loadYaml } from '../util/yaml.js';
import { API_KINDS, portalFile } from './file-schema.js';

export { API_KINDS };
export type ApiKind = (typeof API_KINDS)[number];

export interface PortalApi {
  kind: ApiKind;
  url: string;
  /** Records asked for per page (the portal's limit, or less). */
  pageSize?: number;
}

export interface Portal {
  id: string;
  name: Bilingual;
  /** The profile its records follow. */
  profile: string;
  home?: string;
  /** In order of preference: the first is used unless `--api` names another. */
  apis: PortalApi[];
  rate?: { requestsPerSecond: number };
  notes?: Bilingual;
  /** The file it was read from, for messages. */
  file: string;
}

/** How the places of a portal are named in messages: `api 2: kind`. */
const placeName = (path: string[]): Said => {
  if (path[0] !== 'apis' || path.length < 2)
    return path.length
      ? { en: path.join('.'), fr: path.join('.') }
      : { en: 'the portal', fr: 'le portail' };
  const rest = path.slice(2).join('.');
  return {
    en: `api ${Number(path[1]) + 1}${rest ? `: ${rest}` : ''}`,
    fr: `api ${Number(path[1]) + 1}${rest ? ` : ${rest}` : ''}`,
  };
};

/** Reads and checks one portal file: its structure by its JSON Schema (the one editors are given), then its id. */
export function loadPortal(file: string): Portal {
  const y = loadYaml(file);
  const problems = checkFile(y, portalFile(), { name: placeName });
  const d = y.data as Omit<Portal, 'file'>;
  // findPortal looks a portal up by its file's name: an id that differs would never be found
  const named = basename(file).replace(/\.yaml$/, '');
  if (!problems.length && d.id !== named)
    problems.push({
      message: `id must be the file's name, "${named}"`,
      fr: `id doit être le nom du fichier, « ${named} »`,
      where: y.where(['id']),
    });
  throwProblems(problems);
  return { ...d, file: y.file };
}

/** The portal of this id: the first folder of the search path that has it, else the package's. */
export function findPortal(id: string): Portal | undefined {
  const found = locate('portals', id);
  return found && loadPortal(found.file);
}

/** Every portal id on the search path, sorted. */
export function portalIds(): string[] {
  return locateAll('portals').map((p) => p.id);
}

/** The portal named, or a usage error listing the known ones. */
export function portalOrFail(id: string): Portal {
  const p = findPortal(id);
  if (!p)
    throw new UsageError(
      `unknown portal "${id}" (known: ${portalIds().join(', ')})`,
      `portail inconnu « ${id} » (connus : ${portalIds().join(', ')})`,
    );
  return p;
}
