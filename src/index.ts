/**
 * Passerelle's library API: everything the CLI does, for programs.
 *
 *   import { validate } from 'passerelle';
 *   const report = await validate(['export.jsonl'], { profile: 'ca-gc' });
 */
export { Pipeline, type Processed } from './engine/pipeline.js';
export { validate, validateRecords } from './engine/run.js';
export { tool } from './tool.js';
export type { ValidateOptions, RecordCheck } from './engine/options.js';
export { readSources, readFile, expandPaths, registerReader } from './sources/read.js';
export type { SourceRecord } from './sources/types.js';
export { loadProfile, listProfileIds, listProfiles, parseProfile } from './profiles/load.js';
export { setSearchPath, searchPath, type SearchPath } from './util/search-path.js';
export { describeProfile, type ProfileDescription, type FieldRow } from './crosswalk/describe.js';
export { detectProfile, detectFiles, detectableProfiles, AUTO } from './engine/detect.js';
export { checkAgainstProfile } from './profiles/check.js';
export { profileSchema } from './profiles/schema.js';
export type { Profile, FieldDef, FieldType } from './profiles/types.js';
export { loadCrosswalk, lintCrosswalk, Crosswalk, type Mapped } from './crosswalk/crosswalk.js';
export { CLASSES, propertyOf, type PropertyDef } from './model/properties.js';
export { commonRecordSchema } from './model/schema.js';
export { jsonldContext, CONTEXT_URL } from './model/context.js';
export type * from './model/types.js';
export { RULES, ruleById } from './rules/index.js';
export { RuleBook, ruleBook, SHIPPED_RULES } from './rules/book.js';
export { runRules, settingsFor, type RuleSettings } from './rules/run.js';
export {
  loadConfig,
  findConfig,
  resolveConfig,
  CONFIG_FILE,
  type LoadedConfig,
} from './config/load.js';
export { configSchema, rulesetSchema } from './config/schema.js';
export { loadRuleset, shippedRulesets } from './config/ruleset.js';
export {
  Baseline,
  BaselineRecorder,
  loadBaseline,
  type BaselineEntry,
} from './baseline/baseline.js';
export { UrlChecker, type UrlStatus, type UrlCheckOptions } from './net/urls.js';
export { mqaScore, INDICATORS as MQA_INDICATORS, bandOf } from './scores/mqa.js';
export { stars } from './scores/stars.js';
export { scoreRecord } from './scores/record.js';
export type { Rule, RuleMeta } from './rules/types.js';
export {
  FORMATTERS,
  pieces,
  type Formatter,
  type FormatterFactory,
  type FormatterOptions,
  type Chunk,
} from './report/formatters/index.js';
export * from './report/model.js';
export * from './core/severity.js';
export * from './core/finding.js';
export * from './core/source.js';
export * from './core/record.js';
export * from './core/scores.js';
export * from './core/summary.js';
export type { Principle as PrincipleId } from './core/principle.js';
export { emptySummary, addToSummary, closeSummary } from './scores/summary.js';
export type { ToolInfo } from './tool.js';
export {
  defaultVocabularies,
  VocabularyRegistry,
  Vocabulary,
  type Concept,
} from './vocab/vocabulary.js';
export { UsageError, ConfigError, InputError } from './util/errors.js';
export { recordToRdf, type RecordGraph } from './rdf/from-record.js';
export { rdfWriter, RDF_FORMATS, type RdfFormat, type RdfWriter } from './rdf/write.js';
export { parseRdf, RdfSyntaxError, type RdfSyntax } from './rdf/parse.js';
export { convertRecords, type ConvertOptions } from './engine/convert.js';
export { Federation, type FederateOptions, type IndexLine } from './federate/federate.js';
export type { SearchDocument, SearchDistribution } from './federate/document.js';
export {
  FederationUpdate,
  type DocumentStatus,
  type Manifest as FederationManifest,
  type UpdateOptions,
} from './federate/incremental.js';
export { writeEngineFiles, type EngineRun } from './federate/engines/write.js';
export { flatten as engineDocument } from './federate/engines/flatten.js';
export {
  loadStore,
  isRdfArgument,
  type LoadOptions,
  type LoadedStore,
  type LoadProblem,
} from './query/store.js';
export { prepareQuery, type PreparedQuery, type QueryForm } from './query/sparql.js';
export { queryText, defaultFormat, RESULT_FORMATS, type ResultFormat } from './query/results.js';
export { listExamples, exampleQuery, QUERIES_DIR, type ExampleQuery } from './query/examples.js';
export type { ShaclChecker, ShaclResult } from './shacl/check.js';
export {
  compare,
  parseCompareInputs,
  type Comparison,
  type CompareOptions,
} from './compare/compare.js';
export {
  crosswalkMatrix,
  MAPPING_KINDS,
  type Matrix,
  type MatrixRow,
  type Cell,
  type CellWay,
  type MappingKind,
} from './compare/matrix.js';
export { INDICATORS as COMPARE_INDICATORS, type Measures, type Share } from './compare/measures.js';
export {
  loadHighValueList,
  matchRecord,
  HIGH_VALUE_FILE,
  type HighValueList,
  type CoreDataset,
  type JurisdictionCoverage,
} from './compare/high-value.js';
export { renderComparison, COMPARE_FORMATS, type CompareFormat } from './compare/render/index.js';
export { infer, type InferOptions, type InferResult } from './infer/infer.js';

/** SHACL checks with Passerelle's DCAT-AP 3 shapes and `files` (shacl-engine is loaded on first use). */
export async function loadShaclChecker(
  files: readonly string[] = [],
  options?: { own?: boolean },
): Promise<import('./shacl/check.js').ShaclChecker> {
  const { ShaclChecker } = await import('./shacl/check.js');
  return ShaclChecker.load(files, options);
}
