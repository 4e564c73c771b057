/** `passerelle rules` and `passerelle rules explain <id>`: the rules, from their own metadata. */
import { finalize } from '../engine/findings.js';
import { checkAfter } from '../engine/unique.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import { ruleBook, type RuleBook } from '../rules/book.js';
import { runRules, settingsFor, type RuleSettings } from '../rules/run.js';
import type { Lang } from '../core/lang.js';
import type { Rule, RuleExample } from '../rules/types.js';
import type { Emitted } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { UsageError } from '../util/errors.js';
import { closest } from '../util/file-schema.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { principleName, severityLabel } from '../i18n/ui.js';
import { ruleHelp } from '../report/rule-help.js';

/** The date rule examples are written against (`--now` of their fixtures). */
const EXAMPLES_NOW = new Date('2026-11-01T00:00:00Z');

export interface RulesCommandOptions {
  lang: Lang;
  profile?: string;
  settings?: RuleSettings;
  /** The configuration's own rules (its rulesets'), listed and explained after Passerelle's. */
  rules?: readonly Rule[];
  format?: string;
}

const label = (s: Severity | 'off', lang: Lang): string =>
  s === 'off' ? (lang === 'fr' ? 'désactivée' : 'off') : severityLabel(s, lang);
/** `Principle: …`, `Principe : …` */
const colon = (lang: Lang): string => (lang === 'fr' ? '\u00a0: ' : ': ');

/** The severity a rule's findings get for a profile: configuration, then the profile, then the rule. */
function severityFor(
  rule: Rule,
  profile: string | undefined,
  settings: RuleSettings | undefined,
): Severity | 'off' {
  const s = profile ? settingsFor(settings, profile) : settings;
  const fromProfile = profile
    ? loadProfile(profile, { knownRules: RULE_IDS }).rules[rule.meta.id]
    : undefined;
  return s?.severity?.[rule.meta.id] ?? fromProfile ?? rule.meta.severity;
}

export function rulesCommand(o: RulesCommandOptions): number {
  const rows = ruleBook(o.rules).all.map((r) => ({
    id: r.meta.id,
    principle: r.meta.commitment ?? r.meta.principle ?? '',
    severity: severityFor(r, o.profile, o.settings),
    title: r.meta.title[o.lang],
    // a ruleset's rule: the file:line:col that defines it
    ...(r.meta.origin ? { origin: r.meta.origin } : {}),
  }));
  const shown = rows.map((r) => ({ ...r, severity: label(r.severity, o.lang) }));
  if (o.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (o.format !== undefined && o.format !== 'text')
    throw new UsageError(
      `--format: unknown format "${o.format}" (known: text, json)`,
      `--format : format inconnu « ${o.format} » (connus : text, json)`,
    );
  const w = [
    Math.max(...rows.map((r) => r.id.length)),
    Math.max(...rows.map((r) => r.principle.length)),
    Math.max(...shown.map((r) => r.severity.length)),
  ];
  for (const r of shown)
    process.stdout.write(
      `${r.id.padEnd(w[0])}  ${r.principle.padEnd(w[1])}  ${r.severity.padEnd(w[2])}  ${r.title}${r.origin ? `  (${r.origin})` : ''}\n`,
    );
  return 0;
}

const WORDS = {
  principle: { en: 'Principle', fr: 'Principe' },
  severity: { en: 'Default severity', fr: 'Gravité par défaut' },
  byProfile: { en: 'by profile', fr: 'selon le profil' },
  origin: { en: 'Defined in', fr: 'Définie dans' },
  page: { en: 'Page', fr: 'Page' },
  options: { en: 'Options (passerelle.config.yaml)', fr: 'Options (passerelle.config.yaml)' },
  pass: { en: 'Passes', fr: 'Réussit' },
  fail: { en: 'Fails', fr: 'Échoue' },
  stage: {
    en: 'Reported while reading and mapping records',
    fr: 'Signalée à la lecture et à la conversion des enregistrements',
  },
} as const;

function exampleLines(
  book: RuleBook,
  rule: Rule,
  e: RuleExample,
  lang: Lang,
  failing: boolean,
): string[] {
  // a rule across the records of a run: the records read before, one a line, then the one judged
  // a rule on a source field: its example is the portal's record
  const judged = e.source !== undefined ? e.source : e.dataset;
  const shown = [...(e.before ?? []), judged].map((d) => JSON.stringify(d)).join('\n    ');
  const lines = e.note ? [`  - ${e.note[lang]}`, `    ${shown}`] : [`  - ${shown}`];
  if (!failing) return lines;
  const profile = loadProfile(e.profile ?? 'ca-gc', { knownRules: RULE_IDS });
  const emitted = e.before ? checkAfter(e.before, e.dataset) : runExample(rule, e);
  for (const f of finalize(emitted, { profile, lang, rules: book }))
    lines.push(
      `    → ${severityLabel(f.severity, lang)}${colon(lang)}${f.message}${f.property ? ` (${f.property})` : ''}`,
    );
  return lines;
}

/** The date rule examples are written against. */
export { EXAMPLES_NOW };

/** What a rule finds in one of its examples (under its profile, `ca-gc` when not said). */
export function runExample(rule: Rule, e: RuleExample): Emitted[] {
  return runRules(e.dataset, {
    profile: loadProfile(e.profile ?? 'ca-gc', { knownRules: RULE_IDS }),
    now: EXAMPLES_NOW,
    vocabularies: defaultVocabularies(),
    rules: [rule],
    source: e.source,
  });
}

export function explainCommand(id: string, o: RulesCommandOptions): number {
  process.stdout.write(explainText(id, o));
  return 0;
}

/** The text `rules explain` prints. */
export function explainText(id: string, o: RulesCommandOptions): string {
  const book = ruleBook(o.rules);
  const rule = book.byId(id);
  if (!rule) {
    const near = closest(
      id,
      book.all.map((r) => r.meta.id),
    );
    throw new UsageError(
      `unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; passerelle rules lists them`,
      `règle inconnue « ${id} »${near ? ` (vouliez-vous dire « ${near} » ?)` : ''} ; passerelle rules les liste`,
    );
  }
  const { meta } = rule;
  const L = o.lang;
  const out: string[] = [`${meta.id} — ${meta.title[L]}`, ''];
  if (meta.principle) {
    out.push(
      `${WORDS.principle[L]}${colon(L)}${meta.principle} ${principleName(meta.principle, L)}${meta.commitment ? ` (${meta.commitment})` : ''}`,
    );
  }
  const profiles = listProfileIds()
    .map((p) => [p, loadProfile(p, { knownRules: RULE_IDS }).rules[meta.id]] as const)
    .filter(([, s]) => s !== undefined);
  const by = profiles.length
    ? ` (${WORDS.byProfile[L]}${colon(L)}${profiles.map(([p, s]) => `${p} ${label(s, L)}`).join(', ')})`
    : '';
  if (meta.origin) out.push(`${WORDS.origin[L]}${colon(L)}${meta.origin}`);
  const page = ruleHelp(book, meta.id, L).helpUri;
  if (page) out.push(`${WORDS.page[L]}${colon(L)}${page}`);
  out.push(`${WORDS.severity[L]}${colon(L)}${label(meta.severity, L)}${by}`);
  if (o.profile || o.settings)
    out.push(
      `→ ${label(severityFor(rule, o.profile, o.settings), L)}${o.profile ? ` (${o.profile})` : ''}`,
    );
  const options = Object.entries(meta.options ?? {});
  if (options.length) {
    out.push('', `${WORDS.options[L]}${colon(L).trimEnd()}`);
    for (const [name, value] of options)
      out.push(
        `  ${name}: ${JSON.stringify(value)}${meta.optionDocs?.[name] ? ` — ${meta.optionDocs[name][L]}` : ''}`,
      );
  }
  out.push('', meta.docs[L]);
  if (rule.kind === 'stage' && rule.stage !== 'run') {
    out.push('', `${WORDS.stage[L]}.`);
  } else if (meta.examples) {
    out.push(
      '',
      `${WORDS.pass[L]}${colon(L).trimEnd()}`,
      ...meta.examples.pass.flatMap((e) => exampleLines(book, rule, e, L, false)),
    );
    out.push(
      '',
      `${WORDS.fail[L]}${colon(L).trimEnd()}`,
      ...meta.examples.fail.flatMap((e) => exampleLines(book, rule, e, L, true)),
    );
  }
  return `${out.join('\n')}\n`;
}
