/**
 * Catalogue scores: the records' scores gathered as they stream by, in bounded memory. The median
 * is exact: points are rounded to hundredths between 0 and 405, so counting each value seen
 * holds at most 40,501 numbers however many records there are.
 */
import type { CatalogueScores, RecordScores } from '../core/scores.js';
import { bandOf, MQA_DIMENSIONS, round2 } from './mqa.js';
import { PRINCIPLES, share, sortByPrinciple, type PrincipleScores } from './principles.js';

export class CatalogueScorer {
  /** How many records scored each number of points (a counter object each: one look-up per record). */
  private readonly points = new Map<number, { count: number }>();
  private n = 0;
  private sum = 0;
  private max = 0;
  /** Sums and highest maxima of each dimension, in `MQA_DIMENSIONS`' order. */
  private readonly dimensionSums = MQA_DIMENSIONS.map(() => 0);
  private readonly dimensionMax = MQA_DIMENSIONS.map(() => 0);
  /**
   * Each indicator in the order first seen, with the sum of its points and how many records have
   * it. Records list their indicators in the same order, so a record's k-th is usually the k-th
   * here; `slots` finds the others.
   */
  private readonly ids: string[] = [];
  private readonly sums: number[] = [];
  private readonly counts: number[] = [];
  private readonly slots = new Map<string, number>();
  private readonly notAssessed = new Set<string>();
  private readonly stars: Record<string, number> = {
    '0': 0,
    '1': 0,
    '2': 0,
    '3': 0,
    '4': 0,
    '5': 0,
  };
  private readonly principles: PrincipleScores = {};

  add(s: RecordScores): void {
    const mqa = s.mqa;
    const seen = this.points.get(mqa.points);
    if (seen) seen.count++;
    else this.points.set(mqa.points, { count: 1 });
    this.n++;
    this.sum += mqa.points;
    this.max = Math.max(this.max, mqa.max);
    for (let k = 0; k < MQA_DIMENSIONS.length; k++) {
      const d = mqa.dimensions[MQA_DIMENSIONS[k]];
      this.dimensionSums[k] += d.points;
      this.dimensionMax[k] = Math.max(this.dimensionMax[k], d.max);
    }
    const indicators = mqa.indicators;
    if (indicators) {
      const ids = Object.keys(indicators);
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k];
        let slot = this.ids[k] === id ? k : this.slots.get(id);
        if (slot === undefined) {
          slot = this.ids.length;
          this.ids.push(id);
          this.sums.push(0);
          this.counts.push(0);
          this.slots.set(id, slot);
        }
        this.sums[slot] += indicators[id];
        this.counts[slot]++;
      }
    }
    if (mqa.notAssessed) for (const id of mqa.notAssessed) this.notAssessed.add(id);
    this.stars[String(s.stars)]++;
    for (const p of PRINCIPLES) {
      const r = s.principles[p];
      if (!r) continue;
      const acc = (this.principles[p] ??= { passed: 0, applicable: 0, share: 0 });
      acc.passed += r.passed;
      acc.applicable += r.applicable;
    }
  }

  /** The k-th smallest number of points (from 0). */
  private nth(k: number): number {
    let seen = 0;
    for (const value of [...this.points.keys()].sort((a, b) => a - b)) {
      seen += (this.points.get(value) as { count: number }).count;
      if (seen > k) return value;
    }
    return NaN; // not reached: k < n
  }

  /** Undefined when no record could be scored (all rejected). */
  result(): CatalogueScores | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const median = n % 2 ? this.nth((n - 1) / 2) : (this.nth(n / 2 - 1) + this.nth(n / 2)) / 2;
    const mean = round2(this.sum / n);
    const dimensions = Object.fromEntries(
      MQA_DIMENSIONS.map((d, k) => [
        d,
        { mean: round2(this.dimensionSums[k] / n), max: this.dimensionMax[k] },
      ]),
    ) as CatalogueScores['mqa']['dimensions'];
    const indicators = Object.fromEntries(
      this.ids.map((id, k) => [id, round2(this.sums[k] / this.counts[k])]),
    );
    const principles = sortByPrinciple(this.principles);
    for (const p of Object.values(principles)) p.share = share(p.passed, p.applicable);
    const mqa: CatalogueScores['mqa'] = {
      mean,
      median: round2(median),
      max: this.max,
      band: bandOf(mean),
      dimensions,
      indicators,
    };
    if (this.notAssessed.size) mqa.notAssessed = [...this.notAssessed];
    return { records: n, mqa, stars: { ...this.stars }, principles };
  }
}
