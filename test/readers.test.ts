/**
 * The XML and CSV readers on real-shaped input: every record with its line, a broken record
 * rejected among good ones, encodings, delimiters and byte order marks.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { validateRecords } from '../src/engine/run.js';
import { REFERENCE, ROOT, tempDir } from './helpers.js';

async function all(paths: string[]): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources(paths)) out.push(r);
  return out;
}
type Obj = Record<string, unknown>;
const md = (id: string, title: string) =>
  `<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">\n` +
  `  <gmd:fileIdentifier><gco:CharacterString>${id}</gco:CharacterString></gmd:fileIdentifier>\n` +
  `  <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>\n` +
  `    <gmd:title><gco:CharacterString>${title}</gco:CharacterString></gmd:title>\n` +
  `  </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>\n` +
  `</gmd:MD_Metadata>\n`;

describe('XML reader (ISO 19139)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  test('a CSW response: one record per MD_Metadata, each with its line; a malformed one rejected, the others read', async () => {
    const f = join(tmp.dir, 'csw.xml');
    const broken = md('b', 'Broken').replace('Broken</gco:CharacterString>', 'Broken</gmd:title>');
    writeFileSync(
      f,
      `<?xml version="1.0"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">\n<csw:SearchResults>\n${md('a', 'First')}${broken}${md('c', 'Third')}</csw:SearchResults>\n</csw:GetRecordsResponse>\n`,
    );
    const rs = await all([f]);
    expect(rs.map((r) => r.source.line)).toEqual([4, 10, 16]);
    expect(rs.map((r) => r.shape)).toEqual(['xml', 'xml', 'xml']);
    expect(rs[1].data).toBeUndefined();
    expect(rs[1].error?.message.en).toMatch(/malformed XML/);
    expect(rs[1].error?.line).toBe(13);
    const third = rs[2].data as Obj;
    expect((third['gmd:fileIdentifier'] as Obj[])[0]['gco:CharacterString']).toBe('c');
  });

  test('canonical prefixes whatever the file declares; attributes as @name, text as #text; property elements are lists', async () => {
    const f = join(tmp.dir, 'prefixes.xml');
    writeFileSync(
      f,
      `<MD_Metadata xmlns="http://www.isotc211.org/2005/gmd" xmlns:c="http://www.isotc211.org/2005/gco">\n` +
        `<fileIdentifier><c:CharacterString>  x\n   y </c:CharacterString></fileIdentifier>\n` +
        `<hierarchyLevel><MD_ScopeCode codeListValue="RI_622">dataset; jeuDonnées</MD_ScopeCode></hierarchyLevel>\n</MD_Metadata>`,
    );
    const [r] = await all([f]);
    expect(r.data).toEqual({
      'gmd:fileIdentifier': [{ 'gco:CharacterString': 'x y' }],
      'gmd:hierarchyLevel': [
        { 'gmd:MD_ScopeCode': { '@codeListValue': 'RI_622', '#text': 'dataset; jeuDonnées' } },
      ],
    });
    expect(r.locator?.locate('/gmd:hierarchyLevel/0/gmd:MD_ScopeCode/@codeListValue')).toEqual({
      line: 4,
      column: 17,
    });
  });

  test('an empty ISO class element is an empty object, an empty value element an empty text', async () => {
    // <gmd:MD_LegalConstraints/> is valid (all its properties are optional): open-data/hnap's 2015 samples have it
    const f = join(tmp.dir, 'empty.xml');
    writeFileSync(
      f,
      `<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
` +
        `<gmd:resourceConstraints><gmd:MD_LegalConstraints/></gmd:resourceConstraints>
` +
        `<gmd:title><gco:CharacterString/></gmd:title>
</gmd:MD_Metadata>`,
    );
    const [r] = await all([f]);
    expect(r.data).toEqual({
      'gmd:resourceConstraints': [{ 'gmd:MD_LegalConstraints': {} }],
      'gmd:title': [{ 'gco:CharacterString': '' }],
    });
  });

  test('concatenated documents and an undeclared xsi prefix (as in real exports) are read without rejection', async () => {
    const f = join(tmp.dir, 'concat.xml');
    writeFileSync(
      f,
      `${md('a', 'One').replace('<gmd:title>', '<gmd:title xsi:type="gmd:PT_FreeText_PropertyType">')}\n${md('b', 'Two')}`,
    );
    const rs = await all([f]);
    expect(rs.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(rs.map((r) => r.source.line)).toEqual([1, 8]);
  });

  test('a file cut inside a record: the record is rejected, not lost; an XML file without records is one rejected record', async () => {
    const cut = join(tmp.dir, 'cut.xml');
    writeFileSync(cut, md('a', 'One') + md('b', 'Two').slice(0, 150));
    const rs = await all([cut]);
    expect(rs.map((r) => (r.error ? 'rejected' : 'ok'))).toEqual(['ok', 'rejected']);
    const none = join(tmp.dir, 'none.xml');
    writeFileSync(none, '<rss><channel/></rss>');
    const [r] = await all([none]);
    expect(r.error?.message.en).toMatch(/no records found/);
  });

  test('no external entity or DTD is loaded', async () => {
    const f = join(tmp.dir, 'xxe.xml');
    writeFileSync(
      f,
      `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n${md('a', '&e;')}`,
    );
    const [r] = await all([f]);
    expect(JSON.stringify(r.data ?? null)).not.toMatch(/root:/);
    expect(r.error?.message.en).toMatch(/malformed XML/);
  });

  test('the HNAP crosswalk keeps English and French, whichever is the record language', async () => {
    const got: Obj[] = [];
    for await (const { mapped } of validateRecords([join(ROOT, 'fixtures', 'ca-gc-hnap')], {
      profile: 'ca-gc-hnap',
    }))
      if (mapped) got.push(mapped.dataset as Obj);
    const hydro = got.find((d) => d.identifier === '5b6c1d2e-7f80-4a91-b2c3-d4e5f6a7b8c9') as Obj;
    expect(hydro.title).toEqual({
      en: 'NRCan - National Hydro Network - NHN - GeoBase Series',
      fr: 'RNCan - Réseau hydro national - RHN - Série GeoBase',
    });
    expect((hydro.keyword as Obj).fr).toEqual(['Hydrographie', 'Lac', "Cours d'eau"]);
    const french = got.find((d) => d.identifier === '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a') as Obj;
    expect(french.title).toEqual({
      fr: 'Stations hydrométriques du Relevé hydrologique du Canada',
      en: 'Water Survey of Canada hydrometric stations',
    });
    expect(((french.distribution as Obj[])[0].title as Obj).en).toBe('Station list - CSV');
  });
});

describe('CSV reader (inventories)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const write = (name: string, content: string | Buffer) => {
    const f = join(tmp.dir, name);
    writeFileSync(f, content);
    return f;
  };

  test('Windows-1252 with semicolons and CRLF: accents decoded, fields by header, empty cells absent', async () => {
    const f = write(
      'w1252.csv',
      Buffer.from(
        'Titre;Ministère;Notes\r\nÉcoles;Éducation;\r\nRivières;Environnement;Débit\r\n',
        'latin1',
      ),
    );
    const rs = await all([f]);
    expect(rs.map((r) => r.data)).toEqual([
      { Titre: 'Écoles', Ministère: 'Éducation' },
      { Titre: 'Rivières', Ministère: 'Environnement', Notes: 'Débit' },
    ]);
    expect(rs.map((r) => r.source.line)).toEqual([2, 3]);
  });

  test('UTF-8 with a byte order mark, tabs, a quoted field over two lines: lines are the rows’ first lines', async () => {
    const f = write('bom.tsv', '\uFEFFtitle\tnotes\na\t"line one\nline two"\nb\tplain\n');
    const rs = await all([f]);
    expect(rs.map((r) => [(r.data as Obj).title, r.source.line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
    expect(Object.keys(rs[0].data as Obj)).toEqual(['title', 'notes']);
    expect(rs[1].locator?.locate('/notes')).toEqual({ line: 4, column: 3 });
  });

  test('a row with the wrong number of fields is rejected with its line; the rows after it are read', async () => {
    const f = write('count.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    const rs = await all([f]);
    expect(rs.map((r) => (r.error ? `rejected:${r.error.line}` : (r.data as Obj).a))).toEqual([
      '1',
      'rejected:3',
      'rejected:4',
      '10',
    ]);
    expect(rs[1].error?.message.en).toMatch(/2 fields, the header row has 3/);
  });

  test('header mapping: spreadsheet headers become the profile’s fields (label, headers, any case and accents)', async () => {
    const f = write(
      'nb.csv',
      'Title (English);Titre (français);UPDATE REQUIREMENTS;Licence;Responsible agency;Description\nWards;Quartiers;As required;nb-oglnb;Elections New Brunswick;Boundaries of the wards of New Brunswick local governments, as set by the municipal electoral boundaries process.\n',
    );
    const got = [];
    for await (const p of validateRecords([f], { profile: 'ca-nb', now: new Date('2026-11-01') }))
      got.push(p);
    const d = got[0].mapped?.dataset as Obj;
    expect(d.title).toEqual({ en: 'Wards', fr: 'Quartiers' });
    expect(d.accrualPeriodicity).toBe(
      'http://publications.europa.eu/resource/authority/frequency/AS_NEEDED',
    );
    const bilingual = got[0].result.findings.find((x) => x.ruleId === 'odc/bilingual');
    expect(bilingual?.sourcePath).toBe('/notes_fr');
  });
});

describe('real HNAP exports (../shared/reference/examples/canada/hnap)', () => {
  const dir = join(REFERENCE, 'examples', 'canada', 'hnap');
  const present = existsSync(dir);
  (present ? test : test.skip)(
    'every XML example is read by ca-gc-hnap: every record mapped, none rejected',
    async () => {
      const files = readdirSync(dir)
        .filter((n) => n.endsWith('.xml'))
        .map((n) => join(dir, n));
      let n = 0;
      for await (const { result, mapped } of validateRecords(files, {
        profile: 'ca-gc-hnap',
        now: new Date('2026-11-01'),
      })) {
        n++;
        expect([result.source, result.status]).not.toEqual([result.source, 'rejected']);
        expect(mapped?.dataset.identifier).toBeTruthy();
        expect((mapped?.dataset.title as Record<string, string> | undefined)?.en).toBeTruthy();
      }
      expect(n).toBe(19); // 6 + 10 + 3 records
    },
  );
});
