/**
 * Issue 15's cross-cutting defect classes, each for every profile it touches, with the real records
 * of test/real/_shared/ (SOURCES.md there) and of test/real/ca-bc: empty values are absent values; the format names portals
 * write resolve to the EU file-type table; download URLs are direct file links only; licences that
 * grant no open reuse are not open (src/rules/odc/open-licence.test.ts).
 */
import { join } from 'node:path';
import { loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { isPageOrService, keepDirectDownloads } from '../src/crosswalk/direct-links.js';
import { validate } from '../src/engine/run.js';
import type { Dataset, Provenance } from '../src/model/types.js';
import { checkAgainstProfile } from '../src/profiles/check.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import { readSources } from '../src/sources/read.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { ROOT } from './helpers.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const REAL = join(ROOT, 'test', 'real', '_shared');
const fileTypes = defaultVocabularies().require('file-type');
const NOW = new Date('2026-12-01T00:00:00Z');

async function mapped(profile: string, path: string): Promise<Dataset[]> {
  const crosswalk = loadCrosswalk(loadProfile(profile));
  const out: Dataset[] = [];
  for await (const r of readSources([path])) out.push(crosswalk.apply(r.data).dataset);
  return out;
}

describe('empty values are absent values', () => {
  const EMPTY: unknown[] = [[], [''], [' '], ' ', '', null, {}, [null], { en: '', fr: ' ' }];

  test.each(listProfileIds())(
    '%s: an empty value in any field is never a type or vocabulary error, and missing once when required',
    (id) => {
      const profile = loadProfile(id);
      for (const field of Object.values(profile.fields)) {
        if (field.aliasOf) continue;
        for (const value of EMPTY) {
          const found = checkAgainstProfile(profile, { [field.name]: value }).filter(
            (f) => f.sourcePath === `/${field.name}` || f.sourcePath?.startsWith(`/${field.name}/`),
          );
          expect({ field: field.name, value, rules: found.map((f) => f.ruleId) }).toEqual({
            field: field.name,
            value,
            rules: field.required ? ['profile/required'] : [],
          });
        }
      }
    },
  );

  test('a real BC record (test/real/ca-bc, 2019 beta): temporal_extent {beginning_date: "", end_date: ""} is absent, not a wrong type', async () => {
    const report = await validate(
      [
        join(
          ROOT,
          'test',
          'real',
          'ca-bc',
          'bc-parks-ecological-reserves-and-protected-areas_TEST.json',
        ),
      ],
      { profile: 'ca-bc', now: NOW },
    );
    const found = report.records.flatMap((r) =>
      r.findings.filter((f) => f.sourcePath?.endsWith('/temporal_extent')),
    );
    expect(found).toEqual([]);
    // a filled object where a list is expected stays a type error
    expect(
      report.records[0].findings
        .filter((f) => f.sourcePath?.endsWith('/preview_info'))
        .map((f) => f.ruleId),
    ).toEqual(['profile/type', 'profile/type', 'profile/type']);
  });
});

describe('format names as portals write them', () => {
  test.each([
    ['cdf', 'NETCDF'],
    ['NetCDF', 'NETCDF'],
    ['hdf5', 'HDF'],
    ['HDF', 'HDF'],
    ['FGDB/GDB', 'GDB'],
    ['fgdb / gdb', 'GDB'],
    ['File Geodatabase', 'GDB'],
    ['gdb', 'GDB'],
    ['SHP', 'SHP'],
    ['shape', 'SHP'],
    ['Shapefile', 'SHP'],
    ['shp zip', 'SHP'],
    ['SHP (ZIP)', 'SHP'],
    ['Zipped Shapefile', 'SHP'],
    ['ESRI REST', 'REST'],
    ['Esri REST API', 'REST'],
    ['arcgis_rest', 'REST'],
    ['ArcGIS GeoServices REST API', 'REST'],
    ['KMZ', 'KMZ'],
    ['kml', 'KML'],
    ['KML / KMZ', 'KML'],
    ['GeoJSON', 'GEOJSON'],
    ['geo json', 'GEOJSON'],
    ['XLSX', 'XLSX'],
    ['xls', 'XLS'],
    ['csv', 'CSV'],
    ['text/csv', 'CSV'],
    ['application/zip', 'ZIP'],
    ['openapi-json', 'JSON'],
    ['JSON API', 'JSON'],
    ['wms', 'WMS_SRVC'],
    ['OGC:WMS', 'WMS_SRVC'],
    ['WFS', 'WFS_SRVC'],
    ['wmts', 'WMTS_SRVC'],
    ['GeoTIFF', 'TIFF'],
    ['tif', 'TIFF'],
    ['GeoPackage', 'GPKG'],
    ['gpkg', 'GPKG'],
    ['TXT', 'TXT'],
    ['PDF', 'PDF'],
    ['docx', 'DOCX'],
    ['Web Page', 'HTML'],
    ['application/xml', 'XML'],
    ['text/xml', 'XML'],
    ['RDF', 'RDF_XML'],
    ['rdf', 'RDF_XML'],
  ])('%s is %s for every profile', (written, code) => {
    for (const profile of listProfileIds())
      expect([profile, fileTypes.lookup(written, profile)?.code]).toEqual([profile, code]);
  });

  test('the machine-readable and non-proprietary facts are the MQA lists’', () => {
    const fact = (code: string) => {
      const c = fileTypes.get(FT + code);
      return [c?.machineReadable, c?.nonProprietary];
    };
    expect(fact('SHP')).toEqual([true, false]);
    expect(fact('GDB')).toEqual([false, false]);
    expect(fact('NETCDF')).toEqual([true, true]);
    expect(fact('TIFF')).toEqual([false, true]);
    expect(fact('WMS_SRVC')).toEqual([false, true]);
    expect(fact('XLSX')).toEqual([true, false]);
  });

  test('real HNAP records: FGDB/GDB, SHP and ESRI REST resolve (test/real/_shared/formats-and-links)', async () => {
    const [porpoise, haulOut] = await mapped('ca-gc-hnap', join(REAL, 'formats-and-links'));
    const formats = (d: Dataset) => (d.distribution ?? []).map((x) => x.format?.replace(FT, ''));
    expect(formats(porpoise)).toEqual(['GDB', 'GDB', 'REST', 'REST']);
    expect(formats(haulOut)).toEqual(['SHP', 'REST', 'REST']);
  });
});

describe('download URLs are direct file links', () => {
  test.each([
    ['https://gisp.dfo-mpo.gc.ca/arcgis/rest/services/FGP/Seal_Phoque_Haulout/MapServer/0', true],
    ['https://services6.arcgis.com/x/arcgis/rest/services/BusStops/FeatureServer/0', true],
    ['https://maps.example.ca/geoserver/ows?service=WMS&request=GetCapabilities', true],
    ['https://openmaps.gov.bc.ca/geo/pub/wms', true],
    ['https://example.ca/wfs?service=WFS&request=GetCapabilities', true],
    ['https://example.ca/wfs?service=WFS&request=GetFeature&typeName=x&outputFormat=csv', false],
    ['https://osi.alberta.ca/osi-content/Pages/OfficialStatistic.aspx?ipid=1248', true],
    ['http://www.servicealberta.gov.ab.ca/183.cfm', true],
    ['http://www.transportation.alberta.ca/2639.htm', true],
    ['http://www.energy.alberta.ca/Tenure/1314.asp', true],
    ['https://example.ca/data/index.php', true],
    ['https://climate.weather.gc.ca/climate_data/bulk_data_e.html?format=csv&timeframe=2', false],
    ['https://pacgis01.dfo-mpo.gc.ca/FGPPublic/Seal_Phoque_Haulout/Seal_Phoque_Haulout.zip', false],
    ['https://example.ca/dataset/a/resource/b/download/parks.csv', false],
    [
      'https://github.com/dfo-mar-odis/data-dictionary/blob/master/NEEC/NEEC_data_dictionary.csv',
      true,
    ],
    [
      'https://raw.githubusercontent.com/dfo-mar-odis/data-dictionary/master/NEEC/NEEC_data_dictionary.csv',
      false,
    ],
    [
      'https://hub.arcgis.com/api/v3/datasets/abc_0/downloads/data?format=shp&spatialRefId=4326',
      false,
    ],
  ])('%s: page or service %s', (url, expected) =>
    expect(isPageOrService(url, fileTypes)).toBe(expected),
  );

  test('one step for every crosswalk: a page or a service is an access URL, with its provenance', () => {
    const dataset: Dataset = {
      distribution: [
        {
          accessURL: ['https://example.ca/a.csv'],
          downloadURL: ['https://example.ca/a.csv'],
          format: `${FT}CSV`,
        },
        {
          accessURL: ['https://example.ca/map'],
          downloadURL: ['https://example.ca/map'],
          format: `${FT}WMS_SRVC`,
        },
        { downloadURL: ['https://example.ca/page.aspx'], format: `${FT}CSV` },
      ],
    };
    const provenance: Provenance[] = [
      { property: 'distribution[1].downloadURL', source: ['/resources/1/url'], entry: 'x' },
      { property: 'distribution[2].downloadURL', source: ['/resources/2/url'], entry: 'x' },
    ];
    keepDirectDownloads(dataset, provenance, fileTypes);
    expect(dataset.distribution).toEqual([
      {
        accessURL: ['https://example.ca/a.csv'],
        downloadURL: ['https://example.ca/a.csv'],
        format: `${FT}CSV`,
      },
      { accessURL: ['https://example.ca/map'], format: `${FT}WMS_SRVC` },
      { accessURL: ['https://example.ca/page.aspx'], format: `${FT}CSV` },
    ]);
    expect(provenance).toEqual([
      { property: 'distribution[2].accessURL', source: ['/resources/2/url'], entry: 'x' },
    ]);
  });

  test('real records: an Esri MapServer (HNAP) and Alberta pages (.aspx, .cfm, .htm, .asp) are not downloads', async () => {
    const [porpoise, haulOut] = await mapped('ca-gc-hnap', join(REAL, 'formats-and-links'));
    const downloads = (d: Dataset) => (d.distribution ?? []).map((x) => x.downloadURL?.length ?? 0);
    expect(downloads(porpoise)).toEqual([1, 1, 0, 0]);
    expect(downloads(haulOut)).toEqual([1, 0, 0]);
    const alberta = await mapped('ca-ab', join(REAL, 'pages-as-resources'));
    expect(alberta.map((d) => d.distribution?.some((x) => x.downloadURL?.length) ?? false)).toEqual(
      [false, true, false, false, false],
    );
  });
});
