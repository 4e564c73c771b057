/**
 * The comparison as one long CSV table, for spreadsheets and pivot tables: one row per section,
 * property (or indicator, score, core dataset) and jurisdiction. `section`, `group` and `property`
 * are stable keys; `label` and `detail` follow `--lang`; `value` is a number or a key. Quoted, CRLF,
 * a byte order mark, formulas neutralised (`csvField`).
 */
import { mqaWord, principleName } from '../../i18n/ui.js';
import { csvField } from '../../util/escape.js';
import type { Lang } from '../../core/lang.js';
import { PRINCIPLES } from '../../scores/principles.js';
import type { Comparison } from '../compare.js';
import { INDICATORS } from '../measures.js';
import { indicatorWord, kindWord, obligationWord, w } from '../words.js';
import { evidenceMatch, evidencePlace, wayText } from './common.js';

type Value = string | number | undefined;

export function comparisonCsv(c: Comparison, lang: Lang): string {
  const lines: Value[][] = [
    [
      w('section', lang),
      w('group', lang),
      w('property', lang),
      w('label', lang),
      w('jurisdiction', lang),
      w('value', lang),
      w('detail', lang),
    ],
  ];
  const ids = c.matrix.jurisdictions.map((j) => j.id);
  for (const r of c.matrix.rows) {
    for (const id of ids) {
      const cell = r.cells[id];
      const detail =
        cell.kinds[0] === 'missing'
          ? kindWord('missing', lang)
          : cell.ways.map((x) => wayText(x, lang, true)).join(' | ');
      lines.push([
        'mapping',
        r.obligation,
        r.property,
        `${obligationWord(r.obligation, lang)}: ${r.label[lang]}`,
        id,
        cell.kinds.join('+'),
        detail,
      ]);
    }
  }
  const measures = c.measures ?? {};
  const measured = ids.filter((id) => measures[id]);
  for (const r of c.matrix.rows) {
    for (const id of measured) {
      const s = measures[id].fill[r.property];
      lines.push(['fill', r.obligation, r.property, r.label[lang], id, s.share, `${s.n}/${s.of}`]);
    }
  }
  for (const id of measured) {
    const m = measures[id];
    lines.push([
      'records',
      '',
      'records',
      w('records', lang),
      id,
      m.records,
      `${m.readable} ${w('readable', lang)}, ${m.rejected} ${w('unreadable', lang)}`,
    ]);
    for (const i of INDICATORS) {
      const s = m.indicators[i.id];
      lines.push([
        'indicator',
        i.rule,
        i.id,
        indicatorWord(i.id, lang),
        id,
        s.notAssessed ? '' : s.share,
        s.notAssessed ? w('notAssessed', lang) : `${s.n}/${s.of}`,
      ]);
    }
    if (m.mqaMedian && m.scores) {
      lines.push([
        'mqa',
        '',
        'median',
        w('mqaMedian', lang),
        id,
        m.mqaMedian.points,
        `${m.mqaMedian.max} ${mqaWord(m.mqaMedian.band, lang)}`,
      ]);
      lines.push([
        'mqa',
        '',
        'mean',
        w('mqaMean', lang),
        id,
        m.scores.mqa.mean,
        `${m.scores.mqa.max} ${mqaWord(m.scores.mqa.band, lang)}`,
      ]);
      for (const [level, n] of Object.entries(m.scores.stars))
        lines.push(['stars', '', level, `${level} ★`, id, n, '']);
      for (const p of PRINCIPLES) {
        const s = m.scores.principles[p];
        if (s)
          lines.push([
            'principle',
            '',
            p,
            principleName(p, lang),
            id,
            s.share,
            `${s.passed}/${s.applicable}`,
          ]);
      }
    }
  }
  const hv = c.highValue;
  if (hv) {
    for (const id of ids.filter((x) => hv.jurisdictions[x])) {
      const j = hv.jurisdictions[id];
      for (const cat of hv.list.categories) {
        const s = j.categories[cat.id];
        lines.push([
          'high-value-category',
          cat.id,
          cat.id,
          cat.label[lang],
          id,
          s.share,
          `${s.n}/${s.of}`,
        ]);
        for (const d of cat.datasets) {
          const cov = j.datasets[d.id];
          lines.push(['high-value', cat.id, d.id, d.label[lang], id, cov.records, '']);
          for (const e of cov.evidence)
            lines.push([
              'evidence',
              cat.id,
              d.id,
              e.title ?? '',
              id,
              e.id ?? '',
              `${evidencePlace(e)} ${evidenceMatch(e, lang)}`,
            ]);
        }
      }
    }
  }
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
