import { join } from 'node:path';
import { validate } from '../engine/run.js';
import { PACKAGE_ROOT } from '../paths.js';
import { packScores, unpackScores } from './packed.js';
import type { RecordScores } from '../core/scores.js';

describe('scores packed as numbers (how workers send them)', () => {
  test('every fixture record of every profile: unpacked, the same scores, written the same', async () => {
    const report = await validate([join(PACKAGE_ROOT, 'fixtures')], {
      profile: 'auto',
      now: new Date('2026-11-01T00:00:00Z'),
    });
    const scores = report.records.flatMap((r) => (r.scores ? [r.scores] : []));
    expect(scores.length).toBeGreaterThan(50);
    // records with no distribution among them (principles left out: the next test)
    expect(scores.some((s) => s.distributionStars.length === 0)).toBe(true);
    for (const s of scores) {
      const back = unpackScores(JSON.parse(JSON.stringify(packScores(s))) as (number | null)[]);
      expect(back).toEqual(s);
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    }
  });

  test('indicators not assessed (no --check-urls) and fractional shares survive', () => {
    const s: RecordScores = {
      mqa: {
        points: 212.33,
        max: 325,
        band: 'sufficient',
        dimensions: {
          findability: { points: 50, max: 100 },
          accessibility: { points: 6.67, max: 20 },
          interoperability: { points: 80, max: 110 },
          reusability: { points: 60.67, max: 75 },
          contextuality: { points: 15, max: 20 },
        },
        notAssessed: ['accessUrlStatusCode', 'downloadUrlStatusCode'],
        indicators: {
          keywordAvailability: 30,
          downloadUrlAvailability: 6.67,
          byteSizeAvailability: 1.67,
        },
      },
      stars: 3,
      distributionStars: [1, 3, 0],
      principles: {
        P2: { passed: 2, applicable: 3, share: 0.667 },
        P6: { passed: 0, applicable: 1, share: 0 },
      },
    };
    expect(JSON.stringify(unpackScores(packScores(s)))).toBe(JSON.stringify(s));
  });
});
