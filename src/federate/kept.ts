/**
 * Outputs kept per jurisdiction in a folder and brought up to date by each run (the engines'
 * documents, the N-Quads graphs, the search site): one driver over `FederationUpdate`
 * (`incremental.ts`), so that every such output reads, rewrites, removes and reports alike.
 *
 * A run: the folder's manifest opened and the inputs scanned (a jurisdiction whose files in the
 * folder are missing is read again); each jurisdiction read written whole by the output, from its
 * documents; each one no longer among the inputs dropped; the output's shared files (`end()`:
 * links, catalogue, delta…); the manifest saved last, so that a run stopped before is read again.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Input } from '../engine/run.js';
import type { Lang } from '../core/lang.js';
import { jsonText } from '../util/escape.js';
import type { SearchDocument } from './document.js';
import type { Entry } from './federate.js';
import {
  FederationUpdate,
  MANIFEST_FILE,
  type DocumentStatus,
  type UpdateOptions,
} from './incremental.js';

export interface FolderRun {
  /** What changed, a line per jurisdiction, in the run's language. */
  lines: string[];
  /** Documents the folder holds now, per jurisdiction, in input order. */
  jurisdictions: { profile: string; documents: number; read: boolean }[];
  /** Records that could not be read, in the jurisdictions read. */
  rejected: Entry[];
}

/** One jurisdiction's output being written: its documents one by one, then its file names. */
export interface JurisdictionOutput {
  add(document: SearchDocument, status: DocumentStatus): void;
  /** The files written for the jurisdiction, relative to the output's root (checked next run). */
  close(): string[] | Promise<string[]>;
  /** The run failed: leave the last run's files. */
  abort?(): void;
}

/** What an output does with the update; made once the update is scanned. */
export interface KeptOutput {
  /** A jurisdiction read: its output is written again whole. */
  open(profile: string): JurisdictionOutput;
  /** A jurisdiction of the last run no longer among the inputs: its files go. */
  drop(profile: string): void;
  /** A document of the last run no longer written (in a jurisdiction read or dropped). */
  removed?(id: string): void;
  /** After every jurisdiction: the files shared by all of them. */
  end(): void | Promise<void>;
}

/** The update of a folder, scanned; a jurisdiction whose files are gone is written again. */
export async function openUpdate(
  dir: string,
  root: string,
  inputs: readonly (string | Input)[],
  options: UpdateOptions,
): Promise<FederationUpdate> {
  const update = await FederationUpdate.open(join(dir, MANIFEST_FILE), inputs, options);
  for (const j of update.jurisdictions)
    if (update.outputsOf(j.profile).some((f) => !existsSync(join(root, f))))
      update.readAgain(j.profile);
  await update.scan();
  return update;
}

/**
 * Brings an output kept in `dir` (its files under `root`) up to date with the inputs: the
 * manifest in `dir`, the output made by `output` from the scanned update.
 */
export async function updateFolder(
  dir: string,
  root: string,
  inputs: readonly (string | Input)[],
  options: UpdateOptions & { lang?: Lang },
  output: (update: FederationUpdate) => KeptOutput,
): Promise<FolderRun> {
  const update = await openUpdate(dir, root, inputs, options);
  const out = output(update);
  const rejected: Entry[] = [];
  for (const profile of update.read) {
    const w = out.open(profile);
    try {
      for await (const { document, status } of update.documents(profile)) w.add(document, status);
    } catch (e) {
      w.abort?.();
      throw e;
    }
    update.setOutputs(profile, await w.close());
    for (const id of update.removed(profile)) out.removed?.(id);
    rejected.push(...(update.federation(profile)?.entries.filter((e) => !e.iri) ?? []));
  }
  for (const profile of update.dropped) {
    out.drop(profile);
    for (const id of update.removed(profile)) out.removed?.(id);
  }
  await out.end();
  return finish(dir, update, options.lang, rejected);
}

/** Saves the manifest (last: a run stopped before is read again next time) and says what changed. */
function finish(
  dir: string,
  update: FederationUpdate,
  lang: Lang | undefined,
  rejected: Entry[],
): FolderRun {
  const manifest = update.manifest();
  const file = join(dir, MANIFEST_FILE);
  writeFileSync(`${file}.${process.pid}.tmp`, jsonText(manifest));
  renameSync(`${file}.${process.pid}.tmp`, file);
  return {
    lines: update.report(lang ?? 'en'),
    jurisdictions: update.jurisdictions.map((j) => ({
      profile: j.profile,
      documents: Object.keys(manifest.jurisdictions[j.profile]?.documents ?? {}).length,
      read: j.read,
    })),
    rejected,
  };
}
