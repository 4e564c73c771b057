/**
 * The crosswalk language (YAML, no code): how one portal's record becomes a common record.
 * See README "Crosswalk language" for the reference.
 */
import type { Coercion } from '../util/coerce.js';

import type { Condition } from '../core/conditions.js';

export type { Condition };

export type Combine = 'first' | 'all' | 'most-frequent' | 'min' | 'max' | { prefer: string[] };

export interface EntrySpec {
  /** Source path: dotted (`resources[*].format`) relative to the current item, or JSON Pointer from the record root. */
  from?: string;
  /** Fallbacks: the first candidate that yields a value wins. */
  first?: (string | EntrySpec)[];
  /** Union: the values of every candidate, in order. */
  all?: (string | EntrySpec)[];
  /** A constant. */
  value?: unknown;
  /** A URI template: `{path}` inserts the percent-encoded value, `{+path}` inserts it as is. */
  template?: string;
  /** Language map: a path to an `{en, fr}` object, or paired fields `{en: title_en, fr: title_fr}`. */
  lang?: string | Record<string, string>;
  /** Per-item mapping: the rest of the entry runs once per item of this array (`when` too). */
  each?: string;
  /** Fields of a nested object (publisher, contact point, distribution…). */
  object?: Record<string, string | EntrySpec>;
  /** Value map: inline `{local: common}` or the name of a map under `maps:`. */
  map?: string | Record<string, unknown>;
  /**
   * Vocabulary (crosswalks/vocabularies/<id>.yaml) that turns local codes into URIs; `profile`: the
   * profile's own code list of the field read (with `fact: label`, the code's label).
   */
  vocabulary?: string;
  /** Take this fact of the vocabulary concept instead of its URI (`mediaType` of a file type). */
  fact?: string;
  as?: Coercion;
  /** Split text into several values. */
  split?: string;
  default?: unknown;
  when?: Condition;
  /** How several values become one on a single-valued property; `{prefer: [codes]}`: the first of these found. */
  combine?: Combine;
  /** `json`: the source text is JSON (a list in a CKAN extra): its items are the values. */
  parse?: 'json';
  /** Whether disagreeing values on a single-valued property are reported. */
  conflict?: 'report' | 'ignore';
  /** Language of untagged text. */
  language?: string;
  /** Text holding several languages joined by `split` (`Statistics Canada | Statistique Canada`), in this order. */
  languages?: string[];
  /** What to do with a value no map or vocabulary knows. */
  unmapped?: 'report' | 'keep' | 'ignore';
  note?: string;
}

export interface CrosswalkFile {
  crosswalk: string;
  /** The crosswalk this one builds on: its entries are inherited, the ones given here replace them. */
  extends?: string;
  profile: string;
  title?: string;
  description?: string;
  language?: string;
  maps?: Record<string, Record<string, unknown>>;
  dataset: Record<string, string | EntrySpec>;
}

export const ENTRY_KEYS = new Set([
  'from',
  'first',
  'all',
  'languages',
  'value',
  'template',
  'lang',
  'each',
  'object',
  'map',
  'vocabulary',
  'fact',
  'as',
  'split',
  'default',
  'when',
  'combine',
  'conflict',
  'language',
  'unmapped',
  'note',
  'parse',
]);
export const PRODUCERS = ['from', 'first', 'all', 'value', 'template', 'lang', 'object'] as const;
export const COMBINES = new Set(['first', 'all', 'most-frequent', 'min', 'max']);
