/**
 * The common record: a DCAT-AP 3-style dataset that every jurisdiction's crosswalk produces.
 * Free text is language-tagged (`LangText`); controlled values are URIs from the EU tables
 * (frequency, file type, access right, language, data theme) or licence URLs.
 */
import type { LangText, LangTexts } from '../core/lang.js';

export type { LangText, LangTexts };

export interface Agent {
  /** IRI of the agent, when one is known. */
  id?: string;
  name?: LangText;
  identifier?: string;
  type?: string;
  email?: string;
  homepage?: string;
}

export interface ContactPoint {
  id?: string;
  name?: LangText;
  email?: string;
  url?: string;
  /** The portal's own role for the contact (BC's custodian, dataManager…), as given. */
  role?: string;
}

export interface PeriodOfTime {
  startDate?: string;
  endDate?: string;
}

export interface Location {
  /** IRI of a named place (SGC, GeoNames, Wikidata), when known. */
  id?: string;
  label?: LangText;
  /** GeoJSON geometry as text. */
  geometry?: string;
  /** WKT or GeoJSON bounding box as text. */
  bbox?: string;
}

export interface Distribution {
  id?: string;
  identifier?: string;
  title?: LangText;
  description?: LangText;
  accessURL?: string[];
  downloadURL?: string[];
  format?: string;
  mediaType?: string;
  license?: string;
  rights?: LangText;
  byteSize?: number;
  language?: string[];
  issued?: string;
  modified?: string;
  conformsTo?: string[];
  documentation?: string[];
  type?: string;
}

export interface Dataset {
  /** IRI of the dataset. */
  id?: string;
  identifier?: string;
  title?: LangText;
  description?: LangText;
  keyword?: LangTexts;
  theme?: string[];
  publisher?: Agent;
  creator?: Agent[];
  contactPoint?: ContactPoint[];
  accrualPeriodicity?: string;
  issued?: string;
  modified?: string;
  temporal?: PeriodOfTime[];
  spatial?: Location[];
  language?: string[];
  accessRights?: string;
  rights?: LangText;
  landingPage?: string[];
  documentation?: string[];
  conformsTo?: string[];
  type?: string;
  version?: string;
  distribution?: Distribution[];
}

/** Where one value of the common record came from. */
export interface Provenance {
  /** Property path in the common record: `title`, `distribution[0].format`. */
  property: string;
  /** JSON Pointer(s) of the source value(s) inside the source record. */
  source: string[];
  /** The crosswalk entry that produced it: `crosswalks/ca-gc.yaml:41:3`. */
  entry: string;
}
