/**
 * Incremental federation: a new harvest of one jurisdiction updates the outputs without reading
 * the others again, and says what changed. Engine-independent: the Solr and OpenSearch writers
 * (`engines/write.ts`) use it, and any other output kept per jurisdiction can (the static site).
 *
 * The output folder keeps a manifest (`federation-manifest.json`) with, per jurisdiction: a
 * fingerprint of what its documents are made from (its input files' sizes and SHA-256, its profile
 * and crosswalk), the duplicate-detection keys of its records (`Keyed`: duplicates across
 * jurisdictions are found again without re-reading the inputs, and so are last run's "also
 * published by" links), and each document's id and content hash (with the links its output
 * carries, when a later run changed them without rewriting it). A run:
 *
 * 1. `FederationUpdate.open()` reads the manifest and fingerprints the inputs: a jurisdiction is
 *    read again when its fingerprint changed, when it is new, or under `full`; a manifest of
 *    another format, Passerelle version or base IRI, or one that cannot be read, means everything
 *    is read (`rebuild` says why).
 * 2. `scan()` reads those jurisdictions (one `Federation` each: quality is judged within a
 *    jurisdiction's own catalogue) and finds duplicates over every jurisdiction's keys, stored
 *    or fresh, in input order, so the groups are those a full run finds. A jurisdiction not read
 *    whose written datasets would change (a record of another one now, or no longer, takes the same
 *    IRI) is read after all.
 * 3. `documents(profile)`: the documents of a jurisdiction read, with links over the federation;
 *    each one's `status` (added, changed, unchanged) is known as it is yielded; `removed(profile)`
 *    after them.
 * 4. `staleLinks()`: documents of jurisdictions not read whose links differ from those their
 *    output carries (write them as partial updates after the jurisdiction's documents);
 *    `linkChanges()`: documents whose links changed since the last run and that are not sent
 *    again whole (for a delta).
 * 5. `manifest()` to save once the outputs are in place; `report(lang)` says what changed.
 *
 * A document's content hash leaves out its links (kept apart, above) and its line in the export
 * (a record moved by an edit above it is not a change).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Bilingual, Lang } from '../core/lang.js';
import { parseInputs, type Input } from '../engine/run.js';
import { expandPaths } from '../sources/read.js';
import { profilePath } from '../profiles/load.js';
import { crosswalkPath } from '../crosswalk/crosswalk.js';
import { tool } from '../tool.js';
import { count, counted } from '../i18n/plural.js';
import { render } from '../i18n/render.js';
import { findDuplicates, type Keyed } from './duplicates.js';
import { DEFAULT_BASE } from './defaults.js';
import type { SearchDocument } from './document.js';
import { Federation, type Entry, type FederateOptions, type Links } from './federate.js';
import {
  KIND,
  MANIFEST_FILE,
  readManifest,
  VERSION,
  type DocumentState,
  type JurisdictionState,
  type Manifest,
  type StoredKey,
} from './manifest.js';

export { MANIFEST_FILE, readManifest, type Manifest } from './manifest.js';

export type DocumentStatus = 'added' | 'changed' | 'unchanged';

export interface UpdateOptions extends FederateOptions {
  /** The output format the folder holds (a manifest of another is not used). */
  format: string;
  /** Read every jurisdiction, whatever the manifest says. */
  full?: boolean;
}

export interface JurisdictionPlan {
  profile: string;
  inputs: Input[];
  fingerprint: string;
  files: JurisdictionState['files'];
  /** Read this run; false: its documents and output are kept from the last run. */
  read: boolean;
  previous?: JurisdictionState;
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The files a jurisdiction's documents are made from: its inputs, its profile and crosswalk. */
async function fingerprint(
  profile: string,
  inputs: Input[],
): Promise<Pick<JurisdictionPlan, 'fingerprint' | 'files'>> {
  const paths = inputs.flatMap((i) =>
    expandPaths([i.path]).flatMap((e) => (e.rejected ? [] : [e.path])),
  );
  const files: JurisdictionState['files'] = [];
  for (const path of paths)
    files.push({ path, size: statSync(path).size, sha256: await sha256File(path) });
  const h = createHash('sha256').update(`${profile}\n`);
  for (const f of files) h.update(`${f.path}\0${f.size}\0${f.sha256}\n`);
  for (const p of [profilePath(profile), crosswalkPath(profile)])
    h.update(existsSync(p) ? await sha256File(p) : '-');
  return { fingerprint: h.digest('hex'), files };
}

const sameLinks = (a: Links | undefined, b: Links | undefined): boolean =>
  !!a &&
  !!b &&
  a.duplicateOf === b.duplicateOf &&
  a.duplicates.length === b.duplicates.length &&
  a.duplicates.every((d, i) => d === b.duplicates[i]);

/** A document's content hash: what it says, its links and its line in the export aside. */
export function contentHash(d: SearchDocument): string {
  const { duplicates: _d, duplicateOf: _o, source, ...rest } = d;
  const { line: _l, ...where } = source;
  return createHash('sha256')
    .update(JSON.stringify({ ...rest, source: where }))
    .digest('hex')
    .slice(0, 20);
}

/** Duplicates over every jurisdiction's keys, in input order: which records are not written, and each written one's links. */
export function linkAll(keys: { profile: string; keys: StoredKey[] }[]): {
  skipped: Set<string>;
  links: Map<string, Links>;
} {
  const all: Keyed[] = [];
  const where: string[] = [];
  for (const j of keys)
    j.keys.forEach((k, i) => {
      all.push({ ...k, n: all.length });
      where.push(`${j.profile}#${i}`);
    });
  const skipped = new Set<string>();
  const primaryOf = new Map<number, number>();
  const copies = new Map<number, number[]>();
  for (const d of findDuplicates(all)) {
    if (d.reasons.includes('same-iri')) {
      skipped.add(where[d.n]);
      continue;
    }
    primaryOf.set(d.n, d.primary);
    copies.set(d.primary, [...(copies.get(d.primary) ?? []), d.n]);
  }
  const links = new Map<string, Links>();
  for (const k of all) {
    if (skipped.has(where[k.n])) continue;
    const p = primaryOf.get(k.n);
    const group = p === undefined ? (copies.get(k.n) ?? []) : [p, ...(copies.get(p) ?? [])];
    links.set(k.iri, {
      duplicates: group.filter((m) => m !== k.n).map((m) => all[m].iri),
      ...(p === undefined ? {} : { duplicateOf: all[p].iri }),
    });
  }
  return { skipped, links };
}

interface Counts {
  added: number;
  changed: number;
  removed: number;
}

export class FederationUpdate {
  /** Why every jurisdiction is read although the folder had a manifest. */
  rebuild?: Bilingual;
  readonly jurisdictions: JurisdictionPlan[] = [];
  /** Jurisdictions of the last run no longer among the inputs: their documents are removed. */
  readonly dropped: string[] = [];
  private previous?: Manifest;
  private readonly federations = new Map<string, Federation>();
  private readonly keys = new Map<string, StoredKey[]>();
  /** The position of each read entry among its jurisdiction's keys. */
  private readonly keyIndex = new Map<Entry, number>();
  private linked: ReturnType<typeof linkAll> = { skipped: new Set(), links: new Map() };
  /** The links of the last run, found again from its keys. */
  private linkedBefore: ReturnType<typeof linkAll> = { skipped: new Set(), links: new Map() };
  private readonly states = new Map<string, JurisdictionState>();
  private readonly counts = new Map<string, Counts>();

  private constructor(private readonly options: UpdateOptions) {}

  static async open(
    manifestFile: string,
    args: readonly (string | Input)[],
    options: UpdateOptions,
  ): Promise<FederationUpdate> {
    const u = new FederationUpdate(options);
    const inputs = args.map((a) =>
      typeof a === 'string' ? parseInputs([a], options.profile)[0] : a,
    );
    const { manifest, problem } = readManifest(
      manifestFile,
      options.format,
      options.base ?? DEFAULT_BASE,
    );
    u.previous = manifest;
    u.rebuild = problem;
    const profiles = [...new Set(inputs.map((i) => i.profile))];
    for (const profile of profiles) {
      const mine = inputs.filter((i) => i.profile === profile);
      const fp = await fingerprint(profile, mine);
      const previous = manifest?.jurisdictions[profile];
      const read = !!options.full || !previous || previous.fingerprint !== fp.fingerprint;
      u.jurisdictions.push({ profile, inputs: mine, ...fp, read, previous });
    }
    for (const p of Object.keys(manifest?.jurisdictions ?? {}))
      if (!profiles.includes(p)) u.dropped.push(p);
    return u;
  }

  /** Marks a jurisdiction to read (its output is missing, say) before `scan()`. */
  readAgain(profile: string): void {
    const j = this.jurisdictions.find((x) => x.profile === profile);
    if (j) j.read = true;
  }

  /** Reads the jurisdictions to read (first pass) and links duplicates over all of them. */
  async scan(): Promise<void> {
    for (;;) {
      for (const [i, j] of this.jurisdictions.entries())
        if (j.read && !this.federations.has(j.profile)) await this.readJurisdiction(j, i);
      this.linked = linkAll(
        this.jurisdictions.map((j) => ({
          profile: j.profile,
          keys: this.keys.get(j.profile) ?? j.previous?.keys ?? [],
        })),
      );
      // a jurisdiction kept whose written datasets would change has to be read after all
      const more = this.jurisdictions.filter((j) => !j.read && !this.keepsItsDatasets(j));
      if (!more.length) break;
      for (const j of more) j.read = true;
    }
    const before = Object.keys(this.previous?.jurisdictions ?? {});
    // nothing read, nothing dropped, the same order: the last run's keys, so its links (finding
    // them took 2.6 s of an 11.8 s run on 20,000 generated records: not twice)
    const same =
      !this.read.length &&
      before.length === this.jurisdictions.length &&
      this.jurisdictions.every((j, i) => j.profile === before[i]);
    this.linkedBefore = same
      ? this.linked
      : linkAll(
          Object.entries(this.previous?.jurisdictions ?? {}).map(([profile, j]) => ({
            profile,
            keys: j.keys,
          })),
        );
    for (const j of this.jurisdictions) if (!j.read) this.keep(j);
  }

  /** First pass over a jurisdiction: its records' keys. */
  private async readJurisdiction(j: JurisdictionPlan, i: number): Promise<void> {
    // blank nodes labelled apart per jurisdiction: their statements may meet in one request
    const f = new Federation(j.inputs, { ...this.options, blankPrefix: `j${i}f` });
    await f.scan();
    this.federations.set(j.profile, f);
    const keys: StoredKey[] = [];
    for (const e of f.entries) {
      if (!e.keyed) continue;
      const { n: _n, ...k } = e.keyed;
      this.keyIndex.set(e, keys.length);
      keys.push(k);
    }
    this.keys.set(j.profile, keys);
  }

  private written(j: JurisdictionPlan): string[] {
    const keys = j.previous?.keys ?? [];
    return keys.flatMap((k, i) => (this.linked.skipped.has(`${j.profile}#${i}`) ? [] : [k.iri]));
  }

  private keepsItsDatasets(j: JurisdictionPlan): boolean {
    const before = Object.keys(j.previous?.documents ?? {});
    const now = this.written(j);
    return before.length === now.length && now.every((id) => j.previous?.documents[id]);
  }

  /** A jurisdiction not read: its documents as they were, with today's links. */
  private keep(j: JurisdictionPlan): void {
    const prev = j.previous as JurisdictionState;
    const documents: Record<string, DocumentState> = {};
    for (const [id, d] of Object.entries(prev.documents)) {
      const written = d.written ?? this.before(id);
      documents[id] = sameLinks(written, this.now(id)) ? { h: d.h } : { h: d.h, written };
    }
    this.states.set(j.profile, { ...prev, documents });
  }

  /** The jurisdictions read this run, in input order. */
  get read(): string[] {
    return this.jurisdictions.filter((j) => j.read).map((j) => j.profile);
  }

  /**
   * Second pass over a jurisdiction read: its documents, with links over the whole federation and
   * each one's status against the last run.
   */
  async *documents(
    profile: string,
  ): AsyncGenerator<{ document: SearchDocument; status: DocumentStatus }> {
    const j = this.jurisdictions.find((x) => x.profile === profile);
    const f = this.federations.get(profile);
    if (!j || !f) throw new Error(`${profile} was not read`);
    const before = j.previous?.documents ?? {};
    const documents: Record<string, DocumentState> = {};
    const c: Counts = { added: 0, changed: 0, removed: 0 };
    for await (const document of f.documents(this.linksOf(profile))) {
      const h = contentHash(document);
      documents[document.id] = { h };
      const was = before[document.id];
      const status: DocumentStatus = !was ? 'added' : was.h === h ? 'unchanged' : 'changed';
      if (status !== 'unchanged') c[status]++;
      yield { document, status };
    }
    c.removed = Object.keys(before).filter((id) => !documents[id]).length;
    this.counts.set(profile, c);
    const summary = f.summary();
    this.states.set(profile, {
      catalogue: f.catalogueOf(profile),
      fingerprint: j.fingerprint,
      files: j.files,
      records: summary.records,
      rejected: summary.rejected,
      keys: this.keys.get(profile) ?? [],
      documents,
      outputs: [],
    });
  }

  /** A document's links today, and in the last run. */
  private now(id: string): Links {
    return this.linked.links.get(id) ?? { duplicates: [] };
  }
  private before(id: string): Links {
    return this.linkedBefore.links.get(id) ?? { duplicates: [] };
  }

  /** The links of a read jurisdiction's entries over the whole federation; undefined: not written. */
  linksOf(profile: string): (e: Entry) => Links | undefined {
    return (e) => {
      const i = this.keyIndex.get(e);
      if (i === undefined || this.linked.skipped.has(`${profile}#${i}`)) return undefined;
      return this.linked.links.get(e.iri as string) ?? { duplicates: [] };
    };
  }

  /** Every document's links, in input order (after the read jurisdictions' `documents()`). */
  *links(): Generator<[string, Links]> {
    for (const d of this.documentLinks()) yield [d.id, d.links];
  }

  /** Every document with its jurisdiction and links, in input order (after `documents()`). */
  *documentLinks(): Generator<{ id: string; profile: string; links: Links }> {
    for (const j of this.jurisdictions)
      for (const id of Object.keys(this.states.get(j.profile)?.documents ?? {}))
        yield { id, profile: j.profile, links: this.now(id) };
  }

  /** The catalogue (named graph) of a jurisdiction of the last run. */
  previousCatalogue(profile: string): string | undefined {
    return this.previous?.jurisdictions[profile]?.catalogue;
  }

  /** The federation of a jurisdiction read (its entries: rejected records to report). */
  federation(profile: string): Federation | undefined {
    return this.federations.get(profile);
  }

  /** Ids of the last run's documents of a jurisdiction that are gone (after its `documents()`), or of a dropped one. */
  removed(profile: string): string[] {
    const before = Object.keys(this.previous?.jurisdictions[profile]?.documents ?? {});
    const now = this.states.get(profile)?.documents ?? {};
    return before.filter((id) => !now[id]);
  }

  /** Documents of jurisdictions not read whose links differ from those their output carries. */
  staleLinks(): { id: string; profile: string; links: Links }[] {
    const out: { id: string; profile: string; links: Links }[] = [];
    for (const j of this.jurisdictions) {
      if (j.read) continue;
      for (const [id, d] of Object.entries(this.states.get(j.profile)?.documents ?? {}))
        if (d.written) out.push({ id, profile: j.profile, links: this.now(id) });
    }
    return out;
  }

  /** Documents whose links changed since the last run, not sent again whole (added or changed). */
  linkChanges(): { id: string; profile: string; links: Links }[] {
    const out: { id: string; profile: string; links: Links }[] = [];
    for (const j of this.jurisdictions) {
      const before = j.previous?.documents ?? {};
      for (const [id, d] of Object.entries(this.states.get(j.profile)?.documents ?? {})) {
        const was = before[id];
        if (was && was.h === d.h && !sameLinks(this.before(id), this.now(id)))
          out.push({ id, profile: j.profile, links: this.now(id) });
      }
    }
    return out;
  }

  /** Records what a writer keeps for a jurisdiction (checked before the next run keeps it). */
  setOutputs(profile: string, names: string[]): void {
    const s = this.states.get(profile);
    if (s) s.outputs = names;
  }

  /** What a writer kept for a jurisdiction last time. */
  outputsOf(profile: string): string[] {
    return this.previous?.jurisdictions[profile]?.outputs ?? [];
  }

  manifest(): Manifest {
    const jurisdictions: Record<string, JurisdictionState> = {};
    for (const j of this.jurisdictions) {
      const s = this.states.get(j.profile);
      if (s) jurisdictions[j.profile] = s;
    }
    return {
      kind: KIND,
      version: VERSION,
      tool: tool().version,
      format: this.options.format,
      base: this.options.base ?? DEFAULT_BASE,
      jurisdictions,
    };
  }

  /** What changed, a line per jurisdiction: "ca-ab: 3 added, 1 removed, 2 changed". */
  report(lang: Lang): string[] {
    const lines: string[] = [];
    if (this.rebuild)
      lines.push(render(WORDS.rebuild[lang], { why: this.rebuild[lang], file: MANIFEST_FILE }));
    for (const j of this.jurisdictions) {
      const c = this.counts.get(j.profile);
      if (!j.read) lines.push(render(WORDS.kept[lang], { profile: j.profile }));
      else if (!j.previous)
        lines.push(
          render(WORDS.fresh[lang], {
            profile: j.profile,
            n: count(
              Object.keys(this.states.get(j.profile)?.documents ?? {}).length,
              'added',
              lang,
            ),
          }),
        );
      else
        lines.push(
          render(WORDS.changes[lang], {
            profile: j.profile,
            added: count(c?.added ?? 0, 'added', lang),
            removed: count(c?.removed ?? 0, 'removed', lang),
            changed: count(c?.changed ?? 0, 'changed', lang),
          }),
        );
    }
    for (const p of this.dropped)
      lines.push(
        render(WORDS.dropped[lang], {
          profile: p,
          removed: count(this.removed(p).length, 'removed', lang),
        }),
      );
    const links = this.linkChanges().length;
    if (links) lines.push(counted('linksChanged', links, lang));
    return lines;
  }
}

const WORDS = {
  rebuild: {
    en: '{{file}}: {{why}}; every jurisdiction is read again',
    fr: '{{file}} : {{why}} ; toutes les administrations sont relues',
  },
  kept: { en: '{{profile}}: unchanged (not read)', fr: '{{profile}} : inchangé (non relu)' },
  fresh: { en: '{{profile}}: {{n}} (new)', fr: '{{profile}} : {{n}} (nouveau)' },
  changes: {
    en: '{{profile}}: {{added}}, {{removed}}, {{changed}}',
    fr: '{{profile}} : {{added}}, {{removed}}, {{changed}}',
  },
  dropped: {
    en: '{{profile}}: no longer among the inputs, {{removed}}',
    fr: '{{profile}} : ne fait plus partie des entrées, {{removed}}',
  },
} as const;
