/**
 * The manifest an incremental federation keeps in its output folder (`federation-manifest.json`),
 * and its reading: a manifest of another kind, version, format or base, or one whose parts are not
 * what a run reads (ids that would name files outside the folder among them), is not used, and
 * says why (`incremental.ts` then reads every jurisdiction).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Bilingual } from '../core/lang.js';
import { tool } from '../tool.js';
import { shown } from '../util/show.js';
import type { Keyed } from './duplicates.js';
import type { Links } from './federate.js';

export const MANIFEST_FILE = 'federation-manifest.json';
export const KIND = 'passerelle-federation';
export const VERSION = 1;

export type StoredKey = Omit<Keyed, 'n'>;

export interface DocumentState {
  /** Content hash (links and the line in the export left out). */
  h: string;
  /**
   * Links as the jurisdiction's own output carries them, when they differ from today's (a
   * jurisdiction kept while another changed); today's links are found again from the keys.
   */
  written?: Links;
}

export interface JurisdictionState {
  /** The jurisdiction's dcat:Catalog (its named graph in N-Quads). */
  catalogue: string;
  fingerprint: string;
  files: { path: string; size: number; sha256: string }[];
  /** Records read, and those that could not be. */
  records: number;
  rejected: number;
  /** The duplicate-detection keys of every record mapped, in reading order. */
  keys: StoredKey[];
  documents: Record<string, DocumentState>;
  /** What the output writer keeps for this jurisdiction (its file names). */
  outputs: string[];
}

export interface Manifest {
  kind: typeof KIND;
  version: typeof VERSION;
  tool: string;
  format: string;
  base: string;
  /** In input order. */
  jurisdictions: Record<string, JurisdictionState>;
}

/** A jurisdiction's id as a manifest may give it: it names files in the folder. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown): boolean => v === undefined || isString(v);
const isLinks = (l: Links | undefined): boolean =>
  !!l && Array.isArray(l.duplicates) && l.duplicates.every(isString) && optional(l.duplicateOf);

/** Whether a manifest's jurisdiction has every part a run reads, of the right kind. */
function soundJurisdiction(j: JurisdictionState | null | undefined): boolean {
  return (
    !!j &&
    isString(j.fingerprint) &&
    isString(j.catalogue) &&
    Array.isArray(j.keys) &&
    j.keys.every(
      (k) =>
        !!k &&
        isString(k.iri) &&
        optional(k.identifier) &&
        optional(k.title) &&
        optional(k.publisher) &&
        typeof k.rank === 'number' &&
        Array.isArray(k.landingPages) &&
        k.landingPages.every(isString),
    ) &&
    Array.isArray(j.outputs) &&
    j.outputs.every(isString) &&
    !!j.documents &&
    typeof j.documents === 'object' &&
    Object.values(j.documents).every(
      (d) => !!d && isString(d.h) && (d.written === undefined || isLinks(d.written)),
    )
  );
}

/** Why a manifest cannot be used, or undefined when it can. */
function unusable(m: unknown, format: string, base: string): Bilingual | undefined {
  const o = m as Partial<Manifest> | null;
  if (!o || typeof o !== 'object' || o.kind !== KIND)
    return { en: 'not a federation manifest', fr: "ce n'est pas un manifeste de fédération" };
  // values of the file, quoted as read (cut when long)
  const [by, version, what, under] = [o.tool, o.version, o.format, o.base].map((v) =>
    v === undefined ? '?' : shown(v, 80),
  );
  if (o.version !== VERSION || o.tool !== tool().version)
    return {
      en: `written by another version (${by}, manifest ${version})`,
      fr: `écrit par une autre version (${by}, manifeste ${version})`,
    };
  if (o.format !== format) return { en: `written for ${what}`, fr: `écrit pour ${what}` };
  if (o.base !== base)
    return { en: `written under base ${under}`, fr: `écrit sous la base ${under}` };
  const js = o.jurisdictions;
  const sound =
    !!js &&
    typeof js === 'object' &&
    !Array.isArray(js) &&
    Object.entries(js).every(([profile, j]) => SAFE_ID.test(profile) && soundJurisdiction(j));
  return sound ? undefined : { en: 'its content is damaged', fr: 'son contenu est abîmé' };
}

/** The manifest of a folder, or why it cannot be used (none there: neither). */
export function readManifest(
  file: string,
  format: string,
  base: string,
): { manifest?: Manifest; problem?: Bilingual } {
  if (!existsSync(file)) return {};
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as Error).message;
    return { problem: { en: `unreadable (${why})`, fr: `illisible (${why})` } };
  }
  const problem = unusable(m, format, base);
  return problem ? { problem } : { manifest: m as Manifest };
}
