/**
 * Every rule id links to its page: Passerelle's rules and its rulesets' rules to docs/rules/ in the
 * report's language, a user's rule to the `url` its ruleset gives (none without one); stylish only
 * on terminals that show OSC 8 links.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleTargets } from '../src/config/load.js';
import { loadRuleset, RULESETS_DIR } from '../src/config/ruleset.js';
import type { RecordResult } from '../src/core/record.js';
import { sarif } from '../src/report/formatters/sarif.js';
import { stylish } from '../src/report/formatters/stylish.js';
import type { FormatterOptions } from '../src/report/formatters/types.js';
import { ruleHelp } from '../src/report/rule-help.js';
import { ruleBook, SHIPPED_RULES } from '../src/rules/book.js';
import { DOCS_URL } from '../src/tool.js';
import { supportsHyperlinks } from '../src/util/escape.js';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (extra: string) => `
    title: { en: A title, fr: Un titre }
    target: keyword
    then: { check: count, min: 1 }
    message: { en: No keyword, fr: Aucun mot-clé }${extra}`;
writeFileSync(
  join(dir, 'mine.yaml'),
  `rules:\n  mine/with-url:${rule('\n    url: https://example.org/rules/with-url')}\n  mine/without-url:${rule('')}\n`,
);

describe('rule links', () => {
  const targets = ruleTargets([]);
  const user = loadRuleset(join(dir, 'mine.yaml'), targets);
  const strict = loadRuleset(join(RULESETS_DIR, 'strict.yaml'), targets);
  const book = ruleBook([...user.rules, ...strict.rules]);

  it('loads the rulesets', () => {
    expect([...user.problems, ...strict.problems]).toEqual([]);
  });

  it('every shipped rule, profile/* and input/* included, links to its page in the report’s language', () => {
    expect(ruleHelp(SHIPPED_RULES, 'profile/required', 'en').helpUri).toBe(
      `${DOCS_URL}rules/profile/required.md`,
    );
    expect(ruleHelp(SHIPPED_RULES, 'input/parse-error', 'fr').helpUri).toBe(
      `${DOCS_URL}rules/fr/input/parse-error.md`,
    );
    for (const r of SHIPPED_RULES.all)
      expect(ruleHelp(SHIPPED_RULES, r.meta.id, 'en').helpUri).toBe(
        `${DOCS_URL}rules/${r.meta.id}.md`,
      );
  });

  it('a shipped ruleset’s rule links to its page; a user’s rule to its url, or nowhere', () => {
    expect(ruleHelp(book, 'strict/keywords-three', 'fr').helpUri).toBe(
      `${DOCS_URL}rules/fr/strict/keywords-three.md`,
    );
    expect(ruleHelp(book, 'mine/with-url', 'fr').helpUri).toBe(
      'https://example.org/rules/with-url',
    );
    expect(ruleHelp(book, 'mine/without-url', 'en').helpUri).toBeUndefined();
  });

  it('SARIF: helpUri where there is a page, help text always', () => {
    const f = sarif({
      lang: 'en',
      color: false,
      tool: { name: 'passerelle', version: '0' },
      rules: book,
    });
    const text = [
      f.start(),
      f.end({
        records: 0,
        valid: 0,
        invalid: 0,
        rejected: 0,
        findings: { error: 0, warning: 0, info: 0 },
      }),
    ].join('');
    const rules = JSON.parse(text).runs[0].tool.driver.rules as Record<string, unknown>[];
    const byId = (id: string) => rules.find((r) => r.id === id) as Record<string, unknown>;
    expect(byId('mine/with-url').helpUri).toBe('https://example.org/rules/with-url');
    expect(byId('mine/without-url').helpUri).toBeUndefined();
    expect(byId('mine/without-url').help).toEqual({ text: 'A title', markdown: 'A title' });
    expect(byId('strict/contact-email').helpUri).toBe(`${DOCS_URL}rules/strict/contact-email.md`);
  });

  describe('stylish', () => {
    const record: RecordResult = {
      id: 'r1',
      profile: null,
      source: { file: 'a.json', line: 1 },
      status: 'invalid',
      findings: [
        { ruleId: 'odc/keywords', severity: 'error', message: 'No keywords' },
        { ruleId: 'mine/without-url', severity: 'warning', message: 'No keyword' },
      ],
    };
    const base: FormatterOptions = {
      lang: 'fr',
      color: false,
      tool: { name: 'p', version: '0' },
      rules: book,
    };
    const osc8 = (uri: string, text: string) => `\u001B]8;;${uri}\u001B\\${text}\u001B]8;;\u001B\\`;

    it('links a rule id with OSC 8 when asked, to the page in the report’s language', () => {
      const out = stylish({ ...base, hyperlinks: true }).record(record) as string;
      expect(out).toContain(osc8(`${DOCS_URL}rules/fr/odc/keywords.md`, 'odc/keywords'));
      // no page: the id alone
      expect(out).toContain('  mine/without-url');
      expect(out).not.toContain(`${osc8('', '')}mine/without-url`);
    });

    it('writes no escape sequence otherwise', () => {
      const out = stylish(base).record(record) as string;
      expect(out).not.toContain('\u001B');
      expect(out).toContain('odc/keywords');
    });

    it('links on terminals that are not dumb; FORCE_HYPERLINK decides first; never in a pipe or file', () => {
      expect(supportsHyperlinks({ isTTY: true }, { TERM: 'xterm-256color' })).toBe(true);
      expect(supportsHyperlinks({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
      expect(supportsHyperlinks({ isTTY: false }, {})).toBe(false);
      expect(supportsHyperlinks({}, { FORCE_HYPERLINK: '1' })).toBe(true);
      expect(supportsHyperlinks({ isTTY: true }, { FORCE_HYPERLINK: '0' })).toBe(false);
    });
  });
});
