/**
 * A page per rule, written from the rule's own metadata (`npm run docs:rules`): docs/rules/<id>.md
 * in English and docs/rules/fr/<id>.md in French — one language per page, so that a report in
 * French links straight to French and each page reads as one text. Passerelle's rules and those of
 * the rulesets it ships (`passerelle:strict`'s `strict/*`, …); each page says the rule's title,
 * docs, ODC principle and commitment, default severity, options (docs and defaults), passing and
 * failing examples, and which profiles and shipped rulesets change it. An index per language
 * (docs/rules/README.md) lists them. `test/rule-pages.test.ts` fails when the committed pages and
 * the rules differ.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { ruleTargets } from '../config/load.js';
import { loadRuleset, RULESETS_DIR, shippedRulesets } from '../config/ruleset.js';
import type { Lang } from '../core/lang.js';
import { principleName } from '../i18n/ui.js';
import { PACKAGE_ROOT } from '../paths.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleExample } from '../rules/types.js';
import { rulePagePath } from '../tool.js';

export const RULE_PAGES_DIR = join(PACKAGE_ROOT, 'docs', 'rules');
const LANGS: Lang[] = ['en', 'fr'];

/** The pages' own words (a build script's: the CLI's messages are in src/i18n). */
const WORDS = {
  en: {
    index: 'Rules',
    intro:
      'One page per rule, written from the rules themselves by `npm run docs:rules`: do not edit by hand. See [docs/rules.md](../rules.md) for how rules, rulesets and scores work.',
    other: '[Français]({{up}}fr/{{path}})',
    severity: 'Default severity',
    principle: 'ODC principle',
    commitment: 'ODC commitment',
    ruleset: 'Defined by',
    changed: 'Changed by',
    none: 'no shipped profile or ruleset',
    profile: 'profile',
    rulesetWord: 'ruleset',
    options: 'Options',
    option: 'option',
    default: 'default',
    meaning: 'what it does',
    optionsHow:
      'Set in `passerelle.config.yaml` or a ruleset: `rules: { {{id}}: { options: { … } } }`.',
    examples: 'Examples',
    pass: 'Passes',
    fail: 'Fails',
    underProfile: 'under the profile',
    before: 'after {{n}} other record(s) of the same run',
    sourceRecord: 'source record:',
    record: 'common record:',
  },
  fr: {
    index: 'Règles',
    intro:
      'Une page par règle, écrite à partir des règles elles-mêmes par `npm run docs:rules` : ne pas modifier à la main. Voir [docs/rules.md](../../rules.md) pour le fonctionnement des règles, des jeux de règles et des scores.',
    other: '[English](../{{up}}{{path}})',
    severity: 'Gravité par défaut',
    principle: 'Principe de la Charte',
    commitment: 'Engagement de la Charte',
    ruleset: 'Définie par',
    changed: 'Modifiée par',
    none: 'aucun profil ni jeu de règles livré',
    profile: 'profil',
    rulesetWord: 'jeu de règles',
    options: 'Options',
    option: 'option',
    default: 'par défaut',
    meaning: 'rôle',
    optionsHow:
      'À régler dans `passerelle.config.yaml` ou un jeu de règles : `rules: { {{id}}: { options: { … } } }`.',
    examples: 'Exemples',
    pass: 'Conformes',
    fail: 'Non conformes',
    underProfile: 'sous le profil',
    before: 'après {{n}} autre(s) fiche(s) de la même exécution',
    sourceRecord: 'fiche source :',
    record: 'fiche commune :',
  },
} satisfies Record<Lang, Record<string, string>>;

const SEVERITY = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'info' },
};

/** What a ruleset or profile sets for a rule: a severity, options, or both. */
interface Change {
  by: string;
  kind: 'profile' | 'ruleset';
  severity?: string;
  options?: Record<string, unknown>;
}

interface Sources {
  rules: { rule: Rule; ruleset?: string }[];
  changes: Map<string, Change[]>;
}

/** Passerelle's rules, its rulesets' rules, and what its profiles and rulesets change. */
function sources(): Sources {
  const changes = new Map<string, Change[]>();
  const add = (id: string, c: Change) => changes.set(id, [...(changes.get(id) ?? []), c]);
  for (const id of listProfileIds())
    for (const [rule, severity] of Object.entries(loadProfile(id).rules ?? {}))
      add(rule, { by: id, kind: 'profile', severity });
  const rules: Sources['rules'] = RULES.map((rule) => ({ rule }));
  const targets = ruleTargets([]);
  for (const name of shippedRulesets()) {
    const chain = loadRuleset(join(RULESETS_DIR, `${name}.yaml`), targets);
    if (chain.problems.length)
      throw new Error(`passerelle:${name}: ${chain.problems.map((p) => p.message).join('; ')}`);
    for (const [id, s] of chain.settings)
      add(id, { by: `passerelle:${name}`, kind: 'ruleset', ...s });
    for (const rule of chain.rules)
      if (!rules.some((r) => r.rule.meta.id === rule.meta.id))
        rules.push({ rule, ruleset: `passerelle:${name}` });
  }
  return { rules, changes };
}

/** A table cell: one line, pipes escaped. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function fill(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function changeText(c: Change, lang: Lang): string {
  const w = WORDS[lang];
  const what = [
    ...(c.severity
      ? [SEVERITY[lang][c.severity as keyof (typeof SEVERITY)['en']] ?? c.severity]
      : []),
    ...(c.options ? [`options ${JSON.stringify(c.options)}`] : []),
  ];
  return `${c.kind === 'profile' ? w.profile : w.rulesetWord} \`${c.by}\`${lang === 'fr' ? ' :' : ':'} ${what.join(', ')}`;
}

function exampleLines(e: RuleExample, lang: Lang): string[] {
  const w = WORDS[lang];
  const notes = [
    ...(e.note ? [e.note[lang]] : []),
    ...(e.profile ? [`${w.underProfile} \`${e.profile}\``] : []),
    ...(e.before?.length ? [fill(w.before, { n: e.before.length })] : []),
  ];
  const blocks = [
    ...(e.source !== undefined ? [[w.sourceRecord, e.source] as const] : []),
    ...(e.source === undefined || Object.keys(e.dataset).length
      ? [[w.record, e.dataset] as const]
      : []),
  ];
  return [
    ...(notes.length ? [`${notes.join(' — ')}`, ''] : []),
    ...blocks.flatMap(([label, value]) => [
      label,
      '',
      '```json',
      JSON.stringify(value, null, 2),
      '```',
      '',
    ]),
  ];
}

/** One rule's page in one language. */
export function rulePage(
  rule: Rule,
  lang: Lang,
  changes: Change[],
  ruleset: string | undefined,
): string {
  const w = WORDS[lang];
  const m = rule.meta;
  const path = rulePagePath(m.id, 'en').slice('rules/'.length);
  const facts: [string, string][] = [
    [w.severity, SEVERITY[lang][m.severity]],
    ...(m.principle
      ? [[w.principle, `${m.principle} — ${principleName(m.principle, lang)}`] as [string, string]]
      : []),
    ...(m.commitment ? [[w.commitment, m.commitment] as [string, string]] : []),
    ...(ruleset ? [[w.ruleset, `${w.rulesetWord} \`${ruleset}\``] as [string, string]] : []),
    [w.changed, changes.length ? changes.map((c) => changeText(c, lang)).join('; ') : w.none],
  ];
  const depth = '../'.repeat(path.split('/').length - 1);
  const lines = [
    `# \`${m.id}\` — ${m.title[lang]}`,
    '',
    fill(w.other, { up: depth, path }),
    '',
    m.docs[lang].trim(),
    '',
    '| | |',
    '|---|---|',
    ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    '',
  ];
  const options = Object.entries(m.options ?? {});
  if (options.length)
    lines.push(
      `## ${w.options}`,
      '',
      `| ${w.option} | ${w.default} | ${w.meaning} |`,
      '|---|---|---|',
      ...options.map(
        ([k, v]) =>
          `| \`${k}\` | \`${cell(JSON.stringify(v))}\` | ${cell(m.optionDocs?.[k]?.[lang] ?? '')} |`,
      ),
      '',
      fill(w.optionsHow, { id: m.id }),
      '',
    );
  const ex = m.examples;
  if (ex && (ex.pass.length || ex.fail.length)) {
    lines.push(`## ${w.examples}`, '');
    for (const [title, list] of [
      [w.pass, ex.pass],
      [w.fail, ex.fail],
    ] as const)
      if (list.length)
        lines.push(`### ${title}`, '', ...list.flatMap((e) => exampleLines(e, lang)));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The index of one language: each rule, its title and default severity, by namespace. */
function indexPage(rules: Sources['rules'], lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`# ${w.index}`, '', w.intro, ''];
  let namespace = '';
  for (const { rule } of rules) {
    const ns = rule.meta.id.split('/')[0];
    if (ns !== namespace) {
      lines.push(...(namespace ? [''] : []), `## ${ns}`, '');
      namespace = ns;
    }
    const page = rulePagePath(rule.meta.id, 'en').slice('rules/'.length);
    lines.push(
      `- [\`${rule.meta.id}\`](${page}) — ${rule.meta.title[lang]} (${SEVERITY[lang][rule.meta.severity]})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every page, by its path under docs/rules/. */
export function rulePages(): Map<string, string> {
  const { rules, changes } = sources();
  const pages = new Map<string, string>();
  for (const lang of LANGS) {
    const base = lang === 'fr' ? 'fr/' : '';
    pages.set(`${base}README.md`, indexPage(rules, lang));
    for (const { rule, ruleset } of rules)
      pages.set(
        rulePagePath(rule.meta.id, lang).slice('rules/'.length),
        rulePage(rule, lang, changes.get(rule.meta.id) ?? [], ruleset),
      );
  }
  return pages;
}

/** Writes the pages into `dir` (docs/rules/), removing pages of rules that are gone. */
export function writeRulePages(dir: string = RULE_PAGES_DIR): number {
  rmSync(dir, { recursive: true, force: true });
  const pages = rulePages();
  for (const [path, text] of pages) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return pages.size;
}

/** The files under `dir`, as paths relative to it (for the up-to-date test). */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split(sep).join('/'))
    .sort();
}
