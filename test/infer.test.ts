/**
 * `passerelle infer` on the fixtures of every jurisdiction, compared with the hand-written profile
 * and crosswalk: how many of the profile's fields the draft finds, and whether the draft crosswalk
 * gives the same title, description, distribution URLs, formats and licences. Then the command:
 * files, `crosswalk check`, bilingual patterns, spreadsheets, refusals.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Compiler } from '../src/crosswalk/compile.js';
import { Crosswalk, loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import type { CrosswalkFile } from '../src/crosswalk/types.js';
import { infer, type InferResult } from '../src/infer/infer.js';
import type { Dataset } from '../src/model/types.js';
import { conformToProfile, headerKey } from '../src/profiles/conform.js';
import { describeProfile } from '../src/crosswalk/describe.js';
import { loadProfile, parseProfile } from '../src/profiles/load.js';
import type { Profile } from '../src/profiles/types.js';
import { readSources } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { isEmpty } from '../src/util/empty.js';
import { getAll, parsePath } from '../src/util/paths.js';
import { loadYaml } from '../src/util/yaml.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { cli, ROOT, tempDir } from './helpers.js';

const JURISDICTIONS = readdirSync(join(ROOT, 'fixtures')).sort();
/**
 * Recall floor, over the hand-written fields the fixtures fill (a field no sampled record fills
 * cannot be seen, so the whole profile is no fair measure): a draft that misses more than one field
 * in ten leaves a steward to find too much by hand. Every jurisdiction reaches 1.0 today; the floor
 * leaves room for samples where one field takes two shapes.
 */
const RECALL_FLOOR = 0.9;
/**
 * Agreement floor per property: the share of records for which the draft gives exactly the
 * hand-written value. Hand-written crosswalks add knowledge no sample shows (HNAP's WMS services
 * carry their format in the protocol only, one of four records here), so a draft may miss some.
 */
const AGREEMENT_FLOOR = 0.75;

const norm = (p: string): string => p.replace(/\[\*\]/g, '');

interface Draft {
  result: InferResult;
  profile: Profile;
  crosswalk: Crosswalk;
}

function load(r: InferResult): Draft {
  const profile = parseProfile(loadYaml(`${r.id}.yaml`, r.profile));
  const compiler = new Compiler(
    loadYaml<CrosswalkFile>(`${r.id}.crosswalk.yaml`, r.crosswalk),
    profile,
    defaultVocabularies(),
  );
  const run = compiler.compile();
  expect(compiler.issues).toEqual([]);
  return {
    result: r,
    profile,
    crosswalk: new Crosswalk(
      r.id,
      profile,
      'draft',
      run as NonNullable<typeof run>,
      compiler.declared,
    ),
  };
}

/** The record as the pipeline gives it to a profile's crosswalk: spreadsheet columns named as the profile's fields. */
const as = (profile: Profile, s: SourceRecord): unknown =>
  s.shape === 'csv' ? conformToProfile(profile, s).data : s.data;

async function records(id: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const s of readSources([join(ROOT, 'fixtures', id)])) if (!s.error) out.push(s);
  return out;
}

/** Texts compared as text when the hand-written crosswalk cannot know the language (`und`: generic CKAN). */
function text(
  v: Record<string, string> | undefined,
  hand: Record<string, string> | undefined,
): unknown {
  if (!v || !hand || Object.keys(hand).join() !== 'und') return v;
  return Object.values(v);
}

const PROPERTIES: Record<string, (d: Dataset, hand?: Dataset) => unknown> = {
  title: (d, h) => text(d.title, h?.title),
  description: (d, h) => text(d.description, h?.description),
  accessURL: (d) => (d.distribution ?? []).flatMap((x) => x.accessURL ?? []).sort(),
  format: (d) => (d.distribution ?? []).map((x) => x.format ?? '').sort(),
  license: (d) => [...new Set((d.distribution ?? []).map((x) => x.license ?? ''))].sort(),
};

describe.each(JURISDICTIONS)('infer on fixtures/%s', (id) => {
  let draft: Draft;
  let samples: SourceRecord[];
  let hand: Profile;
  beforeAll(async () => {
    // with the jurisdiction's id, the codes the vocabularies already know for it count (as they
    // will for a new portal once its notations are added)
    draft = load(await infer([join(ROOT, 'fixtures', id)], { id }));
    samples = await records(id);
    hand = loadProfile(id);
  });

  test(`finds at least ${RECALL_FLOOR * 100}% of the hand-written profile's fields that the sample fills`, () => {
    const inferred = describeProfile(draft.profile).fields;
    const paths = new Set(inferred.map((f) => norm(f.path)));
    // spreadsheet columns: the draft names them from their headers, the hand-written profile by its own names
    const byHeader = new Map<string, string>();
    for (const f of Object.values(draft.profile.fields))
      for (const h of [f.name, ...(f.headers ?? [])]) byHeader.set(headerKey(h), f.name);
    const found = (path: string): boolean => {
      if (paths.has(path)) return true;
      const [top, ...rest] = path.split('.');
      const f = hand.fields[top];
      const names = [top, ...Object.values(f?.label ?? {}), ...(f?.headers ?? [])].map(headerKey);
      return names.some((n) => byHeader.has(n) && paths.has([byHeader.get(n), ...rest].join('.')));
    };
    const all = describeProfile(hand).fields.map((f) => norm(f.path));
    const observable = all.filter((p) =>
      samples.some((s) => getAll(as(hand, s), parsePath(p)).some((x) => !isEmpty(x.value))),
    );
    const hits = observable.filter(found);
    const recall = hits.length / observable.length;
    expect(observable.length).toBeGreaterThan(10);
    // Below the floor, the failure names the fields missed.
    if (recall < RECALL_FLOOR)
      expect({ recall, missed: observable.filter((p) => !found(p)) }).toEqual({
        recall: `≥ ${RECALL_FLOOR}`,
        missed: [],
      });
  });

  test.each(Object.keys(PROPERTIES))('maps %s as the hand-written crosswalk does', (property) => {
    const get = PROPERTIES[property];
    const handCw = loadCrosswalk(hand);
    let n = 0;
    let same = 0;
    const differ: string[] = [];
    for (const s of samples) {
      // Nova Scotia's Socrata views name no file: the hand-written crosswalk builds their
      // distributions from the view id by Socrata's URL convention, which no record shows
      if (
        id === 'ca-ns' &&
        property !== 'title' &&
        property !== 'description' &&
        s.data &&
        typeof s.data === 'object' &&
        'viewType' in s.data
      )
        continue;
      const expected = handCw.apply(as(hand, s)).dataset;
      const want = get(expected, expected);
      if (isEmpty(want)) continue;
      n++;
      const got = get(draft.crosswalk.apply(as(draft.profile, s)).dataset, expected);
      if (JSON.stringify(got) === JSON.stringify(want)) same++;
      else differ.push(`${JSON.stringify(want)} ≠ ${JSON.stringify(got)}`);
    }
    expect(n).toBeGreaterThan(0);
    // below the floor, the differences are the failure's message
    if (same / n < AGREEMENT_FLOOR) expect(differ).toEqual([]);
  });
});

describe('bilingual patterns, spreadsheets, value shapes', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  const jsonl = (name: string, rows: unknown[]): string => {
    const f = join(tmp.dir, name);
    writeFileSync(f, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return f;
  };

  test('paired fields (title_en, title_fr) read as one text in two languages; a language map is bilingual', async () => {
    const rows = ['Roads', 'Parks', 'Schools', 'Bridges'].map((t, i) => ({
      id: `r-${i}`,
      title_en: `${t} of the city`,
      title_fr: `${t} de la ville`,
      description: {
        en: `All the ${t} of the city and their state.`,
        fr: `Tous les ${t} de la ville et leur état.`,
      },
      frequency: ['monthly', 'annual'][i % 2],
      published: 1514678400 + i * 86400,
      resources: [{ url: `https://example.ca/${i}.csv`, format: 'CSV' }],
      license: 'cc-by-4.0',
    }));
    const r = await infer([jsonl('pairs.jsonl', rows)], { id: 'pairs' });
    const { crosswalk, profile } = load(r);
    const d = crosswalk.apply(rows[0]).dataset;
    expect(d.title).toEqual({ en: 'Roads of the city', fr: 'Roads de la ville' });
    expect(d.description).toEqual(rows[0].description);
    expect(d.accrualPeriodicity).toBe(
      'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
    );
    expect(d.issued).toBe('2017-12-31T00:00:00Z'); // seconds since 1970
    expect(d.distribution?.[0]).toMatchObject({
      accessURL: ['https://example.ca/0.csv'],
      format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
    });
    expect(d.distribution?.[0].license).toMatch(/creativecommons\.org\/licenses\/by\/4\.0/);
    expect(profile.fields.description).toMatchObject({ type: 'text', bilingual: true });
    expect(profile.fields.published.type).toBe('integer');
    expect(profile.languages).toEqual(['en', 'fr']);
    expect(r.crosswalk).toMatch(/# title_en, then title_fr|English and French fields/);
  });

  test('a spreadsheet: headers become field names (headers kept), one distribution per row from its own URL', async () => {
    const f = join(tmp.dir, 'inventory.csv');
    writeFileSync(
      f,
      'Dataset ID,Title (English),Titre (français),Update Frequency,Download URL,File Format,Status\n' +
        [
          'a,Lakes,Lacs,Monthly,https://x.ca/a.csv,CSV,active',
          'b,Roads,Routes,Weekly,https://x.ca/b.shp,SHP,active',
          'c,Parks,Parcs,Monthly,https://x.ca/c.pdf,PDF,retired',
          'd,Trees,Arbres,Annually,https://x.ca/d.csv,CSV,active',
        ].join('\n') +
        '\n',
    );
    const r = await infer([f], { id: 'sheet' });
    const { crosswalk, profile } = load(r);
    expect(profile.fields.title_english).toMatchObject({
      type: 'string',
      headers: ['Title (English)'],
    });
    expect(profile.fields.dataset_id.headers).toEqual(['Dataset ID']);
    // a short list of repeated values: a code list of the values seen, to complete
    expect(profile.fields.status).toMatchObject({ type: 'code', vocabulary: 'status' });
    expect([...profile.vocabularies.status.codes.keys()]).toEqual(['active', 'retired']);
    expect(r.profile).toMatch(/TODO: complete the code list status/);
    let first: SourceRecord | undefined;
    for await (const s of readSources([f])) {
      first = s;
      break;
    }
    const d = crosswalk.apply(conformToProfile(profile, first as SourceRecord).data).dataset;
    expect(d.title).toEqual({ en: 'Lakes', fr: 'Lacs' });
    expect(d.distribution).toEqual([
      expect.objectContaining({
        accessURL: ['https://x.ca/a.csv'],
        format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
      }),
    ]);
    expect(r.crosswalk).toMatch(/TODO: check that the URL is the data/);
  });

  test('what the sample cannot tell is marked TODO or listed as not found', async () => {
    const rows = [0, 1, 2].map((i) => ({
      identifier: `x${i}`,
      label: `Thing number ${i} of the list`,
      link: `https://example.ca/${i}`,
    }));
    const r = await infer([jsonl('vague.jsonl', rows)], { id: 'vague' });
    load(r);
    expect(r.crosswalk).toMatch(/# Not found in the sample/);
    expect(r.crosswalk).toMatch(/#\s+distribution\[\*\]\.license: /);
    expect(r.missing).toContain('description');
    expect(r.todos).toBeGreaterThan(3);
  });

  test('the same sample gives the same drafts', async () => {
    const a = await infer([join(ROOT, 'fixtures', 'ca-bc')], { id: 'x' });
    const b = await infer([join(ROOT, 'fixtures', 'ca-bc')], { id: 'x' });
    expect([a.profile, a.crosswalk]).toEqual([b.profile, b.crosswalk]);
  });
});

describe('the command', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  test('writes profiles/<id>.yaml and crosswalks/<id>.yaml; the loader and `crosswalk check` accept them', () => {
    const r = cli(['infer', 'fixtures/ca-on', '--id', 'my-portal', '-o', tmp.dir]);
    expect(r.code).toBe(0);
    const profile = join(tmp.dir, 'profiles', 'my-portal.yaml');
    const crosswalk = join(tmp.dir, 'crosswalks', 'my-portal.yaml');
    expect(existsSync(profile) && existsSync(crosswalk)).toBe(true);
    expect(r.stderr).toMatch(
      /profiles\/my-portal\.yaml: draft profile, \d+ fields \(\d+ code lists\) from 6 records/,
    );
    expect(r.stderr).toMatch(
      /crosswalks\/my-portal\.yaml: draft crosswalk, \d+ properties filled, \d+ TODO marks to check/,
    );
    expect(loadProfile('my-portal', { dir: join(tmp.dir, 'profiles') }).id).toBe('my-portal');
    const check = cli(['crosswalk', 'check', crosswalk]);
    expect([check.code, check.stdout]).toEqual([0, `${crosswalk}: ok\n`]);
    // a draft crosswalk broken by hand is reported against the draft profile beside it
    writeFileSync(
      crosswalk,
      readFileSync(crosswalk, 'utf8').replace(
        /title: \{ first: \[ title_translated/,
        'title: { first: [ nowhere',
      ),
    );
    const broken = cli(['crosswalk', 'check', crosswalk]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/field "nowhere" is not in profile my-portal/);
  });

  test('existing drafts are kept unless --force; a bad --id or --sample is a usage error', () => {
    expect(cli(['infer', 'fixtures/ca-qc', '--id', 'q', '-o', tmp.dir]).code).toBe(0);
    const again = cli(['infer', 'fixtures/ca-qc', '--id', 'q', '-o', tmp.dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/q\.yaml exists: choose another --id or --output-dir, or --force/);
    expect(cli(['infer', 'fixtures/ca-qc', '--id', 'q', '-o', tmp.dir, '--force']).code).toBe(0);
    for (const args of [
      ['--id', 'Not An Id'],
      ['--sample', '0'],
      ['--sample', 'many'],
    ]) {
      const r = cli(['infer', 'fixtures/ca-qc', '-o', tmp.dir, ...args]);
      expect([r.code, r.stdout]).toEqual([2, '']);
    }
  });

  test('unreadable records are named and left out (exit 1); --sample limits the records read; French messages', () => {
    const r = cli(['infer', 'fixtures/ckan', '--id', 'c', '-o', tmp.dir, '--lang', 'fr']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fixtures\/ckan\/packages\.jsonl:2 : JSON non valide : /);
    expect(r.stderr).toMatch(/ébauche de profil, \d+ champs/);
    expect(r.stderr).toMatch(/enregistrements illisibles, laissés de côté : 1/);
    const two = cli(['infer', 'fixtures/ca-gc', '--id', 'g', '-o', tmp.dir, '--sample', '2']);
    expect(two.stderr).toMatch(/from 2 records/);
  });
});
