/**
 * The bundled fixtures against their expectations (test/expected/<profile>.yaml): every planted
 * defect reported with the right rule id, nothing else reported, every record accounted for.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../src/engine/run.js';
import { commonRecordSchema } from '../src/model/schema.js';
import { validateRecords } from '../src/engine/run.js';
import { Ajv } from 'ajv';
import { fixtureProfiles, loadExpected, ROOT } from './helpers.js';

test('every fixtures folder has a profile and expectations, and every expectations file a fixtures folder', () => {
  const has = (...path: string[]) => existsSync(join(ROOT, ...path));
  expect(
    fixtureProfiles().filter(
      (p) => !has('profiles', `${p}.yaml`) || !has('test', 'expected', `${p}.yaml`),
    ),
  ).toEqual([]);
  expect(
    readdirSync(join(ROOT, 'test', 'expected')).filter(
      (f) => !has('fixtures', f.replace(/\.yaml$/, '')),
    ),
  ).toEqual([]);
});

describe.each(fixtureProfiles())('fixtures/%s', (profile) => {
  const expected = loadExpected(profile).records;

  test('each record reports exactly its planted defects', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const report = await validate([`fixtures/${profile}`], {
        profile,
        now: new Date('2026-11-01T00:00:00Z'),
      });
      const got: Record<string, string[]> = {};
      const reads: Record<string, number> = {};
      for (const r of report.records) {
        const key = r.id ?? `rejected@${r.source.file}:${r.source.line}`;
        // one gap, one finding: a finding stands for the rules it names in `related` too
        const ids = r.findings.flatMap((f) => [
          f.ruleId,
          ...(f.related ?? []).map((x) => x.ruleId),
        ]);
        got[key] = [...(got[key] ?? []), ...ids].sort();
        reads[key] = (reads[key] ?? 0) + 1;
      }
      // records read twice (the same package in two files) report the same findings twice, and
      // each later copy repeats the first one's identifier (odc/unique-identifier)
      for (const k of Object.keys(got)) {
        const once = expected[k] ?? [];
        const repeats = Array.from({ length: reads[k] - 1 }, () => 'odc/unique-identifier');
        expect([k, got[k]]).toEqual([
          k,
          [...Array.from({ length: reads[k] }, () => once).flat(), ...repeats].sort(),
        ]);
      }
      expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
      const s = report.summary;
      expect(s.records).toBe(report.records.length);
      expect(s.valid + s.invalid + s.rejected).toBe(s.records);
    } finally {
      process.chdir(cwd);
    }
  });

  test('every finding names its rule, its source field, and a line in the file where one exists', async () => {
    const report = await validate([join(ROOT, 'fixtures', profile)], {
      profile,
      now: new Date('2026-11-01T00:00:00Z'),
    });
    for (const r of report.records) {
      for (const f of r.findings) {
        expect(f.message).not.toMatch(/\{\{|undefined/);
        if (r.status !== 'rejected') expect(f.sourcePath ?? f.property).toBeTruthy();
        if (r.source.line !== undefined) expect(f.line).toBeGreaterThan(0);
      }
    }
  });

  test('mapped records conform to the common model JSON Schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
    ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    const check = ajv.compile(commonRecordSchema());
    let n = 0;
    for await (const { mapped } of validateRecords([join(ROOT, 'fixtures', profile)], {
      profile,
    })) {
      if (!mapped) continue;
      n++;
      expect([mapped.dataset.identifier, check(mapped.dataset) ? [] : check.errors]).toEqual([
        mapped.dataset.identifier,
        [],
      ]);
    }
    expect(n).toBeGreaterThan(0);
  });
});
