/**
 * The pieces of the HTML report of a catalogue: the run, the charts (inline SVG: nothing fetched),
 * the findings by rule and the findings by record. Everything taken from a record is escaped.
 */
import { render } from '../../i18n/render.js';
import { severityLabel, t } from '../../i18n/ui.js';
import type { Lang } from '../../core/lang.js';
import { escapeHtml as h } from '../../util/escape.js';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { RecordResult } from '../../core/record.js';
import type { RuleBook } from '../../rules/book.js';
import { counted } from '../../i18n/plural.js';
import { ruleHelp } from '../rule-help.js';
import { capital, cmp, placeOf, recordName } from './common.js';
import { percent, recordScoreLine } from './scores.js';
import type { RunInfo } from './types.js';

export type Counts = Record<Severity, number>;
export const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
export const sum = (c: Counts): number => c.error + c.warning + c.info;

/** Examples kept per rule (the first met). */
export const EXAMPLES = 3;

export interface Example {
  record: string;
  field: string;
  message: string;
}

/** A rule over the whole run: findings by severity, records it was found in, a few examples. */
export interface RuleStat {
  counts: Counts;
  records: number;
  examples: Example[];
}

/** `#rule-…`: the anchor of a rule's part of the page. */
export const ruleAnchor = (id: string): string => `rule-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A rule's docs (our own Markdown: paragraphs, `code`, *emphasis*) as HTML. */
export function docsHtml(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map(
      (p) =>
        `<p>${h(p)
          .replace(/`([^`]+)`/g, '<code>$1</code>')
          .replace(/\*([^*]+)\*/g, '<em>$1</em>')}</p>`,
    )
    .join('');
}

export interface Bar {
  label: string;
  value: number;
  /** A class of the bar (`sev-error`: its colour). */
  cls?: string;
}

const CHART_WIDTH = 520;
const LABEL_WIDTH = 210;
const BAR_HEIGHT = 18;

/** A horizontal bar chart as inline SVG, with the numbers as text (readable without colour). */
export function barChart(caption: string, bars: Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = CHART_WIDTH - LABEL_WIDTH - 60;
  const height = bars.length * (BAR_HEIGHT + 4) + 4;
  const rows = bars.map((b, i) => {
    const y = 4 + i * (BAR_HEIGHT + 4);
    const w = b.value === 0 ? 0 : Math.max(1, Math.round((b.value / max) * room));
    const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
    return (
      `<g><title>${h(b.label)}: ${b.value}</title>` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + 13}" text-anchor="end">${h(label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" class="bar ${b.cls ?? ''}"></rect>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 13}">${b.value}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${h(caption)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="${h(caption)}">` +
    `${rows.join('')}</svg></figure>`
  );
}

/** Rules shown in the chart at most; the rest are in the section below. */
const CHART_RULES = 15;

/** Findings by severity, by rule (most first), records by score and by star level. */
export function charts(
  findings: Counts,
  byRule: Map<string, RuleStat>,
  mqaBins: number[],
  stars: Record<string, number> | undefined,
  lang: Lang,
): string {
  const out = [
    barChart(
      t('chartBySeverity', lang),
      SEVERITIES.map((k) => ({
        label: capital(severityLabel(k, lang, true)),
        value: findings[k],
        cls: `sev-${k}`,
      })),
    ),
  ];
  const rules = [...byRule.entries()]
    .map(([id, s]) => ({ id, n: sum(s.counts), s }))
    .sort((a, b) => b.n - a.n || cmp(a.id, b.id));
  if (rules.length) {
    const bars: Bar[] = rules.slice(0, CHART_RULES).map((r) => ({
      label: r.id,
      value: r.n,
      cls: `sev-${SEVERITIES.find((k) => r.s.counts[k] > 0) ?? 'info'}`,
    }));
    const more = rules.length - CHART_RULES;
    const caption = `${t('chartByRule', lang)}${more > 0 ? ` (${render(t('andMore', lang), { n: more })})` : ''}`;
    out.push(barChart(caption, bars));
  }
  if (mqaBins.some((n) => n > 0))
    out.push(
      barChart(
        t('chartScores', lang),
        mqaBins.map((n, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, value: n })),
      ),
    );
  if (stars && Object.keys(stars).length)
    out.push(
      barChart(
        t('chartStars', lang),
        Object.keys(stars)
          .sort(cmp)
          .map((k) => ({ label: `${k} ★`, value: stars[k] ?? 0 })),
      ),
    );
  return `<div class="charts">${out.join('')}</div>`;
}

/** Inputs, profiles (as asked, and as met with their record counts), reference date. */
export function runList(
  run: RunInfo | undefined,
  profiles: Map<string, number>,
  lang: Lang,
): string {
  const items: [string, string][] = [];
  if (run?.inputs.length)
    items.push([t('inputs', lang), run.inputs.map((i) => `<code>${h(i)}</code>`).join(', ')]);
  const met = [...profiles.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([p, n]) => `<code>${h(p)}</code> (${n})`);
  const asked = run?.profile ? `--profile <code>${h(run.profile)}</code>` : '';
  if (met.length || asked)
    items.push([t('profiles', lang), [asked, met.join(', ')].filter(Boolean).join(' · ')]);
  if (run)
    items.push([
      t('referenceDate', lang),
      run.now ? `<time>${h(run.now)}</time>` : h(t('today', lang)),
    ]);
  if (!items.length) return '';
  return `<dl class="run">${items.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** One rule: its counts, the share of records it was found in, examples, its page. */
function ruleArticle(
  id: string,
  s: RuleStat,
  records: number,
  rules: RuleBook,
  lang: Lang,
): string {
  const r = ruleHelp(rules, id, lang);
  const counts = SEVERITIES.filter((k) => s.counts[k] > 0)
    .map(
      (k) =>
        `<span class="sev sev-${k}">${s.counts[k]} ${h(severityLabel(k, lang, s.counts[k] !== 1))}</span>`,
    )
    .join(' · ');
  const share = counted('recordsWith', s.records, lang, {
    share: percent(records ? s.records / records : 0, lang),
  });
  // the rule's page (ruleHelp: Passerelle's rules and a ruleset's `url`); a user's rule without one has none
  const links = r.helpUri
    ? [`<a href="${h(r.helpUri)}" rel="noreferrer" class="rule-page">${h(t('rulePage', lang))}</a>`]
    : [];
  const examples = s.examples
    .map(
      (e) =>
        `<li><span class="rec">${h(e.record)}</span>${e.field ? ` <code>${h(e.field)}</code>` : ''} — ${h(e.message)}</li>`,
    )
    .join('');
  return (
    `<article class="rule" id="${ruleAnchor(id)}"><h3><code>${h(id)}</code> — ${h(r.title)}</h3>` +
    `<p>${[counts, h(share), ...links].join(' · ')}</p>` +
    (examples
      ? `<p class="muted">${h(t('examples', lang))}</p><ul class="examples">${examples}</ul>`
      : '') +
    (r.docs
      ? `<details><summary>${h(t('aboutRule', lang))}</summary>${docsHtml(r.docs)}</details>`
      : '') +
    '</article>'
  );
}

/** Every rule met, most findings first: counted over all records, whatever the cap. */
export function rulesSection(
  byRule: Map<string, RuleStat>,
  records: number,
  rules: RuleBook,
  lang: Lang,
): string {
  if (byRule.size === 0) return '';
  const ids = [...byRule.keys()].sort(
    (a, b) =>
      sum((byRule.get(b) as RuleStat).counts) - sum((byRule.get(a) as RuleStat).counts) ||
      cmp(a, b),
  );
  return (
    `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">${h(t('byRule', lang))}</h2>\n` +
    ids.map((id) => ruleArticle(id, byRule.get(id) as RuleStat, records, rules, lang)).join('\n') +
    '\n</section>\n'
  );
}

/** A finding's field: the model's property and the source's path. */
export function fieldOf(f: RecordResult['findings'][number]): string {
  return [f.property, f.sourcePath].filter(Boolean).join(' · ');
}

/** The worst severity of a record's findings. */
export function worst(r: RecordResult): Severity {
  return SEVERITIES.find((k) => r.findings.some((f) => f.severity === k)) ?? 'info';
}

/** One record, collapsed: its name, title, score and counts; open, a row per finding. */
export function recordHtml(r: RecordResult, lang: Lang): string {
  const counts = zero();
  for (const f of r.findings) counts[f.severity]++;
  const sev = worst(r);
  const title = r.title ? `<small>${h(r.title)}</small>` : '';
  const scores = r.scores ? `<small>${h(recordScoreLine(r.scores, lang))}</small>` : '';
  const badge = SEVERITIES.filter((k) => counts[k] > 0)
    .map(
      (k) =>
        `<span class="sev sev-${k}">${counts[k]} ${h(severityLabel(k, lang, counts[k] !== 1))}</span>`,
    )
    .join(' ');
  // errors first within the record too (a stable sort: the record's order otherwise)
  const rows = [...r.findings]
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
    .map(
      (f) =>
        `<tr data-severity="${f.severity}" data-rule="${h(f.ruleId)}"><td class="sev sev-${f.severity}">${h(severityLabel(f.severity, lang))}</td>` +
        `<td><a href="#${ruleAnchor(f.ruleId)}"><code>${h(f.ruleId)}</code></a>${f.related ? `<br><small>+ ${f.related.map((x) => `<code>${h(x.ruleId)}</code>`).join(', ')}</small>` : ''}</td>` +
        `<td><code>${h(fieldOf(f))}</code></td><td>${h(f.message)}</td></tr>`,
    )
    .join('');
  return (
    `<details class="record" data-severity="${sev}" data-profile="${h(r.profile ?? '')}"><summary>${badge} ` +
    `<span class="rec">${h(recordName(r, lang))}${title}${scores}</span> <span class="where">${h(placeOf(r))}</span></summary>` +
    `<table><tbody>${rows}</tbody></table></details>\n`
  );
}
