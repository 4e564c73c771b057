/**
 * One self-contained HTML page for a catalogue (no network: style and script inline, allowed by
 * hash in the page's Content-Security-Policy): the summary first (the run, counts, scores,
 * charts), then the findings by rule and by record. Everything taken from a record is escaped.
 *
 * Bounded at any catalogue size: the summary and the rule section are built from counts kept as
 * records arrive (a few examples per rule); the record section holds at most `htmlMaxRecords`
 * rendered records (errors first: a record with errors replaces one with only warnings or infos
 * when the cap is reached), and the page is written at the end, summary first. Records beyond the
 * cap are counted and the page says where to find them (the JSON or CSV report). Of the records
 * kept, the first `HTML_PAGE_RECORDS` are elements and the rest text for the page's script.
 */
import { render } from '../../i18n/render.js';
import { mqaWord, principleName, severityLabel, t } from '../../i18n/ui.js';
import { count as countWord, counted, inRecords } from '../../i18n/plural.js';
import type { Lang } from '../../core/lang.js';
import { escapeHtml as h } from '../../util/escape.js';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { RecordResult } from '../../core/record.js';
import type { Summary } from '../../core/summary.js';
import { SHIPPED_RULES } from '../../rules/book.js';
import { capital, cmp, isFixable, recordName } from './common.js';
import { catalogueMqaLine, decimal, principleShare } from './scores.js';
import { CSP, CSS, SCRIPT } from './html-assets.js';
import {
  charts,
  EXAMPLES,
  fieldOf,
  recordHtml,
  rulesSection,
  runList,
  sum,
  worst,
  zero,
  type Counts,
  type RuleStat,
} from './html-sections.js';
import type { FormatterFactory } from './types.js';

/** Records shown in full by default: a 100,000-record catalogue's page stays a few megabytes. */
export const DEFAULT_HTML_MAX_RECORDS = 2000;

/**
 * Records written as elements of the page; the others wait as text in a data block, built by the
 * page's script when they are asked for (scrolled to, "more", a filter): the browser parses and
 * lays out a hundred records at load, whatever the cap, so that opening stays cheap.
 */
export const HTML_PAGE_RECORDS = 100;

/** A kept record: its HTML and its number of findings. */
interface Kept {
  html: string;
  findings: number;
}

/**
 * A record's HTML as one line of the data block: line breaks become `&#10;`, which the browser
 * reads back as the line feed it would have made of them (CR and CRLF included). Record text is
 * escaped (no `<`), and the markup has no `</script` or `<!--`, so nothing can end the block.
 */
const dataLine = (html: string): string => html.replace(/\n$/, '').replace(/\r\n?|\n/g, '&#10;');

/**
 * The records shown: at most `cap`, by worst severity (errors first), in the order met within
 * each severity.
 */
class KeptRecords {
  private readonly bins: Record<Severity, Kept[]> = { error: [], warning: [], info: [] };
  private size = 0;
  constructor(readonly cap: number) {}

  add(sev: Severity, html: () => Kept): void {
    if (this.size < this.cap) {
      this.bins[sev].push(html());
      this.size++;
      return;
    }
    // full: a record replaces the last kept one of a lesser severity, if any
    const rank = SEVERITIES.indexOf(sev);
    const lesser = [...SEVERITIES]
      .reverse()
      .find((k) => SEVERITIES.indexOf(k) > rank && this.bins[k].length);
    if (!lesser) return;
    this.bins[lesser].pop();
    this.bins[sev].push(html());
  }

  get count(): number {
    return this.size;
  }

  /** Findings of the records kept. */
  get findings(): number {
    let n = 0;
    for (const k of SEVERITIES) for (const r of this.bins[k]) n += r.findings;
    return n;
  }

  *records(): Generator<Kept> {
    for (const k of SEVERITIES) yield* this.bins[k];
  }
}

export const html: FormatterFactory = (o) => {
  const lang: Lang = o.lang;
  const byRule = new Map<string, RuleStat>();
  const byPrinciple = new Map<string, Counts>();
  const profiles = new Map<string, number>();
  // records by MQA share of their maximum, in tenths
  const mqaBins: number[] = Array(10).fill(0);
  const kept = new KeptRecords(Math.max(0, o.htmlMaxRecords ?? DEFAULT_HTML_MAX_RECORDS));
  let withFindings = 0;
  let fixable = 0;

  const count = (r: RecordResult): void => {
    if (r.profile) profiles.set(r.profile, (profiles.get(r.profile) ?? 0) + 1);
    if (r.scores && r.scores.mqa.max > 0)
      mqaBins[Math.min(9, Math.floor((r.scores.mqa.points / r.scores.mqa.max) * 10))]++;
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (isFixable(f)) fixable++;
      let s = byRule.get(f.ruleId);
      if (!s) byRule.set(f.ruleId, (s = { counts: zero(), records: 0, examples: [] }));
      s.counts[f.severity]++;
      if (!seen.has(f.ruleId)) {
        seen.add(f.ruleId);
        s.records++;
        if (s.examples.length < EXAMPLES)
          s.examples.push({ record: recordName(r, lang), field: fieldOf(f), message: f.message });
      }
      const p = f.principle ?? '';
      let pc = byPrinciple.get(p);
      if (!pc) byPrinciple.set(p, (pc = zero()));
      pc[f.severity]++;
    }
  };

  const countsList = (s: Summary): string => {
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
    return `<ul class="counts">${counts.map(([label, n, cls]) => `<li${cls ? ` class="${cls}"` : ''}><b>${n}</b>${h(label)}</li>`).join('')}</ul>`;
  };

  const scoresTables = (s: Summary): string => {
    const sc = s.scores;
    if (!sc) return '';
    const out: string[] = [`<h3>${h(t('mqa', lang))}</h3><p>${h(catalogueMqaLine(sc, lang))}</p>`];
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
    return out.join('\n');
  };

  const principlesTable = (s: Summary): string => {
    const sc = s.scores;
    const principles = [
      ...new Set([...byPrinciple.keys(), ...Object.keys(sc?.principles ?? {})]),
    ].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)));
    if (!principles.length) return '';
    const out: string[] = [
      `<h3>${h(t('principles', lang))}</h3><table class="principles"><thead><tr><th>${h(t('principle', lang))}</th>`,
      SEVERITIES.map(
        (k) => `<th class="num">${h(capital(severityLabel(k, lang, true)))}</th>`,
      ).join(''),
    ];
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
    return out.join('\n');
  };

  const summarySection = (s: Summary): string => {
    const total = sum(s.findings);
    const line =
      total === 0
        ? t('noProblems', lang)
        : `${countWord(total, 'problem', lang)} ${inRecords(withFindings, s.records, lang)}`;
    return [
      `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${h(t('summary', lang))}</h2>`,
      runList(o.run, profiles, lang),
      `<p>${h(line)}</p>`,
      countsList(s),
      charts(s.findings, byRule, mqaBins, s.scores?.stars, lang),
      scoresTables(s),
      principlesTable(s),
      '</section>\n',
    ].join('\n');
  };

  /** The filters: hidden until the page's script shows them (they need it). */
  const filtersForm = (s: Summary): string => {
    const out: string[] = [`<form id="filters" hidden>`];
    out.push(`<fieldset><legend>${h(t('severityHeading', lang))}</legend>`);
    for (const k of SEVERITIES)
      out.push(
        `<label><input type="checkbox" name="severity" value="${k}" checked> <span class="sev sev-${k}">${h(capital(severityLabel(k, lang, true)))}</span> (${s.findings[k]})</label> `,
      );
    out.push('</fieldset>');
    out.push(
      `<div><label class="title" for="f-rule">${h(t('rule', lang))}</label><select id="f-rule"><option value="">${h(t('allRules', lang))}</option>`,
    );
    for (const id of [...byRule.keys()].sort(cmp))
      out.push(
        `<option value="${h(id)}">${h(id)} (${sum((byRule.get(id) as RuleStat).counts)})</option>`,
      );
    out.push('</select></div>');
    if (profiles.size > 1) {
      out.push(
        `<div><label class="title" for="f-profile">${h(t('profile', lang))}</label><select id="f-profile"><option value="">${h(t('allProfiles', lang))}</option>`,
      );
      for (const p of [...profiles.keys()].sort(cmp))
        out.push(`<option value="${h(p)}">${h(p)}</option>`);
      out.push('</select></div>');
    }
    out.push(
      `<div><label class="title" for="f-record">${h(t('search', lang))}</label><input type="search" id="f-record" placeholder="${h(t('recordFilter', lang))}" title="${h(t('searchHint', lang))}" autocomplete="off"></div>`,
    );
    out.push('</form>');
    out.push(
      `<output id="shown" data-template="${h(t('shown', lang))}" data-records="${h(t('recordsShown', lang))}" aria-live="polite"></output>`,
    );
    return out.join('\n');
  };

  function* recordsSection(s: Summary): Generator<string> {
    yield `<section id="records" aria-labelledby="records-h"><h2 id="records-h">${h(t('byRecord', lang))}</h2>\n`;
    yield filtersForm(s);
    const more = withFindings - kept.count;
    if (more > 0)
      yield `\n<p id="cap" class="note" data-cap="${kept.cap}">${h(render(t('overCap', lang), { cap: kept.cap, more }))}</p>\n`;
    yield `<div id="record-list" data-page="${HTML_PAGE_RECORDS}" data-findings="${kept.findings}">\n`;
    let i = 0;
    for (const r of kept.records()) if (i++ < HTML_PAGE_RECORDS) yield r.html;
    yield '</div>\n';
    const later = kept.count - HTML_PAGE_RECORDS;
    if (later > 0) {
      // without JavaScript, the page says where the others are
      yield `<p id="later" class="note">${h(counted('laterRecords', later, lang))}</p>\n<script type="text/html" id="record-data">\n`;
      i = 0;
      for (const r of kept.records()) if (i++ >= HTML_PAGE_RECORDS) yield `${dataLine(r.html)}\n`;
      yield '</script>\n';
    }
    yield `<button type="button" id="more" hidden data-template="${h(t('moreRecords', lang))}"></button>\n`;
    yield `<p id="empty" hidden>${h(t(withFindings === 0 ? 'noProblems' : 'noMatch', lang))}</p>\n</section>\n`;
  }

  const footer = `<footer><p>${h(render(t('generatedBy', lang), { tool: `${o.tool.name} ${o.tool.version}` }))}</p></footer>\n`;

  return {
    start: () =>
      `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
      `<title>${h(t('reportTitle', lang))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
      `<header><h1>${h(t('reportTitle', lang))}</h1><p class="muted">${h(render(t('generatedBy', lang), { tool: `${o.tool.name} ${o.tool.version}` }))}</p></header>\n`,
    record: (r) => {
      count(r);
      if (r.findings.length > 0) {
        withFindings++;
        kept.add(worst(r), () => ({ html: recordHtml(r, lang), findings: r.findings.length }));
      }
      return '';
    },
    end: (s) => [
      '<main id="report">\n',
      summarySection(s),
      rulesSection(byRule, s.records, o.rules ?? SHIPPED_RULES, lang),
      ...recordsSection(s),
      `</main>\n${footer}<script>${SCRIPT}</script>\n</body>\n</html>\n`,
    ],
  };
};
