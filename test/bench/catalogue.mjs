/**
 * Catalogue-scale benchmark (`npm run bench`): generated open.canada.ca-style catalogues of
 * 100,000 and 1,000,000 records (gzipped JSON Lines in .bench/, generated once, then reused),
 * checked with `validate` (JSON report to /dev/null) and written with `convert --to ntriples`.
 * For each run: records per second, peak RSS, and the ratio to a baseline that reads the same file
 * the same way and only JSON.parses each line. Then convert's RDF against jsonld.toRDF on the same
 * records, the wall time of validating one record, and package_search documents of 500 to 4,000
 * records (pretty-printed, compact) against the same records as JSON Lines.
 *
 *   npm run bench                          # everything (about 25 minutes on 2 cores, more the first time)
 *   npm run bench -- --sizes 100000        # fewer sizes
 *   npm run bench -- --workers 1           # passes --workers to validate
 *   npm run bench -- --documents 500,2000  # sizes of the package_search documents (default 500,1000,2000,4000)
 *
 * Every run is a separate process, started by this script; nothing is timed inside Passerelle.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { ensureCatalogue } from './generate.mjs';
import { Pipeline } from '../../dist/engine/pipeline.js';
import { CONTEXT_URL } from '../../dist/model/context.js';
import { recordToRdf } from '../../dist/rdf/from-record.js';
import { documentLoader, loadJsonld } from '../../dist/rdf/jsonld.js';
import { lineText } from '../../dist/rdf/write.js';
import { openFile } from '../../dist/sources/read.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.bench');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number);
const WORKERS = arg('workers', undefined);
const NOW = '2026-11-01';
const NULL = openSync('/dev/null', 'w');
const RSS_FILE = join(DIR, 'peak-rss.txt');

/** Runs a node script as its own process; wall time and peak RSS (MiB). */
function run(args, { stdout = NULL } = {}) {
  rmSync(RSS_FILE, { force: true });
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'test/bench/peak-rss.mjs'), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: RSS_FILE, NO_COLOR: '1' },
      stdio: ['ignore', stdout, 'pipe'],
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return {
    seconds,
    rssMiB: Number(readFileSync(RSS_FILE, 'utf8')) / 1024,
    stderr: String(r.stderr),
    stdout: r.stdout ? String(r.stdout) : '',
  };
}

const cli = (...args) => [join(ROOT, 'bin/passerelle.js'), ...args];
const fmt = (n, d = 0) =>
  n.toLocaleString('en-CA', { minimumFractionDigits: d, maximumFractionDigits: d });
const rows = [];
const row = (cells) => {
  rows.push(cells);
  process.stdout.write(`| ${cells.join(' | ')} |\n`);
};

mkdirSync(DIR, { recursive: true });
const files = new Map();
for (const n of [10000, ...SIZES]) files.set(n, await ensureCatalogue(DIR, n));

process.stdout.write(
  `\nMachine: ${cpus()[0].model} (${cpus().length} cores), ${fmt(totalmem() / 2 ** 30)} GiB, ${process.platform}, Node ${process.version}\n\n`,
);
// the machine's load before each run: other work on the same cores slows a run down, and the ratios with it
const load = () => fmt(loadavg()[0], 2);
process.stdout.write(
  '| run | records | seconds | records/s | peak RSS (MiB) | ÷ baseline records/s | load before |\n|---|---:|---:|---:|---:|---:|---:|\n',
);

const workers = WORKERS ? ['--workers', WORKERS] : [];
const results = {};
for (const n of SIZES) {
  const file = files.get(n);
  const loadBefore = load();
  const b = run([join(ROOT, 'test/bench/baseline.mjs'), file], { stdout: 'pipe' });
  const base = JSON.parse(b.stdout);
  if (base.records !== n) throw new Error(`baseline read ${base.records} records, expected ${n}`);
  const baseRate = n / b.seconds;
  row([
    `baseline (read + JSON.parse), ${fmt(n)}`,
    fmt(n),
    fmt(b.seconds, 1),
    fmt(baseRate),
    fmt(b.rssMiB),
    '1',
    loadBefore,
  ]);
  const runs = [
    [
      'validate',
      cli(
        'validate',
        file,
        '-p',
        'ca-gc',
        '--now',
        NOW,
        '-f',
        'json',
        '--fail-on',
        'never',
        ...workers,
      ),
    ],
    ...(n === SIZES[0] && !WORKERS
      ? [
          [
            'validate --workers 1',
            cli(
              'validate',
              file,
              '-p',
              'ca-gc',
              '--now',
              NOW,
              '-f',
              'json',
              '--fail-on',
              'never',
              '--workers',
              '1',
            ),
          ],
        ]
      : []),
    ['convert --to ntriples', cli('convert', file, '-p', 'ca-gc', '--to', 'ntriples')],
  ];
  for (const [name, args] of runs) {
    const loadBefore = load();
    const r = run(args);
    const rate = n / r.seconds;
    results[`${name} ${n}`] = { ...r, rate, ratio: rate / baseRate };
    row([
      `${name}, ${fmt(n)}`,
      fmt(n),
      fmt(r.seconds, 1),
      fmt(rate),
      fmt(r.rssMiB),
      `1/${fmt(baseRate / rate, 2)}`,
      loadBefore,
    ]);
  }
}

// convert's RDF against jsonld.toRDF, on the same common records (the first 10,000, mapped first)
const sample = [];
{
  const pipeline = new Pipeline({ profile: 'ca-gc', now: new Date(NOW) });
  const opened = await openFile(files.get(10000));
  const { jsonLineRecords } = await import('../../dist/sources/read.js');
  for await (const text of opened.lines) {
    for (const src of jsonLineRecords('sample', text)) {
      const m = pipeline.map(src);
      if (m.mapped) sample.push(m.mapped.dataset);
    }
  }
}
const jsonld = await loadJsonld();
let ours = 0;
const t0 = performance.now();
for (const [i, d] of sample.entries())
  ours += lineText(recordToRdf(d, { blankPrefix: `r${i}` }).quads).length;
const oursSeconds = (performance.now() - t0) / 1000;
let theirs = 0;
const t1 = performance.now();
for (const d of sample)
  theirs += (
    await jsonld.toRDF(
      { '@context': CONTEXT_URL, ...d },
      { format: 'application/n-quads', documentLoader },
    )
  ).length;
const theirsSeconds = (performance.now() - t1) / 1000;
process.stdout.write(
  `\n| RDF of ${fmt(sample.length)} common records | seconds | records/s | N-Triples (MB) |\n|---|---:|---:|---:|\n`,
);
process.stdout.write(
  `| Passerelle (recordToRdf + N-Triples writer) | ${fmt(oursSeconds, 2)} | ${fmt(sample.length / oursSeconds)} | ${fmt(ours / 1e6, 1)} |\n`,
);
process.stdout.write(
  `| jsonld.toRDF (same records, Passerelle's context) | ${fmt(theirsSeconds, 2)} | ${fmt(sample.length / theirsSeconds)} | ${fmt(theirs / 1e6, 1)} |\n`,
);
process.stdout.write(
  `\nconvert's RDF is ${fmt(theirsSeconds / oursSeconds, 1)} times faster than jsonld.toRDF\n`,
);

// one small record, start to finish
const one = join(DIR, 'one.jsonl');
writeFileSync(
  one,
  `${
    gunzipSync(readFileSync(files.get(10000)))
      .toString('utf8')
      .split('\n')[0]
  }\n`,
);
const times = [];
for (let i = 0; i < 11; i++)
  times.push(run(cli('validate', one, '-p', 'ca-gc', '--now', NOW, '-f', 'json')).seconds);
const bare = [];
for (let i = 0; i < 11; i++) bare.push(run(['-e', '0']).seconds);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
process.stdout.write(
  `\nvalidate, one record: ${fmt(median(times), 3)} s wall (median of 11; node -e 0: ${fmt(median(bare), 3)} s)\n`,
);

// one JSON document of n records (a package_search response, pretty-printed and compact) against
// the same records as JSON Lines: the three should grow alike (issue 22: the document grew with the
// square of its records, 27 s for 2,000 pretty-printed)
const DOCUMENTS = arg('documents', '500,1000,2000,4000').split(',').map(Number);
// the catalogue's readable lines only: a document holds records, not the planted unreadable lines
const readable = gunzipSync(readFileSync(files.get(10000)))
  .toString('utf8')
  .split('\n')
  .filter((l) => {
    try {
      return JSON.parse(l) !== null;
    } catch {
      return false;
    }
  });
process.stdout.write(
  '\n| records of one package_search response | pretty-printed (s) | compact (s) | JSON Lines (s) |\n|---|---:|---:|---:|\n',
);
for (const n of DOCUMENTS) {
  const records = readable.slice(0, n).map((l) => JSON.parse(l));
  const doc = { success: true, result: { count: records.length, results: records } };
  const seconds = [];
  for (const [kind, text] of [
    ['pretty.json', JSON.stringify(doc, null, 2)],
    ['compact.json', JSON.stringify(doc)],
    ['jsonl', `${readable.slice(0, n).join('\n')}\n`],
  ]) {
    const file = join(DIR, `package_search-${n}.${kind}`);
    writeFileSync(file, text);
    const args = [
      'validate',
      file,
      '-p',
      'ca-gc',
      '--now',
      NOW,
      '-f',
      'json',
      '--fail-on',
      'never',
    ];
    seconds.push(fmt(run(cli(...args, ...workers)).seconds, 1));
  }
  process.stdout.write(`| ${fmt(records.length)} | ${seconds.join(' | ')} |\n`);
}

// the targets
const big = SIZES[SIZES.length - 1];
const small = SIZES[0];
const checks = [
  [
    `validate ≥ 1/3 of the baseline (${fmt(small)})`,
    results[`validate ${small}`].ratio >= 1 / 3,
    `1/${fmt(1 / results[`validate ${small}`].ratio, 2)}`,
  ],
  ...(big !== small
    ? [
        [
          `validate ≥ 1/3 of the baseline (${fmt(big)})`,
          results[`validate ${big}`].ratio >= 1 / 3,
          `1/${fmt(1 / results[`validate ${big}`].ratio, 2)}`,
        ],
        [
          `peak RSS ${fmt(big)} ≤ 1.2 × ${fmt(small)}, and ≤ 300 MB`,
          results[`validate ${big}`].rssMiB <= 1.2 * results[`validate ${small}`].rssMiB &&
            results[`validate ${big}`].rssMiB * 1.048576 <= 300,
          `${fmt(results[`validate ${big}`].rssMiB)} MiB ÷ ${fmt(results[`validate ${small}`].rssMiB)} MiB = ${fmt(results[`validate ${big}`].rssMiB / results[`validate ${small}`].rssMiB, 2)}`,
        ],
      ]
    : []),
  [
    'convert RDF ≥ 5 × jsonld.toRDF',
    theirsSeconds / oursSeconds >= 5,
    `${fmt(theirsSeconds / oursSeconds, 1)} ×`,
  ],
  ['one record ≤ 0.5 s', median(times) <= 0.5, `${fmt(median(times), 3)} s`],
];
process.stdout.write('\n');
for (const [what, ok, value] of checks)
  process.stdout.write(`${ok ? 'met    ' : 'NOT MET'}  ${what}: ${value}\n`);
