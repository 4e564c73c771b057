/**
 * Markdown for a pull-request or merge-request comment (GitHub Flavored): the counts, the scores
 * when the run has them, findings by principle and by rule, and the first findings of each rule.
 * Memory stays bounded: per rule, counts and a few examples; per catalogue, the few lowest scores.
 * Everything taken from a record is escaped (`escapeMarkdown`).
 */
import { render } from '../../i18n/render.js';
import { mqaWord, principleName, severityLabel, t } from '../../i18n/ui.js';
import { count, counted, inRecords, severityCount } from '../../i18n/plural.js';
import type { Lang } from '../../core/lang.js';
import { escapeMarkdown as md } from '../../util/escape.js';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../core/severity.js';
import type { RecordResult } from '../../core/record.js';
import type { Summary } from '../../core/summary.js';
import { ruleHelp } from '../rule-help.js';
import { SHIPPED_RULES } from '../../rules/book.js';
import { capital, cmp, isFixable, placeOf, recordName, relatedNote } from './common.js';
import { catalogueMqaLine, decimal, principleShare, recordScoreLine } from './scores.js';
import type { FormatterFactory } from './types.js';

/** Findings shown per rule; the rest are counted. */
export const EXAMPLES_PER_RULE = 5;
/** Records listed under the lowest metadata quality. */
const LOWEST = 5;
const MARK: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

type Counts = Record<Severity, number>;
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

export const markdown: FormatterFactory = (o) => {
  const lang: Lang = o.lang;
  const book = o.rules ?? SHIPPED_RULES;
  const byRule = new Map<string, { counts: Counts; examples: string[] }>();
  const byPrinciple = new Map<string, Counts>();
  const lowest: { points: number; order: number; line: string }[] = [];
  let withFindings = 0;
  let fixable = 0;
  /** Lines under the counts: findings the baseline left out, findings `passerelle fix` can correct. */
  const notes = (s: Summary): string[] => [
    ...(s.baselined ? ['', counted('baselined', s.baselined, lang)] : []),
    ...(fixable ? ['', render(t('fixable', lang), { n: fixable })] : []),
  ];
  let order = 0;

  const example = (r: RecordResult, f: RecordResult['findings'][number]): string => {
    const title = r.title ? ` “${md(r.title)}”` : '';
    return `- ${MARK[f.severity]} ${md(placeOf(r, f))} — ${md(recordName(r, lang))}${title}: ${md(f.message + relatedNote(f))}`;
  };

  // the rule's id links to its page (docs/rules/…), where it has one
  const linked = (id: string): string => {
    const uri = ruleHelp(book, id, lang).helpUri;
    return uri
      ? `[\`${id}\`](${uri.replace(/[()|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)})`
      : `\`${id}\``;
  };

  return {
    start: () => '',
    record: (r) => {
      order++;
      if (r.findings.length > 0) withFindings++;
      for (const f of r.findings) {
        if (isFixable(f)) fixable++;
        let g = byRule.get(f.ruleId);
        if (!g) byRule.set(f.ruleId, (g = { counts: zero(), examples: [] }));
        g.counts[f.severity]++;
        if (g.examples.length < EXAMPLES_PER_RULE) g.examples.push(example(r, f));
        const p = f.principle ?? '';
        let c = byPrinciple.get(p);
        if (!c) byPrinciple.set(p, (c = zero()));
        c[f.severity]++;
      }
      if (r.scores) {
        lowest.push({
          points: r.scores.mqa.points,
          order,
          line: `- ${md(recordName(r, lang))}${r.title ? ` “${md(r.title)}”` : ''} — ${md(placeOf(r))}: ${recordScoreLine(r.scores, lang)}`,
        });
        lowest.sort((a, b) => a.points - b.points || a.order - b.order);
        if (lowest.length > LOWEST) lowest.pop();
      }
      return '';
    },
    end: (s: Summary) => {
      const out: string[] = [];
      const total = s.findings.error + s.findings.warning + s.findings.info;
      const parts = SEVERITIES.filter((k) => s.findings[k] > 0).map((k) =>
        severityCount(s.findings[k], k, lang),
      );
      out.push(
        total === 0
          ? `## ✅ ${t('reportTitle', lang)}: ${t('noProblems', lang)}`
          : `## ${s.findings.error > 0 ? '❌' : '⚠️'} ${t('reportTitle', lang)}: ${count(total, 'problem', lang)} (${parts.join(', ')}) ${inRecords(withFindings, s.records, lang)}`,
      );
      out.push(
        '',
        `| ${[t('records', lang), t('valid', lang), t('invalid', lang), t('rejected', lang)].map(capital).join(' | ')} |`,
        '|---:|---:|---:|---:|',
      );
      out.push(`| ${s.records} | ${s.valid} | ${s.invalid} | ${s.rejected} |`);
      out.push(...notes(s));

      const sc = s.scores;
      if (sc) {
        out.push(
          '',
          `### ${t('scores', lang)}`,
          '',
          `**${t('mqa', lang)}** — ${catalogueMqaLine(sc, lang)}`,
          '',
        );
        out.push(
          `| ${t('dimension', lang)} | ${capital(t('mean', lang))} | max |`,
          '|---|---:|---:|',
        );
        for (const [d, v] of Object.entries(sc.mqa.dimensions))
          out.push(`| ${mqaWord(d, lang)} | ${decimal(v.mean, lang)} | ${v.max} |`);
        const stars = Object.keys(sc.stars).sort(cmp);
        if (stars.length) {
          out.push(
            '',
            `**${t('stars', lang)}** — ${stars.map((k) => `${k}★${lang === 'fr' ? '\u00A0:' : ':'} ${sc.stars[k]}`).join(' · ')}`,
          );
        }
      }

      const principles = [
        ...new Set([...byPrinciple.keys(), ...Object.keys(sc?.principles ?? {})]),
      ].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)));
      if (principles.length) {
        out.push('', `### ${t('principles', lang)}`, '');
        out.push(
          `| ${t('principle', lang)} | ${SEVERITIES.map((k) => capital(severityLabel(k, lang, true))).join(' | ')} |${sc ? ` ${capital(t('passedChecks', lang))} |` : ''}`,
        );
        out.push(`|---|${SEVERITIES.map(() => '---:').join('|')}|${sc ? '---:|' : ''}`);
        for (const p of principles) {
          const c = byPrinciple.get(p) ?? zero();
          const name = p === '' ? t('noPrinciple', lang) : `${p} ${principleName(p, lang)}`;
          const share = sc
            ? ` ${principleShare(sc.principles[p as keyof typeof sc.principles], lang)} |`
            : '';
          out.push(`| ${name} | ${SEVERITIES.map((k) => c[k]).join(' | ')} |${share}`);
        }
      }

      const rules = [...byRule.entries()].sort(([a, x], [b, y]) => {
        const worst = (c: Counts): number =>
          Math.max(...SEVERITIES.filter((k) => c[k] > 0).map((k) => SEVERITY_RANK[k]));
        const n = (c: Counts): number => c.error + c.warning + c.info;
        return worst(y.counts) - worst(x.counts) || n(y.counts) - n(x.counts) || cmp(a, b);
      });
      if (rules.length) {
        out.push('', `### ${t('byRule', lang)}`, '');
        out.push(
          `| ${t('rule', lang)} | | ${SEVERITIES.map((k) => capital(severityLabel(k, lang, true))).join(' | ')} |`,
          `|---|---|${SEVERITIES.map(() => '---:').join('|')}|`,
        );
        for (const [id, g] of rules)
          out.push(
            `| ${linked(id)} | ${md(ruleHelp(book, id, lang).title)} | ${SEVERITIES.map((k) => g.counts[k]).join(' | ')} |`,
          );
        out.push('', `### ${t('topFindings', lang)}`);
        for (const [id, g] of rules) {
          const n = g.counts.error + g.counts.warning + g.counts.info;
          out.push(
            '',
            `#### ${linked(id)} — ${md(ruleHelp(book, id, lang).title)} (${n})`,
            '',
            ...g.examples,
          );
          if (n > g.examples.length)
            out.push(`- … ${render(t('andMore', lang), { n: n - g.examples.length })}`);
        }
      }
      if (lowest.length)
        out.push('', `### ${t('lowestScores', lang)}`, '', ...lowest.map((l) => l.line));
      out.push(
        '',
        `<sub>${md(render(t('generatedBy', lang), { tool: `${o.tool.name} ${o.tool.version}` }))}</sub>`,
        '',
      );
      return out.join('\n');
    },
  };
};
