/**
 * `passerelle fix` over every fixture and the real corpus (test/real/: exports as the portals publish
 * them): the suite of test/fix-folders.ts, and what only the real exports hold. The slow project
 * (test/fix.test.ts runs the suite over the fixtures in `npm test`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixFolders } from './fix-folders.js';

describe('passerelle fix on every fixture and the real corpus', () => {
  const { fixed } = fixFolders(['fixtures', 'test/real'], { changedLines: 20, applied: 40 });

  test("Alberta's legacy codes are fixed, as the steward reads them in the export", () => {
    const { files, dir } = fixed();
    const ab = files.find((f) => f.file === 'test/real/ca-ab/ab_scheming-Imports-datasets.jsonl');
    const first = ab?.records.find((r) => r.source.line === 1);
    // line 1 of the export: "license_id":"ABOGPL", "topic":["BusinessandIndustry"], "updatefrequency":"Every2weeks"
    expect(first?.applied.map((f) => [f.pointer, f.old, f.new, f.kind])).toEqual([
      ['/license_id', 'ABOGPL', 'OGLA', 'legacy-code'],
      ['/topic/0', 'BusinessandIndustry', 'Business and Industry', 'legacy-code'],
      ['/updatefrequency', 'Every2weeks', 'Every 2 weeks', 'legacy-code'],
    ]);
    const line1 = readFileSync(join(dir, ab?.file as string), 'utf8').split('\n')[0];
    expect(line1).toContain('"license_id":"OGLA"');
    expect(line1).toContain('"topic":["Business and Industry","Environment"]');
  });

  test('records of XML files are reported as not fixable, not skipped', () => {
    const hnap = fixed().files.find((f) => f.file.endsWith('Sample_HNAP-2015-03-25.xml'));
    expect(hnap?.unfixable).toBe('format');
    expect(hnap?.records.some((r) => r.skipped.some((s) => s.fix.kind === 'encoding'))).toBe(true);
  });
});
