/**
 * Each run knows its own rules (docs/architecture.md, "The rules of a run"): two validations in one
 * process with different rulesets — one after the other, at once, or a report formatted after
 * another run started — each find, word and list only their own rules. The record is
 * fixtures/ca-gc/dataset.json, read in place: its English title, "North American Breeding Bird
 * Survey – Canadian trends", has more than 20 characters, so a rule asking for 20 at most fails.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import type { RecordResult } from '../src/core/record.js';
import { validate, validateRecords } from '../src/engine/run.js';
import { FORMATTERS, pieces } from '../src/report/formatters/index.js';
import type { Report } from '../src/report/model.js';
import { ruleBook, SHIPPED_RULES, type RuleBook } from '../src/rules/book.js';
import { addToSummary, closeSummary, emptySummary } from '../src/scores/summary.js';
import { tool } from '../src/tool.js';
import { cli, ROOT, tempDir } from './helpers.js';

const RECORD = join(ROOT, 'fixtures', 'ca-gc', 'dataset.json');
const NOW = new Date('2026-11-01T00:00:00Z');

/** A configuration defining one rule on the title (20 characters at most), with its own words. */
function configWith(id: string, who: string) {
  const text = [
    'rules:',
    `  ${id}:`,
    `    title: { en: "${who}: short titles", fr: "${who} : titres courts" }`,
    `    docs: { en: "${who} asks for short titles.", fr: "${who} demande des titres courts." }`,
    '    severity: warning',
    '    principle: P3',
    '    target: title',
    '    then: { check: length, max: 20 }',
    `    message: { en: "${who} finds the title long", fr: "${who} trouve le titre long" }`,
    '',
  ].join('\n');
  const config = loadConfig(join(ROOT, 'passerelle.config.yaml'), text);
  return { config, book: ruleBook(config.rules) };
}

const city = configWith('city/x', 'City');
const town = configWith('town/y', 'Town');
// the same id as the city's, other words
const village = configWith('city/x', 'Village');

const run = (c: { book: RuleBook; config: { settings: object } }): Promise<Report> =>
  validate([RECORD], { profile: 'ca-gc', now: NOW, rules: c.book, settings: c.config.settings });

/** The findings of the report's rules outside Passerelle's namespaces, as `id: message`. */
const own = (r: Report): string[] =>
  r.records
    .flatMap((x) => x.findings)
    .filter((f) => /^(city|town)\//.test(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message}`);

/** A report written by a formatter told the run's rules. */
function formatted(format: 'json' | 'sarif', r: Report, rules: RuleBook, lang: 'en' | 'fr' = 'en') {
  const f = FORMATTERS[format]({ lang, color: false, tool: tool(), rules });
  const parts = [f.start(), ...r.records.map((x) => f.record(x)), f.end(r.summary)];
  return JSON.parse(parts.flatMap((c) => [...pieces(c)]).join(''));
}

/** SARIF's rule descriptors of the user's namespaces: id and title. */
const sarifRules = (sarif: {
  runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[];
}): string[] =>
  sarif.runs[0].tool.driver.rules
    .filter((d) => /^(city|town)\//.test(d.id))
    .map((d) => `${d.id}: ${d.shortDescription.text}`);

describe('each run knows its own rules', () => {
  test('one after the other: each report finds and words its own rules only', async () => {
    const a = await run(city);
    const b = await run(town);
    expect(own(a)).toEqual(['city/x: City finds the title long']);
    expect(own(b)).toEqual(['town/y: Town finds the title long']);
    // the first report, formatted after the second run, lists and describes its own rules
    expect(sarifRules(formatted('sarif', a, city.book))).toEqual(['city/x: City: short titles']);
    expect(sarifRules(formatted('sarif', b, town.book))).toEqual(['town/y: Town: short titles']);
    expect(own(formatted('json', a, city.book))).toEqual(['city/x: City finds the title long']);
  });

  test('at once (one id, two rulesets): each report keeps its words', async () => {
    const [a, b, c, shipped] = await Promise.all([
      run(city),
      run(town),
      run(village),
      validate([RECORD], { profile: 'ca-gc', now: NOW }),
    ]);
    expect(own(a)).toEqual(['city/x: City finds the title long']);
    expect(own(b)).toEqual(['town/y: Town finds the title long']);
    expect(own(c)).toEqual(['city/x: Village finds the title long']);
    expect(own(shipped)).toEqual([]);
    expect(sarifRules(formatted('sarif', c, village.book, 'fr'))).toEqual([
      'city/x: Village : titres courts',
    ]);
    expect(sarifRules(formatted('sarif', shipped, SHIPPED_RULES))).toEqual([]);
    // the user's principle counts in its own run's P3 score only
    const p3 = (r: Report) => r.records[0].scores?.principles.P3;
    expect(p3(a)).toEqual(p3(c));
    expect(p3(a)).not.toEqual(p3(shipped));
  });

  test('a run started between the records of another: the first is finished and formatted with its own words', async () => {
    const first = validateRecords([RECORD, RECORD], {
      profile: 'ca-gc',
      now: NOW,
      rules: city.book,
    });
    const results: RecordResult[] = [];
    const one = await first.next();
    if (!one.done) results.push(one.value.result);
    const other = await run(village);
    for await (const p of first) results.push(p.result);
    const summary = emptySummary();
    for (const r of results) addToSummary(summary, r);
    const a: Report = {
      schemaVersion: 1,
      tool: tool(),
      summary: closeSummary(summary),
      records: results,
    };
    expect(own(a)).toEqual([
      'city/x: City finds the title long',
      'city/x: City finds the title long',
    ]);
    expect(own(other)).toEqual(['city/x: Village finds the title long']);
    expect(sarifRules(formatted('sarif', a, city.book))).toEqual(['city/x: City: short titles']);
  });
});

describe('worker threads are given the run’s rules', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
    copyFileSync(
      join(ROOT, 'test', 'rulesets', 'every-check.yaml'),
      join(tmp.dir, 'every-check.yaml'),
    );
    writeFileSync(join(tmp.dir, 'passerelle.config.yaml'), 'extends: [./every-check.yaml]\n');
  });
  afterAll(() => tmp.cleanup());

  test('--workers 2 gives the same JSON report as one thread, the ruleset’s findings in it', () => {
    const catalogue = join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl');
    const args = ['validate', catalogue, '--profile', 'ca-gc', '--now', '2026-11-01'];
    const one = cli([...args, '-f', 'json', '--fail-on', 'never', '--workers', '1'], {
      cwd: tmp.dir,
    });
    const two = cli([...args, '-f', 'json', '--fail-on', 'never', '--workers', '2'], {
      cwd: tmp.dir,
    });
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/"ruleId":"city\//);
  });
});
