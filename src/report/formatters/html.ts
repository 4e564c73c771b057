/**
 * One self-contained HTML page (no network: style and script inline, allowed by hash in the page's
 * Content-Security-Policy): a summary, findings per Open Data Charter principle (with the scores
 * when the run has them), the findings table with filters by severity, rule and record, and notes
 * on each rule met. Everything taken from a record is escaped (`escapeHtml`).
 *
 * Streams: the findings table is written as records arrive; the summary and the filters, which
 * need the totals, come after it in the file and the page's script moves them above the table
 * (without script, they stay readable below it).
 */
import { render } from '../../i18n/render.js';
import { mqaWord, principleName, severityLabel, t } from '../../i18n/ui.js';
import { count, inRecords } from '../../i18n/plural.js';
import type { Lang } from '../../core/lang.js';
import { escapeHtml as h } from '../../util/escape.js';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { RecordResult } from '../../core/record.js';
import type { Summary } from '../../core/summary.js';
import { ruleHelp } from '../rule-help.js';
import { SHIPPED_RULES } from '../../rules/book.js';
import { capital, cmp, isFixable, placeOf, recordName } from './common.js';
import { catalogueMqaLine, decimal, principleShare, recordScoreLine } from './scores.js';
import { CSP, CSS, SCRIPT } from './html-assets.js';
import type { FormatterFactory } from './types.js';

type Counts = Record<Severity, number>;
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });

/** A rule's docs (our own Markdown: paragraphs, `code`, *emphasis*) as HTML. */
function docsHtml(markdown: string): string {
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

export const html: FormatterFactory = (o) => {
  const lang: Lang = o.lang;
  const byRule = new Map<string, Counts>();
  const byPrinciple = new Map<string, Counts>();
  let withFindings = 0;
  let fixable = 0;

  const row = (r: RecordResult, f: RecordResult['findings'][number]): string => {
    const name = recordName(r, lang);
    const search = [r.id ?? '', r.title ?? '', r.source.file].join(' ').toLowerCase();
    const title = r.title ? `<small>${h(r.title)}</small>` : '';
    const scores = r.scores ? `<small>${h(recordScoreLine(r.scores, lang))}</small>` : '';
    const field = [f.property, f.sourcePath]
      .filter(Boolean)
      .map((x) => `<code>${h(x as string)}</code>`)
      .join('<br>');
    return (
      `<tr data-severity="${f.severity}" data-rule="${h(f.ruleId)}" data-record="${h(search)}">` +
      `<td class="sev sev-${f.severity}">${h(severityLabel(f.severity, lang))}</td>` +
      `<td><code>${h(f.ruleId)}</code>${f.related ? `<br><small>+ ${f.related.map((x) => `<code>${h(x.ruleId)}</code>`).join(', ')}</small>` : ''}</td>` +
      `<td class="rec">${h(name)}${title}${scores}</td>` +
      `<td class="where">${h(placeOf(r, f))}</td>` +
      `<td>${field}</td>` +
      `<td>${h(f.message)}</td></tr>\n`
    );
  };

  const summarySection = (s: Summary): string => {
    const out: string[] = [];
    const total = s.findings.error + s.findings.warning + s.findings.info;
    out.push(
      `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${h(t('summary', lang))}</h2>`,
    );
    out.push(
      `<p>${h(total === 0 ? t('noProblems', lang) : `${count(total, 'problem', lang)} ${inRecords(withFindings, s.records, lang)}`)}</p>`,
    );
    const counts: [string, number, string?][] = [
      [capital(t('records', lang)), s.records],
      [capital(t('valid', lang)), s.valid],
      [capital(t('invalid', lang)), s.invalid],
      [capital(t('rejected', lang)), s.rejected],
      ...SEVERITIES.map((k): [string, number, string] => [
        capital(severityLabel(k, lang, true)),
        s.findings[k],
        `sev-${k}`,
      ]),
      // what `passerelle fix` can correct, when anything
      ...(fixable
        ? [[capital(t('fixableCount', lang)), fixable, 'fixable'] as [string, number, string]]
        : []),
    ];
    out.push(
      `<ul class="counts">${counts.map(([label, n, cls]) => `<li${cls ? ` class="${cls}"` : ''}><b>${n}</b>${h(label)}</li>`).join('')}</ul>`,
    );

    const sc = s.scores;
    if (sc) {
      out.push(`<h3>${h(t('mqa', lang))}</h3><p>${h(catalogueMqaLine(sc, lang))}</p>`);
      out.push(
        `<table class="mqa"><thead><tr><th>${h(t('dimension', lang))}</th><th class="num">${h(capital(t('mean', lang)))}</th><th class="num">max</th></tr></thead><tbody>`,
      );
      for (const [d, v] of Object.entries(sc.mqa.dimensions))
        out.push(
          `<tr><td>${h(mqaWord(d, lang))}</td><td class="num">${h(decimal(v.mean, lang))}</td><td class="num">${v.max}</td></tr>`,
        );
      out.push('</tbody></table>');
      const levels = Object.keys(sc.stars).sort(cmp);
      if (levels.length) {
        out.push(
          `<h3>${h(t('stars', lang))}</h3><table class="stars"><thead><tr><th>${h(t('starsLevel', lang))}</th><th class="num">${h(t('datasets', lang))}</th></tr></thead><tbody>`,
        );
        for (const k of levels)
          out.push(`<tr><td>${h(k)} ★</td><td class="num">${sc.stars[k]}</td></tr>`);
        out.push('</tbody></table>');
      }
    }

    const principles = [
      ...new Set([...byPrinciple.keys(), ...Object.keys(sc?.principles ?? {})]),
    ].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)));
    if (principles.length) {
      out.push(
        `<h3>${h(t('principles', lang))}</h3><table class="principles"><thead><tr><th>${h(t('principle', lang))}</th>`,
      );
      out.push(
        SEVERITIES.map(
          (k) => `<th class="num">${h(capital(severityLabel(k, lang, true)))}</th>`,
        ).join(''),
      );
      if (sc) out.push(`<th class="num">${h(capital(t('passedChecks', lang)))}</th>`);
      out.push('</tr></thead><tbody>');
      for (const p of principles) {
        const c = byPrinciple.get(p) ?? zero();
        const name = p === '' ? t('noPrinciple', lang) : `${p} — ${principleName(p, lang)}`;
        out.push(
          `<tr data-principle="${h(p)}"><td>${h(name)}</td>${SEVERITIES.map((k) => `<td class="num">${c[k]}</td>`).join('')}`,
        );
        if (sc)
          out.push(
            `<td class="num">${h(principleShare(sc.principles[p as keyof typeof sc.principles], lang))}</td>`,
          );
        out.push('</tr>');
      }
      out.push('</tbody></table>');
    }

    const rules = [...byRule.keys()].sort(cmp);
    out.push(`<h3>${h(t('filters', lang))}</h3><form id="filters">`);
    out.push(`<fieldset><legend>${h(t('severityHeading', lang))}</legend>`);
    for (const k of SEVERITIES) {
      const n = s.findings[k];
      out.push(
        `<label><input type="checkbox" name="severity" value="${k}" checked> <span class="sev sev-${k}">${h(capital(severityLabel(k, lang, true)))}</span> (${n})</label> `,
      );
    }
    out.push('</fieldset>');
    out.push(
      `<div><label class="title" for="f-rule">${h(t('rule', lang))}</label><select id="f-rule"><option value="">${h(t('allRules', lang))}</option>`,
    );
    for (const id of rules) {
      const c = byRule.get(id) as Counts;
      out.push(`<option value="${h(id)}">${h(id)} (${c.error + c.warning + c.info})</option>`);
    }
    out.push('</select></div>');
    out.push(
      `<div><label class="title" for="f-record">${h(t('record', lang))}</label><input type="search" id="f-record" placeholder="${h(t('recordFilter', lang))}" autocomplete="off"></div>`,
    );
    out.push('</form>');
    out.push(
      `<output id="shown" data-template="${h(t('shown', lang))}" aria-live="polite"></output>`,
    );

    out.push('</section>\n');
    return out.join('\n');
  };

  /** Notes on each rule met: what it asks for and why, from the rule's own docs. */
  const rulesSection = (): string => {
    const rules = [...byRule.keys()].sort(cmp);
    if (rules.length === 0) return '';
    const out: string[] = [
      `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">${h(t('aboutRules', lang))}</h2>`,
    ];
    for (const id of rules) {
      const r = ruleHelp(o.rules ?? SHIPPED_RULES, id, lang);
      const link = r.helpUri
        ? `<p><a href="${h(r.helpUri)}" rel="noreferrer">${h(r.helpUri)}</a></p>`
        : '';
      out.push(
        `<details id="rule-${h(id.replace(/[^A-Za-z0-9_-]/g, '-'))}"><summary><code>${h(id)}</code> — ${h(r.title)}</summary>${docsHtml(r.docs)}${link}</details>`,
      );
    }
    out.push('</section>\n');
    return out.join('\n');
  };

  return {
    start: () =>
      `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
      `<title>${h(t('reportTitle', lang))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
      `<header><h1>${h(t('reportTitle', lang))}</h1><p class="muted">${h(render(t('generatedBy', lang), { tool: `${o.tool.name} ${o.tool.version}` }))}</p></header>\n` +
      `<main id="report">\n<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">${h(t('findings', lang))}</h2>\n` +
      `<table id="findings-table"><thead><tr><th>${h(t('severityHeading', lang))}</th><th>${h(t('rule', lang))}</th><th>${h(t('record', lang))}</th>` +
      `<th>${h(t('location', lang))}</th><th>${h(t('property', lang))}</th><th>${h(t('message', lang))}</th></tr></thead>\n<tbody>\n`,
    record: (r) => {
      if (r.findings.length > 0) withFindings++;
      let s = '';
      for (const f of r.findings) {
        if (isFixable(f)) fixable++;
        let c = byRule.get(f.ruleId);
        if (!c) byRule.set(f.ruleId, (c = zero()));
        c[f.severity]++;
        const p = f.principle ?? '';
        let pc = byPrinciple.get(p);
        if (!pc) byPrinciple.set(p, (pc = zero()));
        pc[f.severity]++;
        s += row(r, f);
      }
      return s;
    },
    end: (s) =>
      `</tbody></table>\n<p id="empty" hidden>${h(t(withFindings === 0 ? 'noProblems' : 'noMatch', lang))}</p>\n</section>\n` +
      summarySection(s) +
      rulesSection() +
      `</main>\n<footer><p>${h(render(t('generatedBy', lang), { tool: `${o.tool.name} ${o.tool.version}` }))}</p></footer>\n` +
      `<script>${SCRIPT}</script>\n</body>\n</html>\n`,
  };
};
