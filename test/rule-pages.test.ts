/**
 * The committed rule pages (docs/rules/) are those `npm run docs:rules` writes from the rules: the
 * pages are written again into a temporary folder and compared file by file, so that a rule added,
 * changed or removed without running the script fails here, naming the page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder, RULE_PAGES_DIR, writeRulePages } from '../src/build/rule-pages.js';
import { RULES } from '../src/rules/index.js';
import { rulePagePath } from '../src/tool.js';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-rule-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rule pages (docs/rules/)', () => {
  writeRulePages(dir);

  it('are up to date with the rules (run `npm run docs:rules`)', () => {
    expect(filesUnder(RULE_PAGES_DIR)).toEqual(filesUnder(dir));
    const stale = filesUnder(dir).filter(
      (f) => readFileSync(join(dir, f), 'utf8') !== readFileSync(join(RULE_PAGES_DIR, f), 'utf8'),
    );
    expect(stale).toEqual([]);
  });

  it('has a page in English and in French for every rule, and for the shipped rulesets’ rules', () => {
    const files = new Set(filesUnder(dir));
    for (const rule of RULES)
      for (const lang of ['en', 'fr'] as const)
        expect(files).toContain(rulePagePath(rule.meta.id, lang).slice('rules/'.length));
    for (const id of ['strict/keywords-three', 'on-odd/ogl-ontario'])
      expect(files).toContain(`${id}.md`);
  });

  it('says the default severity, the options with their defaults and docs, and what changes the rule', () => {
    const en = readFileSync(join(dir, 'odc/title-description.md'), 'utf8');
    expect(en).toContain('| Default severity | warning |');
    expect(en).toContain('| `minDescriptionLength` | `100` |');
    expect(en).toContain(
      'ruleset `passerelle:strict`: error, options {"minDescriptionLength":200}',
    );
    expect(en).toContain('[Français](../fr/odc/title-description.md)');
    const fr = readFileSync(join(dir, 'fr/odc/title-description.md'), 'utf8');
    expect(fr).toContain('| Gravité par défaut | avertissement |');
    expect(fr).toContain('[English](../../odc/title-description.md)');
    expect(fr).toContain('### Non conformes');
  });
});
