/** For people at a terminal: findings grouped per record, coloured on a TTY, a summary at the end. */
import { Chalk } from 'chalk';
import { render } from '../../i18n/render.js';
import { escapeTerminal as esc, terminalLink } from '../../util/escape.js';
import { SHIPPED_RULES } from '../../rules/book.js';
import { ruleHelp } from '../rule-help.js';
import { severityLabel, t } from '../../i18n/ui.js';
import { count, counted, inRecords, severityCount, word } from '../../i18n/plural.js';
import type { RecordResult } from '../../core/record.js';
import type { Severity } from '../../core/severity.js';
import type { FormatterFactory } from './types.js';
import { catalogueScoresStylish, recordScoresStylish } from './scores.js';
import { isFixable, relatedNote } from './common.js';

export const stylish: FormatterFactory = (o) => {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const paint: Record<Severity, (s: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
  };
  let withFindings = 0;
  let fixable = 0;
  // a rule id links to its page on terminals that show links (one look-up per rule)
  const pages = new Map<string, string | undefined>();
  const ruleId = (id: string): string => {
    if (!o.hyperlinks) return id;
    if (!pages.has(id)) pages.set(id, ruleHelp(o.rules ?? SHIPPED_RULES, id, o.lang).helpUri);
    const uri = pages.get(id);
    return uri ? terminalLink(id, uri) : id;
  };
  const where = (r: RecordResult): string => {
    const s = r.source;
    return s.line !== undefined
      ? `${s.file}:${s.line}`
      : s.pointer
        ? `${s.file}#${s.pointer}`
        : s.file;
  };
  return {
    start: () => '',
    record: (r) => {
      if (r.findings.length === 0) return '';
      withFindings++;
      for (const f of r.findings) if (isFixable(f)) fixable++;
      const title = r.title ? ` ${esc(JSON.stringify(r.title))}` : '';
      const head = `${c.underline(esc(where(r)))}  ${r.id !== null ? esc(r.id) : c.dim(r.status === 'rejected' ? word('rejected', 1, o.lang) : t('noId', o.lang))}${title}${r.profile ? c.dim(` (${esc(r.profile)})`) : ''}`;
      const rows = r.findings.map((f) => [
        f.line !== undefined
          ? f.column !== undefined
            ? `${f.line}:${f.column}`
            : `${f.line}`
          : '',
        severityLabel(f.severity, o.lang),
        esc(f.message),
        ruleId(f.ruleId) + relatedNote(f),
        esc(f.sourcePath ?? f.property ?? ''),
      ]);
      const w = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
      const lines = rows.map((row, i) => {
        const sev = r.findings[i].severity;
        return `  ${c.dim(row[0].padEnd(w[0]))}  ${paint[sev](row[1].padEnd(w[1]))}  ${row[2]}  ${c.dim(row[3])}${row[4] ? c.dim(`  ${row[4]}`) : ''}`;
      });
      const scores = r.scores ? `  ${c.dim(recordScoresStylish(r.scores, o.lang))}\n` : '';
      return `\n${head}\n${scores}${lines.join('\n')}\n`;
    },
    end: (s) => {
      const total = s.findings.error + s.findings.warning + s.findings.info;
      const counts = `${count(s.records, 'record', o.lang)}${o.lang === 'fr' ? '\u00A0:' : ':'} ${count(s.valid, 'valid', o.lang)}, ${count(s.invalid, 'invalid', o.lang)}, ${count(s.rejected, 'rejected', o.lang)}`;
      const extra = [
        ...(s.baselined ? [`  ${counted('baselined', s.baselined, o.lang)}`] : []),
        ...(fixable ? [`  ${render(t('fixable', o.lang), { n: fixable })}`] : []),
        ...(s.scores ? ['', ...catalogueScoresStylish(s.scores, o.lang)] : []),
      ]
        .map((l) => `${l}\n`)
        .join('');
      if (total === 0) return `\n${c.green('✔')} ${t('noProblems', o.lang)} — ${counts}\n${extra}`;
      const parts = (['error', 'warning', 'info'] as Severity[])
        .filter((k) => s.findings[k] > 0)
        .map((k) => severityCount(s.findings[k], k, o.lang));
      const mark = s.findings.error > 0 ? c.red.bold('✖') : c.yellow.bold('⚠');
      return `\n${mark} ${c.bold(`${count(total, 'problem', o.lang)} (${parts.join(', ')})`)} ${inRecords(withFindings, s.records, o.lang)}\n  ${counts}\n${extra}`;
    },
  };
};
