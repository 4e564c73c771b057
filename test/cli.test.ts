/** The command as users and CI run it: output, JSON contract, exit codes. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, loadExpected, tempDir, type Run } from './helpers.js';
import { validatedText } from './report-helpers.js';

const NOW = ['--now', '2026-11-01'];
const CATALOGUE = 'fixtures/ca-gc/catalogue.jsonl';

/**
 * The numbers stylish prints for the catalogue, from its JSON report (which test/fixtures.test.ts
 * holds to test/expected/ca-gc.yaml): the findings by severity, and the Consumer Price Index
 * record's principle shares ("P1 100% · P2 100% · …").
 */
let catalogueJson = '';
async function fromJson(): Promise<{
  findings: Record<'error' | 'warning' | 'info' | 'total', number>;
  principles: (unit: string) => string;
}> {
  // made once, in-process, for the tests that read it (the JSON report through the command: below)
  if (!catalogueJson)
    catalogueJson = await validatedText([CATALOGUE], 'json', { profile: 'ca-gc' });
  const report = JSON.parse(catalogueJson);
  const { error, warning, info } = report.summary.findings;
  expect([error, warning, info].every((n) => n > 0)).toBe(true);
  const cpi = report.records.find(
    (x: { id: string }) => x.id === '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51',
  );
  const shares = Object.entries(cpi.scores.principles as Record<string, { share: number }>);
  expect(shares.map(([p]) => p)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  return {
    findings: { error, warning, info, total: error + warning + info },
    principles: (unit) =>
      shares.map(([p, s]) => `${p} ${Math.round(s.share * 100)}${unit}`).join(' · '),
  };
}

describe('passerelle validate', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  // the federal fixtures' JSON report, made once for the two tests that read it
  let federal: Run | undefined;
  const federalJson = (): Run => {
    if (!federal)
      federal = cli([
        'validate',
        'fixtures/ca-gc',
        '--profile',
        'ca-gc',
        '--format',
        'json',
        ...NOW,
      ]);
    return federal;
  };

  test('the federal fixtures: planted defects found, exit 1, JSON report per the contract', () => {
    const r = federalJson();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual(['records', 'schemaVersion', 'summary', 'tool']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({
      name: 'passerelle',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    const { scores, ...counts } = report.summary;
    // the summary counts the records' findings; a record with an error is invalid
    type Finding = { severity: string; related?: unknown[] };
    type Rec = {
      id: string | null;
      status: string;
      findings: Finding[];
      source: { file: string; line?: number };
    };
    const records: Rec[] = report.records;
    const shown = (s: string) =>
      records.flatMap((x) => x.findings).filter((f) => f.severity === s).length;
    const status = (s: string) => records.filter((x) => x.status === s).length;
    expect(status('invalid')).toBe(
      records.filter(
        (x) => x.status !== 'rejected' && x.findings.some((f) => f.severity === 'error'),
      ).length,
    );
    expect(counts).toEqual({
      records: 16,
      valid: status('valid'),
      invalid: status('invalid'),
      rejected: 1,
      findings: { error: shown('error'), warning: shown('warning'), info: shown('info') },
    });
    // and test/expected/ca-gc.yaml says how many: every expected finding, shown or named in a shown
    // one's related list; the same package read from two files repeats its identifier
    const expected = loadExpected('ca-gc').records;
    const keys = records.map((x) => x.id ?? `rejected@${x.source.file}:${x.source.line}`);
    const repeats = keys.filter((k, i) => keys.indexOf(k) < i).length;
    const want = keys.reduce((n, k) => n + (expected[k] ?? []).length, 0) + repeats;
    expect(
      records.flatMap((x) => x.findings).reduce((n, f) => n + 1 + (f.related ?? []).length, 0),
    ).toBe(want);
    // every record read is scored, the rejected one aside
    expect(scores.records).toBe(15);
    expect(scores.mqa).toMatchObject({
      max: 325,
      notAssessed: ['accessUrlStatusCode', 'downloadUrlStatusCode'],
    });
    expect(Object.values(scores.stars as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      15,
    );
    const rejected = report.records.filter((x: { status: string }) => x.status === 'rejected');
    expect(rejected).toEqual([
      {
        id: null,
        profile: 'ca-gc',
        source: { file: 'fixtures/ca-gc/catalogue.jsonl', line: 7 },
        status: 'rejected',
        findings: [
          expect.objectContaining({ ruleId: 'input/parse-error', severity: 'error', line: 7 }),
        ],
      },
    ]);
    for (const rec of report.records.filter((x: { status: string }) => x.status !== 'rejected')) {
      expect(Object.keys(rec.scores).sort()).toEqual([
        'distributionStars',
        'mqa',
        'principles',
        'stars',
      ]);
    }
    // order follows the input: files sorted, records in file order
    expect(
      report.records.map((x: { source: { file: string } }) => x.source.file.split('/').pop()),
    ).toEqual([
      'catalogue-extract.jsonl.gz',
      'catalogue-extract.jsonl.gz',
      ...Array(8).fill('catalogue.jsonl'),
      'dataset.json',
      'package_search.json',
      'package_search.json',
      'package_show.json',
      'packages.json',
      'packages.json',
    ]);
    for (const rec of report.records) {
      for (const f of rec.findings) {
        expect(
          Object.keys(f).every((k) =>
            [
              'ruleId',
              'severity',
              'principle',
              'commitment',
              'property',
              'sourcePath',
              'message',
              'value',
              'line',
              'column',
              'related',
              'fix',
            ].includes(k),
          ),
        ).toBe(true);
      }
    }
  });

  test('a record with warnings only exits 0', async () => {
    const file = 'fixtures/ca-gc/package_show.json';
    const { error, warning, info } = JSON.parse(
      await validatedText([file], 'json', { profile: 'ca-gc' }),
    ).summary.findings;
    expect([error, warning]).toEqual([0, expect.any(Number)]);
    expect(warning).toBeGreaterThan(0);
    const r = cli(['validate', file, '--profile', 'ca-gc', ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `⚠ ${warning + info} problems (${warning} warning${warning === 1 ? '' : 's'}${info ? `, ${info} info${info === 1 ? '' : 's'}` : ''}) in 1 of 1 record`,
    );
  });

  test('the output is deterministic', () => {
    const b = cli(['validate', 'fixtures/ca-gc', '--profile', 'ca-gc', '--format', 'json', ...NOW]);
    expect(b.stdout).toBe(federalJson().stdout);
  });

  test('--fail-on sets the threshold', () => {
    const f = 'fixtures/ca-gc/catalogue.jsonl';
    const warnOnly = join(tmp.dir, 'warn.jsonl');
    // the vehicle record with a fresh date keeps only its legacy-code warning
    const line = readFileSync(f, 'utf8')
      .split('\n')[3]
      .replace('"date_modified": "2023-02-14"', '"date_modified": "2026-10-14"');
    writeFileSync(warnOnly, `${line}\n`);
    expect(cli(['validate', warnOnly, '--profile', 'ca-gc', ...NOW]).code).toBe(0);
    expect(
      cli(['validate', warnOnly, '--profile', 'ca-gc', '--fail-on', 'warning', ...NOW]).code,
    ).toBe(1);
    expect(
      cli(['validate', warnOnly, '--profile', 'ca-gc', '--fail-on', 'info', ...NOW]).code,
    ).toBe(1);
    expect(cli(['validate', f, '--profile', 'ca-gc', '--fail-on', 'never', ...NOW]).code).toBe(0);
  });

  test('a JSON Lines file with one broken line: that line rejected, the others validated', () => {
    const f = join(tmp.dir, 'one-bad.jsonl');
    const lines = readFileSync('fixtures/ca-gc/catalogue.jsonl', 'utf8').split('\n');
    writeFileSync(
      f,
      [lines[0], '{"id": "broken", "title_translated": {"en": "x"', lines[1]].join('\n'),
    );
    const r = cli(['validate', f, '--profile', 'ca-gc', '--format', 'json', ...NOW]);
    const report = JSON.parse(r.stdout);
    expect(
      report.records.map((x: { status: string; source: { line: number } }) => [
        x.source.line,
        x.status,
      ]),
    ).toEqual([
      [1, 'valid'],
      [2, 'rejected'],
      [3, 'valid'],
    ]);
    expect(report.summary).toMatchObject({ records: 3, valid: 2, rejected: 1 });
    expect(r.code).toBe(1);
  });

  test('stylish: grouped per record with file:line, rule ids and a summary; no colour when piped', async () => {
    const r = cli(['validate', CATALOGUE, '--profile', 'ca-gc', ...NOW]);
    const { findings, principles } = await fromJson();
    expect(r.stdout).toMatch(
      /fixtures\/ca-gc\/catalogue\.jsonl:4 {2}d7f3a1c5-6e2b-4a8d-9f0c-1b3e5d7a9c02 "Canadian Vehicle Specifications"/,
    );
    expect(r.stdout).toMatch(
      /error +Last updated 2023-02-14 \(1356 days ago\) but declared Monthly/,
    );
    expect(r.stdout).toContain(
      `✖ ${findings.total} problems (${findings.error} errors, ${findings.warning} warnings, ${findings.info} infos) in 8 of 8 records`,
    );
    // a short score line per record (the MQA points and stars are the record's, the principles' shares
    // the rules'), the catalogue's scores at the end
    expect(r.stdout).toContain(`\n  MQA 311.67/325 (Good) · ★★★☆☆ · ${principles('%')}\n`);
    expect(r.stdout).toMatch(
      /^Scores \(7 records\)\n {2}MQA: mean [\d.]+\/325 \(Good\), median [\d.]+$/m,
    );
    expect(r.stdout).toMatch(/URL reachability not assessed \(80 points\): use --check-urls/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  test('stylish names a readable record without identifier as such, not as rejected', async () => {
    const f = join(tmp.dir, 'no-id.jsonl');
    const rec = JSON.parse(readFileSync('fixtures/ca-gc/catalogue.jsonl', 'utf8').split('\n')[3]);
    delete rec.id;
    delete rec.name;
    writeFileSync(f, `${JSON.stringify(rec)}\n`);
    const stylish = await validatedText([f], 'stylish', { profile: 'ca-gc' });
    expect(stylish).toMatch(
      /no-id\.jsonl:1 {2}\(no identifier\) "Canadian Vehicle Specifications"/,
    );
    expect(stylish).not.toMatch(/1 {2}rejected/);
  });

  test('French messages with --lang fr', async () => {
    const r = cli(['validate', CATALOGUE, '--profile', 'ca-gc', '--lang', 'fr', ...NOW]);
    const { findings, principles } = await fromJson();
    expect(r.stdout).toMatch(
      /Dernière mise à jour le 2023-02-14 \(il y a 1356 jours\) mais fréquence déclarée « Mensuel »/,
    );
    expect(r.stdout).toMatch(
      /maintainer_email : la valeur n'est pas valide \(adresse courriel attendu\)/,
    );
    expect(r.stdout).toContain(
      `${findings.total} problèmes (${findings.error} erreurs, ${findings.warning} avertissements, ${findings.info} infos)`,
    );
    expect(r.stdout).toContain(`MQA 311,67/325 (Bonne) · ★★★☆☆ · ${principles('\u00a0%')}\n`);
    expect(r.stdout).toMatch(/^Notes \(7 enregistrements\)$/m);
  });

  test('--output writes the report to a file, and nothing on stdout', () => {
    const out = join(tmp.dir, 'report.json');
    const r = cli([
      'validate',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '--format',
      'json',
      '--output',
      out,
      ...NOW,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.records).toBe(1);
  });

  test('<profile>=<path> names the profile per input', () => {
    const r = cli(['validate', 'ca-gc=fixtures/ca-gc/dataset.json', '--format', 'json', ...NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).records[0].profile).toBe('ca-gc');
  });

  test.each([
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'nope'],
      /unknown profile "nope" \(known: .*ca-gc/,
    ],
    [
      ['validate', 'no/such/file.json', '--profile', 'ca-gc'],
      /no\/such\/file\.json: no such file or directory/,
    ],
    [['validate', 'fixtures/ca-gc'], /no profile given/],
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gc', '--format', 'xml'],
      /unknown format "xml"/,
    ],
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gc', '--now', 'yesterday'],
      /--now: "yesterday" is not an ISO date/,
    ],
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gc', '--fail-on', 'sometimes'],
      /argument 'sometimes' is invalid/,
    ],
    [['validate'], /missing required argument 'paths'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('usage error %j: one line on stderr, exit 2, no report', (args, message) => {
    const out = join(tmp.dir, 'never.json');
    const r = cli([
      ...args,
      ...(args[0] === 'validate' && args.length > 1 ? ['--output', out] : []),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('an invalid crosswalk stops the run with exit 2 and file:line:col', () => {
    // checked through the library in crosswalk.test.ts; here through `crosswalk check`
    const bad = join(tmp.dir, 'bad.yaml');
    writeFileSync(
      bad,
      'crosswalk: bad\nprofile: ca-gc\ndataset:\n  title: {lang: titel_translated}\n',
    );
    const r = cli(['crosswalk', 'check', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /bad\.yaml:4:17: "titel_translated": field "titel_translated" is not in profile ca-gc/,
    );
    expect(cli(['crosswalk', 'check']).code).toBe(0);
  });
});

describe('passerelle profiles', () => {
  test('lists the profile ids with their names', () => {
    const r = cli(['profiles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ca-gc +Government of Canada — open\.canada\.ca +CKAN/m);
  });
});

test('--help and --version exit 0', () => {
  expect(cli(['--help']).code).toBe(0);
  expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});
