/** passerelle.config.yaml: found upward or named, checked with positions, and applied end to end. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { findConfig, loadConfig } from '../src/config/load.js';
import { configSchema } from '../src/config/schema.js';
import { cli, ROOT, tempDir } from './helpers.js';

const NOW = ['--now', '2026-11-01'];
const CATALOGUE = join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl');

describe('loading', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  test('found in the working directory or the nearest folder above', () => {
    const deep = join(tmp.dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    expect(findConfig(deep)).toBeUndefined();
    writeFileSync(join(tmp.dir, 'passerelle.config.yaml'), 'rules: {}\n');
    expect(findConfig(deep)).toBe(join(tmp.dir, 'passerelle.config.yaml'));
  });

  test('severities, off, options and per-profile overrides become rule settings', () => {
    const c = loadConfig(
      'passerelle.config.yaml',
      [
        'rules:',
        '  odc/freshness: {severity: error, options: {graceDays: 14}}',
        '  dcat-ap/recommended: off',
        '  odc/title-description:',
        '    options: {minDescriptionLength: 60}',
        'profiles:',
        '  ca-gc:',
        '    rules: {odc/bilingual: warning}',
      ].join('\n'),
    );
    expect(c.settings).toEqual({
      severity: { 'odc/freshness': 'error', 'dcat-ap/recommended': 'off' },
      options: {
        'odc/freshness': { graceDays: 14 },
        'odc/title-description': { minDescriptionLength: 60 },
      },
      profiles: { 'ca-gc': { severity: { 'odc/bilingual': 'warning' } } },
    });
  });

  test('every problem at its line and column, in file order', () => {
    const text = [
      'rules:', //                                                   1
      '  odc/freshness: warn', //                                    2
      '  odc/title-description: {options: {minDescriptionLength: -1, minLength: 5}}', // 3
      '  odc/keywords: {options: {x: 1}}', //                        4
      '  odc/freshnes: off', //                                      5
      '  odc/stable-identifier: {options: {patterns: ["(a"]}}', //   6
      'profiles:', //                                                7
      '  ca-xx: {rules: {}}', //                                     8
      'rule: {}', //                                                 9
    ].join('\n');
    expect(() => loadConfig('passerelle.config.yaml', text)).toThrow(
      [
        'passerelle.config.yaml:2:18: rule odc/freshness: severity must be one of error, warning, info, off',
        'passerelle.config.yaml:3:59: rule odc/title-description: option minDescriptionLength must be >= 0',
        'passerelle.config.yaml:3:63: rule odc/title-description has no option "minLength" (options: minDescriptionLength)',
        'passerelle.config.yaml:4:18: rule odc/keywords has no options',
        'passerelle.config.yaml:5:3: unknown rule "odc/freshnes" (did you mean "odc/freshness"? passerelle rules lists them)',
        'passerelle.config.yaml:6:48: not a valid regular expression',
        'passerelle.config.yaml:8:3: unknown profile "ca-xx" (passerelle profiles lists them)',
        'passerelle.config.yaml:9:1: unknown key "rule" (did you mean "rules"?)',
      ].join('\n'),
    );
    expect(() => loadConfig('passerelle.config.yaml', 'rules: [\n')).toThrow(
      /^passerelle\.config\.yaml:2:1: /,
    );
  });

  test("a new rule under Passerelle's namespace is said with the file's other problems", () => {
    const text = [
      'rules:', //                                                     1
      '  odc/freshnes: error', //                                      2
      '  odc/mine:', //                                                3
      '    title: {en: Mine, fr: La mienne}', //                       4
      '    target: title', //                                          5
      '    then: {check: present}', //                                 6
      '    message: {en: No title, fr: Aucun titre}', //               7
    ].join('\n');
    expect(() => loadConfig('passerelle.config.yaml', text)).toThrow(
      [
        'passerelle.config.yaml:2:3: unknown rule "odc/freshnes" (did you mean "odc/freshness"? passerelle rules lists them)',
        'passerelle.config.yaml:3:3: "odc/mine": odc/ is Passerelle\'s own namespace; name your rules in yours (city/…)',
      ].join('\n'),
    );
  });

  test('an empty file is an empty configuration', () => {
    expect(loadConfig('passerelle.config.yaml', '').settings).toEqual({});
  });

  test('the JSON Schema (passerelle config schema) knows every rule and its options, and accepts a real file', () => {
    const r = cli(['config', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema).toEqual(configSchema());
    const freshness = schema.definitions.rules.properties['odc/freshness'];
    expect(freshness.else.properties.options.properties.graceDays).toMatchObject({
      type: 'number',
      default: 7,
    });
    const ajv = new Ajv({ strict: false });
    ajv.addFormat('regex', true);
    const check = ajv.compile(schema);
    expect(
      check(
        parse(
          'rules: {odc/freshness: {options: {graceDays: 3}}}\nprofiles: {ca-gc: {rules: {odc/bilingual: warning}}}',
        ),
      ),
    ).toBe(true);
    expect(check(parse('rules: {odc/freshness: {options: {grace: 3}}}'))).toBe(false);
  });
});

describe('validate with a configuration', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  const findings = (stdout: string) =>
    (
      JSON.parse(stdout).records as {
        id: string | null;
        findings: { ruleId: string; severity: string }[];
      }[]
    ).flatMap((r) =>
      r.findings.map((f) => `${(r.id ?? 'rejected').slice(0, 4)} ${f.ruleId} ${f.severity}`),
    );

  test('found upward from the working directory: severity overrides and off change the findings and the exit code', () => {
    const base = findings(
      cli(['validate', CATALOGUE, '-p', 'ca-gc', '-f', 'json', ...NOW], { cwd: tmp.dir }).stdout,
    );
    expect(base).toContain('d7f3 odc/freshness error');
    expect(base.filter((f) => f.includes('dcat-ap/recommended')).length).toBeGreaterThan(0);
    writeFileSync(
      join(tmp.dir, 'passerelle.config.yaml'),
      'rules:\n  odc/freshness: warning\n  dcat-ap/recommended: off\n',
    );
    const sub = join(tmp.dir, 'exports');
    mkdirSync(sub, { recursive: true });
    const r = cli(['validate', CATALOGUE, '-p', 'ca-gc', '-f', 'json', ...NOW], { cwd: sub });
    const got = findings(r.stdout);
    expect(got).toContain('d7f3 odc/freshness warning');
    expect(got.filter((f) => f.includes('dcat-ap/recommended'))).toEqual([]);
    // turned off, a rule is no check at all: it leaves the principle scores
    const cpi = JSON.parse(r.stdout).records[0];
    const before = JSON.parse(
      cli(['validate', CATALOGUE, '-p', 'ca-gc', '-f', 'json', '--no-config', ...NOW], { cwd: sub })
        .stdout,
    ).records[0];
    expect(before.scores.principles.P4.applicable - cpi.scores.principles.P4.applicable).toBe(1);
    expect(cpi.scores.mqa).toEqual(before.scores.mqa);
    // the vehicle record's only error is its freshness: now a warning, the run passes
    const vehicle = join(sub, 'vehicles.jsonl');
    writeFileSync(vehicle, `${readFileSync(CATALOGUE, 'utf8').split('\n')[3]}\n`);
    expect(cli(['validate', vehicle, '-p', 'ca-gc', ...NOW], { cwd: sub }).code).toBe(0);
    expect(
      cli(['validate', vehicle, '-p', 'ca-gc', '--no-config', ...NOW], { cwd: sub }).code,
    ).toBe(1);
  });

  test('rule options and per-profile overrides, from --config', () => {
    const file = join(tmp.dir, 'strict.yaml');
    writeFileSync(
      file,
      [
        'rules:',
        '  odc/freshness: {options: {graceDays: 2000}}',
        'profiles:',
        '  ca-gc:',
        '    rules:',
        '      odc/bilingual: {severity: warning}',
        '',
      ].join('\n'),
    );
    const got = findings(
      cli(['validate', CATALOGUE, '-p', 'ca-gc', '-f', 'json', '--config', file, ...NOW]).stdout,
    );
    // 1356 days old, a monthly series: within 30.4 × 1.5 + 2000 days
    expect(got.filter((f) => f.includes('odc/freshness'))).toEqual([]);
    expect(got.filter((f) => f.includes('odc/bilingual'))).toEqual([
      '4c2a odc/bilingual warning',
      '4c2a odc/bilingual warning',
    ]);
  });

  test('a bad configuration stops the run: exit 2, its problems on stderr, no report', () => {
    const file = join(tmp.dir, 'bad.yaml');
    writeFileSync(file, 'rules:\n  odc/freshness: sometimes\n');
    const r = cli(['validate', CATALOGUE, '-p', 'ca-gc', '--config', file]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      /bad\.yaml:2:18: rule odc\/freshness: severity must be one of error, warning, info, off/,
    );
    expect(
      cli(['validate', CATALOGUE, '-p', 'ca-gc', '--config', join(tmp.dir, 'none.yaml')]).stderr,
    ).toMatch(/none\.yaml: cannot read file \(ENOENT\)/);
  });
});
