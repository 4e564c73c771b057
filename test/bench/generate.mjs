/**
 * Generated open.canada.ca catalogues for the benchmarks: records shaped like fixtures/ca-gc
 * (ckanext-fluent language maps, several resources, the portal's own codes, the gaps and defects
 * real exports have), varied by a seeded PRNG, written as gzipped JSON Lines. The same seed and
 * count always give the same bytes.
 *
 *   node test/bench/generate.mjs 100000 .bench/ca-gc-100000.jsonl.gz   (plain JSON Lines without .gz)
 *
 * Every code is checked against profiles/ca-gc.yaml before anything is written, so that the
 * records stay "real-shaped" when the profile changes (a planted defect is the only unknown code).
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { loadProfile } from '../../dist/profiles/load.js';

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Departments that publish on open.canada.ca: CKAN name, title "English | French", contact
const ORGS = [
  ['statcan', 'Statistics Canada', 'Statistique Canada', 'infostats@statcan.gc.ca'],
  [
    'nrcan-rncan',
    'Natural Resources Canada',
    'Ressources naturelles Canada',
    'geoinfo@nrcan-rncan.gc.ca',
  ],
  [
    'eccc',
    'Environment and Climate Change Canada',
    'Environnement et Changement climatique Canada',
    'enviroinfo@ec.gc.ca',
  ],
  ['tc', 'Transport Canada', 'Transports Canada', 'opendata-donneesouvertes@tc.gc.ca'],
  ['hc-sc', 'Health Canada', 'Santé Canada', 'open-ouvert@hc-sc.gc.ca'],
  [
    'dfo-mpo',
    'Fisheries and Oceans Canada',
    'Pêches et Océans Canada',
    'DFO.Statistics-Statistiques.MPO@dfo-mpo.gc.ca',
  ],
  ['cra-arc', 'Canada Revenue Agency', 'Agence du revenu du Canada', 'open-ouvert@cra-arc.gc.ca'],
  [
    'aafc-aac',
    'Agriculture and Agri-Food Canada',
    'Agriculture et Agroalimentaire Canada',
    'open-ouvert@agr.gc.ca',
  ],
  [
    'ised-isde',
    'Innovation, Science and Economic Development Canada',
    'Innovation, Sciences et Développement économique Canada',
    'open-ouvert@ised-isde.gc.ca',
  ],
  [
    'esdc-edsc',
    'Employment and Social Development Canada',
    'Emploi et Développement social Canada',
    'open-ouvert@hrsdc-rhdcc.gc.ca',
  ],
  [
    'ircc',
    'Immigration, Refugees and Citizenship Canada',
    'Immigration, Réfugiés et Citoyenneté Canada',
    'IRCC.DGPRODAResearchData-DGPROADonneesRecherche.IRCC@cic.gc.ca',
  ],
  [
    'phac-aspc',
    'Public Health Agency of Canada',
    'Agence de la santé publique du Canada',
    'phac.info.aspc@canada.ca',
  ],
  ['pc', 'Parks Canada', 'Parcs Canada', 'pc.opendata-donneesouvertes.pc@canada.ca'],
  [
    'tbs-sct',
    'Treasury Board of Canada Secretariat',
    'Secrétariat du Conseil du Trésor du Canada',
    'open-ouvert@tbs-sct.gc.ca',
  ],
];

// Title vocabulary, in pairs: [English, French]
const TOPICS = [
  ['Consumer Price Index', 'Indice des prix à la consommation'],
  ['Air quality', "Qualité de l'air"],
  ['Water levels', "Niveaux d'eau"],
  ['Wildfire perimeters', 'Périmètres des feux de forêt'],
  ['Labour force characteristics', 'Caractéristiques de la population active'],
  ['Registered charities', 'Organismes de bienfaisance enregistrés'],
  ['Aquaculture production', 'Production aquacole'],
  ['Vehicle recalls', 'Rappels de véhicules'],
  ['Drug products', 'Produits pharmaceutiques'],
  ['Permanent residents', 'Résidents permanents'],
  ['Crop yields', 'Rendements des cultures'],
  ['Protected areas', 'Aires protégées'],
  ['Greenhouse gas emissions', 'Émissions de gaz à effet de serre'],
  ['Federal contracts', 'Contrats fédéraux'],
  ['Bridge inspections', 'Inspections des ponts'],
  ['Seismic events', 'Événements sismiques'],
];
const QUALIFIERS = [
  ['by province and territory', 'par province et territoire'],
  ['monthly', 'mensuel'],
  ['annual', 'annuel'],
  ['by census division', 'par division de recensement'],
  ['historical series', 'série historique'],
  ['by industry', 'par industrie'],
  ['national summary', 'sommaire national'],
];
const SENTENCES = [
  ['This dataset provides', 'Ce jeu de données présente'],
  [
    'The data are collected every reporting period and',
    'Les données sont recueillies à chaque période de référence et',
  ],
  [
    'Figures are revised when new information becomes available.',
    'Les chiffres sont révisés lorsque de nouveaux renseignements sont disponibles.',
  ],
  [
    'Users should consult the reference guide before comparing years.',
    'Les utilisateurs devraient consulter le guide de référence avant de comparer les années.',
  ],
  [
    'Geographic boundaries follow the Standard Geographical Classification.',
    'Les limites géographiques suivent la Classification géographique type.',
  ],
];

// Codes of profiles/ca-gc.yaml, weighted toward what the catalogue mostly holds
const SUBJECTS = [
  'economics_and_industry',
  'nature_and_environment',
  'health_and_safety',
  'transport',
  'society_and_culture',
  'agriculture',
  'labour',
  'science_and_technology',
  'government_and_politics',
];
const FREQUENCIES = [
  'P1M',
  'P1Y',
  'as_needed',
  'P3M',
  'irregular',
  'P1D',
  'P1W',
  'continual',
  'not_planned',
  'P6M',
];
const AUDIENCES = ['general_public', 'business', 'government', 'scientists', 'educators', 'media'];
const REGIONS = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '10',
  '11',
  '12',
  '13',
  '46',
  '47',
  '48',
  '60',
  '61',
  '62',
];
const TOPIC_CATEGORIES = [
  'environment',
  'inland_waters',
  'transport',
  'boundaries',
  'elevation',
  'oceans',
];
// format, media type, resource type
const FILES = [
  ['CSV', 'text/csv', 'dataset'],
  ['CSV', 'text/csv', 'dataset'],
  ['JSON', 'application/json', 'dataset'],
  ['XML', 'application/xml', 'dataset'],
  ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'dataset'],
  ['PDF', 'application/pdf', 'guide'],
  ['HTML', 'text/html', 'guide'],
  ['GEOJSON', 'application/geo+json', 'dataset'],
  ['SHP', 'application/zip', 'dataset'],
  ['ESRI REST', undefined, 'web_service'],
  ['WMS', undefined, 'web_service'],
  ['TXT', 'text/plain', 'data_dictionary'],
];

/** Codes the generator uses must be the profile's (legacy codes too, where a defect plants one). */
function checkCodes() {
  const profile = loadProfile('ca-gc');
  const want = {
    subject: SUBJECTS,
    frequency: FREQUENCIES,
    audience: AUDIENCES,
    geographic_region: REGIONS,
    topic_category: TOPIC_CATEGORIES,
    format: FILES.map((f) => f[0]),
    resource_type: FILES.map((f) => f[2]),
  };
  for (const [vocab, codes] of Object.entries(want)) {
    const v = profile.vocabularies[vocab];
    for (const c of codes)
      if (!v?.codes.has(c)) throw new Error(`bench generator: "${c}" is not a ca-gc ${vocab} code`);
  }
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A record generator: `next()` gives the next line of the catalogue. */
export function catalogue(seed = 20261101) {
  checkCodes();
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const chance = (p) => rnd() < p;
  const hex = (n) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  const orgIds = ORGS.map(() => uuid());
  const date = (from, to) => `${from + int(to - from + 1)}-${pad(1 + int(12))}-${pad(1 + int(28))}`;
  const DAY = 86_400_000;
  const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
  const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  /** A day between two days (inclusive), as YYYY-MM-DD. */
  const between = (from, to) => iso(from + int(to - from + 1));
  const some = (a, max) => [...new Set(Array.from({ length: 1 + int(max) }, () => pick(a)))];
  let i = 0;

  function resource(pkg, k, published, defective) {
    const [format, mimetype, type] = pick(FILES);
    const [en, fr] = pick(TOPICS);
    const r = {
      id: uuid(),
      package_id: pkg,
      name_translated: { en: `${en} (${format}) ${k + 1}`, fr: `${fr} (${format}) ${k + 1}` },
      name: `${en} (${format}) ${k + 1}`,
      resource_type: type,
      format: defective === 'format' ? 'other' : format,
      language: chance(0.85) ? ['en', 'fr'] : [pick(['en', 'fr'])],
      url: `https://open.canada.ca/data/files/${pkg.slice(0, 8)}/${k}.${format.toLowerCase().replace(/ /g, '-')}`,
      url_type: '',
      date_published: published,
      created: `${published}T14:02:11.481624`,
      last_modified: chance(0.5) ? null : `${published}T09:12:44.120031`,
      character_set: chance(0.7) ? 'UTF-8' : null,
      description_translated: chance(0.2)
        ? { en: `${en}, ${format} file.`, fr: `${fr}, fichier ${format}.` }
        : { en: '', fr: '' },
    };
    if (mimetype) r.mimetype = mimetype;
    if (chance(0.8)) r.size = 1000 + int(50_000_000);
    return r;
  }

  return {
    next() {
      i++;
      const id = uuid();
      const o = int(ORGS.length);
      const [orgName, orgEn, orgFr, email] = ORGS[o];
      const [topicEn, topicFr] = pick(TOPICS);
      const [qEn, qFr] = pick(QUALIFIERS);
      // released since 2012; most updated this past year or so, others left since (never before release)
      const published = between(day('2012-01-01'), day('2025-12-31'));
      const recent = Math.max(day(published), day('2025-06-01'));
      const modified = chance(0.6)
        ? between(recent, day('2026-10-31'))
        : between(day(published), Math.max(day(published), day('2025-05-31')));
      // about one record in eight carries a planted defect, as real exports do
      const defect = chance(0.125)
        ? pick([
            'noFrenchTitle',
            'copiedKeywords',
            'legacyFrequency',
            'badEmail',
            'format',
            'unknownSubject',
            'titleAsDescription',
            'badDate',
            'noKeywords',
            'closedLicence',
          ])
        : undefined;
      const title = {
        en: `${topicEn}, ${qEn}`,
        fr: defect === 'noFrenchTitle' ? '' : `${topicFr}, ${qFr}`,
      };
      const n = 1 + int(3);
      const description = { en: [], fr: [] };
      for (let s = 0; s < 2 + int(3); s++) {
        const [en, fr] = pick(SENTENCES);
        description.en.push(en);
        description.fr.push(fr);
      }
      const notes =
        defect === 'titleAsDescription'
          ? { ...title }
          : {
              en: `${title.en}. ${description.en.join(' ')}`,
              fr: `${topicFr}, ${qFr}. ${description.fr.join(' ')}`,
            };
      const kwEn = [topicEn.toLowerCase(), qEn, orgEn.toLowerCase()];
      const kwFr = [topicFr.toLowerCase(), qFr, orgFr.toLowerCase()];
      const collection = chance(0.85) ? 'primary' : chance(0.5) ? 'fgp' : 'federated';
      const rec = {
        id,
        name: id,
        type: 'dataset',
        state: 'active',
        private: false,
        collection,
        title_translated: title,
        title: title.en,
        notes_translated: notes,
        notes: notes.en,
        keywords:
          defect === 'noKeywords'
            ? { en: [], fr: [] }
            : { en: kwEn, fr: defect === 'copiedKeywords' ? [...kwEn] : kwFr },
        subject: defect === 'unknownSubject' ? ['fisheries'] : some(SUBJECTS, 2),
        frequency: defect === 'legacyFrequency' ? 'monthly' : pick(FREQUENCIES),
        date_published:
          defect === 'badDate'
            ? `${pad(1 + int(28))}/${pad(1 + int(12))}/2019`
            : `${published} 00:00:00`,
        date_modified: modified,
        jurisdiction: collection === 'federated' ? 'provincial' : 'federal',
        license_id: defect === 'closedLicence' ? 'ab-qptu' : 'ca-ogl-lgo',
        license_title: 'Open Government Licence - Canada',
        license_url: 'https://open.canada.ca/en/open-government-licence-canada',
        restrictions: 'unrestricted',
        imso_approval: 'true',
        ready_to_publish: 'true',
        portal_release_date: published,
        metadata_created: `${published}T13:55:02.384919`,
        metadata_modified: `${modified}T09:12:44.120031`,
        maintainer_email: defect === 'badEmail' ? email.split('@')[1] : email,
        audience: some(AUDIENCES, 2),
        creator: '',
        num_resources: n,
        resources: [],
        owner_org: orgIds[o],
        organization: { id: orgIds[o], name: orgName, title: `${orgEn} | ${orgFr}` },
        org_title_at_publication: { en: orgEn, fr: orgFr },
      };
      for (let k = 0; k < n; k++)
        rec.resources.push(
          resource(id, k, published, defect === 'format' && k === n - 1 ? 'format' : undefined),
        );
      if (chance(0.4)) rec.time_period_coverage_start = date(1950, 2015);
      if (chance(0.15)) rec.time_period_coverage_end = date(2016, 2025);
      if (chance(0.3))
        rec.program_page_url = {
          en: `https://www.canada.ca/en/${orgName}/programs.html`,
          fr: `https://www.canada.ca/fr/${orgName}/programmes.html`,
        };
      if (chance(0.5)) rec.geographic_region = some(REGIONS, 3);
      if (collection === 'fgp') {
        rec.topic_category = some(TOPIC_CATEGORIES, 2);
        const w = -140 + int(60);
        const s = 42 + int(30);
        rec.spatial = JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [w + 10, s],
              [w + 10, s + 8],
              [w, s + 8],
              [w, s],
            ],
          ],
        });
      }
      const line = JSON.stringify(rec);
      // one line in 20,000 is cut short (a transfer that broke off): a rejected record
      return i % 20000 === 7 ? line.slice(0, Math.floor(line.length / 2)) : line;
    },
  };
}

/** Writes `count` records to `file` (JSON Lines, gzipped when the name ends in .gz), atomically; waits on the disk as it goes. */
export async function writeCatalogue(file, count, seed) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const gzip = file.endsWith('.gz') ? createGzip({ level: 6 }) : undefined;
  gzip?.pipe(out);
  const sink = gzip ?? out;
  const gen = catalogue(seed);
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += `${gen.next()}\n`;
    if (batch.length > 1 << 20 || i === count - 1) {
      if (!sink.write(batch)) await once(sink, 'drain');
      batch = '';
    }
  }
  sink.end();
  await once(out, 'close');
  renameSync(tmp, file);
}

/** The catalogue of `count` records under `dir`, generated once and reused when present. */
export async function ensureCatalogue(dir, count) {
  const file = `${dir}/ca-gc-${count}.jsonl.gz`;
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file} …\n`);
    await writeCatalogue(file, count);
  }
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, file] = process.argv.slice(2);
  if (!count || !file) {
    process.stderr.write('usage: node test/bench/generate.mjs <count> <file.jsonl.gz>\n');
    process.exit(2);
  }
  await writeCatalogue(file, Number(count));
}
