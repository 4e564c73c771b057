/**
 * The comparison in Markdown (GitHub Flavored): the crosswalk matrix per obligation, then, with
 * records, fill rates, indicators and scores, and the high-value datasets with their evidence.
 * Everything from a crosswalk or a record is escaped (`escapeMarkdown`).
 */
import { render } from '../../i18n/render.js';
import { principleName } from '../../i18n/ui.js';
import { escapeMarkdown as md } from '../../util/escape.js';
import { principleShare } from '../../report/formatters/scores.js';
import type { Lang } from '../../core/lang.js';
import { PRINCIPLES } from '../../scores/principles.js';
import type { Comparison } from '../compare.js';
import { MAPPING_KINDS, OBLIGATIONS, type Cell, type MatrixRow } from '../matrix.js';
import { INDICATORS } from '../measures.js';
import { indicatorWord, kindHelp, kindWord, obligationWord, w } from '../words.js';
import {
  andMore,
  evidenceMatch,
  evidencePlace,
  jurisdictionName,
  medianText,
  recordsText,
  shareText,
  wayText,
} from './common.js';

const quote = (s: string, lang: Lang): string => (lang === 'fr' ? `« ${s} »` : `“${s}”`);
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const rule = (n: number): string => row(Array.from({ length: n }, () => '---'));

function cell(r: MatrixRow, id: string, c: Cell, lang: Lang): string {
  if (c.kinds[0] === 'missing') return r.cells[id].gap ? `**✗ ${w('gap', lang)}**` : '—';
  return c.ways.map((x) => md(wayText(x, lang))).join('<br>');
}

export function comparisonMarkdown(c: Comparison, lang: Lang): string {
  const ids = c.matrix.jurisdictions.map((j) => j.id);
  // columns by the jurisdiction's name (the JSON report keeps the ids)
  const byId = new Map(c.matrix.jurisdictions.map((j) => [j.id, md(jurisdictionName(j, lang))]));
  const name = (id: string): string => byId.get(id) ?? md(id);
  const out: string[] = [`# ${w('title', lang)}`, ''];
  const measures = c.measures ?? {};
  const measured = ids.filter((id) => measures[id]);
  if (measured.length) {
    const records = measured.reduce((s, id) => s + measures[id].records, 0);
    const rejected = measured.reduce((s, id) => s + measures[id].rejected, 0);
    out.push(render(w('recordsRead', lang), { records, rejected, n: measured.length }), '');
  } else out.push(w('crosswalksOnly', lang), '');

  out.push(`## ${w('matrix', lang)}`, '', w('matrixIntro', lang), '');
  out.push(
    `${w('legend', lang)}: ${MAPPING_KINDS.map((k) => `*${kindWord(k, lang)}*: ${kindHelp(k, lang)}`).join('; ')}.`,
    '',
  );
  for (const o of OBLIGATIONS) {
    out.push(
      `### ${obligationWord(o, lang)}`,
      '',
      row([w('property', lang), ...ids.map(name)]),
      rule(ids.length + 1),
    );
    for (const r of c.matrix.rows.filter((x) => x.obligation === o)) {
      out.push(
        row([
          `${r.label[lang]} (${md(r.property)})`,
          ...ids.map((id) => cell(r, id, r.cells[id], lang)),
        ]),
      );
    }
    out.push('');
  }
  if (!measured.length) return `${out.join('\n')}\n`;

  out.push(
    `## ${w('fill', lang)}`,
    '',
    w('fillIntro', lang),
    '',
    row([w('property', lang), ...measured.map(name)]),
    rule(measured.length + 1),
  );
  for (const r of c.matrix.rows.filter((x) =>
    measured.some((id) => x.cells[id].kinds[0] !== 'missing'),
  )) {
    out.push(
      row([
        `${r.label[lang]} (${md(r.property)})`,
        ...measured.map((id) => shareText(measures[id].fill[r.property], lang)),
      ]),
    );
  }
  out.push('');

  out.push(
    `## ${w('indicators', lang)}`,
    '',
    w('indicatorsIntro', lang),
    '',
    row([w('indicator', lang), ...measured.map(name)]),
    rule(measured.length + 1),
  );
  out.push(row([w('records', lang), ...measured.map((id) => recordsText(measures[id], lang))]));
  for (const i of INDICATORS)
    out.push(
      row([
        indicatorWord(i.id, lang),
        ...measured.map((id) => shareText(measures[id].indicators[i.id], lang)),
      ]),
    );
  out.push(
    row([w('mqaMedian', lang), ...measured.map((id) => md(medianText(measures[id], lang)))]),
  );
  for (const level of ['0', '1', '2', '3', '4', '5']) {
    out.push(
      row([
        `${w('stars', lang)}: ${level} ★`,
        ...measured.map((id) => String(measures[id].scores?.stars[level] ?? '—')),
      ]),
    );
  }
  for (const p of PRINCIPLES) {
    out.push(
      row([
        `${p} — ${principleName(p, lang)}`,
        ...measured.map((id) => principleShare(measures[id].scores?.principles[p], lang) || '—'),
      ]),
    );
  }
  out.push('');

  const hv = c.highValue;
  if (!hv) return `${out.join('\n')}\n`;
  const covered = ids.filter((id) => hv.jurisdictions[id]);
  out.push(
    `## ${w('highValue', lang)}`,
    '',
    md(render(w('highValueIntro', lang), { file: hv.list.file })),
    '',
  );
  out.push(row([w('category', lang), ...covered.map(name)]), rule(covered.length + 1));
  out.push(
    row([
      `**${w('covered', lang)}**`,
      ...covered.map((id) => shareText(hv.jurisdictions[id].covered, lang)),
    ]),
  );
  for (const cat of hv.list.categories)
    out.push(
      row([
        md(cat.label[lang]),
        ...covered.map((id) => shareText(hv.jurisdictions[id].categories[cat.id], lang)),
      ]),
    );
  out.push('');
  for (const cat of hv.list.categories) {
    out.push(
      `### ${md(cat.label[lang])}`,
      '',
      row([w('coreDataset', lang), ...covered.map(name)]),
      rule(covered.length + 1),
    );
    for (const d of cat.datasets) {
      const label = d.label[lang];
      out.push(
        row([
          md(label),
          ...covered.map((id) => {
            const n = hv.jurisdictions[id].datasets[d.id].records;
            return n ? `✓ ${n}` : '—';
          }),
        ]),
      );
    }
    out.push('');
  }
  out.push(`### ${w('evidence', lang)}`, '');
  for (const id of covered) {
    const items = hv.list.categories
      .flatMap((cat) => cat.datasets.map((d) => ({ d, cov: hv.jurisdictions[id].datasets[d.id] })))
      .filter((x) => x.cov.records);
    if (!items.length) continue;
    out.push(`**${name(id)}**`, '');
    for (const { d, cov } of items) {
      out.push(`- ${md(d.label[lang])}`);
      for (const e of cov.evidence) {
        const title = e.title ? ` ${quote(md(e.title), lang)}` : '';
        out.push(
          `  - ${md(e.id ?? '')}${title} (${md(evidencePlace(e))}): ${md(evidenceMatch(e, lang))}`,
        );
      }
      if (cov.records > cov.evidence.length)
        out.push(`  - ${md(andMore(cov.records - cov.evidence.length, lang))}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
