/**
 * SARIF 2.1.0 (OASIS), as code-scanning services read it (GitHub code scanning, Azure DevOps, IDEs).
 * One run; one result per finding, with a physical location (the input file, and the line and
 * column where known) and a logical location (the record's id); every rule that ran is described
 * in `tool.driver.rules` with its help in the report's language.
 *
 * Streams: results are written as records arrive and the run's `tool` (with the rules list, which
 * may grow with rules met on the way) closes the run object; JSON gives key order no meaning.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHIPPED_RULES, type RuleBook } from '../../rules/book.js';
import { jsonText } from '../../util/escape.js';
import type { Finding, Fix } from '../../core/finding.js';
import type { RecordResult } from '../../core/record.js';
import type { Lang } from '../../core/lang.js';
import type { Severity } from '../../core/severity.js';
import type { Summary } from '../../core/summary.js';
import { plainText, ruleHelp } from '../rule-help.js';
import { lineOf } from './common.js';
import type { FormatterFactory } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A file as a URI reference: relative paths stay relative (to the repository, in CI), percent-encoded. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** A finding's identity that survives edits elsewhere in the file (code scanning tracks alerts by it). */
function fingerprint(r: RecordResult, f: Finding): string {
  const who = r.id ?? `${r.source.file}:${r.source.line ?? ''}`;
  return createHash('sha256')
    .update([f.ruleId, who, f.property ?? '', f.sourcePath ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * A fix as SARIF gives it: the replacement of the value's text, where the value is placed (the
 * finding's own field, located, in a JSON or JSON Lines file that is not compressed, its old text
 * on one line and without escapes, so that its end is its start plus its length); undefined
 * elsewhere, the fix then being in the result's properties (SARIF's fix needs a replacement).
 */
function sarifFix(r: RecordResult, f: Finding, fix: Fix): unknown {
  const old = JSON.stringify(fix.old);
  if (
    fix.pointer !== f.sourcePath ||
    f.line === undefined ||
    f.column === undefined ||
    !/\.(json|jsonl|ndjson)$/i.test(r.source.file) ||
    old.includes('\\')
  )
    return undefined;
  const deletedRegion = {
    startLine: f.line,
    startColumn: f.column,
    endLine: f.line,
    endColumn: f.column + old.length,
  };
  return {
    description: { text: `${fix.kind}: ${old} → ${JSON.stringify(fix.new)}` },
    artifactChanges: [
      {
        artifactLocation: { uri: artifactUri(r.source.file) },
        replacements: [{ deletedRegion, insertedContent: { text: JSON.stringify(fix.new) } }],
      },
    ],
  };
}

/** One finding as a SARIF result, placed in its file and, by its record's id, logically. */
function sarifResult(r: RecordResult, f: Finding, ruleIndex: number): unknown {
  // Code scanning places a result by its region's start line: the file's first line when unknown.
  const region = {
    startLine: lineOf(r, f) ?? 1,
    ...(f.line !== undefined && f.column !== undefined ? { startColumn: f.column } : {}),
  };
  const location = {
    physicalLocation: { artifactLocation: { uri: artifactUri(r.source.file) }, region },
    ...(r.id !== null
      ? {
          logicalLocations: [
            {
              name: r.id,
              fullyQualifiedName: r.profile ? `${r.profile}/${r.id}` : r.id,
              kind: 'object',
            },
          ],
        }
      : {}),
  };
  const properties: Record<string, unknown> = {};
  for (const k of ['principle', 'commitment', 'property', 'sourcePath'] as const)
    if (f[k] !== undefined) properties[k] = f[k];
  if (f.value !== undefined) properties.value = f.value;
  // one gap, one finding: the other rules' findings this result stands for
  if (f.related) properties.related = f.related;
  if (r.title) properties.recordTitle = r.title;
  if (r.profile) properties.profile = r.profile;
  if (r.source.pointer) properties.recordPointer = r.source.pointer;
  const fix = f.fix && sarifFix(r, f, f.fix);
  if (f.fix && !fix) properties.fix = f.fix;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
    partialFingerprints: { 'passerelleFinding/v1': fingerprint(r, f) },
    ...(fix ? { fixes: [fix] } : {}),
    properties,
  };
}

/** A rule as SARIF describes it: title, docs, help link, default level, ODC tags. */
function ruleDescriptor(rules: RuleBook, id: string, lang: Lang): unknown {
  const h = ruleHelp(rules, id, lang);
  const text = plainText(h.docs);
  const tags = [h.principle, h.commitment].filter((x): x is string => !!x).map((p) => `ODC ${p}`);
  return {
    id,
    shortDescription: { text: h.title },
    ...(text
      ? { fullDescription: { text: text.split('\n\n')[0] }, help: { text, markdown: h.docs } }
      : {}),
    ...(h.helpUri ? { helpUri: h.helpUri } : {}),
    ...(h.severity ? { defaultConfiguration: { level: LEVEL[h.severity] } } : {}),
    ...(tags.length ? { properties: { tags } } : {}),
  };
}

export const sarif: FormatterFactory = (o) => {
  const rules = o.rules ?? SHIPPED_RULES;
  const ids: string[] = rules.all.map((r) => r.meta.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  let first = true;

  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.push(id) - 1;
      index.set(id, i);
    }
    return i;
  };

  return {
    start: () =>
      `{"$schema":${jsonText(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"language":"${o.lang}-CA","columnKind":"utf16CodeUnits","results":[`,
    record: (r) => {
      let s = '';
      for (const f of r.findings) {
        s += (first ? '\n' : ',\n') + jsonText(sarifResult(r, f, indexOf(f.ruleId)));
        first = false;
      }
      return s;
    },
    end: (summary: Summary) => {
      const driver = {
        name: o.tool.name,
        version: o.tool.version,
        semanticVersion: o.tool.version,
        language: `${o.lang}-CA`,
        rules: ids.map((id) => ruleDescriptor(rules, id, o.lang)),
      };
      const properties = {
        summary: {
          records: summary.records,
          valid: summary.valid,
          invalid: summary.invalid,
          rejected: summary.rejected,
          findings: summary.findings,
        },
      };
      return `${first ? '' : '\n'}],\n"tool":${jsonText({ driver })},\n"properties":${jsonText(properties)}}]}\n`;
    },
  };
};
