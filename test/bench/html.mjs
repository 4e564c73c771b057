/**
 * The HTML report at catalogue scale (`npm run bench:html`): a generated open.canada.ca-style
 * catalogue of 100,000 records (.bench/, generated once and reused) validated into an HTML report;
 * prints the report's size and, when Chromium and playwright-core are there (as in
 * test/html-browser.test.ts), the time to load the page and to apply one filter, and saves a
 * screenshot of the summary to docs/images/report-summary.png. Not a test: nothing here fails a
 * build; the budget (issue 20: under 10 MB, under 3 s to open and to filter) is printed beside.
 *
 *   npm run bench:html                          # 100,000 records
 *   npm run bench:html -- --records 20000       # another size
 *   npm run bench:html -- --max-records 5000    # passes --html-max-records
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ensureCatalogue } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const records = Number(arg('--records', '100000'));
const maxRecords = arg('--max-records', undefined);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_BYTES = 10 * 1024 * 1024;
const BUDGET_MS = 3000;

const input = await ensureCatalogue(DIR, records);
const report = join(DIR, `report-${records}.html`);
const started = performance.now();
const run = spawnSync(
  process.execPath,
  [
    join(ROOT, 'bin', 'passerelle.js'),
    'validate',
    relative(ROOT, input),
    '--profile',
    'ca-gc',
    '--now',
    '2026-11-01',
    '--fail-on',
    'never',
    '-f',
    'html',
    '-o',
    report,
    ...(maxRecords ? ['--html-max-records', maxRecords] : []),
  ],
  { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
);
if (run.status !== 0) process.exit(run.status ?? 1);
const size = statSync(report).size;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
console.log(`${records} records → ${report}`);
console.log(`  validate + HTML: ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(
  `  size: ${mb(size)} (budget ${mb(BUDGET_BYTES)}: ${size < BUDGET_BYTES ? 'met' : 'NOT met'})`,
);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('  playwright-core not installed: no browser timing');
}
if (chromium && !existsSync(CHROMIUM))
  console.log(`  ${CHROMIUM} not found: no browser timing (apt-get install chromium)`);
else if (chromium) {
  const profile = join(DIR, 'chromium-profile');
  rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    offline: true,
    viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load', timeout: 120_000 });
    // laid out and painted once
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    const load = performance.now() - t0;
    const t1 = performance.now();
    await page.uncheck('#filters input[name=severity][value=warning]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    const filter = performance.now() - t1;
    const verdict = (ms) =>
      `${(ms / 1000).toFixed(2)} s (budget 3 s: ${ms < BUDGET_MS ? 'met' : 'NOT met'})`;
    console.log(`  Chromium: open ${verdict(load)}, one filter ${verdict(filter)}`);
    await page.check('#filters input[name=severity][value=warning]');
    const images = join(ROOT, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    await page.locator('#summary').screenshot({ path: join(images, 'report-summary.png') });
    console.log(`  screenshot: ${join('docs', 'images', 'report-summary.png')}`);
  } finally {
    await context.close();
  }
}
