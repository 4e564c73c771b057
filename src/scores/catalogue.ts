/**
 * Catalogue scores: the records' scores gathered as they stream by, in bounded memory. The median
 * is exact: points are rounded to hundredths between 0 and 405, so counting each value seen
 * holds at most 40,501 numbers however many records there are.
 */
import type { CatalogueScores, MqaDimension, RecordScores } from '../report/model.js';
import { bandOf, MQA_DIMENSIONS, round2 } from './mqa.js';
import { PRINCIPLES, share, sortByPrinciple, type PrincipleScores } from './principles.js';

export class CatalogueScorer {
  /** How many records scored each number of points. */
  private readonly points = new Map<number, number>();
  private n = 0;
  private sum = 0;
  private max = 0;
  private readonly dimensions = new Map<MqaDimension, { sum: number; max: number }>();
  private readonly indicators = new Map<string, { sum: number; n: number }>();
  private readonly notAssessed = new Set<string>();
  private readonly stars: Record<string, number> = { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  private readonly principles: PrincipleScores = {};

  add(s: RecordScores): void {
    this.points.set(s.mqa.points, (this.points.get(s.mqa.points) ?? 0) + 1);
    this.n++;
    this.sum += s.mqa.points;
    this.max = Math.max(this.max, s.mqa.max);
    for (const d of MQA_DIMENSIONS) {
      const acc = this.dimensions.get(d) ?? { sum: 0, max: 0 };
      acc.sum += s.mqa.dimensions[d].points;
      acc.max = Math.max(acc.max, s.mqa.dimensions[d].max);
      this.dimensions.set(d, acc);
    }
    for (const [id, p] of Object.entries(s.mqa.indicators ?? {})) {
      const acc = this.indicators.get(id) ?? { sum: 0, n: 0 };
      acc.sum += p;
      acc.n++;
      this.indicators.set(id, acc);
    }
    for (const id of s.mqa.notAssessed ?? []) this.notAssessed.add(id);
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
      seen += this.points.get(value) as number;
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
      MQA_DIMENSIONS.map((d) => [d, { mean: round2((this.dimensions.get(d)?.sum ?? 0) / n), max: this.dimensions.get(d)?.max ?? 0 }]),
    ) as CatalogueScores['mqa']['dimensions'];
    const indicators = Object.fromEntries([...this.indicators].map(([id, a]) => [id, round2(a.sum / a.n)]));
    const principles = sortByPrinciple(this.principles);
    for (const p of Object.values(principles)) p.share = share(p.passed, p.applicable);
    const mqa: CatalogueScores['mqa'] = { mean, median: round2(median), max: this.max, band: bandOf(mean), dimensions, indicators };
    if (this.notAssessed.size) mqa.notAssessed = [...this.notAssessed];
    return { records: n, mqa, stars: { ...this.stars }, principles };
  }
}
