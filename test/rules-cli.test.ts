/** `passerelle rules` and `passerelle rules explain <id>`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/rules/index.js';
import { explainText } from '../src/cli/rules.js';
import { README, tableLines, tableRuleIds, withRulesTable } from '../src/build/readme-rules.js';
import { cli, tempDir } from './helpers.js';

describe('passerelle rules', () => {
  test('one line per rule: id, ODC commitment, severity, title', () => {
    const r = cli(['rules', '--no-config']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^odc\/freshness +P2\.b +warning +Data is as fresh as its declared frequency$/,
      ),
    );
    expect(lines.find((l) => l.startsWith('odc/bilingual '))).toMatch(
      / P6 +info +Title, description and keywords/,
    );
  });

  test('--profile shows the severities that apply to it; --lang fr in French; --format json', () => {
    expect(cli(['rules', '--profile', 'ca-gc', '--no-config']).stdout).toMatch(
      /^odc\/bilingual +P6 +error /m,
    );
    expect(cli(['rules', '--lang', 'fr', '--no-config']).stdout).toMatch(
      /^odc\/freshness +P2\.b +avertissement +Les données sont aussi fraîches que leur fréquence déclarée$/m,
    );
    const json = JSON.parse(cli(['rules', '--format', 'json', '--no-config']).stdout);
    expect(json).toContainEqual({
      id: 'odc/open-licence',
      principle: 'P3.c',
      severity: 'error',
      title: 'The licence is open',
    });
  });

  test('a configuration changes the severities shown', () => {
    const tmp = tempDir();
    try {
      writeFileSync(
        join(tmp.dir, 'passerelle.config.yaml'),
        'rules:\n  odc/freshness: error\n  dcat-ap/recommended: off\n',
      );
      const out = cli(['rules'], { cwd: tmp.dir }).stdout;
      expect(out).toMatch(/^odc\/freshness +P2\.b +error /m);
      expect(out).toMatch(/^dcat-ap\/recommended +P4\.b +off /m);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('passerelle rules explain', () => {
  test("prints the rule's principle, severity by profile, options, docs, and its examples with the findings they give", () => {
    const r = cli(['rules', 'explain', 'odc/freshness', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^odc\/freshness — Data is as fresh as its declared frequency$/m);
    expect(r.stdout).toMatch(/^Principle: P2 Timely and Comprehensive \(P2\.b\)$/m);
    expect(r.stdout).toMatch(
      /^Page: https:\/\/github\.com\/passerelle\/passerelle\/blob\/main\/docs\/rules\/odc\/freshness\.md$/m,
    );
    expect(r.stdout).toMatch(/^ {2}graceDays: 7 — Days added to both limits/m);
    expect(r.stdout).toMatch(/A dataset declared monthly but last modified two years ago/);
    expect(r.stdout).toMatch(
      /→ error: Last updated 2024-11-01 \(730 days ago\) but declared Monthly: expected within 53 days \(modified\)/,
    );
    expect(cli(['rules', 'explain', 'odc/bilingual', '--no-config']).stdout).toMatch(
      /^Default severity: info \(by profile: ca-gc error, [^)]*\)$/m,
    );
  });

  test('in French, after or before the id', () => {
    const a = cli(['rules', 'explain', 'odc/keywords', '--lang', 'fr', '--no-config']).stdout;
    expect(a).toMatch(/^odc\/keywords — Le jeu de données a des mots-clés$/m);
    expect(a).toMatch(/^ {2}- listes vides$/m);
    expect(a).toMatch(/^Page\u00a0: https:\S+\/docs\/rules\/fr\/odc\/keywords\.md$/m);
    expect(a).toMatch(/→ avertissement\u00a0: Le jeu de données n'a aucun mot-clé \(keyword\)/);
    expect(cli(['rules', '--lang', 'fr', 'explain', 'odc/keywords', '--no-config']).stdout).toBe(a);
  });

  test('every rule can be explained, in both languages', () => {
    for (const rule of RULES) {
      for (const lang of ['en', 'fr'] as const) {
        const text = explainText(rule.meta.id, { lang });
        expect([rule.meta.id, text]).toEqual([
          rule.meta.id,
          expect.stringContaining(rule.meta.docs[lang].slice(0, 40)),
        ]);
        expect(text).not.toMatch(/\{\{|undefined/);
      }
    }
  });

  test('an unknown rule: exit 2 with suggestions', () => {
    const r = cli(['rules', 'explain', 'freshness']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "freshness" \(did you mean "odc\/freshness"\?\)/);
  });
});

test("the README's rules table is the rule list's (npm run docs:rules writes it)", () => {
  const written = tableLines(readFileSync(README, 'utf8'));
  const wanted = tableLines(withRulesTable(readFileSync(README, 'utf8')));
  const [has, should] = [tableRuleIds(written), tableRuleIds(wanted)];
  // the rows first, by name: a rule added or removed without running npm run docs:rules
  expect({
    missing: should.filter((id) => !has.includes(id)),
    extra: has.filter((id) => !should.includes(id)),
  }).toEqual({ missing: [], extra: [] });
  expect(written).toEqual(wanted);
  expect(should).toContain('odc/freshness');
});
