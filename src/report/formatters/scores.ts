/**
 * How scores read in reports (markdown, html): numbers and labels only. Scores are computed by the
 * scoring stage and carried by the findings model; reports never compute them.
 */
import { mqaWord, t } from '../../i18n/ui.js';
import { render } from '../../i18n/render.js';
import { count } from '../../i18n/plural.js';
import type { Lang } from '../../core/lang.js';
import { INDICATORS, MQA_DIMENSIONS } from '../../scores/mqa.js';
import type { CatalogueScores, PrincipleScore, RecordScores } from '../../core/scores.js';

/** A share as a whole percentage, typeset per language (`86%`, `86 %`). */
export function percent(share: number, lang: Lang): string {
  const n = Math.round(share * 100);
  return lang === 'fr' ? `${n}\u00A0%` : `${n}%`;
}

/** A number with at most one decimal, with the language's decimal mark. */
export function decimal(n: number, lang: Lang): string {
  const s = String(Math.round(n * 10) / 10);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

export function principleShare(p: PrincipleScore | undefined, lang: Lang): string {
  return p ? `${p.passed}/${p.applicable} (${percent(p.share, lang)})` : '';
}

/** "MQA 250/405 (Good) · ★★★☆☆" for one record. */
export function recordScoreLine(s: RecordScores, lang: Lang): string {
  const stars =
    '★'.repeat(Math.max(0, Math.min(5, s.stars))) +
    '☆'.repeat(5 - Math.max(0, Math.min(5, s.stars)));
  const points = lang === 'fr' ? String(s.mqa.points).replace('.', ',') : String(s.mqa.points);
  return `MQA ${points}/${s.mqa.max} (${mqaWord(s.mqa.band, lang)}) · ${stars}`;
}

/** "mean 250/405 (Good), median 260, best 380" for the catalogue. */
export function catalogueMqaLine(s: CatalogueScores, lang: Lang): string {
  const m = s.mqa;
  return `${t('mean', lang)} ${decimal(m.mean, lang)}/${m.max} (${mqaWord(m.band, lang)}), ${t('median', lang)} ${decimal(m.median, lang)}`;
}

/** "P1 100% · P2 83% · …": the share of each principle's checks passed. */
export function principlesLine(p: Partial<Record<string, PrincipleScore>>, lang: Lang): string {
  return Object.entries(p)
    .map(([id, s]) => `${id} ${percent((s as PrincipleScore).share, lang)}`)
    .join(' · ');
}

/** stylish, under each record: "MQA 291.67/325 (Good) · ★★★☆☆ · P1 100% · P2 83% …" */
export function recordScoresStylish(s: RecordScores, lang: Lang): string {
  return [recordScoreLine(s, lang), principlesLine(s.principles, lang)].filter(Boolean).join(' · ');
}

/** stylish, after the summary: the catalogue's scores in a few indented lines. */
export function catalogueScoresStylish(s: CatalogueScores, lang: Lang): string[] {
  const m = s.mqa;
  const colon = lang === 'fr' ? '\u00A0:' : ':';
  const lines = [
    `${t('scores', lang)} (${count(s.records, 'record', lang)})`,
    `  MQA${colon} ${catalogueMqaLine(s, lang)}`,
    `    ${MQA_DIMENSIONS.map((d) => `${mqaWord(d, lang)} ${decimal(m.dimensions[d].mean, lang)}/${m.dimensions[d].max}`).join(' · ')}`,
  ];
  if (m.notAssessed?.length) {
    const points = INDICATORS.filter((i) => m.notAssessed?.includes(i.id)).reduce(
      (sum, i) => sum + i.weight,
      0,
    );
    lines.push(`    ${render(t('urlsNotChecked', lang), { points })}`);
  }
  lines.push(
    `  ${t('stars', lang)}${colon} ${Object.entries(s.stars)
      .map(([k, n]) => `★${k} ${n}`)
      .join(' · ')}`,
  );
  lines.push(`  ${t('principles', lang)}${colon} ${principlesLine(s.principles, lang)}`);
  return lines;
}
