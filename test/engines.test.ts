/**
 * `federate --to opensearch|solr --output DIR` over the fixtures of every profile: every document
 * fits the shipped mapping or schema, every dataset written is a document, the bilingual text
 * lands in its language's fields, files stay under the bulk size limit, "also published by" is
 * carried. Expected values read from the fixture records.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';
import {
  bulkActions,
  checkOpenSearchDocument,
  checkOpenSearchMapping,
  checkSolrDocument,
  checkSolrSchema,
  filesOf,
} from './engine-check.js';
import { engineDate, flatten } from '../src/federate/engines/flatten.js';
import { Parts } from '../src/federate/engines/parts.js';
import type { SearchDocument } from '../src/federate/document.js';

const profiles = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);
const inputs = profiles.map((p) => `${p}=fixtures/${p}`);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function run(to: string, name: string, args = inputs) {
  const out = join(tmp.dir, name);
  const r = cli(['federate', ...args, '--to', to, '--output', out, '--now', '2026-11-01']);
  return { ...r, out };
}

test('the shipped mapping and schema are whole', () => {
  expect(checkOpenSearchMapping()).toEqual([]);
  expect(checkSolrSchema()).toEqual([]);
});

test('the checks find an undeclared field, a value of the wrong type, a list in a single field', () => {
  const bad = {
    id: 'x',
    colour: 'red',
    quality_stars: 'three',
    modified: '2024-05',
    title_en: ['a', 'b'],
  };
  expect(checkOpenSearchDocument(bad)).toEqual([
    'x: colour is not in the mapping',
    'x: quality_stars = "three" is no integer',
    'x: modified = "2024-05" is no date',
  ]);
  expect(checkSolrDocument(bad)).toEqual([
    'x: colour is not in the schema',
    'x: quality_stars = "three" does not fit solr.IntPointField',
    'x: modified = "2024-05" does not fit solr.DatePointField',
    'x: title_en is single-valued',
  ]);
});

describe('the documents of every jurisdiction', () => {
  const os = run('opensearch', 'os');
  const solr = run('solr', 'solr');
  // the datasets a federation writes: the index of an RDF run over the same inputs
  const index = join(tmp.dir, 'index.jsonl');
  cli(['federate', ...inputs, '--output', join(tmp.dir, 'all.ttl'), '--index', index]);
  const datasets = readFileSync(index, 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l));

  const osDocs = Object.entries(filesOf(join(os.out, 'opensearch', 'documents'))).flatMap(
    ([file, text]) => bulkActions(text).map((a) => ({ file, ...a })),
  );
  const solrDocs = Object.entries(filesOf(join(solr.out, 'solr', 'documents'))).flatMap(
    ([file, text]) =>
      (JSON.parse(text) as Record<string, unknown>[]).map((body) => ({ file, body })),
  );

  test('a document per dataset written, in its jurisdiction file, for both engines', () => {
    expect(os.code).toBe(solr.code);
    const ids = datasets.map((d) => d.id).sort();
    expect(osDocs.map((d) => d.id).sort()).toEqual(ids);
    expect(solrDocs.map((d) => d.body.id).sort()).toEqual(ids);
    for (const d of osDocs) {
      expect(d.action).toBe('index');
      expect(d.body?.id).toBe(d.id);
      expect(d.file).toBe(`${d.body?.jurisdiction}.1.ndjson`);
    }
    for (const d of solrDocs) expect(d.file).toBe(`${d.body.jurisdiction}.1.json`);
    const jurisdictions = new Set(datasets.map((d) => d.jurisdiction));
    expect(readdirSync(join(os.out, 'opensearch', 'documents')).length).toBe(jurisdictions.size);
  });

  test('every field fits the shipped mapping (OpenSearch) and schema (Solr)', () => {
    expect(osDocs.flatMap((d) => checkOpenSearchDocument(d.body ?? {}))).toEqual([]);
    expect(solrDocs.flatMap((d) => checkSolrDocument(d.body))).toEqual([]);
    // the same fields in both
    expect(solrDocs.map((d) => d.body).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      osDocs.map((d) => d.body).sort((a, b) => ((a?.id as string) < (b?.id as string) ? -1 : 1)),
    );
  });

  test('the shipped mapping and schema are in the output folder', () => {
    expect(readFileSync(join(os.out, 'opensearch', 'index.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'search', 'opensearch', 'index.json'), 'utf8'),
    );
    expect(existsSync(join(solr.out, 'solr', 'schema.json'))).toBe(true);
  });

  test('a federal record: each language in its fields, facets as codes, dates as timestamps', () => {
    // line 1 of the ca-gc extract: the Drug Product Database
    const dpd = osDocs.find(
      (d) => d.body?.identifier === '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13',
    )?.body;
    expect(dpd).toMatchObject({
      jurisdiction: 'ca-gc',
      title_en: 'Drug Product Database (DPD) data extract',
      title_fr: 'Extrait de données de la Base de données sur les produits pharmaceutiques (BDPP)',
      keywords_en: ['drugs', 'pharmaceuticals', 'health products'],
      publisher_en: 'Health Canada',
      publisher_fr: 'Santé Canada',
      publisher_facet_en: 'Health Canada',
      publisher_facet_fr: 'Santé Canada',
      themes: ['HEAL'],
      formats: ['CSV', 'HTML'],
      licences: ['OGL-Canada-2.0'],
      open_licence: 'open',
      source_catalogue: 'https://open.canada.ca/data',
    });
    expect(dpd?.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const distributions = JSON.parse(dpd?.distributions_json as string);
    expect(distributions.map((x: { url: string }) => x.url)).toContain(
      'https://www.canada.ca/content/dam/hc-sc/documents/services/drug-product-database/allfiles.zip',
    );
  });

  test('an unchanged run reads nothing and rewrites nothing', () => {
    const before = filesOf(join(os.out, 'opensearch', 'documents'));
    const again = run('opensearch', 'os');
    expect(again.stderr).toMatch(/ca-gc: unchanged \(not read\)/);
    expect(again.stderr).not.toMatch(/added|removed|changed,/);
    expect(filesOf(join(os.out, 'opensearch', 'documents'))).toEqual(before);
    expect(filesOf(join(os.out, 'opensearch', 'delta'))).toEqual({});
  });
});

test('a copy published by two jurisdictions: each names the other, in both engines', () => {
  const alberta = join(tmp.dir, 'alberta.ttl');
  writeFileSync(
    alberta,
    `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://open.alberta.ca/dataset/traffic-sign-inventory> a dcat:Dataset ;
  dct:identifier "traffic-sign-inventory" ;
  dct:title "Traffic Sign Inventory"@en ;
  dct:description "Location and type of traffic signs on provincial highways."@en ;
  dct:publisher [ a foaf:Agent ; foaf:name "Government of Alberta"@en ] .
`,
  );
  const args = ['ca-gc=fixtures/ca-gc/catalogue.jsonl', `dcat-ap=${alberta}`];
  const copy = 'https://open.canada.ca/data/dataset/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
  const original = 'https://open.alberta.ca/dataset/traffic-sign-inventory';
  const os = run('opensearch', 'copy-os', args);
  const docs = Object.values(filesOf(join(os.out, 'opensearch', 'documents'))).flatMap((t) =>
    bulkActions(t),
  );
  const byId = new Map(docs.map((d) => [d.id, d.body]));
  expect(byId.get(copy)).toMatchObject({ duplicates: [original], duplicate_of: original });
  expect(byId.get(original)?.duplicates).toEqual([copy]);
  expect(byId.get(original)?.duplicate_of).toBeUndefined();
  const solr = run('solr', 'copy-solr', args);
  const solrDocs = Object.values(filesOf(join(solr.out, 'solr', 'documents'))).flatMap((t) =>
    JSON.parse(t),
  );
  expect(solrDocs.find((d: { id: string }) => d.id === copy)).toMatchObject({
    duplicates: [original],
    duplicate_of: original,
  });
});

test('a folder is needed, and a file is refused', () => {
  const r = cli(['federate', 'ca-gc=fixtures/ca-gc/catalogue.jsonl', '--to', 'solr']);
  expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--to solr writes a folder/)]);
  const file = join(tmp.dir, 'a-file');
  writeFileSync(file, '');
  const f = cli(['federate', 'ca-gc=fixtures/ca-gc/catalogue.jsonl', '--to', 'solr', '-o', file]);
  expect(f.code).toBe(2);
  expect(f.stderr).toMatch(/a-file/);
  const i = cli([
    'federate',
    'ca-gc=fixtures/ca-gc/catalogue.jsonl',
    '--to',
    'opensearch',
    '-o',
    join(tmp.dir, 'with-index'),
    '--index',
    join(tmp.dir, 'i.jsonl'),
  ]);
  expect([i.code, i.stderr]).toEqual([
    2,
    expect.stringMatching(/--index goes with one catalogue file/),
  ]);
});

describe('flattening', () => {
  const base: SearchDocument = {
    id: 'https://example.ca/d/1',
    jurisdiction: 'ca-qc',
    title: { fr: 'Qualité de l’eau', en: 'Water quality' },
    description: { und: 'Sans langue' },
    keywords: { 'en-CA': ['water'], fr: ['eau'] },
    themes: [],
    formats: [],
    licences: [],
    openLicence: 'unknown',
    highValue: [],
    distributions: [],
    quality: { points: 10.5, max: 100, band: 'bad', stars: 1, errors: 0, warnings: 2, rules: [] },
    source: { catalogue: 'https://example.ca', file: 'x.json' },
    duplicates: [],
  };

  test('each language to its field; text in neither language to both; empty values left out', () => {
    const f = flatten(base);
    expect(f).toMatchObject({
      title_en: 'Water quality',
      title_fr: 'Qualité de l’eau',
      description_en: 'Sans langue',
      description_fr: 'Sans langue',
      keywords_en: ['water'],
      keywords_fr: ['eau'],
      quality_points: 11,
    });
    for (const k of ['themes', 'duplicates', 'publisher_facet_en', 'distributions_json'])
      expect(f[k]).toBeUndefined();
    expect(checkOpenSearchDocument(f)).toEqual([]);
    expect(checkSolrDocument(f)).toEqual([]);
  });

  test('dates: years and months start their period; what is not a date is left out', () => {
    expect(engineDate('2024')).toBe('2024-01-01T00:00:00Z');
    expect(engineDate('2024-05')).toBe('2024-05-01T00:00:00Z');
    expect(engineDate('2024-05-31')).toBe('2024-05-31T00:00:00Z');
    expect(engineDate('2024-05-31T10:00:00-04:00')).toBe('2024-05-31T14:00:00Z');
    // without a zone: UTC, whatever the machine's zone
    expect(engineDate('2021-04-01T13:55:02.384919')).toBe('2021-04-01T13:55:02.384Z');
    expect(engineDate('2021-04-01 00:00:00')).toBe('2021-04-01T00:00:00Z');
    expect(engineDate('2021-04-01T10:00:00+0530')).toBe('2021-04-01T04:30:00Z');
    expect(engineDate('2024-02-31')).toBeUndefined();
    expect(engineDate('spring 2020')).toBeUndefined();
    expect(engineDate(undefined)).toBeUndefined();
  });
});

test('files of a series stay under the limit, no piece cut, every piece once in order', () => {
  const dir = join(tmp.dir, 'parts');
  mkdirSync(dir);
  const framing = { open: '[\n', separator: ',\n', close: '\n]\n' };
  const parts = new Parts(dir, 'ca-ab', '.json', framing, 200);
  const pieces = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({ id: `d${i}`, t: 'x'.repeat(i * 5) }),
  );
  for (const p of pieces) parts.add(p);
  const names = parts.close();
  expect(names.length).toBeGreaterThan(3);
  const read = names.flatMap((n) => {
    const text = readFileSync(join(dir, n), 'utf8');
    // a piece over the limit makes a file of its own
    if (Buffer.byteLength(text) > 200) expect(JSON.parse(text)).toHaveLength(1);
    return JSON.parse(text);
  });
  expect(read.map((p: { id: string }) => p.id)).toEqual(pieces.map((p) => JSON.parse(p).id));
  expect(names).toEqual(names.map((_, i) => `ca-ab.${i + 1}.json`));
});
