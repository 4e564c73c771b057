/**
 * The comparison as one self-contained HTML page (no network, no script): the charts (inline SVG),
 * the crosswalk matrix with its gaps highlighted, fill rates, indicators and scores, and the
 * high-value datasets with their evidence records. Everything from a crosswalk or a record is
 * escaped (`escapeHtml`).
 */
import { render } from '../../i18n/render.js';
import { principleName } from '../../i18n/ui.js';
import { escapeHtml as h } from '../../util/escape.js';
import { percent, principleShare } from '../../report/formatters/scores.js';
import type { Lang } from '../../core/lang.js';
import { PRINCIPLES } from '../../scores/principles.js';
import { pickText } from '../../core/lang.js';
import type { Comparison } from '../compare.js';
import { MAPPING_KINDS, OBLIGATIONS, type MatrixRow } from '../matrix.js';
import { INDICATORS, type Share } from '../measures.js';
import { indicatorWord, kindHelp, kindWord, obligationWord, w } from '../words.js';
import {
  andMore,
  evidenceMatch,
  evidencePlace,
  medianText,
  recordsText,
  shareText,
  wayFrom,
  wayPaths,
  jurisdictionName,
  wayHow,
} from './common.js';
import { CSP, CSS } from './html-assets.js';
import { barChart, heatmap, stackedChart } from './svg.js';

const STAR_LEVELS = ['0', '1', '2', '3', '4', '5'];

function cellHtml(r: MatrixRow, id: string, lang: Lang): string {
  const c = r.cells[id];
  const kinds = h(c.kinds.join(' '));
  if (c.kinds[0] === 'missing') {
    return r.cells[id].gap
      ? `<td class="cell gap" data-jurisdiction="${h(id)}" data-kinds="${kinds}">✗ ${h(w('gap', lang))}</td>`
      : `<td class="cell none" data-jurisdiction="${h(id)}" data-kinds="${kinds}">—</td>`;
  }
  const items = c.ways.map((x) => {
    const from = wayFrom(x, lang);
    const language = x.language ? ` (${h(x.language)})` : '';
    // the label for people, the full path on hover (and for whoever copies it)
    const path = x.fields.length ? ` title="${h(wayPaths(x))}"` : '';
    return `<li data-kinds="${h(x.kinds.join(' '))}" title="${h(x.entry)}">${from ? `<code${path}>${h(from)}</code>${language} ` : ''}<span class="how">${h(wayHow(x, lang))}</span></li>`;
  });
  return `<td class="cell ${c.kinds.map((k) => `kind-${k}`).join(' ')}" data-jurisdiction="${h(id)}" data-kinds="${kinds}"><ul>${items.join('')}</ul></td>`;
}

const shade = (s: Share | undefined): string =>
  s?.of ? ` class="num f${Math.round(s.share * 10)}"` : ' class="num"';

export function comparisonHtml(c: Comparison, lang: Lang): string {
  const ids = c.matrix.jurisdictions.map((j) => j.id);
  // columns and bars by the jurisdiction's name; the id stays in `title` and `data-jurisdiction`
  const byId = new Map(c.matrix.jurisdictions.map((j) => [j.id, jurisdictionName(j, lang)]));
  const name = (id: string): string => byId.get(id) ?? id;
  const measures = c.measures ?? {};
  const measured = ids.filter((id) => measures[id]);
  const hv = c.highValue;
  const out: string[] = [];
  const generated = render(w('generatedBy', lang), { tool: `${c.tool.name} ${c.tool.version}` });
  out.push(
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
      `<title>${h(w('title', lang))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
      `<header><h1>${h(w('title', lang))}</h1><p class="muted">${h(generated)}</p></header>\n<main id="comparison">\n`,
  );

  // summary: the jurisdictions compared
  out.push(
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${h(w('jurisdictions', lang))}</h2>`,
  );
  if (measured.length) {
    const records = measured.reduce((s, id) => s + measures[id].records, 0);
    const rejected = measured.reduce((s, id) => s + measures[id].rejected, 0);
    out.push(
      `<p>${h(render(w('recordsRead', lang), { records, rejected, n: measured.length }))}</p>`,
    );
  } else out.push(`<p>${h(w('crosswalksOnly', lang))}</p>`);
  out.push('<ul>');
  for (const j of c.matrix.jurisdictions)
    out.push(
      `<li><code>${h(j.id)}</code> — ${h(pickText(j.name, [lang, 'en', 'fr']) ?? j.id)} <span class="muted">(${h(j.crosswalk)})</span></li>`,
    );
  out.push('</ul></section>\n');

  // charts
  if (measured.length) {
    out.push(
      `<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">${h(w('charts', lang))}</h2><div class="charts">`,
    );
    const figure = (id: string, caption: string, svg: string): string =>
      `<figure id="fig-${h(id)}"><figcaption>${h(caption)}</figcaption>${svg}</figure>`;
    for (const i of INDICATORS) {
      const bars = measured.map((id) => ({
        label: name(id),
        value: measures[id].indicators[i.id].share,
        text: shareText(measures[id].indicators[i.id], lang),
      }));
      out.push(
        figure(
          `indicator-${i.id}`,
          indicatorWord(i.id, lang),
          barChart(`chart-${i.id}`, indicatorWord(i.id, lang), bars),
        ),
      );
    }
    const mqa = measured
      .filter((id) => measures[id].mqaMedian)
      .map((id) => {
        const m = measures[id].mqaMedian as NonNullable<(typeof measures)[string]['mqaMedian']>;
        return {
          label: name(id),
          value: m.points / m.max,
          text: medianText(measures[id], lang),
          cls: `band-${m.band}`,
        };
      });
    out.push(figure('mqa', w('mqaMedian', lang), barChart('chart-mqa', w('mqaMedian', lang), mqa)));
    const stacks = measured
      .filter((id) => measures[id].scores)
      .map((id) => ({
        label: name(id),
        counts: STAR_LEVELS.map((l) => measures[id].scores?.stars[l] ?? 0),
      }));
    out.push(
      figure(
        'stars',
        w('stars', lang),
        stackedChart(
          'chart-stars',
          w('stars', lang),
          STAR_LEVELS.map((l) => `${l} ★`),
          stacks,
        ),
      ),
    );
    const principleRows = measured.map((id) => ({
      label: name(id),
      cells: PRINCIPLES.map((p) => {
        const s = measures[id].scores?.principles[p];
        return s ? { value: s.share, text: percent(s.share, lang) } : undefined;
      }),
    }));
    out.push(
      figure(
        'principles',
        w('principles', lang),
        heatmap('chart-principles', w('principles', lang), PRINCIPLES, principleRows),
      ),
    );
    if (hv) {
      const covered = ids.filter((id) => hv.jurisdictions[id]);
      const rows = hv.list.categories.map((cat) => ({
        label: cat.label[lang],
        cells: covered.map((id) => {
          const s = hv.jurisdictions[id].categories[cat.id];
          return { value: s.share, text: `${s.n}/${s.of}` };
        }),
      }));
      out.push(
        figure(
          'high-value',
          w('highValue', lang),
          heatmap('chart-high-value', w('highValue', lang), covered.map(name), rows, {
            cellWidth: 76,
          }),
        ),
      );
    }
    out.push('</div></section>\n');
  }

  // the matrix
  out.push(
    `<section id="matrix" aria-labelledby="matrix-h"><h2 id="matrix-h">${h(w('matrix', lang))}</h2><p>${h(w('matrixIntro', lang))}</p>`,
  );
  out.push(
    `<dl class="legend" aria-label="${h(w('legend', lang))}">${MAPPING_KINDS.map((k) => `<dt>${h(kindWord(k, lang))}</dt><dd>${h(kindHelp(k, lang))}</dd>`).join('')}</dl>`,
  );
  for (const o of OBLIGATIONS) {
    out.push(
      `<h3 id="matrix-${o}">${h(obligationWord(o, lang))}</h3><div class="scroll"><table class="matrix" data-obligation="${o}"><thead><tr><th scope="col">${h(w('property', lang))}</th>`,
    );
    out.push(ids.map((id) => `<th scope="col" title="${h(id)}">${h(name(id))}</th>`).join(''));
    out.push('</tr></thead><tbody>');
    for (const r of c.matrix.rows.filter((x) => x.obligation === o)) {
      out.push(
        `<tr data-property="${h(r.property)}"><th scope="row">${h(r.label[lang])}<br><code>${h(r.property)}</code></th>${ids.map((id) => cellHtml(r, id, lang)).join('')}</tr>`,
      );
    }
    out.push('</tbody></table></div>');
  }
  out.push('</section>\n');

  if (measured.length) {
    // fill rates
    out.push(
      `<section id="fill" aria-labelledby="fill-h"><h2 id="fill-h">${h(w('fill', lang))}</h2><p>${h(w('fillIntro', lang))}</p>`,
    );
    out.push(
      `<table class="fill"><thead><tr><th scope="col">${h(w('property', lang))}</th>${measured.map((id) => `<th scope="col" class="num" title="${h(id)}">${h(name(id))}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const r of c.matrix.rows.filter((x) =>
      measured.some((id) => x.cells[id].kinds[0] !== 'missing'),
    )) {
      out.push(
        `<tr data-property="${h(r.property)}"><th scope="row">${h(r.label[lang])} <code>${h(r.property)}</code></th>`,
      );
      out.push(
        measured
          .map(
            (id) =>
              `<td${shade(measures[id].fill[r.property])}>${h(shareText(measures[id].fill[r.property], lang))}</td>`,
          )
          .join(''),
      );
      out.push('</tr>');
    }
    out.push('</tbody></table></section>\n');

    // indicators and scores
    out.push(
      `<section id="indicators" aria-labelledby="indicators-h"><h2 id="indicators-h">${h(w('indicators', lang))}</h2><p>${h(w('indicatorsIntro', lang))}</p>`,
    );
    out.push(
      `<table class="indicators"><thead><tr><th scope="col">${h(w('indicator', lang))}</th>${measured.map((id) => `<th scope="col" class="num" title="${h(id)}">${h(name(id))}</th>`).join('')}</tr></thead><tbody>`,
    );
    out.push(
      `<tr><th scope="row">${h(w('records', lang))}</th>${measured.map((id) => `<td class="num">${h(recordsText(measures[id], lang))}</td>`).join('')}</tr>`,
    );
    for (const i of INDICATORS) {
      out.push(
        `<tr data-indicator="${i.id}"><th scope="row">${h(indicatorWord(i.id, lang))}</th>${measured.map((id) => `<td${shade(measures[id].indicators[i.id])}>${h(shareText(measures[id].indicators[i.id], lang))}</td>`).join('')}</tr>`,
      );
    }
    out.push(
      `<tr><th scope="row">${h(w('mqaMedian', lang))}</th>${measured.map((id) => `<td class="num">${h(medianText(measures[id], lang))}</td>`).join('')}</tr>`,
    );
    for (const l of STAR_LEVELS)
      out.push(
        `<tr><th scope="row">${h(w('stars', lang))}: ${l} ★</th>${measured.map((id) => `<td class="num">${measures[id].scores?.stars[l] ?? '—'}</td>`).join('')}</tr>`,
      );
    for (const p of PRINCIPLES) {
      out.push(
        `<tr><th scope="row">${p} — ${h(principleName(p, lang))}</th>${measured.map((id) => `<td class="num">${h(principleShare(measures[id].scores?.principles[p], lang) || '—')}</td>`).join('')}</tr>`,
      );
    }
    out.push('</tbody></table></section>\n');
  }

  if (hv) {
    const covered = ids.filter((id) => hv.jurisdictions[id]);
    out.push(
      `<section id="high-value" aria-labelledby="high-value-h"><h2 id="high-value-h">${h(w('highValue', lang))}</h2><p>${h(render(w('highValueIntro', lang), { file: hv.list.file }))}</p>`,
    );
    out.push(
      `<table class="high-value"><thead><tr><th scope="col">${h(w('coreDataset', lang))}</th>${covered.map((id) => `<th scope="col" class="num" title="${h(id)}">${h(name(id))}</th>`).join('')}</tr></thead><tbody>`,
    );
    out.push(
      `<tr><th scope="row">${h(w('covered', lang))}</th>${covered.map((id) => `<td${shade(hv.jurisdictions[id].covered)}>${h(shareText(hv.jurisdictions[id].covered, lang))}</td>`).join('')}</tr>`,
    );
    for (const cat of hv.list.categories) {
      out.push(
        `<tr class="category" data-category="${h(cat.id)}"><th scope="row">${h(cat.label[lang])}</th>${covered.map((id) => `<td${shade(hv.jurisdictions[id].categories[cat.id])}>${h(shareText(hv.jurisdictions[id].categories[cat.id], lang))}</td>`).join('')}</tr>`,
      );
      for (const d of cat.datasets) {
        out.push(`<tr data-dataset="${h(d.id)}"><td>${h(d.label[lang])}</td>`);
        out.push(
          covered
            .map((id) => {
              const n = hv.jurisdictions[id].datasets[d.id].records;
              return n ? `<td class="num covered">✓ ${n}</td>` : '<td class="num none">—</td>';
            })
            .join(''),
        );
        out.push('</tr>');
      }
    }
    out.push(`</tbody></table><h3>${h(w('evidence', lang))}</h3>`);
    for (const id of covered) {
      const items = hv.list.categories
        .flatMap((cat) =>
          cat.datasets.map((d) => ({ d, cov: hv.jurisdictions[id].datasets[d.id] })),
        )
        .filter((x) => x.cov.records);
      if (!items.length) continue;
      out.push(
        `<details data-jurisdiction="${h(id)}"><summary><span title="${h(id)}">${h(name(id))}</span> — ${h(render(w('coveredDatasets', lang), { n: items.length }))}</summary>`,
      );
      for (const { d, cov } of items) {
        out.push(`<p><b>${h(d.label[lang])}</b></p><ul>`);
        for (const e of cov.evidence)
          out.push(
            `<li><code>${h(e.id ?? '')}</code> ${h(e.title ?? '')} <span class="muted">(${h(evidencePlace(e))})</span>: ${h(evidenceMatch(e, lang))}</li>`,
          );
        if (cov.records > cov.evidence.length)
          out.push(`<li>${h(andMore(cov.records - cov.evidence.length, lang))}</li>`);
        out.push('</ul>');
      }
      out.push('</details>');
    }
    out.push('</section>\n');
  }

  out.push(`</main>\n<footer><p>${h(generated)}</p></footer>\n</body>\n</html>\n`);
  return out.join('');
}
