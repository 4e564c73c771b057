/** The common record as RDF: value by value, the rules docs/rdf.md states. */
import N3 from 'n3';
import { CONTEXT_URL, jsonldContext } from '../../src/model/context.js';
import { recordToRdf } from '../../src/rdf/from-record.js';
import { documentLoader, loadJsonld } from '../../src/rdf/jsonld.js';
import { lineText } from '../../src/rdf/write.js';

const X = 'http://www.w3.org/2001/XMLSchema#';

describe('recordToRdf', () => {
  const { quads, subject, nodes } = recordToRdf(
    {
      id: 'https://example.ca/dataset/1',
      title: { en: 'Air quality', fr: "Qualité de l'air", und: 'AQ' },
      keyword: { en: ['air', 'smog'] },
      issued: '2020',
      modified: '2026-10-03T09:12:44.120031',
      temporal: [{ startDate: '2019-04', endDate: 'sometime' }],
      contactPoint: [{ email: 'open@example.ca' }],
      spatial: [{ geometry: '{"type":"Point","coordinates":[-75.7,45.4]}' }],
      rights: { en: 'Crown copyright' },
      landingPage: ['https://example.ca/data set/1'],
      distribution: [{ accessURL: ['https://example.ca/a.csv'], byteSize: 2048 }],
    },
    { blankPrefix: 'r7' },
  );
  const store = new N3.Store(quads);
  const objects = (s: string | N3.Term, p: string) => store.getObjects(s as never, p, null);

  test('language-tagged literals from language maps; und is untagged', () => {
    const titles = objects(subject, 'http://purl.org/dc/terms/title').map((o) => [
      o.value,
      (o as N3.Literal).language,
    ]);
    expect(titles).toEqual([
      ['Air quality', 'en'],
      ["Qualité de l'air", 'fr'],
      ['AQ', ''],
    ]);
    expect(objects(subject, 'http://www.w3.org/ns/dcat#keyword').map((o) => o.value)).toEqual([
      'air',
      'smog',
    ]);
  });

  test('dates typed by their shape; a value of no date shape stays a plain literal', () => {
    const dt = (o: N3.Term) => [
      (o as N3.Literal).value,
      (o as N3.Literal).datatype.value.replace(X, 'xsd:'),
    ];
    expect(objects(subject, 'http://purl.org/dc/terms/issued').map(dt)).toEqual([
      ['2020', 'xsd:gYear'],
    ]);
    expect(objects(subject, 'http://purl.org/dc/terms/modified').map(dt)).toEqual([
      ['2026-10-03T09:12:44.120031', 'xsd:dateTime'],
    ]);
    const [period] = objects(subject, 'http://purl.org/dc/terms/temporal');
    expect(objects(period, 'http://www.w3.org/ns/dcat#startDate').map(dt)).toEqual([
      ['2019-04', 'xsd:gYearMonth'],
    ]);
    expect(objects(period, 'http://www.w3.org/ns/dcat#endDate').map(dt)).toEqual([
      ['sometime', 'xsd:string'],
    ]);
  });

  test('emails as mailto: IRIs, IRIs percent-encoded where needed, typed numbers and geometries, rights as a statement', () => {
    const [cp] = objects(subject, 'http://www.w3.org/ns/dcat#contactPoint');
    expect(
      objects(cp, 'http://www.w3.org/2006/vcard/ns#hasEmail').map((o) => [o.termType, o.value]),
    ).toEqual([['NamedNode', 'mailto:open@example.ca']]);
    expect(objects(subject, 'http://www.w3.org/ns/dcat#landingPage').map((o) => o.value)).toEqual([
      'https://example.ca/data%20set/1',
    ]);
    const [dist] = objects(subject, 'http://www.w3.org/ns/dcat#distribution');
    expect(
      (objects(dist, 'http://www.w3.org/ns/dcat#byteSize')[0] as N3.Literal).datatype.value,
    ).toBe(`${X}nonNegativeInteger`);
    const [loc] = objects(subject, 'http://purl.org/dc/terms/spatial');
    expect(
      (objects(loc, 'http://www.w3.org/ns/locn#geometry')[0] as N3.Literal).datatype.value,
    ).toBe('http://www.opengis.net/ont/geosparql#geoJSONLiteral');
    const [rights] = objects(subject, 'http://purl.org/dc/terms/rights');
    expect(
      objects(rights, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type').map((o) => o.value),
    ).toEqual(['http://purl.org/dc/terms/RightsStatement']);
    expect(
      objects(rights, 'http://www.w3.org/2000/01/rdf-schema#label').map((o) => o.value),
    ).toEqual(['Crown copyright']);
  });

  test('every node is typed and knows its property path; blank nodes carry the record prefix', () => {
    const paths = [...nodes.values()].map((n) => `${n.cls} ${n.path}`).sort();
    expect(paths).toEqual([
      'ContactPoint contactPoint[0]',
      'Dataset ',
      'Distribution distribution[0]',
      'Location spatial[0]',
      'PeriodOfTime temporal[0]',
    ]);
    expect(
      [...nodes.keys()].filter((k) => k.startsWith('_:')).every((k) => k.startsWith('_:r7b')),
    ).toBe(true);
  });

  test("the JSON-LD loader serves the project's context offline and refuses every other URL", async () => {
    const jsonld = await loadJsonld();
    const doc = {
      '@context': CONTEXT_URL,
      id: 'https://example.ca/dataset/1',
      title: { en: 'Air quality' },
    };
    const nq = (await jsonld.toRDF(
      doc as never,
      { format: 'application/n-quads', documentLoader } as never,
    )) as unknown as string;
    expect(nq).toBe(
      '<https://example.ca/dataset/1> <http://purl.org/dc/terms/title> "Air quality"@en .\n',
    );
    expect(lineText(quads)).toContain('"Air quality"@en');
    expect((await documentLoader(CONTEXT_URL)).document).toEqual(jsonldContext());
    await expect(documentLoader('https://www.w3.org/ns/dcat.jsonld')).rejects.toThrow(
      /not available offline/,
    );
  });
});

describe('lineText', () => {
  test("writes what N3.js's N-Triples and N-Quads writer writes, byte for byte", () => {
    const f = N3.DataFactory;
    const s = f.namedNode('https://example.ca/dataset/1');
    const p = f.namedNode('http://purl.org/dc/terms/title');
    const quads = [
      // every character canonical N-Triples escapes, and some it keeps (accents, an emoji)
      f.quad(s, p, f.literal('a"b\\c\n\t\r\b\f\u0001\u001f\u007f\uFFFE\uFFFF é 😀', 'fr')),
      f.quad(s, p, f.literal('Qualité', 'EN-ca')),
      f.quad(s, p, f.literal('نص', { language: 'ar', direction: 'rtl' })),
      f.quad(
        s,
        p,
        f.literal('2048', f.namedNode('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')),
      ),
      f.quad(s, p, f.literal('plain')),
      f.quad(
        f.blankNode('r7b0'),
        f.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'),
        f.namedNode('http://www.w3.org/ns/dcat#Distribution'),
      ),
      f.quad(
        s,
        f.namedNode('http://www.w3.org/ns/dcat#landingPage'),
        f.namedNode('https://example.ca/a\u00e9b'),
        f.namedNode('https://example.ca/graph'),
      ),
    ];
    for (const format of ['N-Triples', 'N-Quads']) {
      const theirs = new N3.Writer({ format }).quadsToString(quads);
      expect(lineText(quads, format === 'N-Quads')).toBe(theirs);
      // twice: the second time from the IRIs already written
      expect(lineText(quads, format === 'N-Quads')).toBe(theirs);
    }
  });
});
