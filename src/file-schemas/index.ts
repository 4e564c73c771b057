/**
 * The JSON Schemas of the files a user writes, by kind: one registry for `passerelle schema
 * <kind>`, the build (dist/schemas/<kind>.schema.json and their prebuilt validators) and the test
 * that every shipped file fits its schema. Each schema lives beside the loader that checks with it.
 * A new kind of file is one line below.
 */
import { configFile, rulesetFile } from '../config/schema.js';
import { crosswalkFile, mapTableFile } from '../crosswalk/file-schema.js';
import { portalFile } from '../harvest/file-schema.js';
import { profileFile } from '../profiles/file-schema.js';
import type { CheckedSchema } from '../util/validators.js';
import { vocabularyFile } from '../vocab/file-schema.js';

export interface SchemaKind {
  /** `passerelle schema <kind>`; the file dist/schemas/<kind>.schema.json. */
  kind: string;
  /** The files it is for, as editors match them (VS Code's `yaml.schemas`). */
  files: string[];
  /** The schema, with the hash that names its prebuilt validator. */
  schema: () => CheckedSchema;
}

export const SCHEMA_KINDS: readonly SchemaKind[] = [
  { kind: 'profile', files: ['profiles/*.yaml'], schema: profileFile },
  { kind: 'crosswalk', files: ['crosswalks/*.yaml'], schema: crosswalkFile },
  { kind: 'vocabulary', files: ['crosswalks/vocabularies/*.yaml'], schema: vocabularyFile },
  { kind: 'map-table', files: ['crosswalks/**/*.tsv (its # lines)'], schema: mapTableFile },
  { kind: 'config', files: ['passerelle.config.yaml'], schema: configFile },
  { kind: 'ruleset', files: ['rulesets/*.yaml'], schema: rulesetFile },
  { kind: 'portal', files: ['profiles/portals/*.yaml'], schema: portalFile },
];

export const schemaKind = (kind: string): SchemaKind | undefined =>
  SCHEMA_KINDS.find((k) => k.kind === kind);
