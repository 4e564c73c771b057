/**
 * The real corpus (test/real/<profile>/, test/real/README.md): every record's errors and warnings
 * are the ones a reader of its source expects, but for the disagreements expected.yaml lists as
 * known (with why). A change in any record's findings or mapped values fails here; `npm run
 * fidelity` prints the numbers and each disagreement.
 */
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { validateRecords } from '../src/engine/run.js';
import { detectFiles } from '../src/engine/detect.js';
import type { RecordResult } from '../src/core/record.js';
import type { Mapped } from '../src/crosswalk/crosswalk.js';
import { ROOT } from './helpers.js';

// plain JavaScript shared with the npm run fidelity script (which runs from dist/)
const modulePath: string = './fidelity/score.mjs';
const score = await import(modulePath);
const folders: string[] = score.corpusFolders(ROOT);

// (a checkout without corpus folders has only the scorer's own tests)
if (folders.length > 0)
  describe.each(folders)('test/real/%s', (folder) => {
    const expected = score.loadExpected(ROOT, folder);
    const dir = join(ROOT, 'test', 'real', folder);

    test('findings and values are the expected ones, but for the known disagreements', async () => {
      const results: RecordResult[] = [];
      const mapped: (Mapped | undefined)[] = [];
      for await (const p of validateRecords([{ profile: expected.profile, path: dir }], {
        profile: expected.profile,
        now: expected.now,
        workers: 1,
      })) {
        results.push(p.result);
        mapped.push(p.mapped);
      }
      const s = score.scoreFolder(expected, results, mapped);
      expect(s.unreviewed).toEqual([]);
      expect(
        s.disagreements
          .filter((d: { known: boolean }) => !d.known)
          .map((d: { record: string; text: string }) => `${d.record}: ${d.text}`),
      ).toEqual([]);
      expect(s.records).toBe(Object.keys(expected.records).length);
    });

    test('--profile auto recognises each file', async () => {
      for (const name of readdirSync(dir).filter((n) => !/\.(md|yaml)$/.test(n))) {
        const [d] = await detectFiles([join(dir, name)]);
        expect([name, d?.profile]).toEqual([name, expected.detect[name] ?? expected.profile]);
      }
    });
  });

describe('the corpus scorer', () => {
  const finding = (ruleId: string, property: string, severity: string, related: string[] = []) => ({
    ruleId,
    property,
    severity,
    related: related.map((r) => ({ ruleId: r, severity: 'error' })),
  });

  test('a finding stands for an expected one by rule, property and severity, or by a rule merged into it', () => {
    const m = score.matchFindings(
      [
        { rule: 'odc/access-url', property: 'distribution[0].accessURL', severity: 'error' },
        { rule: 'odc/update-frequency', property: 'accrualPeriodicity', severity: 'error' },
        { rule: 'odc/spatial-coverage', property: 'spatial', severity: 'warning' },
        { rule: 'odc/non-proprietary-format', property: 'distribution', severity: 'warning' },
      ],
      [
        finding('dcat-ap/mandatory', 'distribution[0].accessURL', 'error', ['odc/access-url']),
        finding('odc/update-frequency', 'accrualPeriodicity', 'warning'),
        finding('odc/spatial-coverage', 'spatial', 'warning'),
        finding('dcat-ap/recommended', 'temporal', 'info'),
        {
          ...finding('odc/machine-readable-format', 'distribution', 'error'),
          related: [{ ruleId: 'odc/non-proprietary-format', severity: 'warning' }],
        },
      ],
    );
    expect(m.truePositives).toBe(3);
    expect(m.reportedTrue).toBe(3);
    expect(m.missed.map((f: { rule: string }) => f.rule)).toEqual(['odc/update-frequency']);
    expect(m.extra.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
  });

  test('a merged finding stands for each expected finding of the rules it names, once each', () => {
    const m = score.matchFindings(
      [
        { rule: 'odc/access-url', property: 'distribution', severity: 'error' },
        { rule: 'odc/licence-present', property: 'distribution', severity: 'error' },
        { rule: 'odc/licence-present', property: 'distribution', severity: 'error' },
      ],
      [
        finding('odc/access-url', 'distribution', 'error', [
          'odc/licence-present',
          'odc/machine-readable-format',
        ]),
      ],
    );
    expect([m.truePositives, m.reportedTrue, m.missed.length, m.extra.length]).toEqual([
      2, 1, 1, 0,
    ]);
  });

  test('values: language maps, lists in any order, every item, dates by prefix', () => {
    const dataset = {
      publisher: { name: { en: 'Statistics Canada', fr: 'Statistique Canada' } },
      language: ['http://id/ENG', 'http://id/FRA'],
      issued: '2019-06-12T10:00:00Z',
      distribution: [
        { license: 'L', format: 'CSV' },
        { license: 'L', format: 'PDF' },
      ],
    };
    expect(score.valueMatches(dataset, 'publisher.name@fr', 'Statistique Canada')).toBe(true);
    expect(score.valueMatches(dataset, 'language', ['http://id/FRA', 'http://id/ENG'])).toBe(true);
    expect(score.valueMatches(dataset, 'language', ['http://id/FRA'])).toBe(false);
    expect(score.valueMatches(dataset, 'license', 'L')).toBe(true);
    expect(score.valueMatches(dataset, 'distribution[1].format', 'PDF')).toBe(true);
    expect(score.valueMatches(dataset, 'distribution[*].format', ['PDF', 'CSV'])).toBe(true);
    expect(score.valueMatches(dataset, 'issued', '2019-06-12')).toBe(true);
    expect(score.valueMatches(dataset, 'modified', '2019-06-12')).toBe(false);
  });

  test('a disagreement listed as known passes; one that no longer disagrees is stale', () => {
    const expected = {
      records: {
        r1: {
          findings: [{ rule: 'odc/keywords', property: 'keyword', severity: 'warning' }],
          known: [
            {
              kind: 'missed',
              rule: 'odc/keywords',
              property: 'keyword',
              severity: 'warning',
              why: 'tags are not read yet',
            },
            {
              kind: false,
              rule: 'odc/publisher',
              property: 'publisher',
              severity: 'error',
              why: 'fixed since',
            },
          ],
        },
      },
    };
    const s = score.scoreFolder(
      expected,
      [{ id: 'r1', source: { file: 'a.json' }, findings: [] }],
      [undefined],
    );
    expect(s.disagreements.map((d: { kind: string; known: boolean }) => [d.kind, d.known])).toEqual(
      [
        ['missed', true],
        ['stale', false],
      ],
    );
    expect(score.recall(s)).toBe(0);
  });
});
