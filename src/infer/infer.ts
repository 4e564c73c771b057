/**
 * `passerelle infer`: a draft profile and a draft crosswalk for an unknown portal, from a sample of
 * its export (any input shape Passerelle reads). Both are checked as the shipped ones are (the
 * profile loader, the crosswalk compiler) before they are handed back.
 */
import type { Bilingual } from '../core/lang.js';
import { Compiler } from '../crosswalk/compile.js';
import type { CrosswalkFile } from '../crosswalk/types.js';
import { parseProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { Profile } from '../profiles/types.js';
import { readSources } from '../sources/read.js';
import { ConfigError } from '../util/errors.js';
import { loadYaml } from '../util/yaml.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import { CrosswalkDrafter } from './crosswalk.js';
import { crosswalkYaml, profileYaml } from './documents.js';
import { allFields, headerField, inferFields, type InferredField } from './fields.js';
import { Observation } from './observe.js';

/** Records read by default: enough to see a portal's fields, few enough to stay quick on a whole catalogue. */
export const DEFAULT_SAMPLE = 1000;

export interface InferOptions {
  /** Id of the new profile (lower-case letters, digits, dashes). */
  id: string;
  /** Readable records to read at most. */
  sample?: number;
  vocabularies?: VocabularyRegistry;
  /** Told of each record that could not be read (it is counted, not used). */
  onRejected?: (file: string, line: number | undefined, message: Bilingual) => void;
}

export interface InferResult {
  id: string;
  profile: string;
  crosswalk: string;
  /** Readable records used, and unreadable ones met. */
  records: number;
  rejected: number;
  fields: number;
  codeLists: number;
  /** Common-record properties the draft crosswalk fills, and those it could not. */
  mapped: string[];
  missing: string[];
  todos: number;
}

/** A spreadsheet row's columns as field names (`Dataset ID` → `dataset_id`), remembering the headers. */
function spreadsheetRow(
  data: Record<string, unknown>,
  headers: Map<string, string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const name = headerField(k);
    if (name in out) continue;
    out[name] = v;
    if (name !== k) {
      const list = headers.get(name) ?? [];
      if (!list.includes(k)) list.push(k);
      headers.set(name, list);
    }
  }
  return out;
}

/** Languages records are given in: both official ones when some text has both, else the text's. */
function languagesOf(fields: readonly InferredField[], guess: string | undefined): string[] {
  const all = allFields(fields);
  const both =
    all.some((f) => (f.languages?.includes('en') && f.languages.includes('fr')) || f.pair) ||
    all.some((f) => f.name === '@locale');
  if (both) return ['en', 'fr'];
  const seen = new Set(
    all
      .flatMap((f) => f.languages ?? [])
      .map((l) => l.split('-')[0])
      .filter((l) => l === 'en' || l === 'fr'),
  );
  if (seen.size) return [...seen].sort();
  return guess ? [guess] : [];
}

export async function infer(paths: readonly string[], options: InferOptions): Promise<InferResult> {
  if (!/^[a-z0-9-]+$/.test(options.id))
    throw new ConfigError(
      `--id: "${options.id}" must be lower-case letters, digits and dashes`,
      undefined,
      `--id : « ${options.id} » doit être fait de minuscules, de chiffres et de tirets`,
    );
  const vocabularies = options.vocabularies ?? defaultVocabularies();
  const sample = options.sample ?? DEFAULT_SAMPLE;
  // a key is a language when the language vocabulary knows it (`fn`, a vCard name, looks like a tag too)
  const languages = vocabularies.get('language');
  const obs = new Observation((tag) => tag === 'und' || !!languages?.lookup(tag.split('-')[0]));
  const headers = new Map<string, string[]>();
  let rejected = 0;
  for await (const src of readSources(paths)) {
    if (src.error || src.data === undefined) {
      rejected++;
      options.onRejected?.(
        src.source.file,
        src.error?.line ?? src.source.line,
        src.error?.message ?? { en: 'unreadable record', fr: 'enregistrement illisible' },
      );
      continue;
    }
    const data =
      src.shape === 'csv' && src.data && typeof src.data === 'object'
        ? spreadsheetRow(src.data as Record<string, unknown>, headers)
        : src.data;
    obs.add(data);
    if (obs.records >= sample) break;
  }
  if (obs.records === 0)
    throw new ConfigError(
      `no readable record in ${paths.join(', ')}: nothing to infer from`,
      undefined,
      `aucun enregistrement lisible dans ${paths.join(', ')} : rien d’où tirer une ébauche`,
    );

  const fields = inferFields(obs, vocabularies, options.id, headers);
  const drafter = new CrosswalkDrafter(fields, vocabularies, options.id);
  const draft = drafter.draftCrosswalk();
  const info = { id: options.id, inputs: [...paths], records: obs.records, rejected };
  const profileText = profileYaml(fields, languagesOf(fields, drafter.language), info);
  const { text: crosswalkText, todos } = crosswalkYaml(draft, info);

  // the drafts load as the shipped ones do: a problem here is Passerelle's, not the user's
  const profile: Profile = parseProfile(loadYaml(`${options.id}.yaml`, profileText), RULE_IDS);
  const compiler = new Compiler(
    loadYaml<CrosswalkFile>(`${options.id}.crosswalk.yaml`, crosswalkText),
    profile,
    vocabularies,
  );
  compiler.compile();
  if (compiler.issues.length)
    throw new Error(
      `the draft crosswalk does not compile: ${compiler.issues[0].where}: ${compiler.issues[0].message}`,
    );

  const mapped = [...compiler.declared.keys()]
    .map((k) => k.replace(/@.*$/, ''))
    .filter((k, i, a) => a.indexOf(k) === i);
  return {
    id: options.id,
    profile: profileText,
    crosswalk: crosswalkText,
    records: obs.records,
    rejected,
    fields: allFields(fields).length,
    codeLists: allFields(fields).filter((f) => f.codes).length,
    mapped,
    missing: draft.missing.map((m) => m.property),
    todos,
  };
}
