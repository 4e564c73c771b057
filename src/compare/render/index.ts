/** The comparison's formats: one function each, from the comparison to its text. */
import { jsonText } from '../../util/escape.js';
import type { Lang } from '../../core/lang.js';
import type { Comparison } from '../compare.js';
import { comparisonCsv } from './csv.js';
import { comparisonHtml } from './html.js';
import { comparisonMarkdown } from './markdown.js';
import type { CompareFormat } from './formats.js';

export { COMPARE_FORMATS, type CompareFormat } from './formats.js';

const RENDER: Record<CompareFormat, (c: Comparison, lang: Lang) => string> = {
  markdown: comparisonMarkdown,
  csv: comparisonCsv,
  json: (c) => `${jsonText(c, 2)}\n`,
  html: comparisonHtml,
};

export function renderComparison(c: Comparison, format: CompareFormat, lang: Lang): string {
  return RENDER[format](c, lang);
}
