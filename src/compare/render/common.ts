/** What the comparison formats share: how a cell, a share and a piece of evidence read (unescaped text; each format escapes). */
import { render } from '../../i18n/render.js';
import { mqaWord } from '../../i18n/ui.js';
import { decimal, percent } from '../../report/formatters/scores.js';
import { pickText, type Lang } from '../../core/lang.js';
import type { Evidence } from '../high-value.js';
import type { CellWay, Jurisdiction, MappingKind } from '../matrix.js';
import type { Measures, Share } from '../measures.js';
import { combineWord, kindWord, onWord, w } from '../words.js';

/** Where a way's value comes from: its fields (by their labels in `lang`; by path without), its constant or its template. */
export function wayFrom(way: CellWay, lang?: Lang): string {
  if (way.value !== undefined) return JSON.stringify(way.value);
  if (way.template !== undefined) return way.template;
  return lang
    ? way.fields.map((f, i) => way.labels?.[i]?.[lang] ?? f).join(' + ')
    : way.fields.join(' + ');
}

/** The full paths of a way's fields, kept where the labels are shown (a tooltip, CSV, JSON). */
export function wayPaths(way: CellWay): string {
  return way.fields.join(' + ');
}

/** A jurisdiction as people name it: the profile's name in `lang`, else its id. */
export function jurisdictionName(j: Jurisdiction, lang: Lang): string {
  return pickText(j.name, [lang, 'en', 'fr']) ?? j.id;
}

/** What is done to the value: kinds (the vocabulary named), combination, condition, default. */
export function wayHow(way: CellWay, lang: Lang): string {
  const parts: string[] = way.kinds.map((k: MappingKind) =>
    k === 'vocabulary' && way.vocabulary
      ? `${kindWord(k, lang)} ${way.vocabulary}`
      : kindWord(k, lang),
  );
  if (way.combine) parts.push(combineWord(way.combine, lang));
  if (way.conditional) parts.push(w('when', lang));
  if (way.default !== undefined) parts.push(`${w('default', lang)} ${JSON.stringify(way.default)}`);
  return parts.join(', ');
}

/** `Title (en) — direct`; `paths`: the fields by path (CSV) instead of by label. */
export function wayText(way: CellWay, lang: Lang, paths = false): string {
  const from = wayFrom(way, paths ? undefined : lang);
  const language = way.language ? ` (${way.language})` : '';
  return `${from}${language}${from ? ' — ' : ''}${wayHow(way, lang)}`;
}

/** `81% (13/16)` */
export function shareText(s: Share | undefined, lang: Lang): string {
  if (s?.notAssessed) return `— (${w('notAssessed', lang)})`;
  return s?.of ? `${percent(s.share, lang)} (${s.n}/${s.of})` : '—';
}

/** `291.7/325 (Good)` */
export function medianText(m: Measures | undefined, lang: Lang): string {
  return m?.mqaMedian
    ? `${decimal(m.mqaMedian.points, lang)}/${m.mqaMedian.max} (${mqaWord(m.mqaMedian.band, lang)})`
    : '—';
}

/** `16 (1 unreadable)` */
export function recordsText(m: Measures | undefined, lang: Lang): string {
  if (!m) return '—';
  return m.rejected ? `${m.records} (${m.rejected} ${w('unreadable', lang)})` : String(m.records);
}

/** `file:line` or `file#pointer` of an evidence record. */
export function evidencePlace(e: Evidence): string {
  return e.line !== undefined
    ? `${e.file}:${e.line}`
    : e.pointer
      ? `${e.file}#${e.pointer}`
      : e.file;
}

/** `title@en “climate data”, keyword@fr “climat”; themes ENVI` */
export function evidenceMatch(e: Evidence, lang: Lang): string {
  const [open, close] = lang === 'fr' ? ['« ', ' »'] : ['“', '”'];
  const m = e.matched
    .map((x) => `${onWord(x.on, lang)}@${x.language} ${open}${x.term}${close}`)
    .join(', ');
  return e.themes.length ? `${m}; ${w('themesAgree', lang)} ${e.themes.join(', ')}` : m;
}

/** `and 3 more` */
export function andMore(n: number, lang: Lang): string {
  return render(w('andMore', lang), { n });
}
