/**
 * Passerelle's library API: everything the CLI does, for programs.
 *
 *   import { validate } from 'passerelle';
 *   const report = await validate(['export.jsonl'], { profile: 'ca-gc' });
 */
export { validate, validateRecords, Pipeline, tool, type ValidateOptions, type Processed } from './engine/pipeline.js';
export { readSources, readFile, expandPaths, registerReader } from './sources/read.js';
export type { SourceRecord } from './sources/types.js';
export { loadProfile, listProfileIds, parseProfile } from './profiles/load.js';
export { checkAgainstProfile } from './profiles/check.js';
export { profileSchema } from './profiles/schema.js';
export type { Profile, FieldDef, FieldType } from './profiles/types.js';
export { loadCrosswalk, lintCrosswalk, Crosswalk, type Mapped } from './crosswalk/crosswalk.js';
export { CLASSES, propertyOf, type PropertyDef } from './model/properties.js';
export { commonRecordSchema } from './model/schema.js';
export { jsonldContext, CONTEXT_URL } from './model/context.js';
export type * from './model/types.js';
export { RULES, ruleById } from './rules/index.js';
export { runRules, type RuleSettings } from './rules/run.js';
export type { Rule, RuleMeta, Emitted } from './rules/types.js';
export { FORMATTERS, pieces, type Formatter, type FormatterFactory, type FormatterOptions, type Chunk } from './report/formatters/index.js';
export * from './report/model.js';
export { defaultVocabularies, VocabularyRegistry, Vocabulary, type Concept } from './vocab/vocabulary.js';
export { UsageError, ConfigError, InputError } from './util/errors.js';
