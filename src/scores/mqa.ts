/**
 * The EU Metadata Quality Assessment (MQA, data.europa.eu) computed on the common record: 23
 * indicators in five dimensions, 405 points, four bands. The weights are the MQA's (piveau DQV
 * metric list); how they apply to a record with several distributions follows its methodology:
 * - dataset indicators score all or nothing;
 * - interoperability indicators score the best distribution ("identical content with several
 *   distributions: only the distribution with the highest number of points is used");
 * - the other distribution indicators score the share of distributions that meet them.
 * Reachability needs the network: without `--check-urls` those two indicators are not assessed and
 * leave the maximum (325 instead of 405). The band keeps the MQA's thresholds on the points earned,
 * so without `--check-urls` it is a lower bound: the band the MQA would give if every URL failed.
 */
import type { Dataset, Distribution } from '../model/types.js';
import { missingProperties } from '../model/obligations.js';
import type { MqaBand, MqaDimension, MqaScore } from '../core/scores.js';
import { isEmpty } from '../util/empty.js';
import { formatConcept, hasFact, isKnownMediaType, licenceConcept } from '../vocab/facts.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';

export const MQA_MAX = 405;
export const MQA_DIMENSIONS: readonly MqaDimension[] = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
];

/** Whether each URL of a distribution answered (`--check-urls`); absent when URLs were not checked. */
export type Reachability = (url: string) => boolean;

interface Ctx {
  dataset: Dataset;
  distributions: Distribution[];
  vocabularies: VocabularyRegistry;
  reachable?: Reachability;
  /** Whether no DCAT-AP mandatory property is missing, when already known (`scoreRecord`: from the rule's findings). */
  mandatoryComplete?: boolean;
}

export interface Indicator {
  /** The MQA's DQV metric name (pv:keywordAvailability…). */
  id: string;
  dimension: MqaDimension;
  weight: number;
  /** How the indicator applies: to the dataset, the share of distributions, or the best distribution. */
  on: 'dataset' | 'share' | 'best';
  /** Needs the network (`--check-urls`). */
  network?: boolean;
  test: (d: Distribution & Dataset, ctx: Ctx) => boolean;
}

const present = (v: unknown): boolean => !isEmpty(v);
const allReachable = (urls: string[] | undefined, ctx: Ctx): boolean =>
  !!urls?.length && !!ctx.reachable && urls.every((u) => (ctx.reachable as Reachability)(u));

export const INDICATORS: readonly Indicator[] = [
  {
    id: 'keywordAvailability',
    dimension: 'findability',
    weight: 30,
    on: 'dataset',
    test: (d) => present(d.keyword),
  },
  {
    id: 'categoryAvailability',
    dimension: 'findability',
    weight: 30,
    on: 'dataset',
    test: (d) => present(d.theme),
  },
  {
    id: 'spatialAvailability',
    dimension: 'findability',
    weight: 20,
    on: 'dataset',
    test: (d) => present(d.spatial),
  },
  {
    id: 'temporalAvailability',
    dimension: 'findability',
    weight: 20,
    on: 'dataset',
    test: (d) => present(d.temporal),
  },
  {
    id: 'accessUrlStatusCode',
    dimension: 'accessibility',
    weight: 50,
    on: 'share',
    network: true,
    test: (d, c) => allReachable(d.accessURL, c),
  },
  {
    id: 'downloadUrlAvailability',
    dimension: 'accessibility',
    weight: 20,
    on: 'share',
    test: (d) => present(d.downloadURL),
  },
  {
    id: 'downloadUrlStatusCode',
    dimension: 'accessibility',
    weight: 30,
    on: 'share',
    network: true,
    test: (d, c) => allReachable(d.downloadURL, c),
  },
  {
    id: 'formatAvailability',
    dimension: 'interoperability',
    weight: 20,
    on: 'best',
    test: (d) => present(d.format),
  },
  {
    id: 'mediaTypeAvailability',
    dimension: 'interoperability',
    weight: 10,
    on: 'best',
    test: (d) => present(d.mediaType),
  },
  {
    id: 'formatMediaTypeVocabularyAlignment',
    dimension: 'interoperability',
    weight: 10,
    on: 'best',
    test: (d, c) =>
      !!formatConcept(d.format, c.vocabularies) && isKnownMediaType(d.mediaType, c.vocabularies),
  },
  {
    id: 'formatMediaTypeNonProprietary',
    dimension: 'interoperability',
    weight: 20,
    on: 'best',
    test: (d, c) => hasFact(formatConcept(d.format, c.vocabularies), 'nonProprietary'),
  },
  {
    id: 'formatMediaTypeMachineInterpretable',
    dimension: 'interoperability',
    weight: 20,
    on: 'best',
    test: (d, c) => hasFact(formatConcept(d.format, c.vocabularies), 'machineReadable'),
  },
  {
    id: 'dcatApCompliance',
    dimension: 'interoperability',
    weight: 30,
    on: 'dataset',
    test: (_, c) => c.mandatoryComplete ?? missingProperties(c.dataset, 'mandatory').length === 0,
  },
  {
    id: 'licenceAvailability',
    dimension: 'reusability',
    weight: 20,
    on: 'share',
    test: (d) => present(d.license),
  },
  {
    id: 'knownLicence',
    dimension: 'reusability',
    weight: 10,
    on: 'share',
    test: (d, c) => !!licenceConcept(d.license, c.vocabularies),
  },
  {
    id: 'accessRightsAvailability',
    dimension: 'reusability',
    weight: 10,
    on: 'dataset',
    test: (d) => present(d.accessRights),
  },
  {
    id: 'accessRightsVocabularyAlignment',
    dimension: 'reusability',
    weight: 5,
    on: 'dataset',
    test: (d, c) =>
      !!d.accessRights && !!c.vocabularies.require('access-right').get(d.accessRights),
  },
  {
    id: 'contactPointAvailability',
    dimension: 'reusability',
    weight: 20,
    on: 'dataset',
    test: (d) => present(d.contactPoint),
  },
  {
    id: 'publisherAvailability',
    dimension: 'reusability',
    weight: 10,
    on: 'dataset',
    test: (d) => present(d.publisher),
  },
  {
    id: 'rightsAvailability',
    dimension: 'contextuality',
    weight: 5,
    on: 'share',
    test: (d) => present(d.rights),
  },
  {
    id: 'byteSizeAvailability',
    dimension: 'contextuality',
    weight: 5,
    on: 'share',
    test: (d) => present(d.byteSize),
  },
  {
    id: 'dateIssuedAvailability',
    dimension: 'contextuality',
    weight: 5,
    on: 'dataset',
    test: (d) => present(d.issued),
  },
  {
    id: 'dateModifiedAvailability',
    dimension: 'contextuality',
    weight: 5,
    on: 'dataset',
    test: (d) => present(d.modified),
  },
];

/** Bands of the MQA methodology: excellent 351–405, good 221–350, sufficient 121–220, bad 0–120. */
export function bandOf(points: number): MqaBand {
  return points > 350 ? 'excellent' : points > 220 ? 'good' : points > 120 ? 'sufficient' : 'bad';
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface MqaDetail extends MqaScore {
  /** Points of each assessed indicator (unrounded). */
  indicators: Record<string, number>;
}

/** The indicators scored on the best distribution, and each indicator's bit among them (0 for the others). */
const BEST = INDICATORS.filter((i) => i.on === 'best');
const BEST_BIT = INDICATORS.map((i) => (i.on === 'best' ? 1 << BEST.indexOf(i) : 0));
/** Each indicator's dimension, as its place in MQA_DIMENSIONS. */
const DIMENSION_OF = INDICATORS.map((i) => MQA_DIMENSIONS.indexOf(i.dimension));

/** Points of each indicator, in the table's order; undefined where it is not assessed. */
function indicatorPoints(
  dataset: Dataset,
  vocabularies: VocabularyRegistry,
  reachable: Reachability | undefined,
  mandatoryComplete?: boolean,
): (number | undefined)[] {
  const distributions = dataset.distribution ?? [];
  const ctx: Ctx = { dataset, distributions, vocabularies, reachable, mandatoryComplete };
  // the best distribution for interoperability: the one with the most points (the first of equals);
  // which of those indicators it meets is kept as bits, not tested again
  let bestPoints = -Infinity;
  let best = 0;
  for (const d of distributions) {
    let sum = 0;
    let met = 0;
    for (let b = 0; b < BEST.length; b++) {
      if (!BEST[b].test(d as Distribution & Dataset, ctx)) continue;
      sum += BEST[b].weight;
      met |= 1 << b;
    }
    if (sum > bestPoints) {
      bestPoints = sum;
      best = met;
    }
  }
  const points = new Array<number | undefined>(INDICATORS.length);
  for (let k = 0; k < INDICATORS.length; k++) {
    const i = INDICATORS[k];
    if (i.network && !reachable) continue;
    if (i.on === 'dataset')
      points[k] = i.test(dataset as Distribution & Dataset, ctx) ? i.weight : 0;
    else if (i.on === 'best') points[k] = best & BEST_BIT[k] ? i.weight : 0;
    else if (distributions.length === 0) points[k] = 0;
    else {
      let n = 0;
      for (const d of distributions) if (i.test(d as Distribution & Dataset, ctx)) n++;
      points[k] = (i.weight * n) / distributions.length;
    }
  }
  return points;
}

/**
 * What is the same for every record whose URLs were (or were not) checked: which indicators are
 * assessed, the maxima, and the indicators' object as a template (an object copied from one with
 * its keys set is built at once, with the keys in the template's order).
 */
interface Assessed {
  dimensionMax: number[];
  max: number;
  notAssessed: string[] | undefined;
  indicators: Record<string, number>;
}
const ASSESSED = new Map<boolean, Assessed>();
function assessed(network: boolean): Assessed {
  let a = ASSESSED.get(network);
  if (!a) {
    const dimensionMax = MQA_DIMENSIONS.map(() => 0);
    let max = 0;
    let notAssessed: string[] | undefined;
    const entries: [string, number][] = [];
    for (let k = 0; k < INDICATORS.length; k++) {
      const i = INDICATORS[k];
      if (i.network && !network) {
        (notAssessed ??= []).push(i.id);
        continue;
      }
      dimensionMax[DIMENSION_OF[k]] += i.weight;
      max += i.weight;
      entries.push([i.id, 0]);
    }
    // built whole, not key by key: every record's indicators are copied from it (see recordMqaScore)
    ASSESSED.set(
      network,
      (a = { dimensionMax, max, notAssessed, indicators: Object.fromEntries(entries) }),
    );
  }
  return a;
}

/** Totals of the indicators' points, by dimension and in all; and those not assessed. */
function totals(points: readonly (number | undefined)[]): Omit<MqaScore, 'indicators'> {
  const dimensions = {} as MqaScore['dimensions'];
  for (const d of MQA_DIMENSIONS) dimensions[d] = { points: 0, max: 0 };
  let notAssessed: string[] | undefined;
  let total = 0;
  let max = 0;
  for (let k = 0; k < INDICATORS.length; k++) {
    const i = INDICATORS[k];
    const p = points[k];
    if (p === undefined) {
      (notAssessed ??= []).push(i.id);
      continue;
    }
    const dim = dimensions[i.dimension];
    dim.points += p;
    dim.max += i.weight;
    total += p;
    max += i.weight;
  }
  for (const d of MQA_DIMENSIONS) dimensions[d].points = round2(dimensions[d].points);
  const score: Omit<MqaScore, 'indicators'> = {
    points: round2(total),
    max,
    band: bandOf(round2(total)),
    dimensions,
  };
  if (notAssessed) score.notAssessed = notAssessed;
  return score;
}

export function mqaScore(
  dataset: Dataset,
  vocabularies: VocabularyRegistry,
  reachable?: Reachability,
): MqaDetail {
  const points = indicatorPoints(dataset, vocabularies, reachable);
  const indicators: Record<string, number> = {};
  for (let k = 0; k < INDICATORS.length; k++)
    if (points[k] !== undefined) indicators[INDICATORS[k].id] = points[k] as number;
  const { notAssessed, ...score } = totals(points);
  return notAssessed ? { ...score, indicators, notAssessed } : { ...score, indicators };
}

/**
 * A record's MQA score as reports show it: the same as `mqaScore`, each indicator's points rounded
 * to 2 decimals. `mandatoryComplete`: whether no DCAT-AP mandatory property is missing, when the
 * caller knows it already (else the record is walked for it).
 * Built for speed (every record has one): sums in lists, objects built whole with their keys in
 * the order `totals` gives them, the indicators copied from a template. Given its ~20 keys one by
 * one, the indicators' object made writing the record's JSON twice as slow (measured), and reading
 * it in the catalogue slower.
 */
export function recordMqaScore(
  dataset: Dataset,
  vocabularies: VocabularyRegistry,
  reachable?: Reachability,
  mandatoryComplete?: boolean,
): MqaScore {
  const points = indicatorPoints(dataset, vocabularies, reachable, mandatoryComplete);
  const a = assessed(!!reachable);
  // sums in the indicators' order, as `totals` adds them (the same rounding)
  const sums = [0, 0, 0, 0, 0];
  let total = 0;
  const indicators = { ...a.indicators };
  for (let k = 0; k < INDICATORS.length; k++) {
    const p = points[k];
    if (p === undefined) continue;
    sums[DIMENSION_OF[k]] += p;
    total += p;
    indicators[INDICATORS[k].id] = round2(p);
  }
  const m = a.dimensionMax;
  const dimensions: MqaScore['dimensions'] = {
    findability: { points: round2(sums[0]), max: m[0] },
    accessibility: { points: round2(sums[1]), max: m[1] },
    interoperability: { points: round2(sums[2]), max: m[2] },
    reusability: { points: round2(sums[3]), max: m[3] },
    contextuality: { points: round2(sums[4]), max: m[4] },
  };
  const rounded = round2(total);
  return a.notAssessed
    ? {
        points: rounded,
        max: a.max,
        band: bandOf(rounded),
        dimensions,
        notAssessed: a.notAssessed.slice(),
        indicators,
      }
    : { points: rounded, max: a.max, band: bandOf(rounded), dimensions, indicators };
}
