/**
 * RDF in: DCAT-AP catalogues read as profile `dcat-ap`. Our own RDF of every profile's fixtures
 * reads back to the same common records (in each syntax we write); real catalogues (ckanext-dcat's
 * RDF, the DCAT-AP 3.0.1 examples) read when the reference material is there; broken input is a
 * rejected record with its line and column.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, validateRecords } from '../../src/engine/run.js';
import type { Dataset } from '../../src/model/types.js';
import { recordToRdf } from '../../src/rdf/from-record.js';
import { rdfWriter, type RdfFormat } from '../../src/rdf/write.js';
import { loadProfile } from '../../src/profiles/load.js';
import { REFERENCE, ROOT, tempDir } from '../helpers.js';

const profiles = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);
const CKANEXT = join(REFERENCE, 'examples', 'ckanext-dcat', 'rdf');
const EXAMPLES = join(REFERENCE, 'dcat-ap', '3.0.1', 'examples');
const now = new Date('2026-11-01T00:00:00Z');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Arrays sorted (deeply), records by id: RDF's values are sets. */
function unordered(v: unknown): unknown {
  if (Array.isArray(v))
    return v.map(unordered).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unordered(x)]));
  return v;
}

async function mapped(paths: string[], profile: string): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for await (const p of validateRecords(paths, { profile, now }))
    if (p.mapped) out.push(p.mapped.dataset);
  return out;
}

describe.each(profiles)('fixtures/%s as RDF, read back as dcat-ap', (profile) => {
  let originals: Dataset[];
  beforeAll(async () => {
    // a dataset read twice (the same package in two files) is one node in RDF: keep its first reading
    const seen = new Set<string>();
    originals = (await mapped([join(ROOT, 'fixtures', profile)], profile)).filter(
      (d) => !d.id || (!seen.has(d.id) && seen.add(d.id)),
    );
  });

  test.each(['ntriples', 'turtle', 'jsonld'] as RdfFormat[])(
    '%s gives the same common records',
    async (format) => {
      const w = rdfWriter(format);
      let text = w.start();
      for (const [i, d] of originals.entries())
        text += await w.write(recordToRdf(d, { blankPrefix: `r${i}` }).quads);
      const file = join(
        tmp.dir,
        `${profile}.${{ ntriples: 'nt', turtle: 'ttl', jsonld: 'jsonld', nquads: 'nq' }[format]}`,
      );
      writeFileSync(file, text + w.end());
      // RDF has no order among a property's values: compare as sets
      expect(unordered(await mapped([file], 'dcat-ap'))).toEqual(unordered(originals));
    },
  );
});

describe('the dcat-ap profile', () => {
  test('has a detect block in the crosswalk condition syntax, on the records the RDF reader makes', () => {
    const raw = loadProfile('dcat-ap');
    expect(raw.fields['@type'].type).toBe('strings');
    expect(raw.fields['dcat:distribution'].fields?.['dcat:accessURL'].type).toBe('strings');
  });

  test('a Turtle catalogue: one record per dcat:Dataset, at the line it is described, with the record shape of docs/rdf.md', async () => {
    const file = join(tmp.dir, 'catalogue.ttl');
    writeFileSync(
      file,
      `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.ca/catalogue> a dcat:Catalog ; dcat:dataset <https://example.ca/d/1>, <https://example.ca/d/2> .

<https://example.ca/d/1> a dcat:Dataset ;
  dct:title "Air quality"@en, "Qualité de l'air"@fr ;
  dct:description "Hourly readings of air quality in Canadian cities, from the national monitoring network."@en ;
  dcat:keyword "air"@en, "pollution"@en ;
  dct:modified "2026-09-01"^^xsd:date ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/HOURLY> ;
  dct:publisher [ a foaf:Organization ; foaf:name "Environment Canada"@en ] ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.ca/aq.csv> ; dct:format "CSV" ; dct:language "en" ] .

<https://example.ca/d/2> a dcat:Dataset ; dct:title "Second" .
`,
    );
    const report = await validate([file], { profile: 'dcat-ap', now });
    expect(report.records.map((r) => [r.id, r.source.line])).toEqual([
      ['https://example.ca/d/1', 5],
      ['https://example.ca/d/2', 14],
    ]);
    const [first] = await mapped([file], 'dcat-ap');
    expect(first).toMatchObject({
      id: 'https://example.ca/d/1',
      title: { en: 'Air quality', fr: "Qualité de l'air" },
      keyword: { en: ['air', 'pollution'] },
      modified: '2026-09-01',
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/HOURLY',
      publisher: { name: { en: 'Environment Canada' } },
      distribution: [
        {
          accessURL: ['https://example.ca/aq.csv'],
          format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
          language: ['http://publications.europa.eu/resource/authority/language/ENG'],
        },
      ],
    });
    // the second dataset's missing description is found in the RDF's own terms
    const second = report.records[1].findings.find((f) => f.ruleId === 'dcat-ap/mandatory');
    expect(second).toMatchObject({
      property: 'description',
      sourcePath: '/dct:description',
      line: 14,
    });
  });

  test("national profiles' spellings: names from labels, contact point variants, the dataset's licence, dct:IMT nodes, old and https vocabulary URIs, DCAT-AP-ES frequencies", async () => {
    const file = join(tmp.dir, 'national.ttl');
    writeFileSync(
      file,
      `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix adms: <http://www.w3.org/ns/adms#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dc: <http://purl.org/dc/elements/1.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.es/d/1> a dcat:Dataset ; dct:title "Encuesta"@es ;
  dct:publisher <https://example.es/org/L01> ;
  dct:license <https://creativecommons.org/licenses/by/4.0/> ;
  dct:accrualPeriodicity [ a dct:Frequency ; rdf:value [ a <http://www.w3.org/2006/time#DurationDescription> ; <http://www.w3.org/2006/time#months> "3.0"^^xsd:decimal ] ] ;
  dct:spatial <http://publications.europa.eu/resource/authority/country/ESP>, "Madrid" ;
  dc:language "es" ;
  dcat:contactPoint [ a vcard:Organization ; vcard:organization-name "Servicio de datos" ; vcard:hasEmail [ vcard:hasValue <mailto:datos@example.es> ] ] ;
  dcat:distribution <https://example.es/d/1/xls> .
<https://example.es/org/L01> a skos:Concept ; skos:prefLabel "Ayuntamiento"@es .
<https://example.es/d/1/xls> a dcat:Distribution ; dcat:accessURL <https://example.es/f.xls> ;
  dct:format <https://example.es/d/1/xls/format> ; dcat:byteSize "43008.0"^^xsd:decimal .
<https://example.es/d/1/xls/format> a dct:IMT ; rdfs:label "XLS" ; rdf:value "application/vnd.ms-excel" .
<https://example.se/d/2> a dcat:Dataset ; dct:title "Nobel"@en ; dct:publisher "Nobel Media AB" ;
  adms:contactPoint [ a vcard:Individual ; vcard:fn "Info" ; vcard:hasEmail "info@example.se" ] ;
  dct:accrualPeriodicity <https://publications.europa.eu/resource/authority/frequency/MONTHLY> ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.se/sparql> ; dct:format "text/csv" ;
    dct:license <http://publications.europa.eu/resource/authority/licence/CC0> ] .
<https://example.org/d/3> a dcat:Dataset ; dct:title "DCAT-AP 1" ; dct:accrualPeriodicity <http://purl.org/cld/freq/daily> ;
  dcat:contactPoint [ vcard:fn "Data" ; vcard:hasEmail <data@example.org> ] ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.org/f.csv> ; dct:format <https://example.org/formats/csv> ] .
<https://example.org/formats/csv> a dct:IMT ; rdfs:label "CSV" .
`,
    );
    const [es, se, old] = await mapped([file], 'dcat-ap');
    expect(es).toMatchObject({
      publisher: { id: 'https://example.es/org/L01', name: { es: 'Ayuntamiento' } },
      contactPoint: [{ name: { und: 'Servicio de datos' }, email: 'datos@example.es' }],
      // DCAT-AP-ES: a dct:Frequency whose value is a time:DurationDescription (P3M)
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
      spatial: [
        { id: 'http://publications.europa.eu/resource/authority/country/ESP' },
        { label: { und: 'Madrid' } },
      ],
      language: ['http://publications.europa.eu/resource/authority/language/SPA'],
      distribution: [
        {
          // the dataset's licence applies to the distribution, which gives none
          license: 'https://creativecommons.org/licenses/by/4.0/',
          format: 'http://publications.europa.eu/resource/authority/file-type/XLS',
          mediaType: 'http://www.iana.org/assignments/media-types/application/vnd.ms-excel',
          byteSize: 43008,
        },
      ],
    });
    expect(se).toMatchObject({
      publisher: { name: { und: 'Nobel Media AB' } },
      contactPoint: [{ name: { und: 'Info' }, email: 'info@example.se' }],
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
      distribution: [
        {
          format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
          mediaType: 'http://www.iana.org/assignments/media-types/text/csv',
          license: 'https://creativecommons.org/publicdomain/zero/1.0/',
        },
      ],
    });
    expect(old.accrualPeriodicity).toBe(
      'http://publications.europa.eu/resource/authority/frequency/DAILY',
    );
    // an email written as a relative IRI (opendata.swiss) is read as written, not against this file's folder
    expect(old.contactPoint).toEqual([{ name: { und: 'Data' }, email: 'data@example.org' }]);
    // a format node of the catalogue's own, labelled only
    expect(old.distribution?.[0].format).toBe(
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    );
    const report = await validate([file], { profile: 'dcat-ap', now });
    expect(
      report.records.flatMap((r) => r.findings.filter((f) => f.ruleId.startsWith('profile/'))),
    ).toEqual([]);
  });

  test('a file of dataset series only: each dcat:DatasetSeries is a record, recognised under --profile auto', async () => {
    const file = join(tmp.dir, 'series.ttl');
    writeFileSync(
      file,
      `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://data.example.gr/series/bees> a dcat:DatasetSeries ; dct:title "Bee population"@en ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> .
`,
    );
    const report = await validate([file], { profile: 'auto', now });
    expect(report.records.map((r) => [r.profile, r.id, r.status === 'rejected'])).toEqual([
      ['dcat-ap', 'https://data.example.gr/series/bees', false],
    ]);
  });

  test.each([
    [
      'broken.ttl',
      '@prefix dct: <http://purl.org/dc/terms/> .\n<https://x/d> a dcat:Dataset ;\n  dct:title "x" .\n',
      2,
      17,
      /invalid Turtle: undefined prefix "dcat:"/,
    ],
    [
      'broken.nt',
      '<https://x/d> <http://purl.org/dc/terms/title> "x" .\n<https://x/d> <http://purl.org/dc/terms/title> "unterminated .\n',
      2,
      48,
      /invalid N-Triples/,
    ],
    [
      'broken.rdf',
      '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">\n  <rdf:Description rdf:about="https://x/d"><dct:title>x</dct:titel></rdf:Description>\n</rdf:RDF>\n',
      3,
      undefined,
      /invalid RDF\/XML: a closing tag is not expected here/,
    ],
    [
      'broken.jsonld',
      '{"@context": {"dct": "http://purl.org/dc/terms/"},\n "@id": "https://x/d", "dct:title": "x",,}\n',
      2,
      undefined,
      /invalid JSON/,
    ],
  ])(
    '%s is a rejected record with its line and column',
    async (name, text, line, column, message) => {
      const file = join(tmp.dir, name as string);
      writeFileSync(file, text as string);
      const report = await validate([file], { profile: 'dcat-ap', now });
      expect(report.summary).toMatchObject({ records: 1, rejected: 1 });
      const [f] = report.records[0].findings;
      expect(f.ruleId).toBe('input/parse-error');
      expect(f.message).toMatch(message as RegExp);
      expect(f.line).toBe(line);
      if (column !== undefined) expect(f.column).toBe(column);
    },
  );

  test('the reason is given in French too', async () => {
    const file = join(tmp.dir, 'casse.ttl');
    writeFileSync(file, '<https://x/d> a dcat:Dataset .\n');
    const report = await validate([file], { profile: 'dcat-ap', now, lang: 'fr' });
    expect(report.records[0].findings[0].message).toBe(
      "L'enregistrement est illisible : Turtle non valide : préfixe « dcat: » non défini",
    );
  });

  test('a JSON-LD catalogue with a remote context is refused without touching the network', async () => {
    const file = join(tmp.dir, 'remote.jsonld');
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'https://example.org/context.jsonld',
        '@id': 'https://x/d',
        '@type': 'dcat:Dataset',
      }),
    );
    const report = await validate([file], { profile: 'dcat-ap', now });
    expect(report.records[0].status).toBe('rejected');
    expect(report.records[0].findings[0].message).toMatch(
      /https:\/\/example\.org\/context\.jsonld is not available offline/,
    );
  });
});

(existsSync(CKANEXT) ? describe : describe.skip)(
  'real DCAT-AP RDF (ckanext-dcat, DCAT-AP 3.0.1 examples)',
  () => {
    test('RDF/XML, JSON-LD with @graph and Turtle catalogues read as records', async () => {
      const report = await validate(
        [
          'catalog.rdf',
          'catalog_with_at_graph.jsonld',
          'dataset_afs.ttl',
          'dataset_multilingual.ttl',
        ].map((f) => join(CKANEXT, f)),
        {
          profile: 'dcat-ap',
          now,
        },
      );
      expect(report.records.map((r) => [r.id, r.status === 'rejected'])).toEqual([
        ['https://data.some.org/catalog/datasets/1', false],
        ['https://data.some.org/catalog/datasets/2', false],
        ['https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset', false],
        ['http://example.com/data/test-dataset-1', false],
        ['0112cf32-bce0-4071-9504-923375f9f2ad', false],
      ]);
      const multilingual = (
        await mapped([join(CKANEXT, 'dataset_multilingual.ttl')], 'dcat-ap')
      )[0];
      expect(multilingual.title).toEqual({
        ca: 'Conjunt de dades de prova DCAT',
        en: 'Test DCAT dataset',
        es: 'Conjunto de datos de prueba DCAT',
      });
      expect(multilingual.version).toBe('1.0b'); // owl:versionInfo, DCAT-AP 2
      expect(multilingual.contactPoint?.map((c) => c.email).sort()).toEqual([
        'contact1@example.org',
        'contact2@example.org',
      ]);
    });

    test('dataset.ttl (invalid Turtle: an unbound prefix) is rejected at line 149, column 17', async () => {
      const report = await validate([join(CKANEXT, 'dataset.ttl')], { profile: 'dcat-ap', now });
      expect(report.records[0].findings[0]).toMatchObject({
        ruleId: 'input/parse-error',
        line: 149,
        column: 17,
      });
      expect(report.records[0].findings[0].message).toMatch(/undefined prefix "healthdcatap:"/);
    });

    (existsSync(EXAMPLES) ? test : test.skip)(
      'the DCAT-AP 3.0.1 examples: valid ones read, the two invalid Turtle files are rejected',
      async () => {
        const ttl = readdirSync(EXAMPLES)
          .filter((f) => f.endsWith('.ttl'))
          .sort();
        const report = await validate(
          ttl.map((f) => join(EXAMPLES, f)),
          { profile: 'dcat-ap', now },
        );
        const rejected = report.records
          .filter((r) => r.status === 'rejected')
          .map((r) => r.source.file.split('/').pop());
        expect(rejected.sort()).toEqual([
          'example-bee-population-dataset-series-api.ttl',
          'example-bee-population-dataset-series-combined.ttl',
        ]);
        expect(report.records.filter((r) => r.status !== 'rejected').length).toBeGreaterThan(5);
      },
    );
  },
);
