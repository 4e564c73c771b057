/**
 * `federate` over the fixtures of every profile (each fixtures/<id>/ folder): one catalogue, a
 * dcat:Catalog per jurisdiction, a catalogue record per dataset, every record accounted for,
 * duplicates reported and linked; every RDF syntax and the JSON Lines index.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import N3 from 'n3';
import { documentLoader, loadJsonld } from '../../src/rdf/jsonld.js';
import { ShaclChecker } from '../../src/shacl/check.js';
import { cli, ROOT, tempDir } from '../helpers.js';
import { HAS_RAPPER, rapperCount } from './tools.js';

const profiles = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);
const inputs = profiles.map((p) => `${p}=fixtures/${p}`);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const DCAT = 'http://www.w3.org/ns/dcat#';
const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const DCT = 'http://purl.org/dc/terms/';

function federate(args: string[], name: string, to = 'turtle') {
  const out = join(tmp.dir, `${name}.${to}`);
  const index = join(tmp.dir, `${name}.jsonl`);
  const r = cli([
    'federate',
    ...args,
    '--to',
    to,
    '--output',
    out,
    '--index',
    index,
    '--now',
    '2026-11-01',
  ]);
  return {
    ...r,
    out,
    text: existsSync(out) ? readFileSync(out, 'utf8') : '',
    index: existsSync(index)
      ? readFileSync(index, 'utf8')
          .split('\n')
          .filter((l) => l)
          .map((l) => JSON.parse(l))
      : [],
  };
}

// the fixtures of every profile federated into Turtle, read by both describes below
const all = federate(inputs, 'all');

describe('federate the fixtures of every profile', () => {
  const run = all;
  const store = new N3.Store(new N3.Parser().parse(run.text));
  const catalogues = store.getSubjects(TYPE, `${DCAT}Catalog`, null).map((s) => s.value);
  const federated = 'https://passerelle.opendata.ca/federation/catalogue';

  test('one federated catalogue listing a catalogue per jurisdiction', () => {
    expect(catalogues).toContain(federated);
    const parts = store.getObjects(federated, `${DCAT}catalog`, null).map((o) => o.value);
    expect(parts).toHaveLength(profiles.length);
    expect(catalogues.sort()).toEqual([federated, ...parts].sort());
  });

  test('every dataset is in its jurisdiction catalogue, with a catalogue record of its provenance', () => {
    const datasets = store.getSubjects(TYPE, `${DCAT}Dataset`, null);
    expect(datasets.length).toBe(run.index.length);
    const urls = Object.fromEntries(run.index.map((l) => [l.id, l.source.url]));
    for (const ds of datasets) {
      expect(store.getSubjects(`${DCAT}dataset`, ds, null)).toHaveLength(1);
      const [rec] = store.getSubjects(`${FOAF}primaryTopic`, ds, null);
      expect(store.getObjects(rec, TYPE, null).map((o) => o.value)).toEqual([
        `${DCAT}CatalogRecord`,
      ]);
      expect(store.getObjects(rec, `${DCT}identifier`, null)).toHaveLength(1);
      // the source URL (landing page, else the source's IRI), when the source has one (a CSV row may not)
      expect(store.getObjects(rec, `${DCT}source`, null).map((o) => o.value)).toEqual(
        urls[ds.value] ? [urls[ds.value]] : [],
      );
      expect(store.getObjects(rec, `${DCT}modified`, null)[0].value).toBe('2026-11-01');
    }
  });

  test('every record read is accounted for, and the records read twice are reported', () => {
    const m =
      /(\d+) datasets written from (\d+) records read \((\d+) unreadable, (\d+) duplicates linked, (\d+) read twice and written once\)/.exec(
        run.stderr,
      );
    expect(m).not.toBeNull();
    const [written, read, unreadable, , twice] = (m as RegExpExecArray).slice(1).map(Number);
    expect(written + unreadable + twice).toBe(read);
    expect(written).toBe(run.index.length);
    expect(run.code).toBe(unreadable ? 1 : 0);
    if (profiles.includes('ca-gc')) {
      // the Drug Product Database is in package_show.json and in the .gz
      expect(run.stderr).toMatch(
        /duplicate: ca-gc:6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13 \(fixtures\/ca-gc\/package_show\.json:\d+\) of ca-gc:6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13 \(fixtures\/ca-gc\/catalogue-extract\.jsonl\.gz:1\) \(same IRI, written once\)/,
      ); // and the index line of the record written names the one it stands for
      const dpd = run.index.find((l) => l.identifier === '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13');
      expect(dpd?.source.file).toBe('fixtures/ca-gc/catalogue-extract.jsonl.gz');
      expect(dpd?.sameIri).toEqual([
        {
          file: 'fixtures/ca-gc/package_show.json',
          line: expect.any(Number),
          identifier: '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13',
        },
      ]);
    }
  });

  test('the index has a line per dataset with the fields a search engine needs', () => {
    const ids = run.index.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of run.index) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'jurisdiction',
          'themes',
          'keywords',
          'formats',
          'source',
        ]),
      );
      expect(profiles).toContain(line.jurisdiction);
      expect(line.source.catalogue).toMatch(/^https?:/);
    }
  });

  test('the catalogue nodes conform to our DCAT-AP 3 shapes (no violation)', async () => {
    const checker = await ShaclChecker.load();
    const errors = (await checker.results(store.getQuads(null, null, null, null)))
      .filter((r) => r.severity === 'error')
      .filter((r) =>
        ['Catalog', 'CatalogRecord', 'Relationship'].some((c) =>
          store.has(factoryQuad(r.focus.value, c)),
        ),
      );
    expect(errors).toEqual([]);
  });
});

function factoryQuad(s: string, cls: string) {
  return N3.DataFactory.quad(
    N3.DataFactory.namedNode(s),
    N3.DataFactory.namedNode(TYPE),
    N3.DataFactory.namedNode(`${DCAT}${cls}`),
  );
}

(profiles.includes('ca-gc') ? describe : describe.skip)(
  'a federated copy across jurisdictions',
  () => {
    // Alberta's own record of the traffic sign inventory, of which open.canada.ca carries a copy
    const alberta = join(tmp.dir, 'alberta.ttl');
    writeFileSync(
      alberta,
      `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://open.alberta.ca/dataset/traffic-sign-inventory> a dcat:Dataset ;
  dct:identifier "traffic-sign-inventory" ;
  dct:title "Traffic Sign Inventory"@en ;
  dct:description "Location and type of traffic signs on provincial highways."@en ;
  dct:publisher [ a foaf:Agent ; foaf:name "Government of Alberta"@en ] ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://open.alberta.ca/dataset/traffic-sign-inventory/resource/traffic-signs.csv> ] .
`,
    );
    const run = federate(
      ['ca-gc=fixtures/ca-gc/catalogue.jsonl', `dcat-ap=${alberta}`],
      'copy',
      'ntriples',
    );
    const copy = 'https://open.canada.ca/data/dataset/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
    const original = 'https://open.alberta.ca/dataset/traffic-sign-inventory';

    test('is reported: same title and publisher; the federal copy points to the original', () => {
      expect(run.stderr).toContain(
        `duplicate: ca-gc:0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f (fixtures/ca-gc/catalogue.jsonl:8) of dcat-ap:traffic-sign-inventory`,
      );
      expect(run.stderr).toMatch(/same title and publisher\)/);
      expect(run.stderr).toMatch(/1 duplicate linked/);
    });

    test('is linked in the RDF (dcat:qualifiedRelation, role duplicate) and in the index, and kept', () => {
      const store = new N3.Store(new N3.Parser({ format: 'N-Triples' }).parse(run.text));
      const [rel] = store.getObjects(copy, `${DCAT}qualifiedRelation`, null);
      expect(store.getObjects(rel, `${DCT}relation`, null).map((o) => o.value)).toEqual([original]);
      expect(store.getObjects(rel, `${DCAT}hadRole`, null).map((o) => o.value)).toEqual([
        'http://www.iana.org/assignments/relation/duplicate',
      ]);
      expect(store.getQuads(copy, `${DCT}title`, null, null).length).toBeGreaterThan(0);
      const byId = Object.fromEntries(run.index.map((l) => [l.id, l]));
      expect(byId[copy].duplicateOf).toBe(original);
      expect(byId[original].duplicates).toEqual([copy]);
    });
  },
);

describe('every RDF syntax of the federated catalogue', () => {
  const runs = Object.fromEntries(
    ['ntriples', 'nquads', 'jsonld']
      .map((to) => [to, federate(inputs, `all-${to}`, to)])
      .concat([['turtle', all]]),
  );
  const distinct = (text: string) => new Set(text.split('\n').filter((l) => l)).size;

  test('holds the same statements', async () => {
    const n = distinct(runs.ntriples.text);
    expect(new N3.Store(new N3.Parser().parse(runs.turtle.text)).size).toBe(n);
    const quads = new N3.Parser({ format: 'N-Quads' }).parse(runs.nquads.text);
    expect(new Set(quads.map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`)).size).toBe(
      n,
    );
    const jsonld = await loadJsonld();
    const fromJsonld = (await jsonld.toRDF(JSON.parse(runs.jsonld.text), {
      format: 'application/n-quads',
      documentLoader,
    } as never)) as unknown as string;
    expect(distinct(fromJsonld)).toBe(n);
  });

  test("write each statement once (N-Quads: once per jurisdiction's graph)", () => {
    for (const to of ['ntriples', 'nquads']) {
      const lines = runs[to].text.split('\n').filter((l: string) => l);
      expect([to, lines.length]).toEqual([to, new Set(lines).size]);
    }
    const turtle = new N3.Parser()
      .parse(runs.turtle.text)
      .map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`);
    expect(turtle.length).toBe(new Set(turtle).size);
  });

  (HAS_RAPPER ? test : test.skip)('rapper reads them', () => {
    expect(rapperCount(runs.turtle.out, 'turtle')).toBe(distinct(runs.ntriples.text));
    expect(rapperCount(runs.nquads.out, 'nquads')).toBe(distinct(runs.nquads.text));
  });
});
