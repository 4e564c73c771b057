/**
 * A harvest snapshot (`passerelle harvest`, docs/harvest.md): a folder holding `manifest.json` and
 * `records/`, the pages as Passerelle reads them (gzipped JSON Lines, or XML). Every command reads
 * such a folder as its records/ folder, and takes the profile its manifest names when none is given.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { jsonErrorReason } from '../i18n/read-errors.js';
import { relativeToCwd } from '../util/files.js';

export const SNAPSHOT_FORMAT = 'passerelle-harvest/1';
export const MANIFEST_FILE = 'manifest.json';
export const RECORDS_DIR = 'records';
/** A manifest lists pages and their checksums: a few MiB for the largest portals. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface SnapshotPage {
  /** 1, 2, …: the order pages were fetched in. */
  n: number;
  url: string;
  /** Under records/; none when the page held no record not already written. */
  file?: string;
  /** 200, or 304 when a conditional request kept the previous harvest's page. */
  status: number;
  etag?: string;
  lastModified?: string;
  /** Records in the page as the portal gave it. */
  received: number;
  /** Records written (those not already written from an earlier page). */
  written: number;
  /** sha256 and size of the file written. */
  sha256?: string;
  bytes?: number;
  /** What the page said: the total, and where the next page starts (kept for a 304 next time). */
  total?: number;
  next?: unknown;
  fetched: string;
  /** 2 for a page of the second walk, made when pages shifted during the first. */
  pass?: number;
}

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  /** The registry's portal id, when harvested by id. */
  portal?: string;
  profile?: string;
  api: { kind: string; url: string; pageSize?: number };
  userAgent: string;
  started: string;
  updated: string;
  finished?: string;
  complete: boolean;
  /** Where the next page starts, when the harvest stopped before the end, and in which walk. */
  cursor?: unknown;
  pass?: number;
  /** The record count the portal reported on its first and last page. */
  reportedFirst?: number;
  reported?: number;
  written: number;
  duplicates: number;
  /** Records found only by the second walk (they had shifted between pages). */
  recovered: number;
  requests: number;
  retries: number;
  notModified: number;
  failures: string[];
  pages: SnapshotPage[];
}

/** Whether `dir` is a snapshot folder (both parts there; nothing is opened). */
export function isSnapshot(dir: string): boolean {
  try {
    return (
      statSync(dir).isDirectory() &&
      existsSync(join(dir, MANIFEST_FILE)) &&
      statSync(join(dir, RECORDS_DIR)).isDirectory()
    );
  } catch {
    return false;
  }
}

/** The manifest of a snapshot folder, checked to be one; undefined when `dir` is not a snapshot. */
export function readManifest(dir: string): SnapshotManifest | undefined {
  if (!isSnapshot(dir)) return undefined;
  const file = join(dir, MANIFEST_FILE);
  const shown = relativeToCwd(file);
  let text: string;
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_MANIFEST_BYTES)
      throw new InputError(
        'not a regular file of at most 64 MiB',
        shown,
        'pas un fichier ordinaire d’au plus 64 Mio',
      );
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  let m: SnapshotManifest;
  try {
    m = JSON.parse(text) as SnapshotManifest;
  } catch (e) {
    throw new InputError(
      `not valid JSON (${(e as Error).message})`,
      shown,
      `JSON non valide (${jsonErrorReason(e as Error).fr})`,
    );
  }
  if (m?.format !== SNAPSHOT_FORMAT || !Array.isArray(m.pages))
    throw new InputError(
      `format: not a Passerelle harvest manifest (${SNAPSHOT_FORMAT})`,
      shown,
      `format : pas un manifeste de moissonnage de Passerelle (${SNAPSHOT_FORMAT})`,
    );
  return m;
}

/** The profile a snapshot's manifest names, if `dir` is a snapshot that names one. */
export function snapshotProfile(dir: string): string | undefined {
  const p = readManifest(dir)?.profile;
  return typeof p === 'string' && /^[a-z0-9-]+$/.test(p) ? p : undefined;
}
