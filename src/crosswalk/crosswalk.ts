/** A loaded crosswalk: apply it to a source record to get a common record with provenance. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, Provenance } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Emitted } from '../rules/types.js';
import { CROSSWALKS_DIR } from '../paths.js';
import { ConfigError } from '../util/errors.js';
import { loadYaml } from '../util/yaml.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import { Compiler, type Ctx, type Declared, type LintIssue } from './compile.js';
import type { CrosswalkFile } from './types.js';

export interface Mapped {
  dataset: Dataset;
  provenance: Provenance[];
  /** Findings of the mapping itself (unmapped values, values of the wrong type, disagreeing values). */
  findings: Emitted[];
}

/** A record's provenance by property, built once per record for the findings' source paths. */
interface ProvenanceIndex {
  byProperty: Map<string, Provenance>;
  /** `title` → the source of the first language recorded (`title@en`). */
  firstLanguage: Map<string, string>;
}

function indexProvenance(provenance: readonly Provenance[]): ProvenanceIndex {
  const byProperty = new Map<string, Provenance>();
  const firstLanguage = new Map<string, string>();
  for (const p of provenance) {
    byProperty.set(p.property, p); // the last entry of a property counts
    const at = p.property.lastIndexOf('@');
    if (at > 0 && p.source.length && !firstLanguage.has(p.property.slice(0, at))) firstLanguage.set(p.property.slice(0, at), p.source[0]);
  }
  return { byProperty, firstLanguage };
}

export class Crosswalk {
  private readonly indexes = new WeakMap<Mapped, ProvenanceIndex>();

  constructor(
    readonly id: string,
    readonly profile: Profile,
    readonly file: string,
    private readonly run: (ctx: Ctx) => Record<string, unknown>,
    readonly declared: ReadonlyMap<string, Declared>,
  ) {}

  apply(record: unknown): Mapped {
    const findings: Emitted[] = [];
    const provenance: Provenance[] = [];
    const ctx: Ctx = {
      root: record,
      node: record,
      base: '',
      prefix: '',
      itemPrefix: undefined,
      offset: undefined,
      profile: this.profile.id,
      emit: (e) => findings.push(e),
      prov: provenance,
      provKeys: new Set(),
    };
    const dataset = this.run(ctx) as Dataset;
    return { dataset, provenance, findings };
  }

  /**
   * The source field behind a property of the common record, as a JSON Pointer, also when the
   * property has no value (then: where the crosswalk looked for it).
   * `property`: `title`, `title@fr`, `distribution[2].license`, `publisher.name@en`.
   */
  sourceOf(mapped: Mapped, property: string): string | undefined {
    let index = this.indexes.get(mapped);
    if (!index) {
      index = indexProvenance(mapped.provenance);
      this.indexes.set(mapped, index);
    }
    const exact = index.byProperty.get(property);
    if (exact?.source.length) return exact.source[0];
    // all languages of a text: the first one recorded
    const firstLanguage = index.firstLanguage.get(property);
    if (firstLanguage !== undefined) return firstLanguage;
    const [path, lang] = property.split('@');
    // a language missing from a text given in others: where the crosswalk reads that language
    // (paired fields), else beside the others in a language map (`/title_translated/fr`), else the
    // field that gave the text (`/notes`)
    if (lang && !this.declared.has(`${path.replace(/\[\d+\]/g, '[*]')}@${lang}`)) {
      for (const p of mapped.provenance) {
        const other = p.property.startsWith(`${path}@`) ? p.property.slice(path.length + 1) : undefined;
        if (!other || !p.source.length) continue;
        const src = p.source[0];
        return src.endsWith(`/${other}`) ? `${src.slice(0, -other.length)}${lang}` : src;
      }
    }

    // nearest enclosing list item that was produced (`distribution[2]` → /resources/2)
    const itemRe = /\[(\d+)\]/g;
    let base = '';
    let m: RegExpExecArray | null;
    let lastEnd = -1;
    while ((m = itemRe.exec(path)) !== null) {
      const item = index.byProperty.get(path.slice(0, m.index + m[0].length));
      if (item?.source.length) {
        base = item.source[0];
        lastEnd = m.index + m[0].length;
      }
    }
    const pattern = path.replace(/\[\d+\]/g, '[*]');
    const declared = this.declared.get(lang ? `${pattern}@${lang}` : pattern) ?? this.declared.get(pattern);
    const first = declared?.sources[0];
    if (!first) return lastEnd >= 0 ? base : undefined;
    let p = first.path;
    if (lang && first.languageMap && !this.declared.has(`${pattern}@${lang}`)) p += `/${lang}`;
    if (first.relative) {
      if (lastEnd < 0) return undefined;
      return base + p.replace(/\/\*/g, '');
    }
    // an absolute pattern below a list (`/resources/*/format`): fill the item indices in; without
    // an index (`distribution`, none at all) the list itself
    const indices = [...path.matchAll(/\[(\d+)\]/g)].map((x) => x[1]);
    const parts = p.split('/');
    let k = 0;
    const out: string[] = [];
    for (const part of parts) {
      if (part !== '*') out.push(part);
      else if (k < indices.length) out.push(indices[k++]);
      else break;
    }
    return out.join('/');
  }
}

export function crosswalkPath(id: string, dir = CROSSWALKS_DIR): string {
  return join(dir, `${id}.yaml`);
}

/** Checks a crosswalk against its profile and the common model; every problem, with file:line:col. */
export function lintCrosswalk(file: string, profile: Profile, vocabularies: VocabularyRegistry = defaultVocabularies()): {
  issues: LintIssue[];
  crosswalk?: Crosswalk;
} {
  const y = loadYaml<CrosswalkFile>(file);
  const compiler = new Compiler(y, profile, vocabularies);
  const run = compiler.compile();
  if (!run || compiler.issues.length) return { issues: compiler.issues };
  const id = String(y.data.crosswalk ?? profile.id);
  return { issues: [], crosswalk: new Crosswalk(id, profile, y.file, run, compiler.declared) };
}

const cache = new Map<string, Crosswalk>();

export function loadCrosswalk(profile: Profile, file = crosswalkPath(profile.id), vocabularies?: VocabularyRegistry): Crosswalk {
  const key = `${file}\u0000${profile.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!existsSync(file)) throw new ConfigError(`no crosswalk for profile ${profile.id}`, file);
  const { issues, crosswalk } = lintCrosswalk(file, profile, vocabularies);
  if (!crosswalk) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}: run \`passerelle crosswalk check ${profile.id}\`)` : '';
    throw new ConfigError(`invalid crosswalk: ${issues[0].message}${more}`, issues[0].where);
  }
  cache.set(key, crosswalk);
  return crosswalk;
}
