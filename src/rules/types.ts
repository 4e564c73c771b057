/**
 * Rules, after ESLint: each rule is one module with its metadata (id, ODC principle and
 * commitment, default severity), its messages and docs in English and French, and examples.
 * Simple checks are data (`DataRule`: a target path, a core check, options, after Spectral);
 * code (`CodeRule`) only for what data cannot say (freshness, licence openness, bilingualism).
 * Rules whose findings come from another stage (reading, profile check, crosswalk) are `StageRule`s:
 * metadata only, so that every finding's rule can be listed, explained and configured.
 */
import type { Dataset } from '../model/types.js';
import type { Profile } from '../profiles/types.js';
import type { Bilingual } from '../core/lang.js';
import type { Emitted } from '../core/finding.js';
import type { Principle } from '../core/principle.js';
import type { Severity } from '../core/severity.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';

export interface RuleExample {
  /** Why this example passes or fails, one line. */
  note?: Bilingual;
  /** Profile the example is checked under (severity, languages); `ca-gc` when not given. */
  profile?: string;
  /** Records read before this one in the same run (rules over the records of a run: `odc/unique-identifier`). */
  before?: Dataset[];
  dataset: Dataset;
  /** The source record, for a rule on a profile's own fields (rulesets' `source:`). */
  source?: unknown;
}

export interface RuleMeta {
  id: string;
  principle?: Principle;
  commitment?: string;
  severity: Severity;
  /** One line: what the rule asks for. */
  title: Bilingual;
  /** Why it matters and how to fix it (Markdown). */
  docs: Bilingual;
  /** Message templates, `{{name}}` placeholders filled from the finding's data. */
  messages: Record<string, Bilingual>;
  /**
   * About released data (its distributions, formats, licence): skipped when the dataset's access
   * rights are not public, as nothing is released; Charter P1.b asks for the reason instead.
   */
  releasedOnly?: boolean;
  /** Options and their defaults, configurable per rule in passerelle.config.yaml. */
  options?: Record<string, unknown>;
  /** What each option means, in English and French (`passerelle rules explain`, the config schema). */
  optionDocs?: Record<string, Bilingual>;
  /** JSON Schema of an option, when its default's type does not say enough (a list of regular expressions). */
  optionSchema?: Record<string, Record<string, unknown>>;
  examples?: { pass: RuleExample[]; fail: RuleExample[] };
  /** Where a rule of a ruleset is defined (`file:line:col`); absent for the rules Passerelle ships. */
  origin?: string;
  /**
   * The rule's page: a ruleset rule's own `url`, or its generated page for the rulesets Passerelle
   * ships. Passerelle's own rules have theirs from their id (`rulePageUrl`).
   */
  url?: string;
}

export interface RuleContext {
  dataset: Dataset;
  profile: Profile;
  now: Date;
  options: Record<string, unknown>;
  vocabularies: VocabularyRegistry;
  report(f: Omit<Emitted, 'ruleId'>): void;
  /** The record as the source gave it, before the crosswalk (rules on a profile's own fields). */
  source?: unknown;
  /** The record gives the rule nothing to judge (no frequency to be fresh against): left out of principle scores. */
  notApplicable(): void;
  /**
   * What `compute` finds in this record, computed once for the record whoever asks first: rules
   * that share a walk (the `dcat-ap/*` rules' missing properties) ask with the same function, in
   * any order. `compute` sees the record, not the asking rule's options.
   */
  memo<T>(compute: (record: RecordInput) => T): T;
}

/** What is the same for every rule of one record: what a value shared between rules may depend on. */
export type RecordInput = Pick<RuleContext, 'dataset' | 'profile' | 'now' | 'vocabularies'>;

export interface CodeRule {
  kind: 'code';
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/**
 * Core checks a data rule can ask for. Those below `present` are a ruleset's (docs/rules.md, "Your
 * own rules"); they judge present values only, except `count` and `one-of`.
 */
export type CoreCheck =
  | { check: 'present' }
  | { check: 'absent' }
  /** Each value matches (`safeRegExp`: patterns that could backtrack without bound are refused). */
  | { check: 'pattern'; pattern: string; flags?: string }
  /** Characters of each value (of each language of a text). */
  | { check: 'length'; min?: number; max?: number }
  | { check: 'words'; min?: number; max?: number }
  | { check: 'enum'; values: unknown[] }
  /** A vocabulary Passerelle knows: each value is one of its concepts. */
  | { check: 'vocabulary'; vocabulary: string }
  /** Each value is a date; after/before (ISO dates) and an age in days against the run's date. */
  | { check: 'date'; after?: string; before?: string; maxAgeDays?: number }
  /** Items of the list (an absent list has none). */
  | { check: 'count'; min?: number; max?: number }
  /** At least one of these paths (relative to the node) is present. */
  | { check: 'one-of'; targets: string[] }
  /** Each value is valid against this JSON Schema. */
  | { check: 'schema'; schema: Record<string, unknown> }
  | { check: 'in-vocabulary'; vocabulary: string }
  | { check: 'uri' }
  | { check: 'email' }
  /** The value is a concept of the vocabulary with this fact (`machineReadable: true`); an absent value fails. */
  | { check: 'fact'; vocabulary: string; fact: string; equals?: unknown };

export interface DataRule {
  kind: 'data';
  meta: RuleMeta;
  /** The nodes the check applies to: '' for the dataset, or the items of one of its lists (`distribution[*]`). */
  given: string;
  /** Field of each node to check: a name, or a dotted path into nested objects (`publisher.name`). */
  field: string;
  /**
   * Instead of `field`, a field of the source record, read before the crosswalk: only records of
   * `profile` have it (the rule is not applicable to others). `field` is then a dotted path too.
   */
  source?: { profile: string };
  then: CoreCheck;
  /** Message when the check fails on a node. */
  messageId: string;
  /** Message when `given` reaches no node at all (a dataset without distributions); not applicable when absent. */
  ifNone?: string;
  /**
   * `every` (default): one finding per node that fails. `some`: one node passing is enough, and one
   * finding on the `given` property when none does (at least one distribution is machine-readable).
   */
  match?: 'every' | 'some';
  /** Only nodes where this field is present are checked (byte size of downloadable files). */
  onlyIf?: string;
}

export interface StageRule {
  kind: 'stage';
  /** `run`: across the records of a run, in input order (`src/engine/unique.ts`). */
  stage: 'input' | 'profile' | 'crosswalk' | 'shacl' | 'run';
  meta: RuleMeta;
}

export type Rule = CodeRule | DataRule | StageRule;
