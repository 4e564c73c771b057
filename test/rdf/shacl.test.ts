/**
 * SHACL: the project's DCAT-AP 3 shapes against the official 3.0.1 files (when the reference
 * material is there): the same results on the converted fixtures of every profile, apart from the
 * documented deviations (docs/rdf.md); each deviation shown on a record that exhibits it; findings
 * traced back to the source field.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import N3 from 'n3';
import { validateRecords } from '../../src/engine/run.js';
import type { Dataset } from '../../src/model/types.js';
import { recordToRdf } from '../../src/rdf/from-record.js';
import { termKey } from '../../src/rdf/terms.js';
import { ShaclChecker, type ShaclResult } from '../../src/shacl/check.js';
import { OWN_SHAPES } from '../../src/shacl/shapes.js';
import { cli, REFERENCE, ROOT, tempDir } from '../helpers.js';

const OFFICIAL = join(REFERENCE, 'dcat-ap', '3.0.1', 'shacl');
const HAS_OFFICIAL = existsSync(join(OFFICIAL, 'shapes.ttl'));
const profiles = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);
const now = new Date('2026-11-01T00:00:00Z');

/** Shapes of ours that depart from the official files on purpose (`ps:deviation`). */
function deviations(): Set<string> {
  const store = new N3.Store(new N3.Parser().parse(readFileSync(OWN_SHAPES, 'utf8')));
  return new Set(
    store
      .getSubjects('https://passerelle.opendata.ca/shapes/dcat-ap-3#deviation', null, null)
      .map((s) => s.value),
  );
}

const key = (r: ShaclResult) =>
  `${termKey(r.focus)} ${r.path ?? ''} ${r.component} ${r.severity} ${r.value ? termKey(r.value) : ''}`;

async function mappedFixtures(profile: string): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for await (const p of validateRecords([join(ROOT, 'fixtures', profile)], { profile, now }))
    if (p.mapped) out.push(p.mapped.dataset);
  return out;
}

describe('our DCAT-AP 3 shapes and the official 3.0.1 ones', () => {
  let ours: ShaclChecker;
  let theirs: ShaclChecker;
  let theirRanges: ShaclChecker;
  let deviating: Set<string>;
  beforeAll(async () => {
    ours = await ShaclChecker.load();
    deviating = deviations();
    if (!HAS_OFFICIAL) return;
    theirs = await ShaclChecker.load(
      [join(OFFICIAL, 'shapes.ttl'), join(OFFICIAL, 'shapes_recommended.ttl')],
      { own: false },
    );
    theirRanges = await ShaclChecker.load([join(OFFICIAL, 'range.ttl')], { own: false });
  });

  (HAS_OFFICIAL ? test.each(profiles) : test.skip.each(profiles))(
    'agree on every record of fixtures/%s, deviations aside',
    async (profile) => {
      let compared = 0;
      for (const dataset of await mappedFixtures(profile)) {
        const { quads } = recordToRdf(dataset);
        const a = (await ours.results(quads))
          .filter((r) => !deviating.has(r.shape.value))
          .map(key)
          .sort();
        const b = (await theirs.results(quads)).map(key).sort();
        expect(a).toEqual(b);
        compared += a.length;
      }
      expect(compared).toBeGreaterThan(0); // the fixtures do exercise the shapes
    },
  );

  (HAS_OFFICIAL ? test : test.skip)(
    'official defect 1: sh:shape leaves a dataset date unchecked; ours reports it',
    async () => {
      const { quads } = recordToRdf({
        title: { en: 'Air quality' },
        description: { en: 'Hourly readings.' },
        modified: 'yesterday',
        issued: '2020-13-45',
      });
      const theirsOn = (await theirs.results(quads)).filter(
        (r) =>
          r.path === 'http://purl.org/dc/terms/modified' ||
          r.path === 'http://purl.org/dc/terms/issued',
      );
      const oursOn = (await ours.results(quads)).filter(
        (r) =>
          r.path === 'http://purl.org/dc/terms/modified' ||
          r.path === 'http://purl.org/dc/terms/issued',
      );
      expect(theirsOn).toEqual([]);
      expect(oursOn.map((r) => [r.path, r.component, r.severity]).sort()).toEqual([
        ['http://purl.org/dc/terms/issued', 'NodeConstraintComponent', 'error'],
        ['http://purl.org/dc/terms/modified', 'NodeConstraintComponent', 'error'],
      ]);
      for (const r of oursOn) expect(deviating.has(r.shape.value)).toBe(true);
    },
  );

  (HAS_OFFICIAL ? test : test.skip)(
    'official defect 2: range checks fail on EU vocabulary URIs without the EU tables; ours check the namespace',
    async () => {
      const dataset: Dataset = {
        title: { en: 'Air quality' },
        description: { en: 'Hourly readings.' },
        theme: ['http://publications.europa.eu/resource/authority/data-theme/ENVI'],
        accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/HOURLY',
        distribution: [
          {
            accessURL: ['https://example.ca/aq.csv'],
            format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
          },
        ],
      };
      const { quads } = recordToRdf(dataset);
      const classFailures = (await theirRanges.results(quads))
        .filter((r) => r.component === 'ClassConstraintComponent')
        .map((r) => r.path);
      expect(classFailures).toEqual(
        expect.arrayContaining([
          'http://www.w3.org/ns/dcat#theme',
          'http://purl.org/dc/terms/accrualPeriodicity',
          'http://purl.org/dc/terms/format',
        ]),
      );
      expect((await ours.results(quads)).filter((r) => r.severity === 'error')).toEqual([]);
      // a value outside the EU table is caught without loading it
      const bad = recordToRdf({
        ...dataset,
        accrualPeriodicity: 'https://example.ca/frequency/monthly',
      });
      expect(
        (await ours.results(bad.quads))
          .filter((r) => r.severity === 'error')
          .map((r) => [r.path, r.component]),
      ).toEqual([['http://purl.org/dc/terms/accrualPeriodicity', 'PatternConstraintComponent']]);
    },
  );

  test('our shapes check what DCAT-AP 3 makes mandatory, recommended and single-valued', async () => {
    const dataset: Dataset = {
      title: { und: 'Air quality' },
      publisher: { type: 'http://purl.org/adms/publishertype/NationalAuthority' },
      distribution: [
        { format: 'http://publications.europa.eu/resource/authority/file-type/CSV', byteSize: 12 },
      ],
    };
    const results = (await ours.results(recordToRdf(dataset).quads)).map(
      (r) => `${r.severity} ${r.component} ${r.path?.replace(/^.*[#/]/, '')}`,
    );
    expect(results).toEqual(
      expect.arrayContaining([
        'error MinCountConstraintComponent description', // mandatory
        'error MinCountConstraintComponent accessURL',
        'error MinCountConstraintComponent name', // an agent's name
        'warning MinCountConstraintComponent keyword', // recommended
        'warning MinCountConstraintComponent license',
        'warning DatatypeConstraintComponent title', // no language tag
      ]),
    );
    expect(results.filter((r) => r.includes('byteSize') || r.includes('format'))).toEqual([]);
  });
});

describe('validate --shacl', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  test('findings shacl/<component>, traced back to the source field and its line', () => {
    const r = cli([
      'validate',
      'fixtures/ca-gc/package_search.json',
      '--profile',
      'ca-gc',
      '--shacl',
      '--format',
      'json',
      '--now',
      '2026-11-01',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const water = report.records.find(
      (x: { id: string }) => x.id === 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    );
    const f = water.findings.find(
      (x: { ruleId: string; property?: string }) =>
        x.ruleId === 'shacl/MinCountConstraintComponent' && x.property === 'description',
    );
    expect(f).toMatchObject({
      severity: 'error',
      principle: 'P4',
      sourcePath: '/notes_translated',
      message: 'dct:description: at least 1 value(s) expected, none given',
    });
    expect(f.line).toBeGreaterThan(1);
    // the rules without --shacl are unchanged: the SHACL findings come on top
    const plain = JSON.parse(
      cli([
        'validate',
        'fixtures/ca-gc/package_search.json',
        '--profile',
        'ca-gc',
        '--format',
        'json',
        '--now',
        '2026-11-01',
      ]).stdout,
    );
    const ids = (rep: { records: { findings: { ruleId: string }[] }[] }) =>
      rep.records
        .flatMap((x) => x.findings.map((y) => y.ruleId))
        .filter((id) => !id.startsWith('shacl/'));
    expect(ids(report).sort()).toEqual(ids(plain).sort());
  });

  test('--shapes adds a user shape, with its own message, in French too', () => {
    const shapes = join(tmp.dir, 'version.ttl');
    writeFileSync(
      shapes,
      `@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
<urn:x:VersionShape> a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dcat:version ; sh:minCount 1 ; sh:severity sh:Info ; sh:message "our portal wants a version"@en, "notre portail veut une version"@fr ] .`,
    );
    const r = cli([
      'validate',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '--shapes',
      shapes,
      '--format',
      'json',
      '--lang',
      'fr',
    ]);
    const f = JSON.parse(r.stdout).records[0].findings.find(
      (x: { property?: string }) => x.property === 'version',
    );
    expect(f).toMatchObject({
      ruleId: 'shacl/MinCountConstraintComponent',
      severity: 'info',
      message:
        'dcat:version : au moins 1 valeur(s) attendue(s), aucune fournie (notre portail veut une version)',
    });
  });

  test('a broken shapes file stops the run with its file, line and column', () => {
    const shapes = join(tmp.dir, 'broken.ttl');
    writeFileSync(
      shapes,
      '@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:x:S> a sh:NodeShape ;\n  shx:targetClass <urn:y> .\n',
    );
    const r = cli([
      'validate',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '--shapes',
      shapes,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.ttl:3:3: invalid Turtle: undefined prefix "shx:"/);
  });
});
