/**
 * GitLab Code Quality (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"): a
 * JSON array of issues, each with `description`, `check_name` (the rule id), `fingerprint` (unique
 * and stable: GitLab compares a merge request's issues with the target branch's by it), `severity`
 * (`info`, `minor`, `major`, `critical`, `blocker`) and `location` (`path` relative to the
 * repository, `lines.begin`). Shown in the merge request widget and the pipeline's Code Quality tab.
 *
 * Streams like the other formats: `[`, the issues as records arrive, `]`.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../core/finding.js';
import type { RecordResult } from '../../core/record.js';
import type { Severity } from '../../core/severity.js';
import { jsonText } from '../../util/escape.js';
import { lineOf, recordName, relatedNote } from './common.js';
import type { FormatterFactory } from './types.js';

/** As GitLab's own linters' reports map theirs (an error blocks nothing by itself: `major`). */
export const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

/** Rule, file, place in the file (pointer, else line) and message: the same finding, the same print. */
function fingerprint(r: RecordResult, f: Finding): string {
  const place = f.sourcePath ?? r.source.pointer ?? String(lineOf(r, f) ?? '');
  return createHash('sha256')
    .update([f.ruleId, r.source.file, r.id ?? '', place, f.message].join('\u0000'))
    .digest('hex');
}

/** Paths relative to the repository, with forward slashes (GitLab matches them against the diff). */
function repoPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

export const gitlab: FormatterFactory = (o) => {
  let first = true;
  return {
    start: () => '[',
    record: (r) => {
      let s = '';
      for (const f of r.findings) {
        const issue = {
          description: `${f.message}${relatedNote(f)} (${recordName(r, o.lang)}${r.title ? ` — ${r.title}` : ''})`,
          check_name: f.ruleId,
          fingerprint: fingerprint(r, f),
          severity: GITLAB_SEVERITY[f.severity],
          location: { path: repoPath(r.source.file), lines: { begin: lineOf(r, f) ?? 1 } },
        };
        s += (first ? '\n' : ',\n') + jsonText(issue);
        first = false;
      }
      return s;
    },
    end: () => `${first ? '' : '\n'}]\n`,
  };
};
