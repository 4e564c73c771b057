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
  /** The schema's `title` in French, for `passerelle schema --lang fr` (the schema itself is English). */
  fr: string;
}

export const SCHEMA_KINDS: readonly SchemaKind[] = [
  {
    kind: 'profile',
    files: ['profiles/*.yaml'],
    schema: profileFile,
    fr: 'Profil Passerelle (profiles/<id>.yaml)',
  },
  {
    kind: 'crosswalk',
    files: ['crosswalks/*.yaml'],
    schema: crosswalkFile,
    fr: 'Correspondance Passerelle (crosswalks/<id>.yaml)',
  },
  {
    kind: 'vocabulary',
    files: ['crosswalks/vocabularies/*.yaml'],
    schema: vocabularyFile,
    fr: 'Vocabulaire Passerelle (crosswalks/vocabularies/<id>.yaml)',
  },
  {
    kind: 'map-table',
    files: ['crosswalks/**/*.tsv (its # lines)'],
    schema: mapTableFile,
    fr: 'Métadonnées d’une table de valeurs Passerelle (les lignes # d’un .tsv nommé sous `maps:`)',
  },
  {
    kind: 'config',
    files: ['passerelle.config.yaml'],
    schema: configFile,
    fr: 'Configuration Passerelle (passerelle.config.yaml)',
  },
  {
    kind: 'ruleset',
    files: ['rulesets/*.yaml'],
    schema: rulesetFile,
    fr: 'Jeu de règles Passerelle (un fichier nommé par `extends:`)',
  },
  {
    kind: 'portal',
    files: ['profiles/portals/*.yaml'],
    schema: portalFile,
    fr: 'Portail Passerelle (profiles/portals/<id>.yaml)',
  },
];

export const schemaKind = (kind: string): SchemaKind | undefined =>
  SCHEMA_KINDS.find((k) => k.kind === kind);
