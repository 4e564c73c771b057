/**
 * A record's scores as a fixed list of numbers, and back, without loss: how workers send them with
 * each record's tally. Written and read as JSON, numbers cost a fraction of the scores' objects
 * (measured: ~27 → ~5 µs per record for both ends), and the catalogue scores are built in the main
 * thread from every record, in input order, exactly as without workers.
 *
 * Layout: points, max, band, the dimensions' points then maxima, each indicator's points (null when
 * not assessed), the not-assessed indicators as bits, stars, each principle's passed, applicable and
 * share (nulls when none applied), then the distributions' stars.
 */
import type { MqaBand, MqaScore, PrincipleScore, RecordScores } from '../core/scores.js';
import { INDICATORS, MQA_DIMENSIONS } from './mqa.js';
import { PRINCIPLES } from './principles.js';

const BANDS: readonly MqaBand[] = ['excellent', 'good', 'sufficient', 'bad'];
const D = MQA_DIMENSIONS.length;
const I = INDICATORS.length;
const P = PRINCIPLES.length;
const DIMENSIONS_AT = 3;
const INDICATORS_AT = DIMENSIONS_AT + 2 * D;
const NOT_ASSESSED_AT = INDICATORS_AT + I;
const STARS_AT = NOT_ASSESSED_AT + 1;
const PRINCIPLES_AT = STARS_AT + 1;
const DISTRIBUTIONS_AT = PRINCIPLES_AT + 3 * P;

/** Appends a record's scores, packed, to `out` (a new list when not given). */
export function packScores(s: RecordScores, out: (number | null)[] = []): (number | null)[] {
  const m = s.mqa;
  out.push(m.points, m.max, BANDS.indexOf(m.band));
  const dimensions = m.dimensions;
  for (let k = 0; k < D; k++) out.push(dimensions[MQA_DIMENSIONS[k]].points);
  for (let k = 0; k < D; k++) out.push(dimensions[MQA_DIMENSIONS[k]].max);
  const indicators = m.indicators;
  for (let k = 0; k < I; k++) out.push(indicators[INDICATORS[k].id] ?? null);
  let bits = 0;
  // the list is kept in the indicators' order (mqa.ts writes it so): bits give it back
  if (m.notAssessed)
    for (const id of m.notAssessed) bits |= 1 << INDICATORS.findIndex((i) => i.id === id);
  out.push(bits, s.stars);
  for (let k = 0; k < P; k++) {
    const r = s.principles[PRINCIPLES[k]];
    if (r) out.push(r.passed, r.applicable, r.share);
    else out.push(null, null, null);
  }
  for (const n of s.distributionStars) out.push(n);
  return out;
}

/**
 * The indicators' object of each set of indicators given (as bits), with its keys in the table's
 * order: a record's is copied from it, built at once (an object given its ~20 keys one by one is
 * slower to read and to write as JSON: `recordMqaScore`). Records of a run give one or two sets.
 */
const TEMPLATES = new Map<number, Record<string, number>>();
function templateOf(bits: number): Record<string, number> | undefined {
  let t = TEMPLATES.get(bits);
  if (!t && TEMPLATES.size < 64) {
    t = Object.fromEntries(INDICATORS.flatMap((i, k) => (bits & (1 << k) ? [[i.id, 0]] : [])));
    TEMPLATES.set(bits, t);
  }
  return t;
}

/** The scores packed at `at` in `a` (to its end), as `packScores` was given them. */
export function unpackScores(a: readonly (number | null)[], at = 0): RecordScores {
  const dimensions = {} as MqaScore['dimensions'];
  for (let k = 0; k < D; k++)
    dimensions[MQA_DIMENSIONS[k]] = {
      points: a[at + DIMENSIONS_AT + k] as number,
      max: a[at + DIMENSIONS_AT + D + k] as number,
    };
  const mqa = {
    points: a[at] as number,
    max: a[at + 1] as number,
    band: BANDS[a[at + 2] as number],
    dimensions,
  } as MqaScore;
  const bits = a[at + NOT_ASSESSED_AT] as number;
  if (bits) mqa.notAssessed = INDICATORS.filter((_, k) => bits & (1 << k)).map((i) => i.id);
  let given = 0;
  for (let k = 0; k < I; k++) if (a[at + INDICATORS_AT + k] !== null) given |= 1 << k;
  const template = templateOf(given);
  const indicators: Record<string, number> = template ? { ...template } : {};
  for (let k = 0; k < I; k++) {
    const v = a[at + INDICATORS_AT + k];
    if (v !== null) indicators[INDICATORS[k].id] = v;
  }
  mqa.indicators = indicators;
  const principles: RecordScores['principles'] = {};
  for (let k = 0; k < P; k++) {
    const p = at + PRINCIPLES_AT + 3 * k;
    if (a[p] !== null)
      principles[PRINCIPLES[k]] = {
        passed: a[p],
        applicable: a[p + 1],
        share: a[p + 2],
      } as PrincipleScore;
  }
  return {
    mqa,
    stars: a[at + STARS_AT] as number,
    distributionStars: a.slice(at + DISTRIBUTIONS_AT) as number[],
    principles,
  };
}
