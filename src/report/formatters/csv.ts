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
  'file',
  'line',
  'column',
  'recordId',
  'title',
  'profile',
  'severityHeading',
  'rule',
  'principle',
  'commitment',
  'property',
  'sourceField',
  'message',
  'value',
  'related',
] as const;

/** One CSV row: its fields quoted, then CRLF. */
const row = (fields: readonly (string | number | undefined | null)[]): string =>
  `${fields.map(csvField).join(',')}\r\n`;

export const csv: FormatterFactory = (o) => ({
  start: () => `\uFEFF${row(COLUMNS.map((c) => t(c, o.lang)))}`,
  record: (r) =>
    r.findings
      .map((f) =>
        row([
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
        ]),
      )
      .join(''),
  end: () => '',
});
