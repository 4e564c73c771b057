/**
 * Every report format on the federal fixtures, from one run that writes them all (several outputs
 * per run), checked against the JSON report of the same run: the one findings model, rendered.
 * JUnit and SARIF are validated against their schemas.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { RULES } from '../src/rules/index.js';
import { DOCS_URL } from '../src/tool.js';
import type { Report } from '../src/report/model.js';
import type { RecordResult } from '../src/core/record.js';
import { cli, ROOT, tempDir, type Run } from './helpers.js';
import { writeLongCatalogue, XMLLINT, xmlSchemaErrors, xpath } from './report-helpers.js';

const NOW = ['--now', '2026-11-01'];
const FORMATS = ['json', 'junit', 'sarif', 'github', 'gitlab', 'markdown', 'html', 'csv'] as const;
const JUNIT_XSD = join(ROOT, 'test', 'schemas', 'junit-10.xsd');

/** The SARIF 2.1.0 schema (draft-04), from Microsoft's SARIF SDK package (a dev dependency). */
function sarifValidator(): (doc: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  // The schema's `language` pattern has a stray `]`, which only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  return (doc) =>
    validate(doc)
      ? []
      : (validate.errors as { instancePath: string; message: string }[]).map(
          (e) => `${e.instancePath} ${e.message}`,
        );
}

/** The totals line the formats print, from the JSON report of the same run (the fixtures test holds the findings themselves). */
function problemsLine(report: Report): string {
  const f = report.summary.findings;
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => f[s] > 0)
    .map((s) => `${f[s]} ${s}s`);
  const withFindings = report.records.filter((r) => r.findings.length > 0).length;
  return `${f.error + f.warning + f.info} problems (${parts.join(', ')}) in ${withFindings} of ${report.summary.records} records`;
}
const escapeRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const allFindings = (report: Report): { r: RecordResult; f: RecordResult['findings'][number] }[] =>
  report.records.flatMap((r) => r.findings.map((f) => ({ r, f })));

describe('report formats, all from one run', () => {
  let tmp: ReturnType<typeof tempDir>;
  let run: Run;
  const files: Record<string, string> = {};
  const out: Record<string, string> = {};
  let report: Report;

  beforeAll(() => {
    tmp = tempDir();
    for (const f of FORMATS) files[f] = join(tmp.dir, `report.${f}`);
    run = cli([
      'validate',
      'fixtures/ca-gc',
      '--profile',
      'ca-gc',
      ...NOW,
      ...FORMATS.flatMap((f) => [`--output.${f}`, files[f]]),
    ]);
    for (const f of FORMATS) out[f] = readFileSync(files[f], 'utf8');
    report = JSON.parse(out.json);
  });
  afterAll(() => tmp.cleanup());

  test('stylish goes to standard output, every other format to its file; the exit code is the run’s', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`✖ ${problemsLine(report)}`);
    const { scores, ...counts } = report.summary;
    // the summary counts the findings shown, record by record
    const shown = (s: string) => allFindings(report).filter(({ f }) => f.severity === s).length;
    // valid: no error shown (the fixtures test holds which findings each record has)
    const status = (s: string) => report.records.filter((r) => r.status === s).length;
    const withError = report.records.filter(
      (r) => r.status !== 'rejected' && r.findings.some((f) => f.severity === 'error'),
    ).length;
    expect([status('invalid'), status('valid')]).toEqual([
      withError,
      report.records.length - withError - status('rejected'),
    ]);
    expect(counts).toEqual({
      records: 16,
      valid: status('valid'),
      invalid: status('invalid'),
      rejected: 1,
      findings: { error: shown('error'), warning: shown('warning'), info: shown('info') },
    });
    expect(scores?.records).toBe(15);
  });

  test('junit: one testsuite per input file, one testcase per record, failures and errors counted', () => {
    const suites = [
      ...out.junit.matchAll(
        /<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)"/g,
      ),
    ].map((m) => m.slice(1));
    const perFile = new Map<string, RecordResult[]>();
    for (const r of report.records)
      perFile.set(r.source.file, [...(perFile.get(r.source.file) ?? []), r]);
    expect(suites).toEqual(
      [...perFile].map(([file, rs]) => [
        file,
        String(rs.length),
        String(rs.filter((r) => r.status === 'invalid').length),
        String(rs.filter((r) => r.status === 'rejected').length),
      ]),
    );
    expect(out.junit.match(/<testcase /g)).toHaveLength(report.records.length);
    // the vehicle record fails on its stale date; its warnings (the legacy code among them) are in system-out
    const vehicle = out.junit.slice(
      out.junit.indexOf('d7f3a1c5'),
      out.junit.indexOf('</testcase>', out.junit.indexOf('d7f3a1c5')),
    );
    expect(vehicle).toMatch(
      /<failure type="odc\/freshness" message="Last updated 2023-02-14 \(1356 days ago\)/,
    );
    expect(vehicle).toMatch(
      /<system-out>[^<]*fixtures\/ca-gc\/catalogue\.jsonl:4:1174 {2}warning {2}frequency: &quot;monthly&quot; is a legacy code/,
    );
    expect(out.junit).toMatch(
      /<error type="input\/parse-error" message="Record could not be read: invalid JSON: a string is not closed">fixtures\/ca-gc\/catalogue\.jsonl:7:1039/,
    );
  });

  (XMLLINT ? test : test.skip)('junit: valid against the Jenkins junit-10 XSD (xmllint)', () => {
    expect(xmlSchemaErrors(files.junit, JUNIT_XSD)).toBe('');
    expect(xpath(files.junit, 'count(//testsuite)').trim()).toBe('6');
    expect(xpath(files.junit, 'string(//testcase[contains(@name, "d7f3a1c5")]/@classname)')).toBe(
      'fixtures/ca-gc/catalogue',
    );
  });

  test('fixable findings are marked: JSON fix, SARIF fixes replacing the value where it stands, counts in stylish, Markdown and HTML', () => {
    // fixtures/ca-gc/catalogue.jsonl line 4: "frequency": "monthly", a legacy code now P1M
    const fixable = allFindings(report).filter(({ f }) => f.fix);
    expect(fixable.map(({ r, f }) => [r.source.file, r.source.line, f.fix])).toEqual([
      [
        'fixtures/ca-gc/catalogue.jsonl',
        4,
        { pointer: '/frequency', old: 'monthly', new: 'P1M', kind: 'legacy-code' },
      ],
    ]);
    const results = JSON.parse(out.sarif).runs[0].results;
    const withFix = results.filter((x: { fixes?: unknown }) => x.fixes);
    expect(withFix).toHaveLength(1);
    const change = withFix[0].fixes[0].artifactChanges[0];
    expect(change.artifactLocation.uri).toBe('fixtures/ca-gc/catalogue.jsonl');
    const { deletedRegion: region, insertedContent } = change.replacements[0];
    const line = readFileSync(join(ROOT, change.artifactLocation.uri), 'utf8').split('\n')[
      region.startLine - 1
    ];
    expect(line.slice(region.startColumn - 1, region.endColumn - 1)).toBe('"monthly"');
    expect(insertedContent.text).toBe('"P1M"');
    expect(run.stdout).toContain('  fixable with passerelle fix: 1\n');
    expect(out.markdown).toContain('\nfixable with passerelle fix: 1\n');
    expect(out.html).toContain('<li class="fixable"><b>1</b>Fixable</li>');
  });

  test('sarif: valid against the SARIF 2.1.0 schema; one result per finding with physical and logical locations', () => {
    const doc = JSON.parse(out.sarif);
    expect(sarifValidator()(doc)).toEqual([]);
    expect(doc.version).toBe('2.1.0');
    const [runObj] = doc.runs;
    const rules = runObj.tool.driver.rules as {
      id: string;
      help?: { text: string; markdown: string };
      helpUri?: string;
      shortDescription: { text: string };
    }[];
    // every rule that ran is described, with its help from the rule's own docs
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of rules) {
      const meta = RULES.find((x) => x.meta.id === r.id)?.meta;
      expect(r.shortDescription.text).toBe(meta?.title.en);
      expect(r.help?.markdown).toBe(meta?.docs.en);
      expect(r.help?.text.length).toBeGreaterThan(50);
      // every rule, profile/* included, links to its page in the report's language
      expect(r.helpUri).toBe(`${DOCS_URL}rules/${r.id}.md`);
    }
    const expected = allFindings(report);
    expect(runObj.results).toHaveLength(expected.length);
    // biome-ignore lint/suspicious/noExplicitAny: a SARIF result, parsed JSON read field by field
    runObj.results.forEach((res: Record<string, any>, i: number) => {
      const { r, f } = expected[i];
      expect([res.ruleId, res.message.text]).toEqual([f.ruleId, f.message]);
      expect(rules[res.ruleIndex].id).toBe(f.ruleId);
      expect(res.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      const loc = res.locations[0];
      expect(loc.physicalLocation.artifactLocation.uri).toBe(r.source.file);
      expect(loc.physicalLocation.region.startLine).toBe(f.line ?? r.source.line);
      if (f.column !== undefined) expect(loc.physicalLocation.region.startColumn).toBe(f.column);
      if (r.id !== null)
        expect(loc.logicalLocations[0]).toMatchObject({ name: r.id, kind: 'object' });
      expect(res.partialFingerprints['passerelleFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
      // one gap, one finding: the rules the result stands for besides its own
      expect(res.properties.related).toEqual(f.related);
    });
  });

  test('github: one workflow command per finding, with file, line, column and title', () => {
    const lines = out.github.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    const expected = allFindings(report);
    expect(commands).toHaveLength(expected.length);
    expect(lines.at(-1)).toBe(problemsLine(report));
    const freshness = commands.find((l) => l.includes('odc/freshness'));
    expect(freshness).toBe(
      '::error file=fixtures/ca-gc/catalogue.jsonl,line=4,col=1243,title=odc/freshness · d7f3a1c5-6e2b-4a8d-9f0c-1b3e5d7a9c02::Last updated 2023-02-14 (1356 days ago) but declared Monthly: expected within 53 days (d7f3a1c5-6e2b-4a8d-9f0c-1b3e5d7a9c02 — Canadian Vehicle Specifications)',
    );
    expect(commands.filter((l) => l.startsWith('::warning ')).length).toBe(
      report.summary.findings.warning,
    );
  });

  test('gitlab: the Code Quality report format, one issue per finding, fingerprints unique', () => {
    const issues = JSON.parse(out.gitlab) as Record<string, unknown>[];
    const expected = allFindings(report);
    expect(issues).toHaveLength(expected.length);
    issues.forEach((issue, i) => {
      const { r, f } = expected[i];
      // the fields GitLab documents, and only those
      expect(Object.keys(issue).sort()).toEqual([
        'check_name',
        'description',
        'fingerprint',
        'location',
        'severity',
      ]);
      expect(issue.check_name).toBe(f.ruleId);
      expect(issue.description).toContain(f.message);
      expect(issue.severity).toBe({ error: 'major', warning: 'minor', info: 'info' }[f.severity]);
      expect(issue.location).toEqual({
        path: r.source.file,
        lines: { begin: f.line ?? r.source.line ?? 1 },
      });
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const freshness = issues.find((i) => i.check_name === 'odc/freshness');
    expect(freshness?.location).toEqual({
      path: 'fixtures/ca-gc/catalogue.jsonl',
      lines: { begin: 4 },
    });
  });

  test('markdown: counts, findings by principle and by rule, the first findings of each rule', () => {
    const md = out.markdown;
    expect(md).toMatch(new RegExp(`^## ❌ Passerelle report: ${escapeRe(problemsLine(report))}\n`));
    expect(md).toContain(`| 16 | ${report.summary.valid} | ${report.summary.invalid} | 1 |`);
    // a principle's row: its findings by severity, and the checks passed of the catalogue's scores
    const p2 = allFindings(report).filter(({ f }) => f.principle === 'P2');
    const [e, w, i] = (['error', 'warning', 'info'] as const).map(
      (sev) => p2.filter(({ f }) => f.severity === sev).length,
    );
    const share = report.summary.scores?.principles.P2;
    expect(share?.applicable).toBeGreaterThan(0);
    expect(md).toMatch(
      new RegExp(
        `\\| P2 Timely and Comprehensive \\| ${e} \\| ${w} \\| ${i} \\| ${share?.passed}/${share?.applicable} \\(\\d+%\\) \\|`,
      ),
    );
    expect(md).toMatch(
      /\| \[`odc\/freshness`\]\(https:\/\/github\.com\/passerelle\/passerelle\/blob\/main\/docs\/rules\/odc\/freshness\.md\) \| Data is as fresh as its declared frequency \| 1 \| 0 \| 0 \|/,
    );
    expect(md).toMatch(
      /#### \[`odc\/freshness`\]\([^)]+\) — Data is as fresh as its declared frequency \(1\)\n\n- 🔴 fixtures\/ca-gc\/catalogue\.jsonl:4:1243 — d7f3a1c5/,
    );
    // groups: the worst severity first (errors, warnings, infos), then by count, then by rule id
    const groups = [...md.matchAll(/^#### \[`([^`]+)`\]/gm)].map((m) => m[1]);
    const count = (id: string) => allFindings(report).filter(({ f }) => f.ruleId === id);
    const order = (id: string) => [
      -Math.max(...count(id).map(({ f }) => ['info', 'warning', 'error'].indexOf(f.severity))),
      -count(id).length,
    ];
    const sorted = [...groups].sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1] || (a < b ? -1 : 1);
    });
    expect(groups).toEqual(sorted);
    // one gap, one finding: dcat-ap/mandatory is only ever named in profile/required's and odc/access-url's related
    expect([groups.includes('profile/required'), groups.includes('dcat-ap/mandatory')]).toEqual([
      true,
      false,
    ]);
    expect(groups).toHaveLength(new Set(allFindings(report).map(({ f }) => f.ruleId)).size);
  });

  test('html: one page, no external resource, a row per finding with its filters’ keys', () => {
    const html = out.html;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/,
    );
    // nothing loaded: no src attribute, no stylesheet link, no url() but data: (links to a rule's reference are links)
    expect(html).not.toMatch(/\bsrc=|<link\b|url\((?!data:)/);
    // every finding once, in its record (records listed errors first)
    const rows = [...html.matchAll(/<tr data-severity="(\w+)" data-rule="([^"]+)">/g)];
    const key = (x: string[]) => x.join(' ');
    expect(rows.map((m) => key([m[1], m[2]])).sort()).toEqual(
      allFindings(report)
        .map(({ f }) => key([f.severity, f.ruleId]))
        .sort(),
    );
    const worst = [...html.matchAll(/<details class="record" data-severity="(\w+)"/g)].map((m) =>
      ['error', 'warning', 'info'].indexOf(m[1] as string),
    );
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    expect(worst).toHaveLength(report.records.filter((r) => r.findings.length > 0).length);
    // the summary first, then the rules, then the records
    expect(html.indexOf('<section id="summary"')).toBeLessThan(html.indexOf('<section id="rules"'));
    expect(html.indexOf('<section id="rules"')).toBeLessThan(html.indexOf('<section id="records"'));
    expect(html).toContain(
      `<li class="sev-error"><b>${report.summary.findings.error}</b>Errors</li>`,
    );
  });

  test('csv: one row per finding, every field quoted, headings first', () => {
    const rows: string[][] = parseCsv(out.csv, { bom: true });
    expect(rows[0]).toEqual([
      'File',
      'Line',
      'Column',
      'Record id',
      'Title',
      'Profile',
      'Severity',
      'Rule',
      'Principle',
      'Commitment',
      'Property',
      'Source field',
      'Message',
      'Value',
      'Also reported by',
    ]);
    const expected = allFindings(report);
    expect(rows.slice(1).map((row) => [row[0], row[3], row[7], row[12]])).toEqual(
      expected.map(({ r, f }) => [r.source.file, r.id ?? '', f.ruleId, f.message]),
    );
    expect(rows.slice(1).map((row) => row[14])).toEqual(
      expected.map(({ f }) => (f.related ?? []).map((x) => x.ruleId).join(' ')),
    );
    expect(rows.slice(1).some((row) => row[14] === 'dcat-ap/recommended')).toBe(true);
    expect(out.csv.startsWith('\uFEFF"File","Line"')).toBe(true);
    expect(out.csv.split('\r\n')).toHaveLength(expected.length + 2);
  });

  test('every format is deterministic: a second run writes the same bytes', () => {
    const again = join(tmp.dir, 'again');
    const r = cli([
      'validate',
      'fixtures/ca-gc',
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'markdown',
      ...FORMATS.filter((f) => f !== 'markdown').flatMap((f) => [`--output.${f}`, `${again}.${f}`]),
    ]);
    expect(r.stdout).toBe(out.markdown);
    for (const f of FORMATS.filter((x) => x !== 'markdown'))
      expect([f, readFileSync(`${again}.${f}`, 'utf8')]).toEqual([f, out[f]]);
  });
});

describe('output flags', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const f = 'fixtures/ca-gc/catalogue.jsonl';

  test('-f may be repeated: the one format without a file goes to -o', () => {
    const o = join(tmp.dir, 'one.sarif');
    const j = join(tmp.dir, 'one.json');
    const r = cli([
      'validate',
      f,
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'sarif',
      '-f',
      'json',
      '--output.json',
      j,
      '-o',
      o,
    ]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(o, 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(j, 'utf8')).summary.records).toBe(8);
  });

  test.each([
    [
      ['-f', 'json', '-f', 'sarif'],
      /json, sarif would all go to standard output; give all but one a file of its own/,
    ],
    [
      ['-f', 'json', '--output.json', 'SAME', '--output.sarif', 'SAME'],
      /same is given for both json and sarif/,
    ],
    [
      ['--output.json', 'a.json', '-f', 'json', '-o', 'b.json'],
      /--output: every format already has its own file/,
    ],
    [['-f', 'yaml'], /--format: unknown format "yaml"/],
    [['--output.yaml', 'x.yaml'], /unknown option '--output\.yaml'/],
    [['--max-warnings', 'many'], /--max-warnings: "many" is not a whole number/],
    [['--html-max-records', '-1'], /--html-max-records: "-1" is not a whole number/],
    [
      ['--output.sarif', 'no/such/dir/x.sarif'],
      /--output\.sarif: no\/such\/dir\/x\.sarif: no such directory/,
    ],
  ])('%j is a usage error: exit 2, nothing written', (args, message) => {
    const r = cli([
      'validate',
      f,
      '--profile',
      'ca-gc',
      ...NOW,
      ...args.map((a) => (a === 'SAME' ? join(tmp.dir, 'same') : a)),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(tmp.dir, 'same'))).toBe(false);
  });

  test('--html-max-records: the HTML report lists that many records and says so', () => {
    const j = join(tmp.dir, 'capped.json');
    const r = cli([
      'validate',
      f,
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'html',
      '--html-max-records',
      '2',
      '--output.json',
      j,
    ]);
    const report: Report = JSON.parse(readFileSync(j, 'utf8'));
    const withFindings = report.records.filter((x) => x.findings.length > 0).length;
    expect(r.stdout.match(/<details class="record"/g)).toHaveLength(2);
    expect(r.stdout).toContain(
      `The 2 records listed are the first met, errors first (at most 2: --html-max-records). ${withFindings - 2} more records have findings`,
    );
    // the summary says what was read
    expect(r.stdout).toContain(`<dd><code>${f}</code></dd>`);
    expect(r.stdout).toContain('<dd><time>2026-11-01</time></dd>');
  });

  test('html: the first 100 records as elements, the others a line each of the data block, each once', () => {
    const input = writeLongCatalogue(tmp.dir, 260);
    const j = join(tmp.dir, 'long.json');
    const html = cli([
      'validate',
      input,
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'html',
      '--output.json',
      j,
    ]).stdout;
    const report: Report = JSON.parse(readFileSync(j, 'utf8'));
    const listed = report.records.filter((x) => x.findings.length > 0);
    const start = '<script type="text/html" id="record-data">\n';
    const [page, rest] = html.split(start);
    const block = rest.slice(0, rest.indexOf('</script>'));
    expect(page.match(/<details class="record"/g)).toHaveLength(100);
    const lines = block.split('\n').filter((l) => l);
    expect(lines).toHaveLength(listed.length - 100);
    for (const l of lines) expect(l).toMatch(/^<details class="record"[^\n]*<\/details>$/);
    // nothing in a record ends the block; the hostile record (read last: past the first hundred)
    // is escaped, its title's line break written as the character reference the browser reads back
    expect(block).not.toMatch(/<\/script|<!--/i);
    const hostile = lines.find((l) => l.includes('&lt;script&gt;alert(&quot;pwned&quot;)'));
    expect(hostile).toContain('::error::injected&#10;::warning');
    // every finding once, elements and lines together
    const rows = html.match(/<tr data-severity="\w+" data-rule="[^"]+">/g) ?? [];
    expect(rows).toHaveLength(listed.reduce((n, x) => n + x.findings.length, 0));
    expect(html).toContain(
      `<p id="later" class="note">${listed.length - 100} more records are listed with JavaScript on`,
    );
  });

  test('--quiet: errors only in every report; the exit code still counts everything', () => {
    const all = join(tmp.dir, 'all.json');
    cli(['validate', f, '--profile', 'ca-gc', ...NOW, '--output.json', all]);
    const full: Report = JSON.parse(readFileSync(all, 'utf8'));
    const errors = full.records.flatMap((x) => x.findings.filter((y) => y.severity === 'error'));
    const withErrors = full.records.filter((x) =>
      x.findings.some((y) => y.severity === 'error'),
    ).length;
    expect(full.summary.findings.warning).toBeGreaterThan(0);
    const j = join(tmp.dir, 'quiet.json');
    const r = cli([
      'validate',
      f,
      '--profile',
      'ca-gc',
      ...NOW,
      '--quiet',
      '--output.json',
      j,
      '--fail-on',
      'warning',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `✖ ${errors.length} problems (${errors.length} errors) in ${withErrors} of ${full.summary.records} records`,
    );
    expect(r.stdout).not.toMatch(/warning/);
    const report: Report = JSON.parse(readFileSync(j, 'utf8'));
    expect(report.records.flatMap((x) => x.findings)).toEqual(errors);
    const { valid, invalid, rejected, records } = full.summary;
    expect(report.summary).toMatchObject({
      records,
      valid,
      invalid,
      rejected,
      findings: { error: errors.length, warning: 0, info: 0 },
    });
  });

  test('--max-warnings: more warnings than allowed is exit 1, with a line on stderr', () => {
    const warnOnly = join(tmp.dir, 'warn.jsonl');
    const line = readFileSync(f, 'utf8')
      .split('\n')[3]
      .replace('"date_modified": "2023-02-14"', '"date_modified": "2026-10-14"');
    writeFileSync(warnOnly, `${line}\n`);
    // warnings only (the legacy frequency code, no documentation link, no spatial or temporal coverage…)
    const { findings } = JSON.parse(
      cli(['validate', warnOnly, '--profile', 'ca-gc', ...NOW, '-f', 'json']).stdout,
    ).summary;
    const n = findings.warning;
    expect([findings.error, n]).toEqual([0, expect.any(Number)]);
    expect(n).toBeGreaterThan(1);
    expect(
      cli(['validate', warnOnly, '--profile', 'ca-gc', ...NOW, '--max-warnings', String(n)]).code,
    ).toBe(0);
    const over = cli([
      'validate',
      warnOnly,
      '--profile',
      'ca-gc',
      ...NOW,
      '--max-warnings',
      String(n - 1),
    ]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(
      `passerelle: too many warnings (${n}; at most ${n - 1} allowed by --max-warnings)\n`,
    );
    const fr = cli([
      'validate',
      warnOnly,
      '--profile',
      'ca-gc',
      ...NOW,
      '--max-warnings',
      String(n - 1),
      '--lang',
      'fr',
    ]);
    expect(fr.stderr).toBe(
      `passerelle: trop d'avertissements (${n}; au plus ${n - 1} permis par --max-warnings)\n`,
    );
  });
});
