/**
 * The search document: one flat, bilingual description of a federated dataset, the one shape the
 * static search site, Solr and OpenSearch are fed. Free text stays a `LangText` (the engines index
 * each language with its own analyzer); controlled values are codes a facet can show (EU theme
 * and file-type codes, licence ids), with the labels in `Labels`.
 */
import type { LangText, LangTexts } from '../core/lang.js';
import type { RecordResult } from '../core/record.js';
import type { MqaBand } from '../core/scores.js';
import type { Dataset } from '../model/types.js';
import { licenceConcept, licenceOpenness, type Openness } from '../vocab/facts.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { type HighValueList, matchRecord } from '../compare/high-value.js';

export interface SearchDistribution {
  title?: LangText;
  /** EU file-type code (`CSV`), or the format as given when the table does not know it. */
  format?: string;
  mediaType?: string;
  /** Licence id of the licence table (`OGL-Canada-2.0`), or the licence as given. */
  licence?: string;
  /** Where to get it: the download address, else the access address. */
  url?: string;
}

export interface SearchDocument {
  /** The dataset's IRI in the federation. */
  id: string;
  identifier?: string;
  /** Profile id of the jurisdiction (`ca-ab`). */
  jurisdiction: string;
  title: LangText;
  description: LangText;
  keywords: LangTexts;
  publisher?: LangText;
  /** EU data-theme codes (`ENVI`). */
  themes: string[];
  /** EU file-type codes of the distributions, each once. */
  formats: string[];
  /** Licence ids of the distributions, each once. */
  licences: string[];
  /** Open when every licence given is open (Open Definition, with the Canadian OGL policy); unknown without one. */
  openLicence: Openness;
  /** High-value categories (ids of the high-value list) the title or keywords show. */
  highValue: string[];
  issued?: string;
  modified?: string;
  /** The source portal's page of the dataset. */
  landingPage?: string;
  contact?: { name?: LangText; email?: string; url?: string };
  distributions: SearchDistribution[];
  quality: {
    /** MQA points, of `max`. */
    points: number;
    max: number;
    band: MqaBand;
    stars: number;
    errors: number;
    warnings: number;
    /** Rule ids of the record's findings, most frequent first (at most 10). */
    rules: string[];
  };
  source: { catalogue: string; file: string; line?: number };
  /** Copies of this dataset published by other jurisdictions ("also published by"), as IRIs. */
  duplicates: string[];
  /** The dataset this one is a copy of, when it is not the group's primary. */
  duplicateOf?: string;
}

/** What the builder needs besides the record: the federation's answers about it. */
export interface DocumentContext {
  id: string;
  jurisdiction: string;
  catalogue: string;
  result: RecordResult;
  duplicates: string[];
  duplicateOf?: string;
  vocabularies: VocabularyRegistry;
  highValue?: HighValueList;
}

/** A vocabulary concept's code (`CSV`, `ENVI`), or the value as given when the table lacks it. */
function codeOf(vocabularies: VocabularyRegistry, id: string, value: string): string {
  const v = vocabularies.get(id);
  const c = v?.get(value) ?? v?.lookup(value);
  return typeof c?.code === 'string' ? c.code : value;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

function openness(licences: (string | undefined)[], vocabularies: VocabularyRegistry): Openness {
  const given = licences.filter((l): l is string => !!l);
  if (!given.length) return 'unknown';
  const each = unique(given.map((l) => licenceOpenness(l, vocabularies)));
  // the weakest answer holds for the dataset
  for (const o of ['not-open', 'unknown', 'unreviewed'] as const) if (each.includes(o)) return o;
  return 'open';
}

function ruleCounts(result: RecordResult): string[] {
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([id]) => id);
}

export function searchDocument(d: Dataset, c: DocumentContext): SearchDocument {
  const v = c.vocabularies;
  const distributions: SearchDistribution[] = (d.distribution ?? []).map((x) => ({
    ...(x.title ? { title: x.title } : {}),
    ...(x.format ? { format: codeOf(v, 'file-type', x.format) } : {}),
    ...(x.mediaType ? { mediaType: x.mediaType } : {}),
    ...(x.license ? { licence: licenceConcept(x.license, v)?.code ?? x.license } : {}),
    ...((x.downloadURL?.[0] ?? x.accessURL?.[0])
      ? { url: x.downloadURL?.[0] ?? x.accessURL?.[0] }
      : {}),
  }));
  const contact = d.contactPoint?.[0];
  const scores = c.result.scores;
  const count = (s: string) => c.result.findings.filter((f) => f.severity === s).length;
  return {
    id: c.id,
    ...(d.identifier ? { identifier: d.identifier } : {}),
    jurisdiction: c.jurisdiction,
    title: d.title ?? {},
    description: d.description ?? {},
    keywords: d.keyword ?? {},
    ...(d.publisher?.name ? { publisher: d.publisher.name } : {}),
    themes: (d.theme ?? []).map((t) => codeOf(v, 'theme', t)),
    formats: unique(distributions.flatMap((x) => (x.format ? [x.format] : []))),
    licences: unique(distributions.flatMap((x) => (x.licence ? [x.licence] : []))),
    openLicence: openness(
      (d.distribution ?? []).map((x) => x.license),
      v,
    ),
    highValue: c.highValue
      ? unique(matchRecord(c.highValue, d).map((m) => m.dataset.category))
      : [],
    ...(d.issued ? { issued: d.issued } : {}),
    ...(d.modified ? { modified: d.modified } : {}),
    ...(d.landingPage?.[0] ? { landingPage: d.landingPage[0] } : {}),
    ...(contact
      ? {
          contact: {
            ...(contact.name ? { name: contact.name } : {}),
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.url ? { url: contact.url } : {}),
          },
        }
      : {}),
    distributions,
    quality: {
      points: scores?.mqa.points ?? 0,
      max: scores?.mqa.max ?? 0,
      band: scores?.mqa.band ?? 'bad',
      stars: scores?.stars ?? 0,
      errors: count('error'),
      warnings: count('warning'),
      rules: ruleCounts(c.result),
    },
    source: {
      catalogue: c.catalogue,
      file: c.result.source.file,
      ...(c.result.source.line !== undefined ? { line: c.result.source.line } : {}),
    },
    duplicates: c.duplicates,
    ...(c.duplicateOf ? { duplicateOf: c.duplicateOf } : {}),
  };
}
