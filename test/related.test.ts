/**
 * One gap, one finding (`mergeRelated`): findings of several rules on one property of a record
 * become one, at the highest severity, naming the others; scores and statuses do not move.
 */
import { mergeRelated } from '../src/engine/related.js';
import { validate, validateRecords } from '../src/engine/run.js';
import { principleScores } from '../src/scores/principles.js';
import { RULE_PRINCIPLES } from '../src/rules/index.js';
import type { Finding } from '../src/core/finding.js';
import { cli, tempDir } from './helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const f = (
  ruleId: string,
  severity: Finding['severity'],
  property?: string,
  sourcePath?: string,
): Finding => ({
  ruleId,
  severity,
  message: `${ruleId} says`,
  ...(property ? { property } : {}),
  ...(sourcePath ? { sourcePath } : {}),
});
const shown = (out: Finding[]) =>
  out.map((x) => [x.ruleId, x.severity, x.property, (x.related ?? []).map((r) => r.ruleId)]);

describe('mergeRelated', () => {
  test('a judgment stands for the presence table on its property', () => {
    const out = mergeRelated([
      f('odc/spatial-coverage', 'warning', 'spatial', '/geo'),
      f('dcat-ap/recommended', 'info', 'spatial', '/geo'),
      f('dcat-ap/recommended', 'info', 'temporal'),
    ]);
    expect(shown(out)).toEqual([
      ['odc/spatial-coverage', 'warning', 'spatial', ['dcat-ap/recommended']],
      ['dcat-ap/recommended', 'info', 'temporal', []],
    ]);
    expect(out[0].related).toEqual([
      { ruleId: 'dcat-ap/recommended', severity: 'info', message: 'dcat-ap/recommended says' },
    ]);
  });

  test('the higher severity stands; on a tie profile/, then odc/, then dcat-ap/', () => {
    expect(
      shown(
        mergeRelated([
          f('odc/unmapped-value', 'warning', 'accrualPeriodicity', '/f'),
          f('odc/update-frequency', 'error', 'accrualPeriodicity', '/f'),
        ]),
      ),
    ).toEqual([['odc/update-frequency', 'error', 'accrualPeriodicity', ['odc/unmapped-value']]]);
    expect(
      shown(
        mergeRelated([
          f('dcat-ap/mandatory', 'error', 'distribution[0].accessURL', '/r/0/url'),
          f('odc/access-url', 'error', 'distribution[0].accessURL', '/r/0/url'),
        ]),
      ),
    ).toEqual([['odc/access-url', 'error', 'distribution[0].accessURL', ['dcat-ap/mandatory']]]);
    // the portal's own rule has no property: it takes the one of the findings at its source field
    expect(
      shown(
        mergeRelated([
          f('odc/update-frequency', 'error', 'accrualPeriodicity', '/frequency'),
          f('profile/required', 'error', undefined, '/frequency'),
        ]),
      ),
    ).toEqual([['profile/required', 'error', 'accrualPeriodicity', ['odc/update-frequency']]]);
  });

  test('two judgments of one property stay two findings; the restatements join the most severe', () => {
    const out = mergeRelated([
      f('odc/machine-readable-format', 'error', 'distribution', '/resources'),
      f('odc/non-proprietary-format', 'warning', 'distribution', '/resources'),
      f('dcat-ap/recommended', 'info', 'distribution', '/resources'),
    ]);
    expect(shown(out)).toEqual([
      ['odc/machine-readable-format', 'error', 'distribution', ['dcat-ap/recommended']],
      ['odc/non-proprietary-format', 'warning', 'distribution', []],
    ]);
  });

  test('with a known format nowhere, "none machine-readable" and "none in an open format" are one finding', () => {
    const both = [
      f('odc/machine-readable-format', 'error', 'distribution', '/resources'),
      f('odc/non-proprietary-format', 'warning', 'distribution', '/resources'),
    ];
    // no distribution has a format: the one gap is that no format is known
    expect(
      shown(
        mergeRelated(
          both.map((x) => ({ ...x })),
          (p) => p === 'distribution[*].format',
        ),
      ),
    ).toEqual([
      ['odc/machine-readable-format', 'error', 'distribution', ['odc/non-proprietary-format']],
    ]);
    // formats known (a PDF): two judgments, two findings
    expect(
      shown(
        mergeRelated(
          both.map((x) => ({ ...x })),
          () => false,
        ),
      ),
    ).toHaveLength(2);
  });

  test('a value of the wrong type stays a finding of its own, even where the property is left empty', () => {
    const out = mergeRelated(
      [
        f('profile/type', 'error', 'conformsTo', '/conforms_to/0'),
        f('profile/type', 'error', 'conformsTo', '/conforms_to/1'),
      ],
      () => true,
    );
    expect(shown(out)).toEqual([
      ['profile/type', 'error', 'conformsTo', []],
      ['profile/type', 'error', 'conformsTo', []],
    ]);
  });

  test('a missing field takes the property the crosswalk fills from it, as the judgments name it', () => {
    const reading = (field: string) =>
      field === '/contact_email'
        ? ['contactPoint[*].email']
        : field === '/license_id'
          ? ['distribution[*].license']
          : field === '/keywords'
            ? ['keyword']
            : [];
    // an empty contact email: odc/contact-point judges the contact points' addresses
    expect(
      shown(
        mergeRelated(
          [
            f('odc/contact-point', 'error', 'contactPoint'),
            f('profile/required', 'error', undefined, '/contact_email'),
          ],
          undefined,
          reading,
        ),
      ),
    ).toEqual([['profile/required', 'error', 'contactPoint', ['odc/contact-point']]]);
    expect(
      shown(
        mergeRelated(
          [
            f('odc/keywords', 'warning', 'keyword'),
            f('profile/required', 'error', undefined, '/keywords'),
          ],
          undefined,
          reading,
        ),
      ),
    ).toEqual([['profile/required', 'error', 'keyword', ['odc/keywords']]]);
    // a judgment of the whole list about other fields (no download URL) is not this gap
    expect(
      shown(
        mergeRelated(
          [
            f('odc/download-url', 'warning', 'distribution'),
            f('profile/required', 'error', undefined, '/license_id'),
          ],
          undefined,
          reading,
        ),
      ),
    ).toEqual([
      ['odc/download-url', 'warning', 'distribution', []],
      ['profile/required', 'error', undefined, []],
    ]);
    // a code outside the portal's list is a fault of its own, not the gap it leaves
    expect(
      shown(
        mergeRelated(
          [
            f('odc/keywords', 'warning', 'keyword'),
            f('profile/vocabulary', 'warning', undefined, '/keywords'),
          ],
          undefined,
          reading,
        ),
      ),
    ).toHaveLength(2);
  });

  test("a record's empty licence field stands for every distribution's missing licence", () => {
    const reading = (field: string) => (field === '/license_id' ? ['distribution[*].license'] : []);
    const out = mergeRelated(
      [
        f('profile/required', 'error', undefined, '/license_id'),
        f('odc/licence-present', 'error', 'distribution[0].license', '/resources/0'),
        f('dcat-ap/recommended', 'info', 'distribution[0].license', '/resources/0'),
        f('odc/licence-present', 'error', 'distribution[1].license', '/resources/1'),
        f('odc/spatial-coverage', 'warning', 'spatial'),
      ],
      undefined,
      reading,
    );
    expect(shown(out)).toEqual([
      [
        'profile/required',
        'error',
        'distribution[*].license',
        ['odc/licence-present', 'dcat-ap/recommended', 'odc/licence-present'],
      ],
      ['odc/spatial-coverage', 'warning', 'spatial', []],
    ]);
  });

  test('restatements alone merge by source field; a portal finding at a field of several properties stays alone', () => {
    const out = mergeRelated([
      f('profile/vocabulary', 'error', undefined, '/subject/0'),
      f('odc/unmapped-value', 'warning', 'theme', '/subject/0'),
      f('profile/vocabulary', 'error', undefined, '/subject/1'),
      f('odc/unmapped-value', 'warning', 'theme', '/subject/1'),
      f('profile/required', 'error', undefined, '/resources'),
      f('odc/documentation-link', 'warning', 'documentation', '/resources'),
      f('odc/language-vocabulary', 'warning', 'language', '/resources'),
    ]);
    expect(shown(out)).toEqual([
      ['profile/required', 'error', undefined, []],
      ['profile/vocabulary', 'error', 'theme', ['odc/unmapped-value']],
      ['profile/vocabulary', 'error', 'theme', ['odc/unmapped-value']],
      ['odc/documentation-link', 'warning', 'documentation', []],
      ['odc/language-vocabulary', 'warning', 'language', []],
    ]);
  });

  test('judgments of a property the record lacks altogether are one absence', () => {
    const none = [
      f('odc/access-url', 'error', 'distribution', '/resources'),
      f('odc/licence-present', 'error', 'distribution', '/resources'),
      f('odc/machine-readable-format', 'error', 'distribution', '/resources'),
    ];
    expect(shown(mergeRelated(none, (p) => p === 'distribution'))).toEqual([
      [
        'odc/access-url',
        'error',
        'distribution',
        ['odc/licence-present', 'odc/machine-readable-format'],
      ],
    ]);
    expect(mergeRelated(none, () => false)).toBe(none);
  });

  test('a portal finding on a missing field takes the property looked for inside it (where a crosswalk looked has no list index)', () => {
    const out = mergeRelated([
      f(
        'profile/required',
        'error',
        undefined,
        '/gmd:identificationInfo/0/gmd:MD_DataIdentification/gmd:resourceMaintenance',
      ),
      f(
        'odc/update-frequency',
        'error',
        'accrualPeriodicity',
        '/gmd:identificationInfo/gmd:MD_DataIdentification/gmd:resourceMaintenance/gmd:MD_MaintenanceInformation',
      ),
      // another list item's field is not inside it
      f('profile/vocabulary', 'warning', undefined, '/resources/1/kind'),
      f('odc/format-vocabulary', 'warning', 'distribution[0].format', '/resources/0/kind/format'),
      f('profile/type', 'error', undefined, '/more_info'),
      f('odc/documentation-link', 'warning', 'documentation', '/more_info'),
    ]);
    expect(shown(out)).toEqual([
      ['profile/required', 'error', 'accrualPeriodicity', ['odc/update-frequency']],
      ['profile/type', 'error', undefined, []],
      ['odc/documentation-link', 'warning', 'documentation', []],
      ['odc/format-vocabulary', 'warning', 'distribution[0].format', []],
      ['profile/vocabulary', 'warning', undefined, []],
    ]);
  });

  test('a second code of one rule is a second fault: it stands beside the judgment, with its own restatements', () => {
    const out = mergeRelated([
      f('odc/theme-vocabulary', 'warning', 'theme', '/groups'),
      f('odc/unmapped-value', 'warning', 'theme', '/groups/0'),
      f('odc/unmapped-value', 'warning', 'theme', '/groups/1'),
      f('profile/vocabulary', 'warning', undefined, '/groups/1'),
    ]);
    expect(shown(out)).toEqual([
      ['odc/theme-vocabulary', 'warning', 'theme', ['odc/unmapped-value']],
      ['profile/vocabulary', 'warning', 'theme', ['odc/unmapped-value']],
    ]);
  });

  test('nothing to merge: the same array', () => {
    const list = [f('odc/bilingual', 'info', 'title@en'), f('odc/bilingual', 'info', 'title@fr')];
    expect(mergeRelated(list)).toBe(list);
  });
});

describe('on the fixtures', () => {
  test('principle scores are those of every rule’s verdict, related findings included', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      let merged = 0;
      for await (const p of validateRecords(['fixtures'], {
        profile: 'auto',
        now: new Date('2026-11-01T00:00:00Z'),
      })) {
        if (!p.checks || !p.result.scores) continue;
        const every = p.result.findings.flatMap((x) => [
          x,
          ...(x.related ?? []).map((o) => ({ ...o }) as Finding),
        ]);
        if (every.length > p.result.findings.length) merged++;
        expect([p.result.id, principleScores(every, p.checks, RULE_PRINCIPLES)]).toEqual([
          p.result.id,
          p.result.scores.principles,
        ]);
      }
      expect(merged).toBeGreaterThan(50);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a related finding is never more severe than the one shown; the summary counts the findings shown', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const report = await validate(['fixtures'], {
        profile: 'auto',
        now: new Date('2026-11-01T00:00:00Z'),
      });
      let related = 0;
      for (const r of report.records) {
        for (const x of r.findings) {
          for (const o of x.related ?? []) {
            related++;
            // a related finding is never more severe than the one that stands for it
            expect(['error', 'warning', 'info'].indexOf(o.severity)).toBeGreaterThanOrEqual(
              ['error', 'warning', 'info'].indexOf(x.severity),
            );
          }
        }
      }
      expect(related).toBeGreaterThan(100);
      const counts = { error: 0, warning: 0, info: 0 };
      for (const r of report.records) for (const x of r.findings) counts[x.severity]++;
      expect(report.summary.findings).toEqual(counts);
    } finally {
      process.chdir(cwd);
    }
  });

  test('the same bytes with --workers 1 and 2, in every format that names related rules', () => {
    const FORMATS = ['json', 'sarif', 'csv'];
    const tmp = tempDir();
    try {
      // one run per worker count writes the three reports
      const [one, two] = ['1', '2'].map((w) => {
        const file = (f: string) => join(tmp.dir, `w${w}.${f}`);
        cli([
          'validate',
          join('fixtures', 'ca-gc'),
          join('fixtures', 'ca-on'),
          '--profile',
          'auto',
          ...FORMATS.flatMap((f) => [`--output.${f}`, file(f)]),
          '--workers',
          w,
          '--now',
          '2026-11-01',
        ]);
        return FORMATS.map((f) => [f, readFileSync(file(f), 'utf8')]);
      });
      expect(two).toEqual(one);
    } finally {
      tmp.cleanup();
    }
  });
});
