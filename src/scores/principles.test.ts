import { principleScores } from './principles.js';
import { RULE_PRINCIPLES } from '../rules/index.js';
import { CatalogueScorer } from './catalogue.js';
import type { Finding } from '../core/finding.js';
import type { RecordScores } from '../core/scores.js';

const finding = (ruleId: string): Finding => ({ ruleId, severity: 'warning', message: '' });

describe('ODC principle scores', () => {
  test('a rule that ran is a check: passed without a finding; left out when it had nothing to judge; rules without a principle ignored', () => {
    const s = principleScores(
      [finding('odc/freshness'), finding('odc/freshness'), finding('profile/type')],
      {
        ran: new Set([
          'odc/update-frequency',
          'odc/freshness',
          'odc/dates-valid',
          'odc/keywords',
          'profile/type',
          'odc/open-licence',
        ]),
        notApplicable: new Set(['odc/dates-valid', 'odc/open-licence']),
      },
      RULE_PRINCIPLES,
    );
    expect(s).toEqual({
      P2: { passed: 1, applicable: 2, share: 0.5 },
      P3: { passed: 1, applicable: 1, share: 1 },
    });
  });

  test('a finding wins over "not applicable"', () => {
    expect(
      principleScores(
        [finding('odc/freshness')],
        { ran: new Set(['odc/freshness']), notApplicable: new Set(['odc/freshness']) },
        RULE_PRINCIPLES,
      ),
    ).toEqual({
      P2: { passed: 0, applicable: 1, share: 0 },
    });
  });
});

describe('catalogue scores', () => {
  const record = (points: number, stars: number, passed: number): RecordScores => ({
    mqa: {
      points,
      max: 325,
      band: 'good',
      dimensions: {
        findability: { points: points / 5, max: 100 },
        accessibility: { points: 0, max: 20 },
        interoperability: { points: points / 5, max: 110 },
        reusability: { points: points / 5, max: 75 },
        contextuality: { points: (2 * points) / 5, max: 20 },
      },
      indicators: { keywordAvailability: points > 200 ? 30 : 0 },
      notAssessed: ['accessUrlStatusCode', 'downloadUrlStatusCode'],
    },
    stars,
    distributionStars: [stars],
    principles: {
      P1: { passed, applicable: 1, share: passed },
      P3: { passed: 2, applicable: 4, share: 0.5 },
    },
  });

  test('mean, median, band of the mean, stars counted, principles pooled', () => {
    const c = new CatalogueScorer();
    for (const r of [record(100, 1, 0), record(300, 3, 1), record(250, 3, 1), record(350, 4, 1)])
      c.add(r);
    const s = c.result();
    expect(s?.records).toBe(4);
    // mean (100 + 300 + 250 + 350) / 4 = 250; median (250 + 300) / 2 = 275
    expect(s?.mqa).toMatchObject({
      mean: 250,
      median: 275,
      max: 325,
      band: 'good',
      notAssessed: ['accessUrlStatusCode', 'downloadUrlStatusCode'],
    });
    expect(s?.mqa.dimensions.findability).toEqual({ mean: 50, max: 100 });
    expect(s?.mqa.indicators).toEqual({ keywordAvailability: 22.5 });
    expect(s?.stars).toEqual({ '0': 0, '1': 1, '2': 0, '3': 2, '4': 1, '5': 0 });
    expect(s?.principles).toEqual({
      P1: { passed: 3, applicable: 4, share: 0.75 },
      P3: { passed: 8, applicable: 16, share: 0.5 },
    });
  });

  test('no record scored, no scores', () => {
    expect(new CatalogueScorer().result()).toBeUndefined();
  });
});
