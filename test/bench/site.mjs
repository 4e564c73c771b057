/**
 * The search site at catalogue scale (`npm run bench:site`): a generated open.canada.ca-style
 * catalogue of 100,000 records (.bench/, generated once and reused) federated into a site; prints
 * the build time, the data written (chunks, raw and gzipped bytes, the largest chunk) and, with
 * Chromium and playwright-core (as in test/site-browser.test.ts), the time from opening a deep link
 * (`#q=sante`) to its first result and to the whole catalogue searched. Also writes the search
 * documents to .bench/docs-<n>.jsonl for test/bench/site-libraries.mjs. Not a test: nothing here
 * fails a build. Results in docs/performance.md.
 *
 *   npm run bench:site                       # 100,000 records
 *   npm run bench:site -- --records 20000    # another size
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureCatalogue } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const records = Number(arg('--records', '100000'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

const input = await ensureCatalogue(DIR, records);
const site = join(DIR, `site-${records}`);
rmSync(site, { recursive: true, force: true });
const started = performance.now();
const run = spawnSync(
  process.execPath,
  [
    join(ROOT, 'bin', 'passerelle.js'),
    'federate',
    `ca-gc=${relative(ROOT, input)}`,
    '--to',
    'site',
    '--output',
    site,
    '--now',
    '2026-11-01',
  ],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
const buildMs = performance.now() - started;
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  process.exit(1);
}
console.log(run.stderr.trim().split('\n').at(-1));

let catalogue;
const passerelle = { catalogue: (c) => (catalogue = c) };
new Function('passerelle', readFileSync(join(site, 'data', 'catalogue.js'), 'utf8'))(passerelle);
const chunks = catalogue.jurisdictions.flatMap((j) => j.chunks);
let raw = 0;
let gz = 0;
let largest = 0;
for (const c of chunks) {
  const text = readFileSync(join(site, c.file));
  raw += text.length;
  gz += gzipSync(text).length;
  largest = Math.max(largest, text.length);
}
console.log(
  `${records} records: site built in ${(buildMs / 1000).toFixed(1)} s; ${catalogue.records} datasets in ${chunks.length} chunks, ${mb(raw)} (gzip ${mb(gz)}), largest chunk ${mb(largest)}`,
);

if (existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const t0 = performance.now();
  // not `load`: the chunks the page adds while it loads hold the load event back
  await page.goto(`${pathToFileURL(join(site, 'index.html')).href}#q=sante`, {
    waitUntil: 'commit',
  });
  await page.waitForSelector('#list li.result', { timeout: 600000 });
  const first = performance.now() - t0;
  const firstCount = await page.evaluate(() => window.passerelle.loaded);
  await page.waitForFunction(() => window.passerelle.complete, null, {
    timeout: 1200000,
    polling: 500,
  });
  const all = performance.now() - t0;
  const status = await page.textContent('#status');
  const q = performance.now();
  await page.fill('#q', 'wildfire perimeters');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () =>
      document.getElementById('status').textContent.length > 0 &&
      location.hash.includes('wildfire'),
  );
  const query = performance.now() - q;
  console.log(
    `Chromium, #q=sante from file://: first result ${Math.round(first)} ms (${firstCount} datasets loaded), whole catalogue ${(all / 1000).toFixed(1)} s ("${status}"); a new query on it ${Math.round(query)} ms`,
  );
  await browser.close();
}

// the search documents, for test/bench/site-libraries.mjs
if (process.argv.includes('--documents')) {
  const { Federation } = await import(pathToFileURL(join(ROOT, 'dist/federate/federate.js')).href);
  const f = new Federation([`ca-gc=${input}`], { now: new Date('2026-11-01') });
  await f.scan();
  const out = createWriteStream(join(DIR, `docs-${records}.jsonl`));
  for await (const d of f.documents()) out.write(`${JSON.stringify(d)}\n`);
  out.end();
}
