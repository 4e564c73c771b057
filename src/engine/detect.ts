/**
 * `--profile auto`: which profile an input file's records follow, recognised from the shape of its
 * first readable record. Each profile says how in its `detect` block (a crosswalk condition and a
 * priority); the highest-priority match wins, a tie is an error rather than a guess.
 */
import { conformToProfile } from '../profiles/conform.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { Profile } from '../profiles/types.js';
import { expandPaths, readFile, type InputEntry, type WalkOptions } from '../sources/read.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';

export const AUTO = 'auto';

/** `<profile>=<path>` (a known profile id, or `auto`) split in two; undefined for a plain path. */
export function profileAndPath(arg: string): { profile: string; path: string } | undefined {
  const m = /^([a-z0-9-]+)=(.+)$/.exec(arg);
  return m && (m[1] === AUTO || listProfileIds().includes(m[1]))
    ? { profile: m[1], path: m[2] }
    : undefined;
}

export interface Detection {
  /** The profile, when exactly one matches at the highest priority. */
  profile?: string;
  /** The matching profiles at the highest priority that matched (several: ambiguous). */
  candidates: string[];
}

/** The profiles that can be recognised (those with a `detect` block), loaded once. */
export function detectableProfiles(): Profile[] {
  return listProfileIds()
    .map((id) => loadProfile(id, { knownRules: RULE_IDS }))
    .filter((p) => p.detect);
}

/**
 * The profile one record fits. A spreadsheet row (`headers: true`) is seen by each profile as it
 * reads it, its column headers renamed to the profile's fields.
 */
export function detectProfile(
  record: unknown,
  profiles: readonly Profile[],
  o: { headers?: boolean } = {},
): Detection {
  const matches = profiles.filter((p) => {
    const data = o.headers
      ? conformToProfile(p, { data: record, source: { file: '' }, shape: 'csv' }).data
      : record;
    return p.detect?.when({ root: data, node: data, base: '' });
  });
  if (matches.length === 0) return { candidates: [] };
  const top = Math.max(...matches.map((p) => p.detect?.priority ?? 0));
  const candidates = matches
    .filter((p) => p.detect?.priority === top)
    .map((p) => p.id)
    .sort();
  return candidates.length === 1 ? { profile: candidates[0], candidates } : { candidates };
}

/** The first record of a file that could be read, its line and its shape. */
async function firstReadable(
  file: InputEntry,
): Promise<{ data: unknown; line?: number; shape: string } | undefined> {
  for await (const r of readFile(file))
    if (r.data !== undefined) return { data: r.data, line: r.source.line, shape: r.shape };
  return undefined;
}

/** What `--profile auto` made of one file: its profile, or why it has none. */
export type Recognised =
  | { file: string; entry: InputEntry; profile: string; problem?: undefined }
  | {
      file: string;
      entry: InputEntry;
      profile?: undefined;
      /** `unreadable`: no record could be read (its records are rejected as read); else the first record's line and the matching profiles (none, or several). */
      problem:
        | { kind: 'unreadable' }
        | { kind: 'unknown' | 'ambiguous'; line?: number; candidates: string[] };
    };

/** The profile of each file under `paths`, or why it has none; nothing is thrown for a file's content. */
export async function recogniseFiles(
  paths: readonly string[],
  profiles: readonly Profile[] = detectableProfiles(),
  walk: WalkOptions = {},
): Promise<Recognised[]> {
  const out: Recognised[] = [];
  for (const entry of expandPaths(paths, walk)) {
    const file = entry.path;
    const first = await firstReadable(entry);
    if (!first) {
      out.push({ file, entry, problem: { kind: 'unreadable' } });
      continue;
    }
    const d = detectProfile(first.data, profiles, { headers: first.shape === 'csv' });
    if (d.profile) out.push({ file, entry, profile: d.profile });
    else
      out.push({
        file,
        entry,
        problem: {
          kind: d.candidates.length ? 'ambiguous' : 'unknown',
          line: first.line,
          candidates: d.candidates,
        },
      });
  }
  return out;
}

/**
 * The profile of each file under `paths`, decided before any record is read, or a usage error for
 * the first file that has none (`compare`, which needs every file's profile; `validate` and
 * `convert` report such a file as a rejected record instead).
 */
export async function detectFiles(
  paths: readonly string[],
  profiles: readonly Profile[] = detectableProfiles(),
): Promise<{ file: string; profile: string }[]> {
  const out: { file: string; profile: string }[] = [];
  for (const r of await recogniseFiles(paths, profiles)) {
    if (r.profile !== undefined) {
      out.push({ file: r.file, profile: r.profile });
      continue;
    }
    const shown = relativeToCwd(r.file);
    const p = r.problem;
    if (r.entry.rejected)
      throw new UsageError(`${shown}: ${r.entry.rejected.en}`, `${shown} : ${r.entry.rejected.fr}`);
    if (p.kind === 'unreadable')
      throw new UsageError(
        `${shown}: no readable record to recognise its profile from; name it with --profile <id>`,
        `${shown} : aucun enregistrement lisible d’où reconnaître son profil ; nommez-le avec --profile <id>`,
      );
    const at = p.line !== undefined ? ` (first record, line ${p.line})` : '';
    const atFr = p.line !== undefined ? ` (premier enregistrement, ligne ${p.line})` : '';
    if (p.kind === 'unknown')
      throw new UsageError(
        `${shown}: no profile recognises its records${at}; name one with --profile <id> (passerelle profiles lists them)`,
        `${shown} : aucun profil ne reconnaît ses enregistrements${atFr} ; nommez-en un avec --profile <id> (passerelle profiles les liste)`,
      );
    throw new UsageError(
      `${shown}: its records fit several profiles (${p.candidates.join(', ')})${at}; name one with --profile <id>`,
      `${shown} : ses enregistrements conviennent à plusieurs profils (${p.candidates.join(', ')})${atFr} ; nommez-en un avec --profile <id>`,
    );
  }
  return out;
}
