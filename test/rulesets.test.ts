/**
 * Rulesets end to end (docs/rules.md, "Your own rules"): a city's ruleset using each core check
 * passes its own examples, and its rules judge a real record (fixtures/ca-gc/dataset.json, read in
 * place) in every report format, under the configuration's overrides and a baseline. Then
 * `extends:` (local files, passerelle:recommended, an npm package) and what is refused.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../src/core/lang.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { validatedText } from './report-helpers.js';

const NOW = ['--now', '2026-11-01'];
const RECORD = join(ROOT, 'fixtures', 'ca-gc', 'dataset.json');
const EVERY_CHECK = join(ROOT, 'test', 'rulesets', 'every-check.yaml');

interface JsonFinding {
  ruleId: string;
  property?: string;
  sourcePath?: string;
  value?: unknown;
  message: string;
  severity: string;
  related?: { ruleId: string }[];
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  copyFileSync(EVERY_CHECK, join(tmp.dir, 'every-check.yaml'));
  writeFileSync(join(tmp.dir, 'passerelle.config.yaml'), 'extends: [./every-check.yaml]\n');
});
afterAll(() => tmp.cleanup());

const validate = (args: string[], cwd = tmp.dir) =>
  cli(['validate', RECORD, '--profile', 'ca-gc', ...NOW, '--fail-on', 'never', ...args], { cwd });
/** The record's report in `format`, made in-process as `validate` above makes it (its first test runs the command). */
const report = async (format: string, o: { lang?: Lang; config?: false } = {}) => ({
  stdout: await validatedText([RECORD], format, { profile: 'ca-gc', cwd: tmp.dir, ...o }),
});
const findingsOf = (stdout: string): JsonFinding[] => JSON.parse(stdout).records[0].findings;
const cityFindings = (stdout: string) =>
  findingsOf(stdout).filter((f) => f.ruleId.startsWith('city/'));

describe('a ruleset using each core check', () => {
  test('rules test: every rule passes its own examples (exit 0)', () => {
    const r = cli(['rules', 'test', EVERY_CHECK]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const check of [
      'description-long',
      'title-no-period',
      'title-words',
      'no-version',
      'frequency-known',
      'csv-only',
      'issued-since-2018',
      'modified-this-year',
      'three-keywords',
      'someone-to-ask',
      'title-bilingual-schema',
      'spatial-present',
      'program-page',
    ])
      expect(r.stdout).toMatch(new RegExp(`^✓ city/${check}  \\d examples as expected$`, 'm'));
    expect(r.stdout).toMatch(/^13 rules, 0 failed$/m);
  });

  test('rules test: an example that does not do what it says fails the run (exit 1)', () => {
    const file = join(tmp.dir, 'wrong-example.yaml');
    writeFileSync(
      file,
      [
        'rules:',
        '  city/short-title:',
        '    title: {en: Short title, fr: Titre court}',
        '    target: title',
        '    then: {check: length, max: 20}',
        '    message: {en: "Too long: {{value}}", fr: "Trop long : {{value}}"}',
        '    examples:',
        '      pass: [{dataset: {title: {en: A title far longer than twenty characters}}}]',
        '      fail: [{dataset: {title: {en: Short}}}]',
      ].join('\n'),
    );
    const r = cli(['rules', 'test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ city/short-title\n');
    expect(r.stdout).toContain(
      '    pass #1 gives a finding: Too long: A title far longer than twenty characters\n',
    );
    expect(r.stdout).toContain('    fail #1 gives no finding\n');
  });

  test('rules test: a ruleset with a problem is exit 2, the problem at its line', () => {
    const file = join(tmp.dir, 'bad-check.yaml');
    writeFileSync(
      file,
      'rules:\n  city/x:\n    title: {en: T, fr: T}\n    target: title\n    then: {check: size}\n    message: {en: M, fr: M}\n',
    );
    const r = cli(['rules', 'test', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /bad-check\.yaml:5:19: rule city\/x: unknown check \(present, absent, pattern, length, words, enum, vocabulary, date, count, one-of, schema\)/,
    );
  });

  test('a real record: the rules it breaks, each at its property and source field', () => {
    // read from the record: the English description has 214 characters, the French title 11 words
    // ("Relevé des oiseaux nicheurs de l'Amérique du Nord – tendances canadiennes"), the second
    // resource is JSON, date_published 2017-09-28, no program_page_url and no geographic_region;
    // its 3 keywords a language, contact e-mail, bilingual title and 2026 modification pass
    const r = validate(['-f', 'json']);
    expect(r.code).toBe(0);
    const record = JSON.parse(readFileSync(RECORD, 'utf8'));
    const city = cityFindings(r.stdout).map((f) => [f.ruleId, f.property, f.sourcePath, f.value]);
    expect(city).toEqual(
      expect.arrayContaining([
        [
          'city/description-long',
          'description@en',
          '/notes_translated/en',
          record.notes_translated.en,
        ],
        ['city/title-words', 'title@fr', '/title_translated/fr', record.title_translated.fr],
        [
          'city/csv-only',
          'distribution[1].format',
          '/resources/1/format',
          'http://publications.europa.eu/resource/authority/file-type/JSON',
        ],
        ['city/issued-since-2018', 'issued', '/date_published', '2017-09-28'],
        ['city/program-page', undefined, '/program_page_url', undefined],
      ]),
    );
    expect(city).toHaveLength(5);
    // one gap, one finding: the missing area is said once, the city's rule among the related
    const spatial = findingsOf(r.stdout).find((f) => f.property === 'spatial');
    expect(spatial?.related?.map((x) => x.ruleId)).toContain('city/spatial-present');
    const issued = cityFindings(r.stdout).find((f) => f.ruleId === 'city/issued-since-2018');
    expect(issued).toMatchObject({
      severity: 'warning',
      message: 'Published on 2017-09-28, before 2018-01-01',
    });
  });

  test("a rule's principle counts in the principle scores", async () => {
    // city/description-long is the ruleset's one P3 rule, and the record fails it
    const p3 = (stdout: string) => JSON.parse(stdout).records[0].scores.principles.P3;
    const without = p3((await report('json', { config: false })).stdout);
    const withRules = p3((await report('json')).stdout);
    expect(withRules).toMatchObject({
      applicable: without.applicable + 1,
      passed: without.passed,
    });
  });

  test('messages in French', async () => {
    const r = await report('json', { lang: 'fr' });
    const f = cityFindings(r.stdout).find((x) => x.ruleId === 'city/issued-since-2018');
    expect(f?.message).toBe('Publié le 2017-09-28, avant le 2018-01-01');
  });

  test('SARIF: the rules with their title, docs and level; results at their line', async () => {
    const r = await report('sarif');
    const run = JSON.parse(r.stdout).runs[0];
    const rule = run.tool.driver.rules.find(
      (x: { id: string }) => x.id === 'city/description-long',
    );
    expect(rule.shortDescription.text).toBe('The description has 300 characters at least');
    expect(rule.help.markdown).toMatch(/^A short description rarely says/);
    expect(rule.defaultConfiguration.level).toBe('warning');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'city/csv-only');
    // the line of the second resource's "format": "JSON" in the record's file
    const lines = readFileSync(RECORD, 'utf8').split('\n');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(
      lines.findIndex((l) => l.includes('"format": "JSON"')) + 1,
    );
  });

  test('HTML: the findings and the rule notes', async () => {
    const r = await report('html');
    expect(r.stdout).toContain(
      'A file is not CSV: http://publications.europa.eu/resource/authority/file-type/JSON',
    );
    expect(r.stdout).toMatch(/city\/csv-only<\/code> — Files are CSV/);
  });

  test('the configuration turns a ruleset rule off, or changes its severity', () => {
    const dir = join(tmp.dir, 'override');
    mkdirSync(dir);
    copyFileSync(EVERY_CHECK, join(dir, 'every-check.yaml'));
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'extends: ./every-check.yaml\nrules:\n  city/issued-since-2018: off\n  city/csv-only: error\n',
    );
    const city = cityFindings(validate(['-f', 'json'], dir).stdout);
    expect(city.map((f) => f.ruleId)).not.toContain('city/issued-since-2018');
    expect(city.find((f) => f.ruleId === 'city/csv-only')?.severity).toBe('error');
  });

  test('a baseline leaves out a known finding of a ruleset rule', () => {
    const dir = join(tmp.dir, 'baseline');
    mkdirSync(dir);
    // the baseline is written with one rule only: its finding is known debt
    writeFileSync(join(dir, 'only.yaml'), readFileSync(EVERY_CHECK, 'utf8'));
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'extends: ./only.yaml\nrules:\n' +
        ['description-long', 'title-words', 'csv-only', 'program-page']
          .map((id) => `  city/${id}: off\n`)
          .join(''),
    );
    const known = join(dir, 'known.json');
    expect(validate(['--baseline', known, '--update-baseline', '-f', 'json'], dir).code).toBe(0);
    writeFileSync(join(dir, 'passerelle.config.yaml'), 'extends: ./only.yaml\n');
    const city = cityFindings(validate(['--baseline', known, '-f', 'json'], dir).stdout);
    expect(city.map((f) => f.ruleId).sort()).toEqual([
      'city/csv-only',
      'city/description-long',
      'city/program-page',
      'city/title-words',
    ]);
  });

  test('passerelle rules lists them with their ruleset; rules explain shows one', () => {
    const r = cli(['rules'], { cwd: tmp.dir });
    expect(r.stdout).toMatch(
      /^city\/description-long +P3 +warning +The description has 300 characters at least {2}\(.*every-check\.yaml:5:3\)$/m,
    );
    const json = JSON.parse(cli(['rules', '-f', 'json'], { cwd: tmp.dir }).stdout);
    expect(json.find((x: { id: string }) => x.id === 'city/csv-only').origin).toMatch(
      /every-check\.yaml:\d+:3$/,
    );
    const e = cli(['rules', 'explain', 'city/three-keywords'], { cwd: tmp.dir });
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('city/three-keywords — Three keywords at least, in each language');
    expect(e.stdout).toMatch(/Defined in: .*every-check\.yaml:\d+:3/);
    expect(e.stdout).toContain('→ warning: Only 1 keywords (at least 3) (keyword@fr)');
  });
});

describe('extends', () => {
  test('a chain: a local file, passerelle:recommended and an npm package, in order (later wins)', () => {
    const dir = join(tmp.dir, 'chain');
    const pkg = join(dir, 'node_modules', '@city', 'passerelle-rules');
    mkdirSync(join(dir, 'rules'), { recursive: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@city/passerelle-rules',
        version: '1.0.0',
        passerelle: { ruleset: 'city.yaml' },
      }),
    );
    writeFileSync(
      join(pkg, 'city.yaml'),
      [
        'rules:',
        '  city/csv-only:',
        '    title: {en: Files are CSV, fr: Fichiers en CSV}',
        '    given: distribution[*]',
        '    target: format',
        '    then: {check: enum, values: ["http://publications.europa.eu/resource/authority/file-type/CSV"]}',
        '    message: {en: "Not CSV: {{value}}", fr: "Pas en CSV : {{value}}"}',
        '  odc/keywords: error',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'rules', 'local.yaml'),
      'extends: [passerelle:recommended]\nrules:\n  city/csv-only: info\n  odc/keywords: info\n',
    );
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'extends: ["@city/passerelle-rules", ./rules/local.yaml]\n',
    );
    const f = findingsOf(validate(['-f', 'json'], dir).stdout);
    // the package defines the rule; the local file, later, makes it info
    expect(f.find((x) => x.ruleId === 'city/csv-only')).toMatchObject({
      severity: 'info',
      property: 'distribution[1].format',
    });
    const keywords = cli(['rules'], { cwd: dir })
      .stdout.split('\n')
      .find((l) => l.startsWith('odc/keywords '));
    expect(keywords).toMatch(/ info /);
  });

  test('a package without a ruleset, or not installed: said', () => {
    const dir = join(tmp.dir, 'no-package');
    mkdirSync(join(dir, 'node_modules', 'empty-pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'empty-pkg', 'package.json'), '{"name": "empty-pkg"}');
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'extends:\n  - empty-pkg\n  - missing-pkg\n',
    );
    const r = cli(['rules'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'passerelle.config.yaml:2:5: npm package "empty-pkg" has no ruleset',
    );
    expect(r.stderr).toContain(
      'passerelle.config.yaml:3:5: npm package "missing-pkg" is not installed',
    );
  });

  const refused = (name: string, files: Record<string, string>, config: string) => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    writeFileSync(join(dir, 'sub', 'passerelle.config.yaml'), config);
    const r = cli(['validate', RECORD, '--profile', 'ca-gc', ...NOW], { cwd: join(dir, 'sub') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  test('code files are refused, whatever they hold', () => {
    expect(
      refused('code', { 'sub/rules.js': 'process.exit(3)' }, 'extends: ./rules.js\n'),
    ).toContain(
      'passerelle.config.yaml:1:10: ruleset "./rules.js": a ruleset is a .yaml, .yml or .json file (never code)',
    );
    const dir = join(tmp.dir, 'code-package', 'node_modules', 'js-rules');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'js-rules', passerelle: { ruleset: 'index.js' } }),
    );
    writeFileSync(join(dir, '..', '..', 'passerelle.config.yaml'), 'extends: js-rules\n');
    const r = cli(['rules'], { cwd: join(tmp.dir, 'code-package') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'npm package "js-rules": ruleset "index.js": a ruleset is a .yaml, .yml or .json file (never code)',
    );
  });

  test("a path leaving the configuration's folder is refused, a link out of it too", () => {
    expect(
      refused(
        'escape',
        { 'outside.yaml': 'rules: {}\n', 'sub/x': '' },
        'extends: ../outside.yaml\n',
      ),
    ).toMatch(/passerelle\.config\.yaml:1:10: ruleset "\.\.\/outside\.yaml" is outside /);
    const dir = join(tmp.dir, 'link');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'outside.yaml'), 'rules: {}\n');
    symlinkSync(join(dir, 'outside.yaml'), join(dir, 'sub', 'inside.yaml'));
    writeFileSync(join(dir, 'sub', 'passerelle.config.yaml'), 'extends: ./inside.yaml\n');
    const r = cli(['rules'], { cwd: join(dir, 'sub') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ruleset "./inside.yaml" leads outside');
  });

  test('a cycle, and an unknown passerelle: name, are said at the extends entry', () => {
    const stderr = refused(
      'cycle',
      {
        'sub/a.yaml': 'extends: [./b.yaml]\n',
        'sub/b.yaml': 'rules: {}\nextends:\n  - ./a.yaml\n',
      },
      'extends: [./a.yaml, passerelle:stric]\n',
    );
    expect(stderr).toMatch(
      /b\.yaml:3:5: the rulesets extend each other in a cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/,
    );
    expect(stderr).toMatch(
      /passerelle\.config\.yaml:1:21: unknown ruleset "passerelle:stric" \(did you mean "passerelle:strict"\?\)/,
    );
  });

  test("catastrophic patterns, Passerelle's namespaces and ids, unknown targets: refused at their line", () => {
    const rule = (id: string, then: string, target = 'title') =>
      [
        `  ${id}:`,
        '    title: {en: T, fr: T}',
        `    target: ${target}`,
        `    then: ${then}`,
        '    message: {en: M, fr: M}',
      ].join('\n');
    const stderr = refused(
      'bad-rules',
      {
        'sub/bad.yaml': [
          'rules:',
          rule('city/nested', '{check: pattern, pattern: "^(a+)+$"}'), // 2
          rule('odc/mine', '{check: present}'), // 7
          rule('odc/freshness', '{check: present}'), // 12
          rule('city/typo', '{check: present}', 'descripton'), // 17
          rule('city/backref', '{check: pattern, pattern: "(a)\\\\1"}'), // 22
          rule('city/vocab', '{check: vocabulary, vocabulary: themes}'), // 27
        ].join('\n'),
      },
      'extends: ./bad.yaml\n',
    );
    expect(stderr).toContain(
      'bad.yaml:5:37: pattern "^(a+)+$": a repeated group holds a repetition (nested quantifiers such as (a+)+): it can take exponential time',
    );
    expect(stderr).toContain(
      'bad.yaml:7:3: "odc/mine": odc/ is Passerelle\'s own namespace; name your rules in yours (city/…)',
    );
    expect(stderr).toContain(
      'bad.yaml:12:3: "odc/freshness" is a rule of Passerelle: a new rule takes an id of its own',
    );
    expect(stderr).toContain(
      'bad.yaml:19:13: no property "descripton" on Dataset in the common record (did you mean "description"?)',
    );
    expect(stderr).toMatch(/bad\.yaml:25:37: pattern "\(a\)\\\\1": back-references/);
    expect(stderr).toMatch(
      /bad\.yaml:30:43: unknown vocabulary "themes" \(did you mean "theme"\?\)/,
    );
  });
});
