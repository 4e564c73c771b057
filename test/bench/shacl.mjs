/**
 * SHACL benchmark: Passerelle's SHACL path (shacl-engine, per record) against rdf-validate-shacl,
 * with Passerelle's DCAT-AP 3 shapes, on generated common records (10 % with planted defects).
 *
 *   npm run bench:shacl              # 10,000 records
 *   npm run bench:shacl -- 1000      # another number of records
 *
 * Records are generated and converted to RDF before timing; each engine validates every record's
 * graph on its own (as `validate --shacl` does). Both must find the same number of results.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import SHACLValidator from 'rdf-validate-shacl';
import { recordToRdf } from '../../dist/rdf/from-record.js';
import { ShaclChecker } from '../../dist/shacl/check.js';
import { OWN_SHAPES, readShapes } from '../../dist/shacl/shapes.js';

const N = Number(process.argv[2] ?? 10000);
const EU = 'http://publications.europa.eu/resource/authority/';
const FORMATS = ['CSV', 'JSON', 'XLSX', 'PDF', 'GEOJSON'];
const THEMES = ['ECON', 'ENVI', 'HEAL', 'TRAN', 'SOCI'];

/** A record shaped like the crosswalks' output; every tenth one carries defects. */
function record(i) {
  const broken = i % 10 === 9;
  const id = `https://example.ca/dataset/${i}`;
  return {
    id,
    identifier: String(i),
    title: { en: `Dataset ${i}`, fr: `Jeu de données ${i}` },
    ...(broken
      ? {}
      : {
          description: {
            en: `Description of dataset ${i}.`,
            fr: `Description du jeu de données ${i}.`,
          },
        }),
    keyword: { en: ['statistics', `topic ${i % 50}`], fr: ['statistiques', `sujet ${i % 50}`] },
    theme: [`${EU}data-theme/${THEMES[i % THEMES.length]}`],
    publisher: {
      id: `https://example.ca/organization/${i % 40}`,
      name: { en: `Department ${i % 40}`, fr: `Ministère ${i % 40}` },
    },
    contactPoint: [{ email: `open-${i % 40}@example.ca` }],
    accrualPeriodicity: broken ? 'monthly' : `${EU}frequency/MONTHLY`,
    issued: '2020-01-15',
    modified: broken ? 'last week' : `2026-0${1 + (i % 9)}-1${i % 10}`,
    temporal: [{ startDate: '2010-01-01', endDate: '2025-12-31' }],
    language: [`${EU}language/ENG`, `${EU}language/FRA`],
    landingPage: [`https://example.ca/data/${i}`],
    distribution: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      id: `${id}/resource/${k}`,
      title: { en: `File ${k}`, fr: `Fichier ${k}` },
      ...(broken && k === 0 ? {} : { accessURL: [`https://example.ca/files/${i}-${k}.csv`] }),
      format: `${EU}file-type/${FORMATS[(i + k) % FORMATS.length]}`,
      license: 'https://open.canada.ca/en/open-government-licence-canada',
      byteSize: 1000 + i,
    })),
  };
}

const graphs = Array.from(
  { length: N },
  (_, i) => recordToRdf(record(i), { blankPrefix: `r${i}` }).quads,
);
const triples = graphs.reduce((n, g) => n + g.length, 0);
const shapes = await readShapes([OWN_SHAPES]);

async function run(name, prepare, validate) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const t0 = performance.now();
  const engine = await prepare();
  let results = 0;
  for (const [i, g] of graphs.entries()) {
    results += await validate(engine, g);
    if (i % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { name, seconds, results, perSecond: N / seconds, heapMB: (peak - before) / 2 ** 20 };
}

const rows = [];
rows.push(
  await run(
    'shacl-engine (Passerelle)',
    () => ShaclChecker.load(),
    async (c, g) => (await c.results(g)).length,
  ),
);
rows.push(
  await run(
    'rdf-validate-shacl',
    async () => new SHACLValidator(shapes),
    async (v, g) => (await v.validate(v.factory.dataset(g))).results.length,
  ),
);

const cpu = cpus();
console.log(
  `${N.toLocaleString('en-CA')} records, ${triples.toLocaleString('en-CA')} triples; Passerelle's DCAT-AP 3 shapes`,
);
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`,
);
console.log('');
console.log('| engine | time (s) | records/s | results | peak heap above start (MB) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond).toLocaleString('en-CA')} | ${r.results.toLocaleString('en-CA')} | ${Math.round(r.heapMB)} |`,
  );
if (rows[0].results !== rows[1].results) {
  console.error(`\nthe engines disagree: ${rows[0].results} and ${rows[1].results} results`);
  process.exitCode = 1;
}
