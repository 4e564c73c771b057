/** What a run of the pipeline is asked for: profile, language, rule settings, checks, workers. */
import type { Baseline } from '../baseline/baseline.js';
import type { Lang } from '../core/lang.js';
import type { Emitted } from '../core/finding.js';
import type { Dataset } from '../model/types.js';
import type { UrlChecker } from '../net/urls.js';
import type { RuleSettings } from '../rules/run.js';
import type { RuleBook } from '../rules/book.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';

export interface ValidateOptions {
  /** Profile id (`ca-gc`…), or `auto`: recognised per input file from its records. */
  profile: string;
  /** Told which profile `auto` chose for each file (the CLI says it on stderr). */
  onDetect?: (file: string, profile: string) => void;
  /** Reference date for freshness and future dates (default: now). */
  now?: Date;
  /** Language of messages. */
  lang?: Lang;
  settings?: RuleSettings;
  /**
   * The rules the run knows: the shipped ones, then the configuration's (`ruleBook(LoadedConfig.rules)`).
   * Default: the shipped ones. Findings, scores and reports take every rule from here.
   */
  rules?: RuleBook;
  vocabularies?: VocabularyRegistry;
  /** Known findings to leave out (`--baseline`). */
  baseline?: Baseline;
  /** Checks access and download URLs (`--check-urls`); without it, no request is ever made. */
  urlChecker?: UrlChecker;
  /** Checks run on each common record after the rules, asynchronously (SHACL shapes: `validate --shacl`). */
  checks?: readonly RecordCheck[];
  /**
   * Worker threads checking JSON Lines records (1: all in this thread). Results are the same and in
   * the same order; `Processed.mapped` is then absent. Not with `checks`, `urlChecker` or custom
   * `vocabularies`, which stay in this thread.
   */
  workers?: number;
  /** Follow links in input folders that lead outside them (`--follow-links`); else each is a rejected record. */
  followLinks?: boolean;
}

/** A check of whole common records that may take its time (a SHACL engine). */
export interface RecordCheck {
  check(dataset: Dataset): Promise<Emitted[]>;
}
