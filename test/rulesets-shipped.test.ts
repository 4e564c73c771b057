/**
 * The shipped rulesets (docs/rules.md, "Shipped rulesets") on real records (test/real, verbatim),
 * through a configuration that extends them, as a steward uses them. What each record deserves is
 * written from reading its source fields (quoted in each test), then compared with a run of the
 * same record without a configuration, so that each assertion shows what the ruleset changes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';

const RULESETS = join(ROOT, 'src', 'rules', 'rulesets');
const GC_DOCS = join(ROOT, 'test', 'real', 'ca-gc', 'obd_sample_2.jsonl');
const BC_PARKS = join(
  ROOT,
  'test',
  'real',
  'ca-bc',
  'bc-parks-ecological-reserves-and-protected-areas_PROD.json',
);
const NOW = ['--now', '2026-12-01', '--fail-on', 'never', '-f', 'json'];

interface Judged {
  ruleId: string;
  severity: string;
  property?: string;
}
interface Finding extends Judged {
  related?: Judged[];
}
interface RecordReport {
  id: string;
  findings: Finding[];
}

let tmp: ReturnType<typeof tempDir>;
const configs: Record<string, string> = {};

beforeAll(() => {
  tmp = tempDir();
  for (const name of ['on-open-data-directive', 'strict']) {
    const file = join(tmp.dir, `${name}.config.yaml`);
    writeFileSync(file, `extends: [passerelle:${name}]\n`);
    configs[name] = file;
  }
});
afterAll(() => tmp.cleanup());

/** The records of a JSON report, by id. */
function validate(input: string, config?: string): Map<string, RecordReport> {
  const args = config ? ['--config', config] : ['--no-config'];
  const r = cli(['validate', input, ...args, ...NOW]);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { records: RecordReport[] };
  return new Map(report.records.map((rec) => [rec.id, rec]));
}

/** Every judgment of a record, the findings that stand and those merged into them (`related`). */
function judged(rec: RecordReport | undefined): Judged[] {
  if (!rec) throw new Error('record not in the report');
  return rec.findings.flatMap((f) => [f, ...(f.related ?? [])]);
}

const of = (rec: RecordReport | undefined, ruleId: string) =>
  judged(rec).filter((j) => j.ruleId === ruleId);

describe('the shipped rulesets pass their own examples', () => {
  test.each(['on-open-data-directive', 'strict'])('passerelle rules test %s.yaml', (name) => {
    const r = cli(['rules', 'test', join(RULESETS, `${name}.yaml`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe("passerelle:on-open-data-directive (Ontario's Open Data Directive)", () => {
  // open.canada.ca "Open by Default" records: license_id ca-ogl-lgo (OGL-Canada), two PDF
  // resources each (…eng.pdf, …fra.pdf under /download/), date_published 2017-05-01, titles
  // of 47 to 124 characters.
  const GC_IDS = [
    '584a6090-187f-42ee-9f52-143ccdca574b',
    '34eb4c6f-7927-42ee-8ca5-43446fc3cce2',
    'c7981900-8e9e-4571-8faf-274e507ab1df',
    '90e4caaa-b400-417c-8778-623ce78b1182',
  ];
  let policy: Map<string, RecordReport>;
  let defaults: Map<string, RecordReport>;
  beforeAll(() => {
    policy = validate(`ca-gc=${GC_DOCS}`, configs['on-open-data-directive']);
    defaults = validate(`ca-gc=${GC_DOCS}`);
  });

  test('the four records are read', () => {
    expect([...policy.keys()].sort()).toEqual([...GC_IDS].sort());
  });

  test.each(GC_IDS)('%s: OGL-Canada is not the Open Government Licence – Ontario', (id) => {
    const found = of(policy.get(id), 'on-odd/ogl-ontario');
    expect(found.map((f) => [f.property, f.severity]).sort()).toEqual([
      ['distribution[0].license', 'error'],
      ['distribution[1].license', 'error'],
    ]);
    expect(of(defaults.get(id), 'on-odd/ogl-ontario')).toEqual([]);
  });

  test.each(GC_IDS)('%s: PDF only is an error of format, not a warning', (id) => {
    // the Guidebook's appendix: "non-proprietary, open files"; the defaults only warn
    expect(of(policy.get(id), 'odc/non-proprietary-format').map((f) => f.severity)).toEqual([
      'error',
    ]);
    expect(of(defaults.get(id), 'odc/non-proprietary-format').map((f) => f.severity)).toEqual([
      'warning',
    ]);
  });

  test.each(GC_IDS)('%s: a short title and a release date pass', (id) => {
    expect(of(policy.get(id), 'on-odd/title-length')).toEqual([]);
    expect(of(policy.get(id), 'on-odd/date-published')).toEqual([]);
  });

  test('an English-only BC record breaks the bilingual clause and the licence clause', () => {
    // "title": "BC Parks, Ecological Reserves, and Protected Areas", "metadata_language":
    // "English", no French anywhere; "license_id": "2" (Open Government Licence - British Columbia)
    const id = '1130248f-f1a3-4956-8b2e-38d29d3e4af7';
    const withPolicy = validate(`ca-bc=${BC_PARKS}`, configs['on-open-data-directive']).get(id);
    const without = validate(`ca-bc=${BC_PARKS}`).get(id);
    const frenchTitle = (rec: RecordReport | undefined) =>
      of(rec, 'odc/bilingual').filter((f) => f.property === 'title@fr');
    expect(frenchTitle(withPolicy).map((f) => f.severity)).toEqual(['error']);
    expect(frenchTitle(without).map((f) => f.severity)).not.toContain('error');
    const licences = of(withPolicy, 'on-odd/ogl-ontario');
    expect(licences.length).toBeGreaterThan(0);
    for (const f of licences) {
      expect(f.property).toMatch(/^distribution\[\d+\]\.license$/);
      expect(f.severity).toBe('error');
    }
  });
});

describe('passerelle:strict', () => {
  let strict: Map<string, RecordReport>;
  let defaults: Map<string, RecordReport>;
  beforeAll(() => {
    strict = validate(`ca-gc=${GC_DOCS}`, configs.strict);
    defaults = validate(`ca-gc=${GC_DOCS}`);
  });

  test('the four records are read', () => {
    expect(strict.size).toBe(4);
  });

  test('one keyword a language ("keywords": {"en": ["statcan"], "fr": ["statcan"]}) is too few', () => {
    for (const id of strict.keys()) {
      expect(of(strict.get(id), 'strict/keywords-three').length).toBeGreaterThan(0);
      expect(of(defaults.get(id), 'strict/keywords-three')).toEqual([]);
    }
  });

  test('descriptions under 200 characters are errors, in the language that is short', () => {
    // notes_translated.en: 192 and 135 characters; .fr: 251 and 208
    for (const id of [
      '34eb4c6f-7927-42ee-8ca5-43446fc3cce2',
      '90e4caaa-b400-417c-8778-623ce78b1182',
    ]) {
      const found = of(strict.get(id), 'odc/title-description');
      expect(found.map((f) => [f.property, f.severity])).toEqual([['description@en', 'error']]);
      // the defaults ask for 100 characters: both pass
      expect(of(defaults.get(id), 'odc/title-description')).toEqual([]);
    }
    // notes_translated: 302 (en) and 371 (fr) characters
    expect(of(strict.get('584a6090-187f-42ee-9f52-143ccdca574b'), 'odc/title-description')).toEqual(
      [],
    );
  });

  test('an email, a modification date and named files pass', () => {
    // maintainer_email "open-ouvert@tbs-sct.gc.ca", date_modified 2017-05-01, resources named
    // {"en": "Res 1", "fr": "Res 1"} and {"en": "Res 2", "fr": "Res 2"}
    for (const id of strict.keys()) {
      for (const rule of [
        'strict/contact-email',
        'strict/modified-date',
        'strict/distribution-title',
      ])
        expect(of(strict.get(id), rule)).toEqual([]);
    }
  });
});
