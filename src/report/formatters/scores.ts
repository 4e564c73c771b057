/**
 * How scores read in reports (markdown, html): numbers and labels only. Scores are computed by the
 * scoring stage and carried by the findings model; reports never compute them.
 */
import { mqaWord, t } from '../../i18n/ui.js';
import type { Lang } from '../../rules/types.js';
import type { CatalogueScores, PrincipleScore, RecordScores } from '../model.js';

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
  const stars = '★'.repeat(Math.max(0, Math.min(5, s.stars))) + '☆'.repeat(5 - Math.max(0, Math.min(5, s.stars)));
  return `MQA ${s.mqa.points}/${s.mqa.max} (${mqaWord(s.mqa.band, lang)}) · ${stars}`;
}

/** "mean 250/405 (Good), median 260, best 380" for the catalogue. */
export function catalogueMqaLine(s: CatalogueScores, lang: Lang): string {
  const m = s.mqa;
  return `${t('mean', lang)} ${decimal(m.mean, lang)}/${m.max} (${mqaWord(m.band, lang)}), ${t('median', lang)} ${decimal(m.median, lang)}`;
}
