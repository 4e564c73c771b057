/**
 * The comparison page in a real browser: headless Chromium (Debian's `chromium`, which .ci/run
 * installs) opens it from disk with the network off; the matrix is there cell for cell, gaps are
 * highlighted, and the charts are drawn (bars with a width, one per jurisdiction). Screenshots go to
 * test-artifacts/ (git-ignored).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Comparison } from '../src/compare/compare.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { CHROMIUM, have } from './support/optional.mjs';

const HAVE_CHROMIUM = have('chromium');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const JURISDICTIONS = readdirSync(join(ROOT, 'fixtures')).sort();

(HAVE_CHROMIUM ? describe : describe.skip)('the comparison page in Chromium, offline', () => {
  let tmp: ReturnType<typeof tempDir>;
  let context: BrowserContext;
  let page: Page;
  let data: Comparison;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    tmp = tempDir();
    const inputs = JURISDICTIONS.map((id) => `${id}=fixtures/${id}`);
    const html = join(tmp.dir, 'compare.html');
    const json = join(tmp.dir, 'compare.json');
    for (const [format, file] of [
      ['html', html],
      ['json', json],
    ])
      cli(['compare', ...inputs, '--now', '2026-11-01', '-f', format, '-o', file]);
    data = JSON.parse(readFileSync(json, 'utf8'));
    context = await chromium.launchPersistentContext(join(tmp.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      offline: true,
      viewport: { width: 1600, height: 1000 },
    });
    page = await context.newPage();
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(html).href);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    tmp?.cleanup();
  });

  test('opens from disk with nothing fetched, no error, no CSP violation; its stylesheet applies', async () => {
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    const gap = await page
      .locator('td.gap')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(gap).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: false });
  });

  test('the matrix: a table per obligation, a row per property, a cell per jurisdiction, as the data says', async () => {
    const tables = await page.$$eval('table.matrix', (ts) =>
      ts.map((t) => t.getAttribute('data-obligation')),
    );
    expect(tables).toEqual(['mandatory', 'recommended', 'optional']);
    const heads = await page.$$eval('table.matrix[data-obligation=mandatory] thead th', (ths) =>
      ths.map((th) => th.textContent),
    );
    // columns by the profile's name (read from its YAML), the id on hover
    const names = JURISDICTIONS.map(
      (id) =>
        (
          parseYaml(readFileSync(join(ROOT, 'profiles', `${id}.yaml`), 'utf8')) as {
            name: { en: string };
          }
        ).name.en,
    );
    expect(heads).toEqual(['Property', ...names]);
    const titles = await page.$$eval('table.matrix[data-obligation=mandatory] thead th', (ths) =>
      ths.slice(1).map((th) => th.getAttribute('title')),
    );
    expect(titles).toEqual(JURISDICTIONS);
    const rows = await page.$$eval('table.matrix tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-property')),
    );
    expect(rows).toEqual(data.matrix.rows.map((r) => r.property));
    // every cell shows the fields of its ways by label (their paths on hover), and its gap
    for (const property of ['title', 'accrualPeriodicity', 'distribution[*].format', 'theme']) {
      const row = data.matrix.rows.find((r) => r.property === property);
      for (const id of JURISDICTIONS) {
        const c = row?.cells[id];
        const td = page.locator(`tr[data-property="${property}"] td[data-jurisdiction="${id}"]`);
        expect(await td.getAttribute('data-kinds')).toBe(c?.kinds.join(' '));
        const text = (await td.textContent()) ?? '';
        const paths = await td
          .locator('code[title]')
          .evaluateAll((cs) => cs.map((x) => x.getAttribute('title')));
        for (const w of c?.ways ?? []) {
          if (w.kinds[0] === 'template' || !w.fields.length) continue;
          for (const l of w.labels) expect(text).toContain(l.en);
          expect(paths).toContain(w.fields.join(' + '));
        }
        expect(await td.evaluate((el) => el.classList.contains('gap'))).toBe(c?.gap === true);
      }
    }
  });

  test('the charts are drawn: a bar per jurisdiction, as long as its share; the heatmaps filled', async () => {
    for (const id of [
      'chart-openLicence',
      'chart-machineReadable',
      'chart-fresh',
      'chart-bilingual',
      'chart-contactPoint',
      'chart-mqa',
    ]) {
      const box = await page.locator(`svg#${id}`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      const bars = await page.$$eval(`svg#${id} rect.bar`, (rs) =>
        rs.map((r) => ({
          width: (r as SVGRectElement).getBBox().width,
          value: Number(r.getAttribute('data-value')),
        })),
      );
      expect(bars).toHaveLength(JURISDICTIONS.length);
      const track = await page.$eval(
        `svg#${id} rect.track`,
        (r) => (r as SVGRectElement).getBBox().width,
      );
      for (const b of bars) expect(b.width).toBeCloseTo((b.value / 100) * track, 0);
    }
    const open = data.measures?.['ca-gc'].indicators.openLicence.share ?? 0;
    const gc = await page.$$eval(
      'svg#chart-openLicence rect.bar',
      (rs) => (rs[2] as SVGRectElement).getBBox().width,
    );
    const track = await page.$eval(
      'svg#chart-openLicence rect.track',
      (r) => (r as SVGRectElement).getBBox().width,
    );
    expect(gc).toBeGreaterThan(0);
    expect(gc / track).toBeCloseTo(open, 2);
    // stars: the segments of each jurisdiction's bar add up to the bar
    const segs = await page.$$eval('svg#chart-stars rect.bar', (rs) => rs.length);
    expect(segs).toBeGreaterThanOrEqual(JURISDICTIONS.length);
    expect(await page.locator('svg#chart-principles rect.cell').count()).toBe(
      JURISDICTIONS.length * 6,
    );
    expect(await page.locator('svg#chart-high-value rect.cell').count()).toBe(
      JURISDICTIONS.length * 6,
    );
    await page.locator('#charts').screenshot({ path: join(ARTIFACTS, 'compare-charts.png') });
  });

  test('high-value datasets: the coverage table and the evidence of each jurisdiction', async () => {
    const covered = await page.$$eval(
      'table.high-value tr[data-dataset="consumer-prices"] td.covered',
      (tds) => tds.length,
    );
    expect(covered).toBe(
      Object.values(data.highValue?.jurisdictions ?? {}).filter(
        (j) => j.datasets['consumer-prices'].records > 0,
      ).length,
    );
    await page.click('details[data-jurisdiction="ca-gc"] summary');
    expect(
      await page.isVisible(
        'details[data-jurisdiction="ca-gc"] li:has-text("Consumer Price Index")',
      ),
    ).toBe(true);
  });
});
