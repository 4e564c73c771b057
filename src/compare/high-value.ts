/**
 * High-value datasets: the categories and core datasets of `crosswalks/vocabularies/hvd-category.yaml`
 * (or a list of the same form, `compare --hvd <file>`), and which ones a catalogue covers, with the
 * records that show it. A record covers a core dataset when one of the dataset's terms is, as whole
 * words, in the record's title or one of its keywords, in the same language; when both the record
 * and the core dataset have themes, one must agree.
 */
import { type Bilingual, isLanguageTag, type LangText, type LangTexts } from '../core/lang.js';
import { ConfigError } from '../util/errors.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';
import { VOCABULARIES_DIR } from '../paths.js';
import type { Processed } from '../engine/pipeline.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { join } from 'node:path';
import { shareOf, type Share } from './measures.js';

export const HIGH_VALUE_FILE = join(VOCABULARIES_DIR, 'hvd-category.yaml');
/** Evidence records kept per jurisdiction and core dataset (the count is always complete). */
export const EVIDENCE_LIMIT = 10;

export interface CoreDataset {
  id: string;
  category: string;
  label: Bilingual;
  /** The EU high-value subcategory it stands for, when there is one. */
  eu?: string;
  /** EU data-theme codes and URIs; empty: any theme. */
  themes: { code: string; uri: string }[];
  terms: { en: string[]; fr: string[] };
  /** The terms as matched (`normalise`d), in the same order. */
  keys: { en: string[]; fr: string[] };
}

export interface HighValueCategory {
  id: string;
  uri: string;
  label: Bilingual;
  datasets: CoreDataset[];
}

export interface HighValueList {
  file: string;
  categories: HighValueCategory[];
}

export interface Evidence {
  id: string | null;
  title?: string;
  file: string;
  line?: number;
  pointer?: string;
  /** What matched: `title@en: "climate data"`, `keyword@fr: "climat"`. */
  matched: { on: 'title' | 'keyword'; language: string; term: string }[];
  /** Themes of the record that agree with the core dataset's. */
  themes: string[];
}

export interface DatasetCoverage {
  records: number;
  evidence: Evidence[];
}

export interface JurisdictionCoverage {
  /** Core datasets covered by at least one record, of all. */
  covered: Share;
  categories: Record<string, Share>;
  datasets: Record<string, DatasetCoverage>;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

function bilingual(y: YamlSource, v: unknown, at: (string | number)[]): Bilingual {
  if (
    !isObj(v) ||
    typeof v.en !== 'string' ||
    typeof v.fr !== 'string' ||
    !v.en.trim() ||
    !v.fr.trim()
  ) {
    throw new ConfigError(
      '`label` needs English and French text: {en: …, fr: …}',
      y.where(at),
      '`label` a besoin d’un texte anglais et d’un texte français : {en: …, fr: …}',
    );
  }
  return { en: v.en, fr: v.fr };
}

/** A dataset's matching words in both languages (`terms: {en: [...], fr: [...]}`), checked. */
function termsOf(
  y: YamlSource,
  did: string,
  terms: unknown,
  here: (string | number)[],
): Record<'en' | 'fr', string[]> {
  if (!isObj(terms))
    throw new ConfigError(
      `dataset ${did}: \`terms\` lists matching words in English and French: {en: [...], fr: [...]}`,
      y.where(here),
      `ensemble ${did} : \`terms\` liste les mots à reconnaître en anglais et en français : {en: [...], fr: [...]}`,
    );
  const list = (lang: 'en' | 'fr'): string[] => {
    const t = terms[lang];
    if (
      !Array.isArray(t) ||
      t.length === 0 ||
      t.some((x) => typeof x !== 'string' || !normalise(x))
    )
      throw new ConfigError(
        `dataset ${did}: \`terms.${lang}\` is a list of words`,
        y.where([...here, 'terms', lang]),
        `ensemble ${did} : \`terms.${lang}\` est une liste de mots`,
      );
    return t as string[];
  };
  return { en: list('en'), fr: list('fr') };
}

/** Loads and checks a high-value list; every problem names its file, line and column. */
export function loadHighValueList(
  file: string = HIGH_VALUE_FILE,
  vocabularies: VocabularyRegistry,
): HighValueList {
  const y = loadYaml<Raw>(file);
  const d = y.data;
  if (!isObj(d) || !isObj(d.concepts))
    throw new ConfigError(
      'a high-value list is a vocabulary: `id`, and `concepts` (the categories)',
      y.where([]),
      'une liste de forte valeur est un vocabulaire : `id`, et `concepts` (les catégories)',
    );
  const themes = vocabularies.require('theme');
  const categories: HighValueCategory[] = [];
  const seen = new Set<string>();
  for (const [id, c] of Object.entries(d.concepts)) {
    const at = ['concepts', id];
    if (!isObj(c) || typeof c.uri !== 'string')
      throw new ConfigError(
        `category ${id} needs a \`uri\``,
        y.where(at),
        `il manque une \`uri\` à la catégorie ${id}`,
      );
    if (!isObj(c.datasets) || Object.keys(c.datasets).length === 0)
      throw new ConfigError(
        `category ${id} needs \`datasets\`: the core datasets of the category`,
        y.where(at),
        `il manque \`datasets\` à la catégorie ${id} : ses ensembles de données essentiels`,
      );
    const datasets: CoreDataset[] = [];
    for (const [did, raw] of Object.entries(c.datasets)) {
      const here = [...at, 'datasets', did];
      if (!isObj(raw))
        throw new ConfigError(
          `dataset ${did}: a map (label, terms, themes, eu)`,
          y.where(here),
          `ensemble ${did} : une table (label, terms, themes, eu)`,
        );
      if (seen.has(did))
        throw new ConfigError(
          `dataset ${did} is listed twice`,
          y.where(here, true),
          `l’ensemble ${did} est listé deux fois`,
        );
      seen.add(did);
      const { en, fr } = termsOf(y, did, raw.terms, here);
      const codes = raw.themes === undefined ? [] : raw.themes;
      if (!Array.isArray(codes))
        throw new ConfigError(
          `dataset ${did}: \`themes\` is a list of EU data-theme codes`,
          y.where([...here, 'themes']),
          `ensemble ${did} : \`themes\` est une liste de codes de thèmes de données de l’UE`,
        );
      const resolved = codes.map((code, i) => {
        const concept = themes.lookup(code);
        if (!concept)
          throw new ConfigError(
            `dataset ${did}: "${String(code)}" is not in the theme vocabulary`,
            y.where([...here, 'themes', i]),
            `ensemble ${did} : « ${String(code)} » n’est pas dans le vocabulaire des thèmes`,
          );
        return { code: concept.code, uri: concept.uri };
      });
      if (raw.eu !== undefined && typeof raw.eu !== 'string')
        throw new ConfigError(
          `dataset ${did}: \`eu\` is the URI of an EU high-value subcategory`,
          y.where([...here, 'eu']),
          `ensemble ${did} : \`eu\` est l’URI d’une sous-catégorie de forte valeur de l’UE`,
        );
      datasets.push({
        id: did,
        category: id,
        label: bilingual(y, raw.label, [...here, 'label']),
        ...(raw.eu !== undefined ? { eu: raw.eu as string } : {}),
        themes: resolved,
        terms: { en, fr },
        keys: { en: en.map(normalise), fr: fr.map(normalise) },
      });
    }
    categories.push({ id, uri: c.uri, label: bilingual(y, c.label, [...at, 'label']), datasets });
  }
  return { file: y.file, categories };
}

/** Case, accents and punctuation left out, words separated by one space. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The official language a text is in: `fr-CA` → fr; untagged (`und`) text is tried in both. */
function languagesOf(tag: string): ('en' | 'fr')[] {
  const base = tag.split('-')[0].toLowerCase();
  if (base === 'en' || base === 'fr') return [base];
  return base === 'und' || !isLanguageTag(tag) ? ['en', 'fr'] : [];
}

const contains = (text: string, term: string): boolean => ` ${text} `.includes(` ${term} `);

/** Which core datasets one common record covers, and how. */
export function matchRecord(
  list: HighValueList,
  record: { title?: LangText; keyword?: LangTexts; theme?: string[] },
): { dataset: CoreDataset; matched: Evidence['matched']; themes: string[] }[] {
  const texts: { on: 'title' | 'keyword'; tag: string; text: string }[] = [];
  for (const [tag, t] of Object.entries(record.title ?? {}))
    if (typeof t === 'string') texts.push({ on: 'title', tag, text: normalise(t) });
  for (const [tag, list] of Object.entries(record.keyword ?? {}))
    for (const k of list ?? []) texts.push({ on: 'keyword', tag, text: normalise(k) });
  const recordThemes = record.theme ?? [];
  const out: { dataset: CoreDataset; matched: Evidence['matched']; themes: string[] }[] = [];
  for (const c of list.categories) {
    for (const dataset of c.datasets) {
      const agree = dataset.themes.filter((t) => recordThemes.includes(t.uri)).map((t) => t.code);
      if (dataset.themes.length && recordThemes.length && agree.length === 0) continue;
      const matched: Evidence['matched'] = [];
      for (const x of texts) {
        for (const lang of languagesOf(x.tag)) {
          // the longest term that matches says the most
          const keys = dataset.keys[lang];
          let best = -1;
          for (let i = 0; i < keys.length; i++)
            if (contains(x.text, keys[i]) && (best < 0 || keys[i].length > keys[best].length))
              best = i;
          const term = best < 0 ? undefined : dataset.terms[lang][best];
          if (
            term &&
            !matched.some((m) => m.on === x.on && m.language === x.tag && m.term === term)
          )
            matched.push({ on: x.on, language: x.tag, term });
        }
      }
      if (matched.length) out.push({ dataset, matched, themes: agree });
    }
  }
  return out;
}

/** One jurisdiction's coverage, gathered as its records stream by. */
export class CoverageCollector {
  private readonly datasets = new Map<string, DatasetCoverage>();

  constructor(private readonly list: HighValueList) {}

  add(p: Processed): void {
    if (p.result.status === 'rejected' || !p.mapped) return;
    for (const m of matchRecord(this.list, p.mapped.dataset)) {
      let c = this.datasets.get(m.dataset.id);
      if (!c) this.datasets.set(m.dataset.id, (c = { records: 0, evidence: [] }));
      c.records++;
      if (c.evidence.length >= EVIDENCE_LIMIT) continue;
      const { source } = p.result;
      c.evidence.push({
        id: p.result.id,
        ...(p.result.title !== undefined ? { title: p.result.title } : {}),
        file: source.file,
        ...(source.line !== undefined ? { line: source.line } : {}),
        ...(source.pointer !== undefined ? { pointer: source.pointer } : {}),
        matched: m.matched,
        themes: m.themes,
      });
    }
  }

  result(): JurisdictionCoverage {
    const all = this.list.categories.flatMap((c) => c.datasets);
    const datasets = Object.fromEntries(
      all.map((d) => [d.id, this.datasets.get(d.id) ?? { records: 0, evidence: [] }]),
    );
    const covered = (ds: CoreDataset[]): Share =>
      shareOf(ds.filter((d) => datasets[d.id].records > 0).length, ds.length);
    return {
      covered: covered(all),
      categories: Object.fromEntries(this.list.categories.map((c) => [c.id, covered(c.datasets)])),
      datasets,
    };
  }
}
