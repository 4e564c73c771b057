/**
 * `--profile auto`: each file's profile recognised from its first readable record, said on
 * stderr; unrecognised or ambiguous files stop the run (exit 2) before any output.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectableProfiles, detectFiles, detectProfile } from '../src/engine/detect.js';
import { validate } from '../src/engine/pipeline.js';
import { cli, REFERENCE, ROOT, tempDir } from './helpers.js';

const NOW = ['--now', '2026-11-01'];

describe('recognising a record', () => {
  const profiles = detectableProfiles();
  const first = (file: string) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const doc = JSON.parse(file.endsWith('.jsonl') ? text.split('\n')[0] : text);
    return doc.result?.results?.[0] ?? doc.result ?? (Array.isArray(doc) ? doc[0] : doc);
  };

  test.each([
    ['fixtures/ca-gc/dataset.json', 'ca-gc'],
    ['fixtures/ca-ab/publications.jsonl', 'ca-ab'],
    ['fixtures/ca-bc/package_show.json', 'ca-bc'],
    ['fixtures/ca-on/package_show.json', 'ca-on'],
    ['fixtures/ca-qc/dataset.json', 'ca-qc'],
    ['fixtures/ckan/dataset.json', 'ckan'],
  ])('%s is %s', (file, id) => {
    expect(detectProfile(first(file), profiles)).toEqual({ profile: id, candidates: [id] });
  });

  test('a portal profile outranks the generic CKAN one; a tie at the top is not broken by guessing', () => {
    const ontario = first('fixtures/ca-on/package_show.json');
    expect(detectProfile(ontario, profiles).profile).toBe('ca-on'); // ckan matches too, at priority 0
    // bilingual fields with both the federal collection and Ontario's access level
    expect(detectProfile({ ...ontario, collection: 'primary' }, profiles)).toEqual({ candidates: ['ca-gc', 'ca-on'] });
    expect(detectProfile({ rows: 3 }, profiles)).toEqual({ candidates: [] });
  });

  test('a directory: one profile per file, in file order', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const found = await detectFiles(['fixtures']);
      const byFolder = new Map<string, Set<string>>();
      for (const d of found) {
        const folder = d.file.split('/').at(-2) as string;
        byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(d.profile));
      }
      // every fixture folder is recognised as the profile it is named after
      for (const [folder, ids] of byFolder) expect([folder, [...ids]]).toEqual([folder, [folder]]);
      expect([...byFolder.keys()].sort()).toEqual(readdirSync(join(ROOT, 'fixtures')).sort());
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('passerelle validate --profile auto', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  test('says on stderr which profile each file was read as; the report is the one a named profile gives', () => {
    const auto = cli(['validate', 'fixtures/ca-on', 'fixtures/ca-bc/package_show.json', '--profile', 'auto', '--format', 'json', ...NOW]);
    expect(auto.stderr).toBe(
      [
        'fixtures/ca-on/catalogue.jsonl: profile ca-on (detected)',
        'fixtures/ca-on/package_search.json: profile ca-on (detected)',
        'fixtures/ca-on/package_show.json: profile ca-on (detected)',
        'fixtures/ca-bc/package_show.json: profile ca-bc (detected)',
        '',
      ].join('\n'),
    );
    const named = cli(['validate', 'ca-on=fixtures/ca-on', 'ca-bc=fixtures/ca-bc/package_show.json', '--format', 'json', ...NOW]);
    expect(auto.code).toBe(named.code);
    expect(JSON.parse(auto.stdout)).toEqual(JSON.parse(named.stdout));
    expect(JSON.parse(auto.stdout).records.map((r: { profile: string }) => r.profile)).toEqual([...Array(6).fill('ca-on'), 'ca-bc']);
  });

  test('in French', () => {
    const r = cli(['validate', 'fixtures/ca-qc/dataset.json', '--profile', 'auto', '--lang', 'fr', ...NOW]);
    expect(r.stderr).toBe('fixtures/ca-qc/dataset.json : profil ca-qc (détecté)\n');
  });

  test('auto=<path> mixes with named inputs', () => {
    const r = cli(['validate', 'auto=fixtures/ckan/dataset.json', 'ca-gc=fixtures/ca-gc/dataset.json', '--format', 'json', ...NOW]);
    expect(r.stderr).toBe('fixtures/ckan/dataset.json: profile ckan (detected)\n');
    expect(JSON.parse(r.stdout).records.map((x: { profile: string }) => x.profile)).toEqual(['ckan', 'ca-gc']);
  });

  test.each([
    ['ambiguous', { title_translated: { en: 'A', fr: 'B' }, collection: 'primary', access_level: 'open', name: 'a' }, /its records fit several profiles \(ca-gc, ca-on\) \(first record, line 1\); name one with --profile <id>/],
    ['unknown', { rows: 3, columns: ['a'] }, /no profile recognises its records \(first record, line 1\); name one with --profile <id>/],
  ])('%s: one line on stderr naming the file, exit 2, no report, nothing written', (_, record, message) => {
    const f = join(tmp.dir, 'odd.jsonl');
    writeFileSync(f, `${JSON.stringify(record)}\n`);
    const out = join(tmp.dir, 'never.json');
    const r = cli(['validate', 'fixtures/ca-ab/package_search.json', f, '--profile', 'auto', '--output', out, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^passerelle: ${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${message.source}`))]);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('a file with no readable record cannot be recognised', () => {
    const f = join(tmp.dir, 'broken.jsonl');
    writeFileSync(f, '{"id": "a", "title": \n');
    const r = cli(['validate', f, '--profile', 'auto', ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.jsonl: no readable record to recognise its profile from; name it with --profile <id>/);
  });

  test('the first readable record decides: a broken first line is skipped for recognition, and still reported', async () => {
    const f = join(tmp.dir, 'first-broken.jsonl');
    writeFileSync(f, ['{"id": "cut', readFileSync(join(ROOT, 'fixtures/ckan/packages.jsonl'), 'utf8').split('\n')[0]].join('\n'));
    const report = await validate([`auto=${f}`], { now: new Date('2026-11-01T00:00:00Z') });
    expect(report.records.map((r) => [r.profile, r.status])).toEqual([
      ['ckan', 'rejected'],
      ['ckan', 'invalid'],
    ]);
  });
});

// The reference examples (real exports) must be read by auto detection without a crash and
// without a rejected record, each as the profile it is. They live beside the checkout.
const EXAMPLES = join(REFERENCE, 'examples');
const present = existsSync(EXAMPLES);
if (!present) console.log(`reference examples not found at ${EXAMPLES}: the --profile auto check on real exports is skipped`);

describe('real exports (../shared/reference/examples) with --profile auto', () => {
  const expected: [string, string][] = [
    ['canada/obd_sample_2.jsonl', 'ca-gc'],
    ['alberta/ab_scheming.Imports.publications.jsonl', 'ca-ab'],
    ['alberta/open_alberta.imports.dataset.json', 'ca-ab'],
    ['ckanext-dcat/ckan/ckan_dataset.json', 'ckan'],
    ['ckanext-dcat/ckan/ckan_dataset_multilingual.json', 'ckan'],
    ['ckanext-dcat/ckan/ckan_dcat_ap_dataset_series.json', 'ckan'],
    ['ckanext-dcat/ckan/ckan_full_dataset_dcat_ap.json', 'ckan'],
    ['ckanext-dcat/ckan/ckan_full_dataset_dcat_ap_vocabularies.json', 'ckan'],
    ['ckanext-dcat/ckan/ckan_full_dataset_dcat_us_vocabularies.json', 'ckan'],
    ['ckanext-dcat/ckan/full_ckan_dataset_legacy.json', 'ckan'],
  ];

  (present ? test : test.skip)('every CKAN JSON and JSON Lines example is listed here', () => {
    const listed = new Set(expected.map(([f]) => f));
    const found = ['canada', 'alberta', 'ckanext-dcat/ckan'].flatMap((d) =>
      readdirSync(join(EXAMPLES, d))
        .filter((n) => /\.(json|jsonl)$/.test(n))
        .map((n) => `${d}/${n}`),
    );
    // catalog.json is a DCAT JSON catalogue ({dataset: [...]}), not a CKAN package: see below
    expect(found.filter((f) => !listed.has(f)).sort()).toEqual(['ckanext-dcat/ckan/catalog.json']);
  });

  // through the library, as the command does (the command's stderr line is tested above)
  (present ? test.each : test.skip.each)(expected)('%s: read as %s, every record accounted for, none rejected', async (file, id) => {
    const detected: string[] = [];
    const report = await validate([join(EXAMPLES, file)], { profile: 'auto', now: new Date('2026-11-01T00:00:00Z'), onDetect: (f, p) => detected.push(`${f}: ${p}`) });
    expect(detected).toEqual([`${join(EXAMPLES, file)}: ${id}`]);
    expect(report.summary.rejected).toBe(0);
    expect(report.summary.records).toBeGreaterThan(0);
    expect(report.summary.valid + report.summary.invalid).toBe(report.summary.records);
    expect(report.records.every((x) => x.profile === id && x.id)).toBe(true);
  });

  // ckanext-dcat's catalog.json is a DCAT JSON catalogue (title, dataset[] with DCAT-US-style
  // keys): the dcat-us profile reads it (issue 3 part B); until that profile is here, it is skipped.
  const dcatUs = existsSync(join(ROOT, 'profiles', 'dcat-us.yaml'));
  if (present && !dcatUs) console.log('profile dcat-us not present: ckanext-dcat/ckan/catalog.json (a DCAT JSON catalogue) is not checked');
  (present && dcatUs ? test : test.skip)('ckanext-dcat/ckan/catalog.json: read as dcat-us, none rejected', async () => {
    const file = join(EXAMPLES, 'ckanext-dcat/ckan/catalog.json');
    const report = await validate([file], { profile: 'auto', now: new Date('2026-11-01T00:00:00Z') });
    expect(report.records.every((x) => x.profile === 'dcat-us')).toBe(true);
    expect(report.summary.rejected).toBe(0);
  });
});
