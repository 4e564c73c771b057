/**
 * The search documents of a federation (`Federation.documents()`): one per dataset written, its
 * facets as codes, its quality summary, and "also published by" on every member of a duplicate
 * group. Expected values read from the fixture records.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Federation } from '../src/federate/federate.js';
import type { SearchDocument } from '../src/federate/document.js';

const now = new Date('2026-11-01');

async function documents(inputs: string[]): Promise<SearchDocument[]> {
  const f = new Federation(inputs, { now });
  await f.scan();
  const out: SearchDocument[] = [];
  for await (const d of f.documents()) out.push(d);
  return out;
}

test("a federal record: bilingual text, theme and format codes, licence, contact, source portal's page", async () => {
  const docs = await documents(['ca-gc=fixtures/ca-gc/catalogue-extract.jsonl.gz']);
  const dpd = docs.find((d) => d.identifier === '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13');
  // line 1 of the extract: the Drug Product Database, subject health_and_safety, licence ca-ogl-lgo
  expect(dpd).toMatchObject({
    jurisdiction: 'ca-gc',
    title: {
      en: 'Drug Product Database (DPD) data extract',
      fr: 'Extrait de données de la Base de données sur les produits pharmaceutiques (BDPP)',
    },
    keywords: { en: ['drugs', 'pharmaceuticals', 'health products'] },
    publisher: { en: 'Health Canada', fr: 'Santé Canada' },
    themes: ['HEAL'],
    formats: ['CSV', 'HTML'],
    licences: ['OGL-Canada-2.0'],
    openLicence: 'open',
    landingPage: 'https://open.canada.ca/data/en/dataset/6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13',
    contact: { email: 'hpfb.dpd-bdpp.dgpsa@hc-sc.gc.ca' },
    source: { catalogue: 'https://open.canada.ca/data', line: 1 },
    duplicates: [],
  });
  expect(dpd?.distributions.map((x) => x.url)).toEqual([
    'https://www.canada.ca/content/dam/hc-sc/documents/services/drug-product-database/allfiles.zip',
    'https://www.canada.ca/en/health-canada/services/drugs-health-products/drug-products/drug-product-database/read-file-drug-product-database-data-extract.html',
  ]);
  expect(dpd?.quality.max).toBeGreaterThan(0);
  expect(dpd?.quality.stars).toBeGreaterThanOrEqual(1);
});

test('a copy published by two jurisdictions: each names the other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-docs-'));
  try {
    const alberta = join(dir, 'alberta.ttl');
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
    const docs = await documents(['ca-gc=fixtures/ca-gc/catalogue.jsonl', `dcat-ap=${alberta}`]);
    const copy = 'https://open.canada.ca/data/dataset/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
    const original = 'https://open.alberta.ca/dataset/traffic-sign-inventory';
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get(copy)?.duplicates).toEqual([original]);
    expect(byId.get(copy)?.duplicateOf).toBe(original);
    expect(byId.get(original)?.duplicates).toEqual([copy]);
    expect(byId.get(original)?.duplicateOf).toBeUndefined();
    // a record without a licence: openness unknown, not open
    expect(byId.get(original)?.openLicence).toBe('unknown');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one document per dataset written: records read twice under one IRI give one', async () => {
  // package_show.json repeats the extract's Drug Product Database under the same IRI
  const docs = await documents(['ca-gc=fixtures/ca-gc']);
  const ids = docs.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((i) => i.endsWith('6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13'))).toHaveLength(1);
});
