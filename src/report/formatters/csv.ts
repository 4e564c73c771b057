/**
 * CSV for spreadsheets: one row per finding, every field quoted (RFC 4180, CRLF line ends), a UTF-8
 * byte order mark so that spreadsheet programs read accents right, headings in the report's
 * language. Values a spreadsheet would take for a formula are neutralised (see `csvField`).
 */
import { severityLabel, t } from '../../i18n/ui.js';
import { csvField } from '../../util/escape.js';
import { lineOf, valueText } from './common.js';
import type { FormatterFactory } from './types.js';

const COLUMNS = [
  'file', 'line', 'column', 'recordId', 'title', 'profile', 'severityHeading', 'rule', 'principle', 'commitment',
  'property', 'sourceField', 'message', 'value', 'related',
] as const;

export const csv: FormatterFactory = (o) => ({
  start: () => `\uFEFF${COLUMNS.map((c) => csvField(t(c, o.lang))).join(',')}\r\n`,
  record: (r) =>
    r.findings
      .map(
        (f) =>
          [
            r.source.file,
            lineOf(r, f),
            f.line !== undefined ? f.column : undefined,
            r.id,
            r.title,
            r.profile,
            severityLabel(f.severity, o.lang),
            f.ruleId,
            f.principle,
            f.commitment,
            f.property,
            f.sourcePath,
            f.message,
            valueText(f.value),
            f.related?.map((x) => x.ruleId).join(' '),
          ]
            .map(csvField)
            .join(',') + '\r\n',
      )
      .join(''),
  end: () => '',
});
