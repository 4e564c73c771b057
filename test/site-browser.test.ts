/**
 * The search site in a real browser: headless Chromium (as test/html-browser.test.ts) opens the
 * site built from the fixtures of every profile — with Alberta's own record of a dataset
 * open.canada.ca republishes, and a record with hostile text — from disk, offline; last, the same
 * site after a new harvest of Alberta alone (test/harvest-again.ts). Expected
 * results and counts are computed here from the records the data files hold (site.test.ts checks
 * those against the inputs), never read from the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, tempDir } from './helpers.js';
import { CHROMIUM, have } from './support/optional.mjs';
import {
  ALBERTA_ORIGINAL,
  ALBERTA_TTL,
  buildSite,
  FEDERAL_COPY,
  readSite,
  type ReadSite,
} from './site-helpers.js';
import { HOSTILE_TITLE, hostilePackage } from './report-helpers.js';
import { albertaCopy, harvestAgain } from './harvest-again.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];
type Rec = ReadSite['records'][number];

// the page's folding, written again: accents and case away, words split as MiniSearch does
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (r: Rec): string[] =>
  fold(
    [
      ...Object.values(r.title),
      ...Object.values(r.description),
      ...Object.values(r.keywords).flat(),
      ...Object.values(r.publisher ?? {}),
    ].join(' '),
  ).split(/[\n\r\p{Z}\p{P}]+/u);
/** Records with a word that starts with the query's one word (prefix search). */
const matching = (records: Rec[], q: string): Rec[] =>
  records.filter((r) => words(r).some((w) => w.startsWith(fold(q))));
const countBy = (xs: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
};

(have('chromium') ? describe : describe.skip)('the search site in Chromium, offline', () => {
  const tmp = tempDir();
  const site = join(tmp.dir, 'site');
  let context: BrowserContext;
  let page: Page;
  let read: ReadSite;
  const requests: string[] = [];
  const problems: string[] = [];
  let dialogs = 0;
  /** Every jurisdiction's fixtures, Alberta's from a copy (harvested again by the last test). */
  let inputs: string[];

  /** The site opened afresh at `hash` (a new document, not a fragment change of the last one). */
  const open = async (hash: string, p = page) => {
    await p.goto('about:blank');
    await p.goto(`${pathToFileURL(join(site, 'index.html')).href}${hash}`);
    await p.waitForFunction(
      () => (window as unknown as { passerelle: { complete?: boolean } }).passerelle?.complete,
    );
  };
  /** The ids of every result, page after page. */
  const resultIds = async (): Promise<string[]> => {
    const ids: string[] = [];
    for (;;) {
      ids.push(
        ...(await page.$$eval('#list li.result', (li) =>
          li.map((l) => l.getAttribute('data-id') ?? ''),
        )),
      );
      const next = page.locator('#pager a[rel=next]');
      if (!(await next.count())) return ids;
      await next.click();
    }
  };
  const facetCounts = (facet: string): Promise<Record<string, number>> =>
    page.$$eval(`#facet-${facet} li`, (lis) =>
      Object.fromEntries(
        lis.map((li) => [
          (li.querySelector('input') as HTMLInputElement).value,
          Number(li.querySelector('.count')?.getAttribute('data-count')),
        ]),
      ),
    );
  const showAll = async (facet: string) => {
    const more = page.locator(`#facet-${facet} button.more[aria-expanded=false]`);
    if (await more.count()) await more.click();
  };

  beforeAll(async () => {
    const alberta = join(tmp.dir, 'alberta.ttl');
    writeFileSync(alberta, ALBERTA_TTL);
    const hostile = join(tmp.dir, 'hostile');
    mkdirSync(hostile);
    const pkg = hostilePackage() as { resources: { url: string }[]; notes_translated: unknown };
    pkg.resources[0].url = 'javascript:alert(1)';
    pkg.notes_translated = { en: '<img src=x onerror=alert(2)>', fr: '<b>gras</b>' };
    writeFileSync(join(hostile, 'hostile.jsonl'), `${JSON.stringify(pkg)}\n`);
    inputs = [...albertaCopy(tmp.dir, 'ca-ab').inputs, `dcat-ap=${alberta}`, `ca-gc=${hostile}`];
    const r = buildSite(inputs, site);
    expect(r.stderr).toContain('search site written to');
    read = readSite(site);
    context = await chromium.launchPersistentContext(join(tmp.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      offline: true,
      locale: 'en-CA',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    tmp.cleanup();
  });

  test('opens from disk: every dataset loaded, nothing fetched from elsewhere, no error', async () => {
    await open('');
    expect(await page.textContent('#status')).toBe(`${read.records.length} datasets found`);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    // every jurisdiction with its count, by the profile's name
    await showAll('jurisdiction');
    expect(await facetCounts('jurisdiction')).toEqual(
      countBy(read.records.map((r) => r.jurisdiction)),
    );
    const alberta = page.locator('#facet-jurisdiction label', { hasText: 'Alberta' });
    expect(await alberta.count()).toBe(1);
    // two sources of one jurisdiction (open.canada.ca and HNAP, both "Canada") told apart
    const names = await page.$$eval('#facet-jurisdiction .value', (v) =>
      v.map((x) => x.textContent),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Canada (Government of Canada — open.canada.ca)');
    await page.screenshot({ path: join(ARTIFACTS, 'search-site.png') });
  });

  test.each([
    ['wildfire', 'English'],
    ['santé', 'French, with its accent'],
    ['sante', 'French, without its accent'],
    ['quebec', 'without the accent of Québec'],
  ])('a search for %s (%s) finds the datasets whose text has it', async (q) => {
    const expected = matching(read.records, q).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    await open(`#q=${encodeURIComponent(q)}`);
    expect((await resultIds()).sort()).toEqual(expected.sort());
    expect(await page.textContent('#status')).toMatch(
      new RegExp(`^${expected.length} datasets? found`),
    );
  });

  test('"quebec" finds text written "Québec"', () => {
    const accented = (r: Rec) =>
      [...Object.values(r.title), ...Object.values(r.description)].some((t) =>
        t.includes('Québec'),
      );
    expect(matching(read.records, 'quebec').some(accented)).toBe(true);
  });

  test('a facet narrows the results, and the other facets count within them', async () => {
    await open('');
    await showAll('jurisdiction');
    await page.locator('#facet-jurisdiction label', { hasText: 'Alberta' }).click();
    const ab = read.records.filter((r) => r.jurisdiction === 'ca-ab');
    expect((await resultIds()).sort()).toEqual(ab.map((r) => r.id).sort());
    expect(page.url()).toContain('jurisdiction=ca-ab');
    await showAll('format');
    expect(await facetCounts('format')).toEqual(countBy(ab.flatMap((r) => r.formats)));
    expect(await facetCounts('licence')).toEqual(countBy(ab.map((r) => r.openLicence)));
    expect(await facetCounts('band')).toEqual(countBy(ab.map((r) => r.quality.band)));
    // within a facet, the other values still count over everything else chosen (here: all)
    expect(await facetCounts('jurisdiction')).toEqual(
      countBy(read.records.map((r) => r.jurisdiction)),
    );
    // a second facet: Alberta and CSV
    await page.locator('#facet-format input[value=CSV]').check();
    const abCsv = ab.filter((r) => r.formats.includes('CSV'));
    expect((await resultIds()).sort()).toEqual(abCsv.map((r) => r.id).sort());
    expect(await page.textContent('#status')).toMatch(
      new RegExp(`^${abCsv.length} datasets? found`),
    );
  });

  test('updated within 30 days, a year, or older, counted from --now', async () => {
    await open('');
    const now = Date.parse('2026-11-01');
    const bucket = (r: Rec) => {
      const d = Date.parse(r.modified ?? r.issued ?? '');
      if (Number.isNaN(d)) return 'unknown';
      const days = (now - d) / 86400000;
      return days <= 30 ? 'month' : days <= 365 ? 'year' : 'older';
    };
    expect(await facetCounts('updated')).toEqual(countBy(read.records.map(bucket)));
  });

  test('a deep link restores the search, its filters, sort and page; back and forward too', async () => {
    await open('#q=sante&jurisdiction=ca-gc&sort=title');
    expect(await page.inputValue('#q')).toBe('sante');
    expect(await page.inputValue('#sort')).toBe('title');
    expect(await page.isChecked('#facet-jurisdiction input[value=ca-gc]')).toBe(true);
    const expected = matching(read.records, 'sante')
      .filter((r) => r.jurisdiction === 'ca-gc')
      .map((r) => r.title.en ?? r.title.fr ?? '')
      .sort((a, b) => a.localeCompare(b, 'en'));
    expect(await page.$$eval('#list li.result h3', (h) => h.map((x) => x.textContent))).toEqual(
      expected.slice(0, 20),
    );
    // a page of results: the 21st to the 40th, in the order the records load (one chunk per
    // jurisdiction here, in the catalogue's order, as readSite reads them)
    const secondPage = async () => {
      expect(
        await page.$$eval('#list li.result', (li) => li.map((l) => l.getAttribute('data-id'))),
      ).toEqual(read.records.slice(20, 40).map((r) => r.id));
      expect(await page.textContent('#pager .page')).toBe(
        `Page 2 of ${Math.ceil(read.records.length / 20)}`,
      );
    };
    await open('#page=2');
    await secondPage();
    // the same page when the chunks came in another order (Canada's first, as this link asks)
    await open('#jurisdiction=ca-gc');
    await page.click('#clear');
    await page.evaluate(() => {
      location.hash = 'page=2';
    });
    await page.waitForFunction(() =>
      document.querySelector('#pager .page')?.textContent?.startsWith('Page 2'),
    );
    await secondPage();
    await open('#q=sante&jurisdiction=ca-gc&sort=title');
    // a facet clicked, then back: the link's search again
    await page.locator('#facet-format input').first().check();
    expect(page.url()).toContain('format=');
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('format='));
    expect(await page.isChecked('#facet-jurisdiction input[value=ca-gc]')).toBe(true);
    expect(await page.locator('#facet-format input:checked').count()).toBe(0);
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('format='));
    expect(await page.locator('#facet-format input:checked').count()).toBe(1);
  });

  test('a dataset page: distributions, source page, quality with rule links, "also published by"', async () => {
    await open('#q=traffic%20sign');
    const copy = read.records.find((r) => r.id === FEDERAL_COPY) as Rec;
    expect(copy.duplicates).toEqual([ALBERTA_ORIGINAL]);
    await page.locator(`#list li.result[data-id="${FEDERAL_COPY}"] h3 a`).click();
    await page.waitForSelector('#dataset-view:not([hidden]) h1');
    expect(await page.textContent('#dataset-view h1')).toBe(copy.title.en);
    // its distributions: format and link, one row each
    const rows = await page.$$eval('#dataset-view table.distributions tbody tr', (trs) =>
      trs.map((tr) => [tr.children[1].textContent, tr.querySelector('a')?.getAttribute('href')]),
    );
    expect(rows).toEqual(copy.distributions.map((d) => [d.format, d.url]));
    expect(
      await page.locator('#dataset-view a', { hasText: copy.landingPage as string }).count(),
    ).toBe(1);
    for (const rule of copy.quality.rules)
      expect(
        await page
          .locator(`#dataset-view .rules a:has(code:text-is("${rule}"))`)
          .getAttribute('href'),
      ).toBe(read.catalogue.labels.rules[rule].url.en);
    // also published by: Alberta's own record, and back from there
    const link = page.locator(`#dataset-view .copies a[data-copy="${ALBERTA_ORIGINAL}"]`);
    expect(await link.textContent()).toContain('Traffic Sign Inventory');
    await link.click();
    await page.waitForFunction(
      (id) => decodeURIComponent(location.hash).includes(id),
      ALBERTA_ORIGINAL,
    );
    expect(await page.textContent('#dataset-view h1')).toBe('Traffic Sign Inventory');
    expect(
      await page.getAttribute(`#dataset-view .copies a[data-copy="${FEDERAL_COPY}"]`, 'href'),
    ).toContain(encodeURIComponent(FEDERAL_COPY));
    // focus on the dataset's title, for keyboard and screen reader users
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dataset-title');
    await page.goBack();
    await page.waitForSelector('#dataset-view:not([hidden]) h1');
    expect(await page.textContent('#dataset-view h1')).toBe(copy.title.en);
    await page.screenshot({ path: join(ARTIFACTS, 'search-site-dataset.png'), fullPage: true });
  });

  test('hostile record text stays text: no script runs, no javascript: link', async () => {
    await open('#q=pwned');
    const title = page.locator('#list li.result h3 a', {
      hasText: '<script>alert("pwned")</script>',
    });
    expect(await title.count()).toBe(1);
    await title.click();
    await page.waitForSelector('#dataset-view:not([hidden]) h1');
    expect(await page.textContent('#dataset-view h1')).toBe(HOSTILE_TITLE);
    expect(await page.locator('#dataset-view a[href^="javascript"]').count()).toBe(0);
    expect(
      await page.locator('#dataset-view img, #dataset-view b, #dataset-view script').count(),
    ).toBe(0);
    expect(dialogs).toBe(0);
  });

  test('in French: from the browser language, and the switch', async () => {
    const fr = await context.newPage();
    await fr.addInitScript(() =>
      Object.defineProperty(navigator, 'languages', { get: () => ['fr-CA', 'fr'] }),
    );
    await fr.addInitScript(() =>
      Object.defineProperty(navigator, 'language', { get: () => 'fr-CA' }),
    );
    await open('#q=sante', fr);
    expect(await fr.getAttribute('html', 'lang')).toBe('fr');
    expect(await fr.textContent('h1')).toBe('Chercher des données ouvertes');
    const n = matching(read.records, 'sante').length;
    expect(await fr.textContent('#status')).toBe(`${n} jeux de données trouvés`);
    expect(await fr.textContent('#facet-jurisdiction legend')).toBe('Administration');
    await fr.click('#lang-switch');
    expect(await fr.getAttribute('html', 'lang')).toBe('en');
    expect(fr.url()).toContain('lang=en');
    expect(await fr.textContent('h1')).toBe('Search open data');
    await fr.close();
  });

  test('keyboard: the search box, then the filters, each control labelled, focus visible', async () => {
    await open('');
    await page.keyboard.press('Tab'); // the skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to results');
    await page.focus('#q');
    await page.keyboard.type('wildfire');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('q=wildfire'));
    expect(await page.textContent('#status')).toMatch(/datasets? found/);
    // every form control has a label
    const unlabelled = await page.$$eval('input, select', (xs) =>
      xs.filter((x) => !(x as HTMLInputElement).labels?.length).map((x) => x.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const box = page.locator('#facet-list input').first();
    await box.focus();
    const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.hash.includes('jurisdiction='));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    // landmarks
    expect(
      await page.locator('header, main, footer, [role=search], aside, nav').count(),
    ).toBeGreaterThanOrEqual(6);
  });

  // last: it changes the site the tests above read
  test('after a new harvest of Alberta alone, the page finds its new record and the new "also published by"', async () => {
    const ids = harvestAgain(join(tmp.dir, 'ca-ab'));
    const r = buildSite(inputs, site);
    expect(r.stderr).toMatch(/^ca-ab: 1 added, 1 removed, 1 changed$/m);
    expect(r.stderr).toMatch(/^ca-gc: unchanged \(not read\)$/m);
    const now = readSite(site).records;
    const expected = matching(matching(now, 'traffic'), 'sign').map((x) => x.id);
    expect(expected).toContain(ids.added);
    await open('#q=traffic%20sign');
    expect((await resultIds()).sort()).toEqual(expected.sort());
    // the federal copy's folder was not rewritten: its page names Alberta's new record all the same
    await open(`#dataset=${encodeURIComponent(FEDERAL_COPY)}`);
    const copies = () =>
      page.$$eval('#dataset-view .copies a', (a) => a.map((x) => x.getAttribute('data-copy')));
    expect((await copies()).sort()).toEqual([ALBERTA_ORIGINAL, ids.added].sort());
    await page.locator(`#dataset-view .copies a[data-copy="${ids.added}"]`).click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(id), ids.added);
    expect(await page.textContent('#dataset-view h1')).toBe('Traffic sign inventory');
    expect((await copies()).sort()).toEqual([ALBERTA_ORIGINAL, FEDERAL_COPY].sort());
    expect(problems).toEqual([]);
  });
});
