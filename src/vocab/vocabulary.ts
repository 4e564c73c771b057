/**
 * Vocabularies: controlled lists of common concepts (EU tables, licences…) with each
 * jurisdiction's local codes (`notations`). One source of truth for crosswalks (code → URI),
 * rules (is this format machine-readable? this licence open?) and reports (labels).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '../util/yaml.js';
import { ConfigError, type Said } from '../util/errors.js';
import { checkFile, throwProblems } from '../util/file-schema.js';
import { vocabularyFile } from './file-schema.js';
import { locate, locateAll, searchPathGeneration } from '../util/search-path.js';
import type { LangText } from '../core/lang.js';

export interface Concept {
  code: string;
  uri: string;
  label?: LangText;
  aliases?: string[];
  notations?: Record<string, string[]>;
  verified?: boolean;
  /** Facts particular to the vocabulary (days, machineReadable, openDefinition…). */
  [fact: string]: unknown;
}

export class Vocabulary {
  readonly byUri = new Map<string, Concept>();
  private readonly generic = new Map<string, Concept>();
  private readonly perProfile = new Map<string, Map<string, Concept>>();

  constructor(
    readonly id: string,
    readonly title: LangText | undefined,
    readonly concepts: Concept[],
    readonly file: string,
  ) {
    for (const c of concepts) {
      this.byUri.set(c.uri, c);
      for (const key of [c.code, c.uri, ...(c.aliases ?? [])]) {
        this.index(this.generic, key, c);
        // the same URI in the other scheme: catalogues write http://publications.europa.eu/… and
        // https://…, http://creativecommons.org/… and https://… for the one concept
        const other = otherScheme(key);
        if (other) this.index(this.generic, other, c);
      }
      for (const [profile, codes] of Object.entries(c.notations ?? {})) {
        let m = this.perProfile.get(profile);
        if (!m) this.perProfile.set(profile, (m = new Map()));
        for (const code of codes) this.index(m, String(code), c);
      }
    }
  }

  private index(map: Map<string, Concept>, key: string, c: Concept): void {
    // Exact key first, then a case-, space- and punctuation-insensitive key (normalise); the first concept to claim a key keeps it.
    if (!map.has(key)) map.set(key, c);
    const loose = normalise(key);
    if (!map.has(loose)) map.set(loose, c);
  }

  /** The concept a local value stands for: the profile's own codes first, then codes, URIs and aliases. */
  lookup(value: unknown, profile?: string): Concept | undefined {
    // codes are text, numbers or booleans: a list or an object found where a code was expected is none
    if (value === null || value === undefined || typeof value === 'object') return undefined;
    const s = String(value).trim();
    if (s === '') return undefined;
    const local = profile ? this.perProfile.get(profile) : undefined;
    return (
      local?.get(s) ??
      local?.get(normalise(s)) ??
      this.generic.get(s) ??
      this.generic.get(normalise(s))
    );
  }

  /**
   * `lookup` for one profile, its codes found once: for the look-ups made in every record. Given
   * the profile and the ones it extends (nearest first), a child's codes come before its parent's.
   */
  lookupIn(
    profile: string | readonly string[] | undefined,
  ): (value: unknown) => Concept | undefined {
    const ids = profile === undefined ? [] : typeof profile === 'string' ? [profile] : profile;
    const locals = ids
      .map((id) => this.perProfile.get(id))
      .filter((m): m is Map<string, Concept> => m !== undefined);
    const generic = this.generic;
    return (value) => {
      if (value === null || value === undefined || typeof value === 'object') return undefined;
      const s = String(value).trim();
      if (s === '') return undefined;
      for (const local of locals) {
        const c = local.get(s) ?? local.get(normalise(s));
        if (c) return c;
      }
      return generic.get(s) ?? generic.get(normalise(s));
    };
  }

  get(uri: string | undefined): Concept | undefined {
    return uri === undefined ? undefined : this.byUri.get(uri);
  }

  /** Local codes of one profile, for `profiles show` and comparisons. */
  notations(profile: string): Map<string, Concept> {
    return this.perProfile.get(profile) ?? new Map();
  }
}

function otherScheme(key: string): string | undefined {
  if (key.startsWith('http://')) return `https://${key.slice(7)}`;
  if (key.startsWith('https://')) return `http://${key.slice(8)}`;
  return undefined;
}

/**
 * The loose form of a code: case, spacing and the punctuation portals vary ("Shapefile (zipped)",
 * "SHP-ZIP", "OGC:WMS", "FGDB / GDB") do not count. Used for keys and values alike.
 */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_\-/().,:;]+/g, ' ')
    .trim();
}

interface VocabularyFile {
  id?: string;
  title?: LangText;
  concepts?: Record<string, Omit<Concept, 'code'>>;
}

/** How the places of a vocabulary are named in messages: `concept DAILY: notations`. */
const placeName = (path: string[]): Said => {
  if (path[0] !== 'concepts' || path.length < 2)
    return path.length
      ? { en: path.join('.'), fr: path.join('.') }
      : { en: 'the vocabulary', fr: 'le vocabulaire' };
  const rest = path.slice(2).join('.');
  return {
    en: `concept ${path[1]}${rest ? `: ${rest}` : ''}`,
    fr: `concept ${path[1]}${rest ? ` : ${rest}` : ''}`,
  };
};

export function loadVocabulary(file: string): Vocabulary {
  const y = loadYaml<VocabularyFile>(file);
  // the structure, by the vocabulary file's JSON Schema (the one editors are given)
  throwProblems(checkFile(y, vocabularyFile(), { name: placeName }));
  const d = y.data as Required<Pick<VocabularyFile, 'id' | 'concepts'>> & VocabularyFile;
  const concepts = Object.entries(d.concepts).map(([code, raw]) => ({ ...raw, code }) as Concept);
  return new Vocabulary(d.id, d.title, concepts, y.file);
}

export class VocabularyRegistry {
  private readonly vocabularies = new Map<string, Vocabulary>();

  /** `dirs`: the folders of vocabulary files, in order; by default the search path, then the package. */
  constructor(private readonly dirs?: string[]) {}

  /** The file of vocabulary `id`, where this registry looks. */
  private fileOf(id: string): string | undefined {
    if (!this.dirs) return locate('vocabularies', id)?.file;
    for (const dir of this.dirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      if (names.includes(`${id}.yaml`)) return join(dir, `${id}.yaml`);
    }
    return undefined;
  }

  get(id: string): Vocabulary | undefined {
    const hit = this.vocabularies.get(id);
    if (hit) return hit;
    const file = this.fileOf(id);
    if (!file) return undefined;
    const v = loadVocabulary(file);
    if (v.id !== id)
      throw new ConfigError(
        `vocabulary id "${v.id}" does not match its file name`,
        v.file,
        `l’identifiant du vocabulaire « ${v.id} » ne correspond pas au nom de son fichier`,
      );
    this.vocabularies.set(id, v);
    return v;
  }

  require(id: string): Vocabulary {
    const v = this.get(id);
    if (!v)
      throw new ConfigError(
        `unknown vocabulary "${id}"`,
        undefined,
        `vocabulaire inconnu « ${id} »`,
      );
    return v;
  }

  ids(): string[] {
    if (!this.dirs) return locateAll('vocabularies').map((v) => v.id);
    const out = new Set<string>();
    for (const dir of this.dirs) {
      try {
        for (const n of readdirSync(dir)) if (n.endsWith('.yaml')) out.add(n.slice(0, -5));
      } catch {
        /* a missing folder holds no vocabularies */
      }
    }
    return [...out].sort();
  }
}

let shared: { registry: VocabularyRegistry; generation: number } | undefined;
/**
 * The vocabularies of the search path (user folders, then the package), loaded once per process
 * and path, and only those asked for.
 */
export function defaultVocabularies(): VocabularyRegistry {
  if (shared?.generation !== searchPathGeneration())
    shared = { registry: new VocabularyRegistry(), generation: searchPathGeneration() };
  return shared.registry;
}
