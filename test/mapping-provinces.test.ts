/**
 * Each jurisdiction's fixtures through its crosswalk: the common record a steward would get, value
 * by value. Alberta's legacy shapes, British Columbia's lifting from resources, Ontario's access
 * levels, Québec's French, any CKAN portal's extras, and federal regions as places.
 */
import { join } from 'node:path';
import { validateRecords } from '../src/engine/run.js';
import type { Dataset } from '../src/model/types.js';
import { loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { loadProfile } from '../src/profiles/load.js';
import { ROOT } from './helpers.js';

const AR = 'http://publications.europa.eu/resource/authority/access-right/';
const REGIONAL = 'http://purl.org/adms/publishertype/RegionalAuthority';
const FREQ = 'http://publications.europa.eu/resource/authority/frequency/';
const LANG = 'http://publications.europa.eu/resource/authority/language/';
const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';
const GEONAMES = {
  canada: 'http://sws.geonames.org/6251999/',
  alberta: 'http://sws.geonames.org/5883102/',
  ontario: 'http://sws.geonames.org/6093943/',
};

async function mapped(profile: string, path: string): Promise<Map<string, Dataset>> {
  const out = new Map<string, Dataset>();
  for await (const { mapped: m } of validateRecords([join(ROOT, 'fixtures', profile, path)], {
    profile,
    now: new Date('2026-11-01T00:00:00Z'),
  })) {
    if (m) out.set(m.dataset.identifier as string, m.dataset);
  }
  return out;
}

describe('Alberta (ca-ab): current and legacy shapes', () => {
  test('a migrated publication: no id, ABOGPL, "en-CA [default]", a creator list, older field names', async () => {
    const d = (await mapped('ca-ab', 'publications.jsonl')).get(
      'high-school-completion-rates-handbook',
    ) as Dataset;
    expect(d.identifier).toBe('high-school-completion-rates-handbook'); // the URL name: there is no id
    expect(d.landingPage).toEqual([
      'https://open.alberta.ca/publications/high-school-completion-rates-handbook',
    ]);
    expect(d.language).toEqual([`${LANG}ENG`]);
    expect(d.creator).toEqual([{ name: { en: 'ExecutiveCouncil' } }]);
    expect(d.theme).toEqual([`${THEME}EDUC`]); // `topic` (older name), compressed label
    expect(d.modified).toBe('2012-01-01'); // `modifieddate`
    expect(d.issued).toBe('2012-01-01');
    expect(d.accrualPeriodicity).toBe(`${FREQ}ANNUAL`);
    expect(d.publisher).toEqual({
      id: 'https://open.alberta.ca/organization/education',
      identifier: 'education',
      name: { en: 'Education' },
      type: REGIONAL,
    });
    // the provincial publisher's type only with a publisher
    expect(
      loadCrosswalk(loadProfile('ca-ab')).apply({ title: 'x' }).dataset.publisher,
    ).toBeUndefined();
    expect(d.accessRights).toBe(`${AR}PUBLIC`);
    expect(d.distribution).toBeUndefined();
    expect(d.contactPoint).toBeUndefined(); // contact and email are empty
  });

  test('missing update frequency; licence ABOGPL resolves to the Alberta OGL', async () => {
    const d = (await mapped('ca-ab', 'publications.jsonl')).get(
      'crop-production-statistics-2014',
    ) as Dataset;
    expect(d.accrualPeriodicity).toBeUndefined();
    expect(d.distribution?.[0].license).toBe('https://open.alberta.ca/licence');
    expect(d.contactPoint).toEqual([
      { name: { en: 'Statistics and Data Development Branch' }, email: 'ard.statistics@gov.ab.ca' },
    ]);
    expect(d.spatial).toEqual([{ id: GEONAMES.alberta, label: { en: 'Alberta', fr: 'Alberta' } }]);
  });

  test('a 2015 export and a protected record, one after the other in one file', async () => {
    const all = await mapped('ca-ab', 'legacy-export.json');
    const lake = all.get('d4a7f2c9-1e3b-4a86-9c50-7b2e8f6d1a35') as Dataset;
    expect(lake.creator).toEqual([
      { name: { en: 'EnvironmentandSustainableResourceDevelopment' } },
    ]); // one value, not a list
    expect(lake.theme).toEqual([`${THEME}ENVI`]);
    expect(lake.accrualPeriodicity).toBe(`${FREQ}IRREG`);
    expect(lake.modified).toBe('2015-03-20'); // no date_modified: CKAN's metadata_modified
    expect(lake.distribution?.[0]).toMatchObject({
      format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
      license: 'https://open.alberta.ca/licence',
    });
    const caribou = all.get('0e8c5b3a-7d21-4f96-b4a0-9c6e2d8f1b73') as Dataset;
    expect(caribou.accessRights).toBe(`${AR}NON_PUBLIC`); // sensitivity "protected"
    expect(caribou.accrualPeriodicity).toBe(`${FREQ}BIWEEKLY`); // legacy "Every2weeks"
  });

  test('update-frequency labels map to the EU table', async () => {
    const cw = loadCrosswalk(loadProfile('ca-ab'));
    const freq = (label: string) =>
      cw.apply({ updatefrequency: label }).dataset.accrualPeriodicity?.split('/').pop();
    expect(
      [
        'Once',
        'Daily',
        'Every 2 weeks',
        'Twice monthly',
        'Every 4 months',
        'Semi-annual',
        'Biennial',
        'Every 5 years',
        'Irregular',
        'Other',
      ].map(freq),
    ).toEqual([
      'NEVER',
      'DAILY',
      'BIWEEKLY',
      'MONTHLY_2',
      'ANNUAL_3',
      'ANNUAL_2',
      'BIENNIAL',
      'QUINQUENNIAL',
      'IRREG',
      'OTHER',
    ]);
  });
});

describe('British Columbia (ca-bc): values lifted from resources', () => {
  test('frequency: the most frequent update cycle; period: earliest start to latest end; bounding box per resource', async () => {
    const d = (await mapped('ca-bc', 'package_search.json')).get(
      '9f4e2b7d-1c8a-4e35-a6d0-3b7f9e1c5a82',
    ) as Dataset;
    expect(d.accrualPeriodicity).toBe(`${FREQ}MONTHLY`); // monthly, monthly, annually
    expect(d.temporal).toEqual([{ startDate: '2001-01-01', endDate: '2025-12-31' }]);
    expect(d.spatial).toEqual([
      { bbox: 'POLYGON((-139.06 48.3, -114.03 48.3, -114.03 60, -139.06 60, -139.06 48.3))' },
    ]);
    expect(d.theme).toEqual([`${THEME}ENVI`]); // inlandWaters
  });

  test('findings name the resource that disagrees and the value kept', async () => {
    const out = [];
    for await (const { result } of validateRecords(
      [join(ROOT, 'fixtures/ca-bc/package_search.json')],
      { profile: 'ca-bc', now: new Date('2026-11-01T00:00:00Z') },
    )) {
      out.push(
        ...result.findings
          .filter((f) => f.ruleId === 'profile/conflicting-values')
          .map((f) => [f.property, f.sourcePath, f.severity]),
      );
    }
    expect(out).toEqual([
      ['accrualPeriodicity', '/resources/2/resource_update_cycle', 'warning'],
      ['spatial[0].bbox', '/resources/1/geographic_extent/0/west_bound_longitude', 'warning'],
      ['temporal[0].endDate', '/resources/2/temporal_extent/0/end_date', 'warning'],
      ['temporal[0].startDate', '/resources/1/temporal_extent/0/beginning_date', 'warning'],
    ]);
  });

  test('one resource with a box, others without: no disagreement; contacts by role', async () => {
    const d = (await mapped('ca-bc', 'package_show.json')).get(
      'c5d2a8e1-4b7f-4a09-9e3c-6f1b2d8a7c40',
    ) as Dataset;
    expect(d.spatial).toEqual([
      { bbox: 'POLYGON((-139.06 48.3, -114.03 48.3, -114.03 60, -139.06 60, -139.06 48.3))' },
    ]);
    // every contact, its role kept: the point of contact and the custodian
    expect(d.contactPoint).toEqual([
      {
        name: { en: 'BC Wildfire Service Data' },
        email: 'wildfire.data@gov.bc.ca',
        role: 'pointOfContact',
      },
      {
        name: { en: 'Fire Centre Operations' },
        email: 'bcws.operations@gov.bc.ca',
        role: 'custodian',
      },
    ]);
    expect(d.publisher).toMatchObject({
      identifier: 'bc-wildfire-service',
      name: { en: 'BC Wildfire Service' },
      email: 'bcws.operations@gov.bc.ca',
    }); // custodian
    expect(d.accessRights).toBe(`${AR}PUBLIC`);
    expect(d.distribution?.map((x) => [x.license, x.downloadURL ? 'file' : 'service'])).toEqual([
      ['https://www2.gov.bc.ca/gov/content/data/open-data/open-government-licence-bc', 'file'],
      ['https://www2.gov.bc.ca/gov/content/data/open-data/open-government-licence-bc', 'service'],
    ]);
  });

  test('access rights: the most restrictive of security class, audiences, state and the private flag', async () => {
    const dip = (await mapped('ca-bc', 'package_search.json')).get(
      'b5c83fa8-89dd-4310-85cd-7413f2d36746',
    ) as Dataset;
    expect(dip.accessRights).toBe(`${AR}NON_PUBLIC`); // PROTECTED B, named users, not downloadable
    expect(dip.contactPoint).toEqual([
      {
        name: { en: 'Data Innovation Program' },
        email: 'data.innovation.program@gov.bc.ca',
        role: 'distributor',
      },
    ]); // its distributor, role kept
    expect(dip.distribution?.[0].license).toBe(
      'https://www2.gov.bc.ca/gov/content?id=1AAACC9C65754E4D89A118B875E0FBDA',
    ); // "22": Access Only
    const cw = loadCrosswalk(loadProfile('ca-bc'));
    const rights = (r: Record<string, unknown>) =>
      cw
        .apply({
          security_class: 'PUBLIC',
          view_audience: 'Public',
          download_audience: 'Public',
          publish_state: 'PUBLISHED',
          private: false,
          ...r,
        })
        .dataset.accessRights?.split('/')
        .pop();
    expect([
      rights({}),
      rights({ download_audience: 'Government' }),
      rights({ download_audience: 'NA' }),
      rights({ publish_state: 'ARCHIVED' }),
      rights({ private: true }),
    ]).toEqual(['PUBLIC', 'RESTRICTED', 'PUBLIC', 'NON_PUBLIC', 'NON_PUBLIC']);
  });

  test('dates from the lifecycle events when the record dates are empty', async () => {
    const d = (await mapped('ca-bc', 'catalogue.jsonl')).get(
      '2e9b7c4f-6a1d-4f83-a5e2-8c3d1b9f6a07',
    ) as Dataset;
    expect([d.issued, d.modified]).toEqual(['2016-11-04', '2026-02-11']);
  });
});

describe('Ontario (ca-on): open, under review, restricted', () => {
  test('a restricted record is not open data: non-public access rights, its exemption rationale as the reason', async () => {
    const all = await mapped('ca-on', 'catalogue.jsonl');
    const restricted = all.get('3b7e1a9c-6d4f-4e82-b0a5-8c2d6f1e9a37') as Dataset;
    expect(restricted.accessRights).toBe(`${AR}NON_PUBLIC`);
    expect(restricted.rights?.en).toMatch(/^The records hold personal health information/);
    expect(restricted.rights?.fr).toMatch(
      /^Les dossiers contiennent des renseignements personnels/,
    );
    expect(restricted.distribution).toBeUndefined();
    const review = all.get('c1f8a4d2-9b6e-4a35-8e7c-5d2b9f1a6e04') as Dataset;
    expect([review.accessRights, review.rights]).toEqual([`${AR}NON_PUBLIC`, undefined]);
    expect(all.get('e5b2d9f7-3a1c-4e68-b4f0-6a9c2e7d1b83')?.accessRights).toBe(`${AR}PUBLIC`);
  });

  test("the resources' languages and data ranges become the dataset's; its place resolves", async () => {
    const d = (await mapped('ca-on', 'package_search.json')).get(
      '7a1c9e4f-2d6b-4f58-a0e3-9b5d1c8f2e46',
    ) as Dataset;
    expect(d.language).toEqual([`${LANG}ENG`, `${LANG}FRA`]); // one English file, one French file
    expect(d.temporal).toEqual([{ startDate: '2023-09-01', endDate: '2025-06-30' }]);
    expect(d.modified).toBe('2026-03-12'); // the latest data update
    expect(d.spatial).toEqual([{ id: GEONAMES.ontario, label: { en: 'Ontario', fr: 'Ontario' } }]);
    const both = (await mapped('ca-on', 'package_show.json')).get(
      'a8d3e6f1-4b2c-4a79-9e05-7c1f8b3d2a64',
    ) as Dataset;
    expect(both.distribution?.[0].language).toEqual([`${LANG}ENG`, `${LANG}FRA`]); // english_and_french
    expect(both.documentation).toEqual([expect.stringMatching(/bed_occupancy_dictionary\.xlsx$/)]);
    expect(both.title).toEqual({
      en: 'Ontario hospital bed occupancy',
      fr: "Occupation des lits d'hôpitaux en Ontario",
    });
  });
});

describe('Québec (ca-qc): French first', () => {
  test('untagged text is French; FR,EN is two languages; CC BY 4.0; GeoJSON coverage', async () => {
    const d = (await mapped('ca-qc', 'package_search.json')).get(
      '7f2d9b4e-3a6c-4b81-a5e9-1c8f3d7b2a60',
    ) as Dataset;
    expect(d.title).toEqual({ fr: 'Répertoire des municipalités du Québec' });
    expect(d.keyword).toEqual({ fr: ['municipalités', 'MRC'] });
    expect(d.language).toEqual([`${LANG}FRA`, `${LANG}ENG`]);
    expect(d.distribution?.[0].license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(JSON.parse(d.spatial?.[0].geometry as string)).toMatchObject({ type: 'Polygon' });
    expect(d.contactPoint).toEqual([
      {
        name: { fr: "Direction de l'information géographique" },
        email: 'repertoire@mamh.gouv.qc.ca',
      },
    ]);
    expect(d.landingPage).toEqual([
      'https://www.donneesquebec.ca/recherche/dataset/repertoire-des-municipalites-du-quebec',
    ]);
  });

  test('update-frequency codes, real time included', async () => {
    const d = (await mapped('ca-qc', 'dataset.json')).get(
      'd9b2e7f4-6a1c-4d38-8e05-3b9f1c7a2d64',
    ) as Dataset;
    expect(d.accrualPeriodicity).toBe(`${FREQ}UPDATE_CONT`); // "continuous", Temps réel
    const cw = loadCrosswalk(loadProfile('ca-qc'));
    expect(
      ['irregular', 'daily', 'semiannual', 'biennial', 'triennial'].map((f) =>
        cw.apply({ update_frequency: f }).dataset.accrualPeriodicity?.split('/').pop(),
      ),
    ).toEqual(['IRREG', 'DAILY', 'ANNUAL_2', 'BIENNIAL', 'TRIENNIAL']);
    // the current form's codes, besides the 2015 ones
    expect(
      ['asNeeded', 'notPlanned', 'fortnightly', 'bimonthly', 'quinquennial', 'archives'].map((f) =>
        cw.apply({ update_frequency: f }).dataset.accrualPeriodicity?.split('/').pop(),
      ),
    ).toEqual(['AS_NEEDED', 'NOT_PLANNED', 'BIWEEKLY', 'BIMONTHLY', 'QUINQUENNIAL', 'NEVER']);
  });
});

describe('any CKAN portal (ckan)', () => {
  test('metadata kept in extras: identifier, dates, ISO frequency, JSON language list, bounding box', async () => {
    const d = (await mapped('ckan', 'package_search.json')).get(
      '4f1b8d2e-6a3c-4e91-9d70-2b5e8c1a7f36',
    ) as Dataset;
    expect([d.issued, d.modified]).toEqual(['2019-11-04', '2024-03-18']);
    expect(d.accrualPeriodicity).toBe(`${FREQ}NOT_PLANNED`);
    expect(d.language).toEqual([`${LANG}ENG`, `${LANG}FRA`]);
    expect(d.spatial?.[0].bbox).toBe(
      'POLYGON((-80.39 43.48, -80.21 43.48, -80.21 43.61, -80.39 43.61, -80.39 43.48))',
    );
    expect(d.contactPoint).toEqual([
      { name: { und: 'Geomatics Services' }, email: 'geomatics@riverton.ca' },
    ]); // maintainer
    expect(d.distribution?.map((x) => x.downloadURL === undefined)).toEqual([false, true]); // a shapefile, a WMS
  });

  test("ckanext-dcat's DCAT-AP fields first; CKAN's own as fallbacks", async () => {
    const d = (await mapped('ckan', 'package_search.json')).get(
      '0d4a8e2c-7b1f-4c59-9e36-5f2b8a1d7c03',
    ) as Dataset;
    expect(d.publisher).toEqual({
      identifier: 'transit-services',
      name: { und: 'City of Riverton' },
      email: 'opendata@riverton.ca',
      homepage: 'https://www.riverton.ca',
    });
    expect(d.theme).toEqual([`${THEME}TRAN`]);
    expect(d.landingPage).toEqual(['https://www.riverton.ca/transit/ridership']);
    expect(d.distribution?.[0].license).toBe('https://creativecommons.org/licenses/by/4.0/'); // CKAN's "cc-by"
    const priv = (await mapped('ckan', 'dataset.json')).get(
      '5b9e2d7f-3c1a-4e84-a6f0-8d2b4c1e9a37',
    ) as Dataset;
    expect(priv.accessRights).toBe(`${AR}NON_PUBLIC`);
    expect(priv.temporal).toEqual([{ startDate: '2015-01-01', endDate: '2025-12-31' }]);
  });
});

describe('Government of Canada (ca-gc): geographic regions as places', () => {
  test("the portal's region codes: provinces and Canada as GeoNames places, the others by the portal's name", () => {
    const cw = loadCrosswalk(loadProfile('ca-gc'));
    const d = cw.apply({ geographic_region: ['0', '3', '48', '3520', '1'] }).dataset;
    expect(d.spatial).toEqual([
      { id: GEONAMES.canada, label: { en: 'Canada', fr: 'Canada' } },
      { id: GEONAMES.ontario, label: { en: 'Ontario', fr: 'Ontario' } }, // GC code 3, SGC 35
      { id: GEONAMES.alberta, label: { en: 'Alberta', fr: 'Alberta' } },
      { label: { en: 'Ontario - Toronto', fr: 'Ontario - Toronto' } }, // a census division
      { label: { en: 'Atlantic', fr: 'Atlantique' } }, // a grouping
    ]);
  });
});
