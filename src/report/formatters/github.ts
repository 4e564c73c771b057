/**
 * GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…::message`),
 * shown on the run's summary and, for files of the repository, on the pull request's diff.
 * Errors are `error`, warnings `warning`, infos `notice`. A closing plain line gives the counts.
 */
import { t } from '../../i18n/ui.js';
import { count, inRecords, severityCount } from '../../i18n/plural.js';
import { escapeWorkflowData as data, escapeWorkflowProperty as prop } from '../../util/escape.js';
import type { Severity } from '../../core/severity.js';
import { lineOf, recordName, relatedNote } from './common.js';
import type { FormatterFactory } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: FormatterFactory = (o) => {
  let withFindings = 0;
  return {
    start: () => '',
    record: (r) => {
      if (r.findings.length > 0) withFindings++;
      return r.findings
        .map((f) => {
          const line = lineOf(r, f);
          const props = [`file=${prop(r.source.file)}`];
          if (line !== undefined) props.push(`line=${line}`);
          if (f.line !== undefined && f.column !== undefined) props.push(`col=${f.column}`);
          props.push(`title=${prop(`${f.ruleId} · ${recordName(r, o.lang)}`)}`);
          const title = r.title ? ` — ${r.title}` : '';
          return `::${COMMAND[f.severity]} ${props.join(',')}::${data(`${f.message}${relatedNote(f)} (${recordName(r, o.lang)}${title})`)}\n`;
        })
        .join('');
    },
    end: (s) => {
      const total = s.findings.error + s.findings.warning + s.findings.info;
      if (total === 0)
        return `${t('noProblems', o.lang)} — ${count(s.records, 'record', o.lang)}\n`;
      const parts = (['error', 'warning', 'info'] as Severity[])
        .filter((k) => s.findings[k] > 0)
        .map((k) => severityCount(s.findings[k], k, o.lang));
      return `${count(total, 'problem', o.lang)} (${parts.join(', ')}) ${inRecords(withFindings, s.records, o.lang)}\n`;
    },
  };
};
