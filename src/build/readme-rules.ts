/**
 * The README's rules table, written from the rule list (`npm run docs:rules`), so that adding a rule
 * adds its row: one row per rule of `src/rules/index.ts`, in its order, the SHACL constraint
 * components as one row. The rule, ODC and default columns come from each rule's `meta` and the
 * profiles' `rules:`; the "checks" column is the README's own summary, kept as written (a new
 * rule's row starts with its title). `test/rules-cli.test.ts` fails, naming the rows, when the
 * table and the rule list differ. The same command writes a page per rule (rule-pages.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { writeRulePages } from './rule-pages.js';

export const README = join(PACKAGE_ROOT, 'README.md');
const BEGIN =
  '<!-- rules table: written by `npm run docs:rules` from src/rules/index.ts; edit only the "checks" column -->';
const END = '<!-- end of rules table -->';
const HEAD = ['| rule | ODC | default | checks |', '|---|---|---|---|'];
/** SHACL constraint components are one row: their severity is each shape's. */
const SHACL_ROW = { id: 'shacl/<component>', severity: 'from the shape' };

interface Row {
  id: string;
  odc: string;
  severity: string;
  checks: string;
}

/** The table's lines between the markers (without them); throws when the README has no markers. */
export function tableLines(readme: string): string[] {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`README.md: the rules table's markers are missing (${BEGIN} … ${END})`);
  return readme
    .slice(start + BEGIN.length, end)
    .trim()
    .split('\n');
}

/** Rule id → its "checks" cell, from the table as written. */
function writtenChecks(lines: string[]): Map<string, string> {
  const checks = new Map<string, string>();
  for (const line of lines.slice(HEAD.length)) {
    const m = /^\| `([^`]+)` \|[^|]*\|[^|]*\| (.*) \|$/.exec(line);
    if (m) checks.set(m[1], m[2]);
  }
  return checks;
}

/** "info (error: ca-gc, ca-gc-hnap; warning: ca-on)": the default, then the profiles that change it. */
function severityCell(rule: Rule, profileRules: [string, Record<string, string>][]): string {
  const bySeverity = new Map<string, string[]>();
  for (const [id, rules] of profileRules) {
    const s = rules[rule.meta.id];
    if (s && s !== rule.meta.severity) bySeverity.set(s, [...(bySeverity.get(s) ?? []), id]);
  }
  const changes = [...bySeverity].map(([s, ids]) => `${s}: ${ids.join(', ')}`);
  return changes.length ? `${rule.meta.severity} (${changes.join('; ')})` : rule.meta.severity;
}

/** The rows the rule list gives, with the checks written in `lines` (a rule's title for a new row). */
function rows(lines: string[]): Row[] {
  const checks = writtenChecks(lines);
  const profileRules = listProfileIds().map(
    (id) => [id, loadProfile(id).rules] as [string, Record<string, string>],
  );
  const out: Row[] = [];
  for (const rule of RULES) {
    const { id, commitment, principle, title } = rule.meta;
    const odc = commitment ?? principle ?? '';
    if (id.startsWith('shacl/')) {
      if (!out.some((r) => r.id === SHACL_ROW.id))
        out.push({ ...SHACL_ROW, odc, checks: checks.get(SHACL_ROW.id) ?? title.en });
      continue;
    }
    out.push({
      id,
      odc,
      severity: severityCell(rule, profileRules),
      checks: checks.get(id) ?? title.en,
    });
  }
  return out;
}

/** The README with its rules table written from the rule list. */
export function withRulesTable(readme: string): string {
  const table = rows(tableLines(readme)).map(
    (r) =>
      `|${[`\`${r.id}\``, r.odc, r.severity, r.checks].map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`,
  );
  const start = readme.indexOf(BEGIN) + BEGIN.length;
  return `${readme.slice(0, start)}\n${[...HEAD, ...table].join('\n')}\n${readme.slice(readme.indexOf(END))}`;
}

/** The rule ids (SHACL as one) a table lists, in its order. */
export function tableRuleIds(lines: string[]): string[] {
  return [...writtenChecks(lines).keys()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const before = readFileSync(README, 'utf8');
  const after = withRulesTable(before);
  if (after !== before) writeFileSync(README, after);
  process.stdout.write(
    after === before
      ? 'README.md: the rules table is up to date\n'
      : 'README.md: rules table written\n',
  );
  process.stdout.write(`docs/rules/: ${writeRulePages()} pages written\n`);
}
