/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`, which .ci/run installs)
 * opens the file from disk with the network off, and a test reads the summary, opens a record and
 * clicks the filters. Screenshots are saved under test-artifacts/ (git-ignored); the one in docs/
 * is made by `npm run bench:html`, not here.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Report } from '../src/report/model.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { CHROMIUM, have } from './support/optional.mjs';
import { HOSTILE_TITLE, writeHostile, writeLongCatalogue } from './report-helpers.js';
import { rulePageUrl } from '../src/tool.js';

type Finding = Report['records'][number]['findings'][number];

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

(HAVE_CHROMIUM ? describe : describe.skip)('the HTML report in Chromium, offline', () => {
  let tmp: ReturnType<typeof tempDir>;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let dialogs = 0;
  // what the page must show, from the JSON report of the same run (the fixtures test holds the findings)
  let reportFile = '';
  let findings: { record: Report['records'][number]; severity: string; rule: string }[] = [];
  const count = (pick: (f: (typeof findings)[number]) => boolean): number =>
    findings.filter(pick).length;
  const rowsOf = (pick: (f: (typeof findings)[number]) => boolean): string[][] =>
    findings.filter(pick).map((f) => [f.severity, f.rule]);
  const about = (text: string) => (f: (typeof findings)[number]) =>
    [f.record.id ?? '', f.record.title ?? '', f.record.source.file].some((t) =>
      t.toLowerCase().includes(text.toLowerCase()),
    );

  // the findings shown: rows not hidden, in records not hidden
  const visible = (): Promise<string[][]> =>
    page.$$eval('#record-list > details.record:not([hidden]) tr:not([hidden])', (rows) =>
      rows.map((r) => [r.getAttribute('data-severity') ?? '', r.getAttribute('data-rule') ?? '']),
    );
  const visibleRecords = (): Promise<number> =>
    page.locator('#record-list > details.record:not([hidden])').count();
  const sorted = (rows: string[][]): string[][] =>
    rows
      .map((r) => r.join(' '))
      .sort()
      .map((r) => r.split(' '));
  const recordsWith = (pick: (f: (typeof findings)[number]) => boolean): number =>
    new Set(findings.filter(pick).map((f) => f.record)).size;

  beforeAll(async () => {
    tmp = tempDir();
    const hostile = writeHostile(tmp.dir);
    const report = join(tmp.dir, 'report.html');
    reportFile = report;
    const json = join(tmp.dir, 'report.json');
    const r = cli([
      'validate',
      'fixtures/ca-gc',
      hostile,
      '--profile',
      'ca-gc',
      '--now',
      '2026-11-01',
      '-f',
      'html',
      '-o',
      report,
      '--output.json',
      json,
    ]);
    expect(r.stderr).toBe('');
    const data = JSON.parse(readFileSync(json, 'utf8')) as Report;
    findings = data.records.flatMap((record) =>
      record.findings.map((f) => ({ record, severity: f.severity, rule: f.ruleId })),
    );
    // a fresh profile directory each run; playwright passes it as --user-data-dir
    context = await chromium.launchPersistentContext(join(tmp.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      offline: true,
      viewport: { width: 1400, height: 1000 },
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
    await page.goto(pathToFileURL(report).href);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    tmp.cleanup();
  });

  test('opens from disk with nothing fetched, no script error, no CSP violation, no script from the record', async () => {
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(dialogs).toBe(0);
    // the record's title is shown as text
    expect(
      await page
        .locator('details.record .rec small', { hasText: '<script>alert("pwned")</script>' })
        .count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('script').count()).toBe(1);
    // the page's own style applied (allowed by its hash): errors are red
    const colour = await page
      .locator('details.record .sev-error')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
  });

  test('the summary comes first and says what was read: inputs, profile, reference date; then rules, then records', async () => {
    const order = await page.$$eval('main > section', (s) => s.map((x) => x.id));
    expect(order).toEqual(['summary', 'rules', 'records']);
    const run = await page.textContent('#summary dl.run');
    expect(run).toContain('fixtures/ca-gc');
    expect(run).toContain('ca-gc');
    expect(run).toContain('2026-11-01');
    // three charts drawn inline: by severity, by rule, by score
    expect(await page.locator('#summary figure.chart svg').count()).toBeGreaterThanOrEqual(3);
    const records = new Set(findings.map((f) => f.record)).size;
    expect(await page.textContent('#shown')).toBe(
      `${findings.length} of ${findings.length} findings shown · ${records} of ${records} records shown`,
    );
  });

  test('the rule section links each rule to its page and counts it', async () => {
    const rules = [...new Set(findings.map((f) => f.rule))].sort();
    const links = await page.$$eval('#rules article.rule', (a) =>
      a.map((x) => [
        x.querySelector('h3 code')?.textContent ?? '',
        x.querySelector('a.rule-page')?.getAttribute('href') ?? '',
      ]),
    );
    expect(links.map(([id]) => id).sort()).toEqual(rules);
    for (const [id, href] of links) expect(href).toBe(rulePageUrl(id, 'en'));
    const bilingual = await page.textContent('#rule-odc-bilingual p');
    expect(bilingual).toContain(`${recordsWith((f) => f.rule === 'odc/bilingual')} records (`);
  });

  test('a record opens to show its findings', async () => {
    const first = page.locator('#record-list > details.record').first();
    expect(await first.locator('tr').first().isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.getAttribute('open')).not.toBeNull();
    expect(await first.locator('tr').first().isVisible()).toBe(true);
    // errors first
    expect(await first.getAttribute('data-severity')).toBe('error');
    await first.locator('summary').click();
  });

  test('filter by severity: unticking warnings hides them, and the records left with none', async () => {
    const warnings = count((f) => f.severity === 'warning');
    expect(warnings).toBeGreaterThan(0);
    expect((await visible()).filter(([s]) => s === 'warning')).toHaveLength(warnings);
    await page.uncheck('#filters input[name=severity][value=warning]');
    const rows = await visible();
    expect(rows).toHaveLength(findings.length - warnings);
    expect(rows.some(([s]) => s === 'warning')).toBe(false);
    expect(await visibleRecords()).toBe(recordsWith((f) => f.severity !== 'warning'));
    // errors only: the records without one go
    await page.uncheck('#filters input[name=severity][value=info]');
    const errorRecords = await visibleRecords();
    await page.check('#filters input[name=severity][value=info]');
    expect(errorRecords).toBe(recordsWith((f) => f.severity === 'error'));
    expect(errorRecords).toBeLessThan(recordsWith(() => true));
    await page.check('#filters input[name=severity][value=warning]');
    expect(await visible()).toHaveLength(findings.length);
  });

  test('filter by rule', async () => {
    await page.selectOption('#f-rule', 'odc/bilingual');
    const rows = await visible();
    expect(rows.length).toBe(count((f) => f.rule === 'odc/bilingual'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([, rule]) => rule === 'odc/bilingual')).toBe(true);
    expect(await visibleRecords()).toBe(recordsWith((f) => f.rule === 'odc/bilingual'));
    await page.selectOption('#f-rule', '');
    expect(await visible()).toHaveLength(findings.length);
  });

  test('search: id, title or file, case aside, combined with the other filters', async () => {
    await page.fill('#f-record', 'd7f3a1c5');
    // the Canadian Vehicle Specifications: stale, and a legacy frequency code
    expect(sorted(await visible())).toEqual(sorted(rowsOf(about('d7f3a1c5'))));
    expect(await visible()).toContainEqual(['error', 'odc/freshness']);
    expect(await visibleRecords()).toBe(1);
    await page.fill('#f-record', 'PARKS canada'); // case does not matter
    expect(sorted((await visible()).filter(([s]) => s === 'error'))).toEqual(
      sorted(rowsOf((f) => about('parks canada')(f) && f.severity === 'error')),
    );
    expect((await visible()).filter(([s]) => s === 'error').length).toBeGreaterThan(0);
    await page.fill('#f-record', HOSTILE_TITLE.slice(0, 12));
    expect((await visible()).length).toBe(count(about(HOSTILE_TITLE.slice(0, 12))));
    // combined with a rule and a severity (the hostile record's frequency code maps to nothing)
    const hostile = findings.filter(about(HOSTILE_TITLE.slice(0, 12)));
    const rule =
      hostile.find(
        (f) =>
          f.severity === 'warning' &&
          hostile.every((g) => g.rule !== f.rule || g.severity === 'warning'),
      )?.rule ?? '';
    expect(rule).not.toBe('');
    await page.selectOption('#f-rule', rule);
    expect(sorted(await visible())).toEqual(
      sorted(rowsOf((f) => about(HOSTILE_TITLE.slice(0, 12))(f) && f.rule === rule)),
    );
    await page.uncheck('#filters input[name=severity][value=warning]');
    expect(await visible()).toEqual([]);
    expect(await page.isVisible('#empty')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-filtered.png'), fullPage: false });
    await page.check('#filters input[name=severity][value=warning]');
    await page.selectOption('#f-rule', '');
    await page.fill('#f-record', '');
    expect(await visible()).toHaveLength(findings.length);
  });

  test('without JavaScript the page reads: summary, rules and records; a record opens; the filters, which need it, are hidden', async () => {
    const off = await chromium.launchPersistentContext(join(tmp.dir, 'profile-nojs'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      offline: true,
      javaScriptEnabled: false,
    });
    try {
      const p = await off.newPage();
      await p.goto(pathToFileURL(reportFile).href);
      expect(await p.isVisible('#summary dl.run')).toBe(true);
      expect(await p.isVisible('#filters')).toBe(false);
      expect(await p.locator('#rules article.rule').count()).toBe(
        new Set(findings.map((f) => f.rule)).size,
      );
      const first = p.locator('#record-list > details.record').first();
      await first.locator('summary').click();
      expect(await first.locator('tr').first().isVisible()).toBe(true);
      expect(await p.locator('#record-list tr').count()).toBe(findings.length);
    } finally {
      await off.close();
    }
  });
});

/**
 * A catalogue longer than the page's first hundred records: the others are built from the page's
 * data block when asked for (more, scrolling, filters), and the filters and the search count them
 * all. 260 federal records (the fixtures' readable ones, renamed) and, last, the hostile one.
 */
(HAVE_CHROMIUM ? describe : describe.skip)(
  'a long catalogue in Chromium: records built on demand',
  () => {
    const PAGE = 100;
    let tmp: ReturnType<typeof tempDir>;
    let context: BrowserContext;
    let page: Page;
    let reportFile = '';
    const problems: string[] = [];
    let dialogs = 0;
    let records: Report['records'] = [];
    const rows = (pick: (r: Report['records'][number], f: Finding) => boolean): number =>
      records.reduce((n, r) => n + r.findings.filter((f) => pick(r, f)).length, 0);
    const recordsWhere = (pick: (r: Report['records'][number], f: Finding) => boolean): number =>
      records.filter((r) => r.findings.some((f) => pick(r, f))).length;
    const built = (): Promise<number> => page.locator('#record-list > details.record').count();
    const visibleRows = (): Promise<number> =>
      page.locator('#record-list > details.record tr:not([hidden])').count();
    /**
     * "More", clicked where it is: a click that scrolled it into view first would also have the
     * page build the next hundred itself (the end of the list in view), and then land on a record.
     */
    const more = (): Promise<void> => page.locator('#more').dispatchEvent('click');
    /** "More" until every record the filters keep is built. */
    const showAll = async (): Promise<void> => {
      while (await page.isVisible('#more')) await more();
    };

    beforeAll(async () => {
      tmp = tempDir();
      const input = writeLongCatalogue(tmp.dir, 260);
      reportFile = join(tmp.dir, 'long.html');
      const json = join(tmp.dir, 'long.json');
      const r = cli([
        'validate',
        input,
        '-p',
        'ca-gc',
        '--now',
        '2026-11-01',
        '-f',
        'html',
        '-o',
        reportFile,
        '--output.json',
        json,
      ]);
      expect(r.stderr).toBe('');
      records = (JSON.parse(readFileSync(json, 'utf8')) as Report).records.filter(
        (x) => x.findings.length > 0,
      );
      context = await chromium.launchPersistentContext(join(tmp.dir, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        offline: true,
        viewport: { width: 1400, height: 1000 },
      });
      page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('dialog', async (d) => {
        dialogs++;
        await d.dismiss();
      });
      await page.goto(pathToFileURL(reportFile).href);
    });

    afterAll(async () => {
      await context?.close();
      tmp.cleanup();
    });

    test('opens with the first hundred records built, the rest as text; everything counted', async () => {
      expect(records.length).toBeGreaterThan(2 * PAGE);
      expect(await built()).toBe(PAGE);
      // the hostile record (read last: past the first hundred) waits in the data block
      expect(await page.textContent('#record-data')).toContain('&lt;script&gt;alert(');
      expect(await page.isVisible('#later')).toBe(false);
      // the page's one script runs; the data block is not a script
      expect(await page.locator('script:not([type])').count()).toBe(1);
      const all = rows(() => true);
      expect(await page.textContent('#shown')).toBe(
        `${all} of ${all} findings shown · ${records.length} of ${records.length} records shown`,
      );
      expect(await page.textContent('#more')).toBe(
        `Show more records (${PAGE} of ${records.length} listed)`,
      );
    });

    test('"more" and scrolling to the end build the next hundred; then every finding is there', async () => {
      await more();
      expect(await built()).toBe(2 * PAGE);
      await page.locator('#more').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (n) => document.querySelectorAll('#record-list > details.record').length > n,
        2 * PAGE,
      );
      await showAll();
      expect(await built()).toBe(records.length);
      expect(await visibleRows()).toBe(rows(() => true));
      // the hostile record, built from the data block, shows its title as text; nothing ran
      expect(
        await page
          .locator('details.record .rec small', { hasText: HOSTILE_TITLE.slice(0, 40) })
          .count(),
      ).toBe(1);
      expect(dialogs).toBe(0);
      expect(problems).toEqual([]);
    });

    test('a filter counts every record, built or not, and lists the first hundred it keeps', async () => {
      await page.uncheck('#filters input[name=severity][value=error]');
      const kept = recordsWhere((_, f) => f.severity !== 'error');
      const n = rows((_, f) => f.severity !== 'error');
      expect(await page.textContent('#shown')).toBe(
        `${n} of ${rows(() => true)} findings shown · ${kept} of ${records.length} records shown`,
      );
      expect(await built()).toBe(Math.min(PAGE, kept));
      await showAll();
      expect(await built()).toBe(kept);
      expect(await visibleRows()).toBe(n);
      await page.check('#filters input[name=severity][value=error]');
    });

    test('the search reads the records not built yet: the hostile one, last, is found', async () => {
      const about = (r: Report['records'][number]) =>
        (r.title ?? '').toLowerCase().includes(HOSTILE_TITLE.slice(0, 12).toLowerCase());
      await page.fill('#f-record', HOSTILE_TITLE.slice(0, 12));
      expect(await built()).toBe(recordsWhere((r) => about(r)));
      expect(await built()).toBe(1);
      expect(await visibleRows()).toBe(rows((r) => about(r)));
      await page.fill('#f-record', '');
      expect(await built()).toBe(PAGE);
      expect(dialogs).toBe(0);
    });

    test('without JavaScript: the first hundred records, and where the others are', async () => {
      const off = await chromium.launchPersistentContext(join(tmp.dir, 'profile-nojs'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        offline: true,
        javaScriptEnabled: false,
      });
      try {
        const p = await off.newPage();
        await p.goto(pathToFileURL(reportFile).href);
        expect(await p.locator('#record-list > details.record').count()).toBe(PAGE);
        expect(await p.textContent('#later')).toBe(
          `${records.length - PAGE} more records are listed with JavaScript on (search, filters, scrolling), and in the JSON or CSV report.`,
        );
        expect(await p.isVisible('#more')).toBe(false);
      } finally {
        await off.close();
      }
    });
  },
);
