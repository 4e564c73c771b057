/**
 * Scores on every profile's fixtures (profiles that land later are covered by iterating fixtures/):
 * every record read is scored, the parts add up, and the best record reaches "good" (or the band
 * its test/expected/<profile>.yaml gates say, and why).
 */
import { join } from 'node:path';
import { validate } from '../src/engine/run.js';
import { fixtureProfiles, loadExpected, ROOT } from './helpers.js';
import { bandOf } from '../src/scores/mqa.js';

const NOW = new Date('2026-11-01T00:00:00Z');

describe.each(fixtureProfiles())('fixtures/%s', (profile) => {
  test('every record read is scored, and the parts add up to the whole', async () => {
    const report = await validate([join(ROOT, 'fixtures', profile)], { profile, now: NOW });
    const read = report.records.filter((r) => r.status !== 'rejected');
    expect(read.length).toBeGreaterThan(0);
    for (const r of read) {
      const s = r.scores;
      expect([r.id, s]).toEqual([r.id, expect.objectContaining({ stars: expect.any(Number) })]);
      if (!s) continue;
      const dims = Object.values(s.mqa.dimensions);
      expect(dims.reduce((a, d) => a + d.max, 0)).toBe(s.mqa.max);
      expect(dims.reduce((a, d) => a + d.points, 0)).toBeCloseTo(s.mqa.points, 1);
      expect(Object.values(s.mqa.indicators).reduce((a, b) => a + b, 0)).toBeCloseTo(
        s.mqa.points,
        1,
      );
      expect(s.stars).toBe(Math.max(0, ...s.distributionStars));
      for (const p of Object.values(s.principles))
        expect(p.passed).toBeLessThanOrEqual(p.applicable);
    }
    expect(report.summary.scores?.records).toBe(read.length);
  });

  test('its best record reaches "good" or better (or, where the source cannot, stays where it is said to)', async () => {
    const report = await validate([join(ROOT, 'fixtures', profile)], { profile, now: NOW });
    const best = report.records.reduce((b, r) => Math.max(b, r.scores?.mqa.points ?? 0), 0);
    const band = bandOf(best);
    // where the source cannot reach "good", test/expected/<profile>.yaml says the band and why;
    // checked both ways: when the crosswalk or the source improves, the test says so and the gate goes
    const below = loadExpected(profile).gates.bestBand;
    if (below)
      expect([profile, band, below.why]).toEqual([
        profile,
        below.band,
        expect.stringMatching(/\S+( \S+){4}/),
      ]);
    else expect([profile, band]).toEqual([profile, expect.stringMatching(/^(good|excellent)$/)]);
  });
});

test('SHACL findings (--shacl) are no principle checks: they restate the DCAT-AP rules in RDF', async () => {
  const file = join(ROOT, 'fixtures', 'ca-gc', 'package_show.json');
  const shacl = {
    check: async () => [
      { ruleId: 'shacl/MinCountConstraintComponent', messageId: 'violation', property: 'spatial' },
    ],
  };
  const [plain] = (await validate([file], { profile: 'ca-gc', now: NOW })).records;
  const [checked] = (await validate([file], { profile: 'ca-gc', now: NOW, checks: [shacl] }))
    .records;
  expect(checked.findings.map((f) => f.ruleId)).toContain('shacl/MinCountConstraintComponent');
  expect(checked.scores?.principles).toEqual(plain.scores?.principles);
});
