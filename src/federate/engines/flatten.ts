/**
 * The flat engine document: a `SearchDocument` as the fields of `search/opensearch/index.json`
 * and `search/solr/schema.json` (the same names in both). Text in each official language goes to
 * its `_en`/`_fr` field, analysed by that language's chain; text with neither language (`und`,
 * another tag) goes to both, so that it is found from either interface. Dates become full UTC
 * timestamps, the one form both engines' date types accept; a date that is not one is left out.
 */
import { baseLanguage, type LangText, type LangTexts } from '../../core/lang.js';
import type { SearchDocument } from '../document.js';

export type FieldValue = string | number | string[];
export type EngineDocument = Record<string, FieldValue>;

/** The text of a language map in one official language (`en`, then `en-CA`…), or else of none. */
function inLanguage(t: LangText | LangTexts, lang: 'en' | 'fr'): string | string[] | undefined {
  if (t[lang] !== undefined) return t[lang];
  const tag = Object.keys(t).find((k) => baseLanguage(k) === lang);
  if (tag) return t[tag];
  // no official language at all: the text stands for both
  const official = Object.keys(t).some((k) => ['en', 'fr'].includes(baseLanguage(k)));
  const first = Object.keys(t)[0];
  return official || first === undefined ? undefined : t[first];
}

function bilingual(out: EngineDocument, name: string, t: LangText | LangTexts | undefined): void {
  if (!t) return;
  for (const lang of ['en', 'fr'] as const) {
    const v = inLanguage(t, lang);
    if (typeof v === 'string' ? v.trim() : v?.length) out[`${name}_${lang}`] = v as FieldValue;
  }
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds of a date and time; one without a zone is taken as UTC, never the machine's zone. */
function dateTime(v: string): number {
  const m = DATE_TIME.exec(v);
  if (!m) return Number.NaN;
  const fraction = m[3] ? m[3].slice(0, 4).padEnd(4, '0') : '';
  const zone = m[4] ? m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').toUpperCase() : 'Z';
  return Date.parse(`${m[1]}T${m[2]}${fraction}${zone}`);
}

/** A date as a UTC timestamp (`2024-05-01T00:00:00Z`); a year or month starts it; undefined when not a date. */
export function engineDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const text = v.trim();
  const m = DATE.exec(text);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) : dateTime(text);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  // 2024-02-31 is no date: Date.UTC would roll it over to March
  if (m && (d.getUTCMonth() + 1 !== Number(m[2] ?? 1) || d.getUTCDate() !== Number(m[3] ?? 1)))
    return undefined;
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return undefined;
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/** The search document as an engine's flat fields (undefined and empty values left out). */
export function flatten(d: SearchDocument): EngineDocument {
  const out: EngineDocument = { id: d.id };
  const put = (name: string, v: FieldValue | undefined): void => {
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) return;
    out[name] = v;
  };
  put('identifier', d.identifier);
  put('jurisdiction', d.jurisdiction);
  bilingual(out, 'title', d.title);
  bilingual(out, 'description', d.description);
  bilingual(out, 'keywords', d.keywords);
  bilingual(out, 'publisher', d.publisher);
  if (d.publisher) {
    // a facet shows one name per interface language, the other language's when it lacks one
    const en = inLanguage(d.publisher, 'en') ?? inLanguage(d.publisher, 'fr');
    const fr = inLanguage(d.publisher, 'fr') ?? inLanguage(d.publisher, 'en');
    put('publisher_facet_en', (en as string | undefined)?.trim());
    put('publisher_facet_fr', (fr as string | undefined)?.trim());
  }
  put('themes', d.themes);
  put('formats', d.formats);
  put('licences', d.licences);
  put('open_licence', d.openLicence);
  put('high_value', d.highValue);
  put('issued', engineDate(d.issued));
  put('modified', engineDate(d.modified));
  put('landing_page', d.landingPage);
  const contactName = d.contact?.name;
  put(
    'contact_name',
    contactName
      ? ((inLanguage(contactName, 'en') ?? inLanguage(contactName, 'fr')) as string | undefined)
      : undefined,
  );
  put('contact_email', d.contact?.email);
  put('contact_url', d.contact?.url);
  if (d.distributions.length) put('distributions_json', JSON.stringify(d.distributions));
  put('quality_points', Math.round(d.quality.points));
  put('quality_max', Math.round(d.quality.max));
  put('quality_band', d.quality.band);
  put('quality_stars', d.quality.stars);
  put('quality_errors', d.quality.errors);
  put('quality_warnings', d.quality.warnings);
  put('quality_rules', d.quality.rules);
  put('source_catalogue', d.source.catalogue);
  put('source_file', d.source.file);
  put('source_line', d.source.line);
  put('duplicates', d.duplicates);
  put('duplicate_of', d.duplicateOf);
  return out;
}
