/**
 * Rules as data, piece by piece: safe regular expressions, rule definitions in the configuration,
 * the JSON Schemas of configurations and rulesets, and the runner's handling of ruleset rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/load.js';
import { configSchema, rulesetSchema } from '../src/config/schema.js';
import { loadProfile } from '../src/profiles/load.js';
import { RULE_IDS } from '../src/rules/index.js';
import { runRules } from '../src/rules/run.js';
import type { Dataset } from '../src/model/types.js';
import { ConfigError } from '../src/util/errors.js';
import { safeRegExp, unsafeReason } from '../src/util/safe-regex.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { ROOT } from './helpers.js';

describe('safe regular expressions', () => {
  test.each([
    '^[A-Z]{2}-\\d{4}$',
    '^https://open\\.canada\\.ca/',
    '(?:csv|json|xml)$',
    '^(ab|cd)+$',
    '[^.]$',
    '^\\p{Lu}',
    '(a+)?b',
  ])('%s is accepted', (p) => {
    expect(unsafeReason(p)).toBeUndefined();
  });

  test.each([
    ['(a+)+$', /nested quantifiers/],
    ['^(\\w+\\s?)*$', /nested quantifiers/],
    ['(x+x+)+y', /nested quantifiers/],
    ['^(a|a)*$', /alternatives that can match the same text/],
    ['^(a|ab)+$', /alternatives that can match the same text/],
    ['(\\d|x)*', /alternatives that can match the same text/],
    ['(a)\\1', /back-references/],
    ['(?<n>a)\\k<n>', /back-references/],
    ['(?<=a)b', /lookbehind/],
    ['a'.repeat(501), /longer than 500 characters/],
  ])('%s is refused', (p, why) => {
    expect(unsafeReason(p)?.en).toMatch(why);
  });

  test('a refused pattern, bad flags or an invalid pattern: a ConfigError at the place given', () => {
    expect(() => safeRegExp('(a+)+', '', 'city.yaml:3:14')).toThrow(
      new ConfigError(
        'pattern "(a+)+": a repeated group holds a repetition (nested quantifiers such as (a+)+): it can take exponential time',
        'city.yaml:3:14',
        'motif "(a+)+" : un groupe répété contient une répétition (quantificateurs imbriqués comme (a+)+) : cela peut prendre un temps exponentiel',
      ),
    );
    const thrown = (() => {
      try {
        safeRegExp('(a+)+', '', 'city.yaml:3:14');
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(thrown?.fr).toBe(
      'city.yaml:3:14 : motif "(a+)+" : un groupe répété contient une répétition (quantificateurs imbriqués comme (a+)+) : cela peut prendre un temps exponentiel',
    );
    expect(() => safeRegExp('a', 'g', 'city.yaml:3:14')).toThrow(
      'city.yaml:3:14: flags "g": only i, m, s and u are allowed',
    );
    expect(() => safeRegExp('(a', '', 'city.yaml:3:14')).toThrow(
      /^city\.yaml:3:14: pattern "\(a" is not a valid regular expression/,
    );
    expect(safeRegExp('^ab$', 'i').test('AB')).toBe(true);
  });

  test("a pattern inside a ruleset's JSON Schema check goes through the same refusal", () => {
    const yaml = [
      'rules:',
      '  city/id-form:',
      '    title: {en: T, fr: T}',
      '    target: identifier',
      '    then: {check: schema, schema: {type: string, pattern: "^([a-z]+)*$"}}',
      '    message: {en: M, fr: M}',
    ].join('\n');
    expect(() => loadConfig('passerelle.config.yaml', yaml)).toThrow(
      /^passerelle\.config\.yaml:5:\d+: pattern "\^\(\[a-z\]\+\)\*\$": a repeated group holds a repetition/,
    );
  });

  test("a rule option's regular expression (format: regex) is refused when unsafe", () => {
    expect(() =>
      loadConfig(
        'passerelle.config.yaml',
        'rules:\n  odc/stable-identifier: {options: {patterns: ["^(\\\\d+)+$"]}}\n',
      ),
    ).toThrow(
      'passerelle.config.yaml:2:48: unsafe regular expression: a repeated group holds a repetition',
    );
  });
});

describe('rules defined in the configuration', () => {
  const config = [
    'rules:',
    '  city/licence-url:',
    '    title: {en: The licence is a URL, fr: La licence est une URL}',
    '    given: distribution[*]',
    '    target: license',
    '    then: {check: pattern, pattern: "^https://"}',
    '    message: {en: "Not an https URL: {{value}}", fr: "Pas une URL https : {{value}}"}',
    '  odc/keywords: off',
    'profiles:',
    '  ca-gc:',
    '    rules: {city/licence-url: error}',
  ].join('\n');

  test('compile to data rules, with their origin; settings beside them', () => {
    const c = loadConfig('passerelle.config.yaml', config);
    expect(c.rules).toHaveLength(1);
    expect(c.rules[0]).toMatchObject({
      kind: 'data',
      given: 'distribution[*]',
      field: 'license',
      then: { check: 'pattern', pattern: '^https://' },
      meta: { id: 'city/licence-url', severity: 'warning', origin: 'passerelle.config.yaml:2:3' },
    });
    expect(c.settings.severity).toEqual({ 'odc/keywords': 'off' });
    expect(c.settings.profiles?.['ca-gc'].severity).toEqual({ 'city/licence-url': 'error' });
  });

  test('a setting of an unknown rule of a ruleset namespace, a list that is not one, a check option unknown', () => {
    const bad = [
      'rules:',
      '  city/unknown: error',
      '  city/x:',
      '    title: {en: T, fr: T}',
      '    given: title[*]',
      '    target: license',
      '    then: {check: length, mn: 3}',
      '    message: {en: M, fr: M}',
    ].join('\n');
    expect(() => loadConfig('passerelle.config.yaml', bad)).toThrow(
      'passerelle.config.yaml:7:27: rule city/x: check length has no option "mn"',
    );
    const bad2 = bad.replace('mn: 3', 'min: 3');
    let message = '';
    try {
      loadConfig('passerelle.config.yaml', bad2);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        'passerelle.config.yaml:2:3: unknown rule "city/unknown" (neither Passerelle\'s nor defined by this ruleset or those it extends)',
        `passerelle.config.yaml:5:12: "title[*]" is not a list of the dataset: '' (the dataset) or one of creator[*], contactPoint[*], temporal[*], spatial[*], distribution[*]`,
      ].join('\n'),
    );
  });

  test('the JSON Schemas accept a configuration with extends and definitions, and a ruleset file', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const check = ajv.compile(configSchema());
    expect(check({ extends: ['passerelle:recommended'], ...parse(config) })).toBe(true);
    const ruleset = ajv.compile(rulesetSchema());
    const every = parse(readFileSync(join(ROOT, 'test', 'rulesets', 'every-check.yaml'), 'utf8'));
    expect(ruleset(every)).toBe(true);
    // a check's options are the check's own
    every.rules['city/title-words'].then.min = 'two';
    expect(ruleset(every)).toBe(false);
  });
});

describe('the runner and ruleset rules', () => {
  const profile = loadProfile('ca-gc', { knownRules: RULE_IDS });
  const run = (yaml: string, dataset: Dataset, source?: unknown, p = profile) =>
    runRules(dataset, {
      profile: p,
      now: new Date('2026-11-01T00:00:00Z'),
      vocabularies: defaultVocabularies(),
      rules: loadConfig('passerelle.config.yaml', yaml).rules,
      source,
      checks: { ran: new Set(), notApplicable: new Set() },
    });
  const rule = (lines: string[]) =>
    [
      'rules:',
      '  city/r:',
      '    title: {en: T, fr: T}',
      '    message: {en: "{{value}}", fr: "{{value}}"}',
      ...lines.map((l) => `    ${l}`),
    ].join('\n');

  test('a source field: read on records of its profile, not applicable to others', () => {
    const yaml = rule([
      'source: {profile: ca-gc, field: program_page_url}',
      'then: {check: present}',
    ]);
    expect(run(yaml, {}, { program_page_url: { en: 'https://x.example' } })).toEqual([]);
    expect(run(yaml, {}, { title: 'x' })).toEqual([
      { messageId: 'failed', sourcePath: '/program_page_url', ruleId: 'city/r' },
    ]);
    const checks = { ran: new Set<string>(), notApplicable: new Set<string>() };
    runRules(
      {},
      {
        profile: loadProfile('ca-on', { knownRules: RULE_IDS }),
        now: new Date(),
        vocabularies: defaultVocabularies(),
        rules: loadConfig('passerelle.config.yaml', yaml).rules,
        source: { title: 'x' },
        checks,
      },
    );
    expect(checks.notApplicable.has('city/r')).toBe(true);
  });

  test('a source rule over a list: each item, at its JSON Pointer', () => {
    const yaml = rule([
      'given: resources[*]',
      'source: {profile: ca-gc, field: format}',
      'then: {check: enum, values: [CSV]}',
    ]);
    expect(run(yaml, {}, { resources: [{ format: 'CSV' }, { format: 'JSON' }] })).toEqual([
      expect.objectContaining({ sourcePath: '/resources/1/format', value: 'JSON' }),
    ]);
  });

  test('match: some — one distribution passing is enough; none: one finding on the list', () => {
    const yaml = rule([
      'given: distribution[*]',
      'target: format',
      'match: some',
      'then: {check: enum, values: ["http://publications.europa.eu/resource/authority/file-type/CSV"]}',
    ]);
    const CSV = 'http://publications.europa.eu/resource/authority/file-type/CSV';
    const PDF = 'http://publications.europa.eu/resource/authority/file-type/PDF';
    expect(run(yaml, { distribution: [{ format: PDF }, { format: CSV }] })).toEqual([]);
    expect(run(yaml, { distribution: [{ format: PDF }] })).toEqual([
      { messageId: 'failed', property: 'distribution', ruleId: 'city/r' },
    ]);
  });

  test('a dotted target reaches into nested objects; words and dates judge each value', () => {
    const yaml = rule(['target: publisher.name', 'then: {check: words, min: 2}']);
    expect(
      run(yaml, { publisher: { name: { en: 'Statistics Canada', fr: 'Statistique' } } }),
    ).toEqual([expect.objectContaining({ property: 'publisher.name@fr', value: 'Statistique' })]);
    const date = rule(['target: modified', 'then: {check: date, before: "2026-01-01"}']);
    expect(run(date, { modified: 'last spring' })).toEqual([
      expect.objectContaining({ property: 'modified', value: 'last spring' }),
    ]);
    expect(run(date, { modified: '2025-12-31' })).toEqual([]);
  });
});
