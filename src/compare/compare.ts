/**
 * `passerelle compare`: the crosswalk matrix of several jurisdictions and, when their exports are
 * given, what their records show (fill rates, indicators, scores, high-value datasets). Every
 * record is read once, through the same pipeline as `validate`.
 */
import { loadCrosswalk, type Crosswalk } from '../crosswalk/crosswalk.js';
import { AUTO, detectFiles, profileAndPath } from '../engine/detect.js';
import { snapshotProfile } from '../sources/snapshot.js';
import { validateRecords, type Input } from '../engine/run.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { RecordResult } from '../core/record.js';
import { tool, type ToolInfo } from '../tool.js';
import type { Lang } from '../core/lang.js';
import { settingsFor, type RuleSettings } from '../rules/run.js';
import type { RuleBook } from '../rules/book.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import { defaultVocabularies, type VocabularyRegistry } from '../vocab/vocabulary.js';
import {
  CoverageCollector,
  loadHighValueList,
  type CoreDataset,
  type HighValueCategory,
  type HighValueList,
  type JurisdictionCoverage,
} from './high-value.js';
import { crosswalkMatrix, type Matrix } from './matrix.js';
import { INDICATORS, MeasureCollector, type Measures } from './measures.js';

export interface CompareOptions {
  /** Jurisdictions (profile ids) to compare, in this order; default: those of `inputs`, or every profile. */
  profiles?: readonly string[];
  /** Exports of some jurisdictions (`auto` inputs are recognised per file). */
  inputs?: readonly Input[];
  now?: Date;
  lang?: Lang;
  settings?: RuleSettings;
  /** The rules the run knows (`ruleBook(LoadedConfig.rules)`); default: the shipped ones. */
  rules?: RuleBook;
  vocabularies?: VocabularyRegistry;
  /** The high-value list (default: the shipped one); `false`: no high-value report. */
  highValue?: string | false;
  onDetect?: (file: string, profile: string) => void;
  /** Told of each record that could not be read (it is counted, not measured). */
  onRejected?: (result: RecordResult) => void;
}

/** A core dataset as reports show it: themes by code, matching keys left out. */
export type ListedDataset = Omit<CoreDataset, 'keys' | 'category' | 'themes'> & {
  themes: string[];
};
export interface ListedHighValue {
  file: string;
  categories: (Omit<HighValueCategory, 'datasets'> & { datasets: ListedDataset[] })[];
}

export interface Comparison {
  schemaVersion: 1;
  tool: ToolInfo;
  matrix: Matrix;
  /** Per jurisdiction with records: fill rates, indicators, scores. */
  measures?: Record<string, Measures>;
  highValue?: {
    list: ListedHighValue;
    jurisdictions: Record<string, JurisdictionCoverage>;
  };
}

/** The columns: profiles asked for, then those of the inputs, each once; all profiles when none is named. */
function jurisdictionIds(options: CompareOptions, inputs: readonly Input[]): string[] {
  const ids: string[] = [];
  for (const id of [...(options.profiles ?? []), ...inputs.map((i) => i.profile)])
    if (!ids.includes(id)) ids.push(id);
  return ids.length ? ids : listProfileIds();
}

/** The high-value list as the JSON report shows it (matching keys left out). */
function listForReport(list: HighValueList): ListedHighValue {
  return {
    file: list.file,
    categories: list.categories.map((c) => ({
      ...c,
      datasets: c.datasets.map(({ keys: _keys, themes, category: _c, ...d }) => ({
        ...d,
        themes: themes.map((t) => t.code),
      })),
    })),
  };
}

export async function compare(options: CompareOptions = {}): Promise<Comparison> {
  const vocabularies = options.vocabularies ?? defaultVocabularies();
  // `auto` inputs: one input per file, with the profile its records fit
  const inputs: Input[] = [];
  const detected: Input[] = [];
  for (const i of options.inputs ?? []) {
    if (i.profile !== AUTO) inputs.push(i);
    else {
      for (const d of await detectFiles([i.path])) {
        const input = { profile: d.profile, path: d.file };
        inputs.push(input);
        detected.push(input);
      }
    }
  }
  // said once every file is recognised: an unrecognised one stops the run with its error alone
  for (const d of detected) options.onDetect?.(relativeToCwd(d.path), d.profile);
  const ids = jurisdictionIds(options, inputs);
  const crosswalks: Crosswalk[] = ids.map((id) =>
    loadCrosswalk(loadProfile(id, { knownRules: RULE_IDS }), undefined, vocabularies),
  );
  const matrix = crosswalkMatrix(crosswalks);
  const out: Comparison = { schemaVersion: 1, tool: tool(), matrix };
  if (inputs.length === 0) return out;

  const list =
    options.highValue === false ? undefined : loadHighValueList(options.highValue, vocabularies);
  const properties = matrix.rows.map((r) => r.property);
  const measures = new Map<string, MeasureCollector>();
  const coverage = new Map<string, CoverageCollector>();
  for (const i of inputs) {
    if (!measures.has(i.profile)) {
      const settings = settingsFor(options.settings, i.profile);
      const rules = loadProfile(i.profile, { knownRules: RULE_IDS }).rules;
      const off = new Set(
        INDICATORS.map((x) => x.rule).filter(
          (r) => settings?.severity?.[r] === 'off' || rules[r] === 'off',
        ),
      );
      measures.set(i.profile, new MeasureCollector(i.profile, properties, off));
    }
    if (list && !coverage.has(i.profile)) coverage.set(i.profile, new CoverageCollector(list));
  }
  for await (const p of validateRecords(inputs, {
    now: options.now,
    lang: options.lang,
    settings: options.settings,
    rules: options.rules,
    vocabularies,
  })) {
    const profile = p.result.profile as string;
    if (p.result.status === 'rejected') options.onRejected?.(p.result);
    measures.get(profile)?.add(p);
    coverage.get(profile)?.add(p);
  }
  // columns in the matrix's order
  out.measures = Object.fromEntries(
    ids
      .filter((id) => measures.has(id))
      .map((id) => [id, (measures.get(id) as MeasureCollector).result()]),
  );
  if (list) {
    out.highValue = {
      list: listForReport(list),
      jurisdictions: Object.fromEntries(
        ids
          .filter((id) => coverage.has(id))
          .map((id) => [id, (coverage.get(id) as CoverageCollector).result()]),
      ),
    };
  }
  return out;
}

/** `<profile>=<path>` arguments (also `auto=<path>`); a path without a profile is a usage error. */
export function parseCompareInputs(args: readonly string[]): Input[] {
  return args.map((a) => {
    const named = profileAndPath(a);
    // a harvest snapshot names its jurisdiction's profile
    const harvested = named ? undefined : snapshotProfile(a);
    if (harvested) return { profile: harvested, path: a };
    if (!named)
      throw new UsageError(
        `${a}: name the jurisdiction of each export as <profile>=<path> (profiles: ${listProfileIds().join(', ')}, or auto)`,
        `${a} : nommez la juridiction de chaque export sous la forme <profil>=<chemin> (profils : ${listProfileIds().join(', ')}, ou auto)`,
      );
    return named;
  });
}
