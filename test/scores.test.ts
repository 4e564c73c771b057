/**
 * Scores on every profile's fixtures (profiles that land later are covered by iterating fixtures/):
 * every record read is scored, the parts add up, and the records with no error reach "good".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../src/engine/pipeline.js';
import { listProfileIds } from '../src/profiles/load.js';
import { ROOT } from './helpers.js';

const profiles = readdirSync(join(ROOT, 'fixtures')).filter((d) => listProfileIds().includes(d));
const NOW = new Date('2026-11-01T00:00:00Z');

describe.each(profiles)('fixtures/%s', (profile) => {
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
      expect(Object.values(s.mqa.indicators).reduce((a, b) => a + b, 0)).toBeCloseTo(s.mqa.points, 1);
      expect(s.stars).toBe(Math.max(0, ...s.distributionStars));
      for (const p of Object.values(s.principles)) expect(p.passed).toBeLessThanOrEqual(p.applicable);
    }
    expect(report.summary.scores?.records).toBe(read.length);
  });

  test('records with no error reach "good" or better', async () => {
    const report = await validate([join(ROOT, 'fixtures', profile)], { profile, now: NOW });
    const clean = report.records.filter((r) => r.status === 'valid');
    expect(clean.length).toBeGreaterThan(0);
    for (const r of clean) expect([r.id, r.scores?.mqa.band]).toEqual([r.id, expect.stringMatching(/^(good|excellent)$/)]);
  });
});
