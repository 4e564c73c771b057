/** The federal crosswalk on a real-shaped record: what the common record holds, and where each value came from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { loadProfile } from '../src/profiles/load.js';
import { ROOT } from './helpers.js';

const EU = 'http://publications.europa.eu/resource/authority/';

test('open.canada.ca package → common record', () => {
  const record = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
  const cw = loadCrosswalk(loadProfile('ca-gc'));
  const m = cw.apply(record);
  const d = m.dataset;
  expect(d.id).toBe('https://open.canada.ca/data/dataset/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d');
  expect(d.title).toEqual({
    en: 'North American Breeding Bird Survey – Canadian trends',
    fr: "Relevé des oiseaux nicheurs de l'Amérique du Nord – tendances canadiennes",
  });
  expect(d.keyword?.fr).toContain('oiseaux');
  expect(d.theme).toEqual([`${EU}data-theme/ENVI`, `${EU}data-theme/TECH`]);
  expect(d.publisher).toEqual({
    id: 'https://open.canada.ca/data/organization/ec',
    identifier: 'ec',
    name: {
      en: 'Environment and Climate Change Canada',
      fr: 'Environnement et Changement climatique Canada',
    },
    // jurisdiction "federal"
    type: 'http://purl.org/adms/publishertype/NationalAuthority',
  });
  expect(d.contactPoint).toEqual([{ email: 'ec.rob-bbs.ec@canada.ca' }]);
  expect(d.accrualPeriodicity).toBe(`${EU}frequency/ANNUAL`);
  expect(d.issued).toBe('2017-09-28');
  expect(d.modified).toBe('2026-09-02');
  expect(d.temporal).toEqual([{ startDate: '1970-01-01' }]);
  expect(d.language).toEqual([`${EU}language/ENG`, `${EU}language/FRA`]);
  expect(d.accessRights).toBe(`${EU}access-right/PUBLIC`);
  expect(d.landingPage).toEqual([
    'https://open.canada.ca/data/en/dataset/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    'https://ouvert.canada.ca/data/fr/dataset/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  ]);
  expect(d.distribution?.[1]).toEqual({
    id: 'https://open.canada.ca/data/dataset/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d/resource/9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    identifier: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    title: { en: 'Trends (JSON)', fr: 'Tendances (JSON)' },
    accessURL: ['https://wildlife-species.canada.ca/bbs-data/trends.json'],
    downloadURL: ['https://wildlife-species.canada.ca/bbs-data/trends.json'],
    format: `${EU}file-type/JSON`,
    mediaType: 'http://www.iana.org/assignments/media-types/application/json',
    license: 'https://open.canada.ca/en/open-government-licence-canada',
    byteSize: 5120334,
    language: [`${EU}language/ENG`, `${EU}language/FRA`],
    issued: '2019-05-21',
  });
  expect(m.findings).toEqual([]);
  // provenance: each value with its source field and crosswalk entry
  const prov = Object.fromEntries(m.provenance.map((p) => [p.property, p]));
  expect(prov['title@fr'].source).toEqual(['/title_translated/fr']);
  expect(prov['distribution[1].license'].source).toEqual(['/license_id']);
  expect(prov['distribution[1].format'].source).toEqual(['/resources/1/format']);
  expect(prov.accrualPeriodicity.entry).toMatch(/crosswalks\/ca-gc\.yaml:\d+:3$/);
  expect(prov['language[1]'].source).toEqual(['/resources/0/language/1']);
});
