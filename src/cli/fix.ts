/** `passerelle fix`: prints the fixes as a review, or writes them (corrected exports, JSON Patch, CKAN payloads). */
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, basename } from 'node:path';
import { FIX_KINDS, type FixKind } from '../core/finding.js';
import type { Lang } from '../core/lang.js';
import {
  ckanPatch,
  fixFiles,
  NOT_APPLIED,
  patchLine,
  type EditedFile,
  type FixedRecord,
  type PlannedFix,
} from '../fix/fix.js';
import { render } from '../i18n/render.js';
import { t } from '../i18n/ui.js';
import { resolveConfig } from '../config/load.js';
import { ruleBook, type RuleBook } from '../rules/book.js';
import { escapeTerminal } from '../util/escape.js';
import { suggestion } from '../util/file-schema.js';
import { count, counted } from '../i18n/plural.js';
import { UsageError } from '../util/errors.js';
import { pointerToDotted } from '../util/paths.js';
import { temporaryBeside } from './output.js';
import { STDIN } from './stdin.js';
import { parseNow } from './validate.js';

export interface FixCommandOptions {
  profile?: string;
  output?: string;
  inPlace?: boolean;
  to: string;
  rule?: string[];
  fixType?: string[];
  now?: string;
  lang: Lang;
  config?: string | false;
  followLinks?: boolean;
}

const TO = ['review', 'json-patch', 'ckan'];

const WORDS = {
  total: {
    en: '{{applied}} in {{records}} of {{files}}; {{skipped}}',
    fr: '{{applied}} dans {{records}} de {{files}} ; {{skipped}}',
  },
  none: { en: 'nothing to fix', fr: 'rien à corriger' },
  inPlace: {
    en: '{{file}}: corrected in place (the original kept as {{backup}})',
    fr: '{{file}} : corrigé sur place (l’original gardé sous {{backup}})',
  },
  backupExists: {
    en: '{{file}}: not corrected: {{backup}} exists (move it away first: it may be the only original)',
    fr: '{{file}} : non corrigé : {{backup}} existe (déplacez-le d’abord : c’est peut-être le seul original)',
  },
  noPayload: {
    en: '{{file}}: record {{id}} has no id or name: no package_patch payload',
    fr: '{{file}} : l’enregistrement {{id}} n’a ni id ni name : pas de charge utile package_patch',
  },
} as const;

const say = (lang: Lang, key: keyof typeof WORDS, data: Record<string, unknown> = {}): string =>
  render(WORDS[key][lang], data, lang);

function checkOptions(o: FixCommandOptions, paths: readonly string[]): void {
  if (!TO.includes(o.to))
    throw new UsageError(
      `--to: must be one of ${TO.join(', ')}`,
      `--to : doit être l’un de ${TO.join(', ')}`,
    );
  if (o.output !== undefined && o.inPlace)
    throw new UsageError(
      '--output and --in-place: choose one',
      '--output et --in-place : choisissez l’un des deux',
    );
  if (o.to !== 'review' && (o.output !== undefined || o.inPlace))
    throw new UsageError(
      `--to ${o.to} prints to standard output: use it without --output or --in-place`,
      `--to ${o.to} écrit sur la sortie standard : employez-le sans --output ni --in-place`,
    );
  for (const k of o.fixType ?? [])
    if (!FIX_KINDS.includes(k as FixKind))
      throw new UsageError(
        `--fix-type: "${k}" is not one of ${FIX_KINDS.join(', ')}`,
        `--fix-type : « ${k} » n’est pas l’un de ${FIX_KINDS.join(', ')}`,
      );
  if (paths.includes(STDIN))
    throw new UsageError(
      'fix reads files, not standard input (it writes them back)',
      'fix lit des fichiers, pas l’entrée standard (il les réécrit)',
    );
}

const ruleIds = (rules: RuleBook): string[] => rules.all.map((r) => r.meta.id);

/** `--rule`: ids of the run's rules; a rule of the configuration's rulesets is one too, though it has no fixes. */
function checkRuleIds(ids: readonly string[] = [], rules: RuleBook): void {
  for (const id of ids)
    if (!rules.byId(id))
      throw new UsageError(
        `--rule: "${id}" is not a rule${suggestion(id, ruleIds(rules))}; passerelle rules lists them`,
        `--rule : « ${id} » n’est pas une règle${suggestion(id, ruleIds(rules), 'fr')} ; passerelle rules les liste`,
      );
}

/** A value as the review shows it: JSON, cut when long (a repaired description). */
function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? 'null';
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function reviewLine(file: string, r: FixedRecord, fix: PlannedFix, why?: string): string {
  const where = `${file}:${fix.line ?? r.source.line ?? 1}${fix.column ? `:${fix.column}` : ''}`;
  const field = pointerToDotted(fix.pointer) || '(record)';
  const rule = `${fix.ruleId} (${fix.kind})`;
  const line = `${where}  ${r.id ?? ''}  ${field}: ${shown(fix.old)} → ${shown(fix.new)}  ${rule}`;
  return why ? `  ✗ ${escapeTerminal(line)}\n      ${why}` : `  ${escapeTerminal(line)}`;
}

/** What the review counts, over every file. */
interface Counts {
  applied: number;
  skipped: number;
  records: number;
  files: number;
}

/** A file's part of the review: each fix applied (or to be), then those left with why. */
function reviewFile(f: EditedFile, lang: Lang, n: Counts): string {
  if (f.records.length === 0) return '';
  const out = [escapeTerminal(f.file)];
  for (const r of f.records) {
    if (r.applied.length) n.records++;
    for (const fix of r.applied) out.push(reviewLine(f.file, r, fix));
    for (const s of r.skipped) out.push(reviewLine(f.file, r, s.fix, NOT_APPLIED[s.reason][lang]));
    n.applied += r.applied.length;
    n.skipped += r.skipped.length;
  }
  if (f.records.some((r) => r.applied.length)) n.files++;
  return `${out.join('\n')}\n`;
}

function totalLine(n: Counts, lang: Lang): string {
  return n.applied + n.skipped === 0
    ? say(lang, 'none')
    : say(lang, 'total', {
        applied: count(n.applied, 'fix', lang),
        records: count(n.records, 'record', lang),
        files: count(n.files, 'file', lang),
        skipped: counted('notApplied', n.skipped, lang),
      });
}

/** Written whole or not at all: a temporary file beside it, renamed. */
function writeWhole(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = temporaryBeside(file);
  writeFileSync(tmp, bytes, { flag: 'wx' });
  renameSync(tmp, file);
}

/** Where a file goes under --output: its path from the working directory, else its name. */
function target(dir: string, file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return join(dir, rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(file));
}

/** A file under --output: corrected, or copied as it is; never over an input. */
function writeOutput(f: EditedFile, dir: string): void {
  const to = target(dir, f.file);
  if (resolve(to) === resolve(f.file))
    throw new UsageError(
      `--output: ${f.file} would be written over (use --in-place)`,
      `--output : ${f.file} serait écrasé (employez --in-place)`,
    );
  if (f.changed && f.bytes) writeWhole(to, f.bytes);
  else {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f.file, to);
  }
}

/** A corrected file in place, its original kept as .bak first; false when a .bak is there already. */
function writeInPlace(f: EditedFile, lang: Lang): boolean {
  if (!f.changed || !f.bytes) return true;
  const backup = `${f.file}.bak`;
  if (existsSync(backup)) {
    process.stderr.write(`passerelle: ${say(lang, 'backupExists', { file: f.file, backup })}\n`);
    return false;
  }
  copyFileSync(f.file, backup);
  writeWhole(f.file, f.bytes);
  process.stderr.write(`passerelle: ${say(lang, 'inPlace', { file: f.file, backup })}\n`);
  return true;
}

/** A file's JSON Lines of patches (one per record with applied fixes) or of package_patch payloads. */
function patches(f: EditedFile, to: string, lang: Lang): string {
  const lines: string[] = [];
  for (const r of f.records) {
    if (!r.applied.length) continue;
    if (to === 'json-patch') lines.push(JSON.stringify(patchLine(r)));
    else {
      const payload = ckanPatch(r);
      if (payload) lines.push(JSON.stringify(payload));
      else
        process.stderr.write(
          `passerelle: ${escapeTerminal(say(lang, 'noPayload', { file: f.file, id: r.id ?? r.source.line }))}\n`,
        );
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** Exit 0; 1 when a file could not be corrected in place (its backup exists). */
export async function fixCommand(paths: string[], o: FixCommandOptions): Promise<number> {
  checkOptions(o, paths);
  // the configuration and the run's rules as `validate` takes them: the same findings, so the same fixes
  const config = resolveConfig(o.config);
  const rules = ruleBook(config?.rules);
  checkRuleIds(o.rule, rules);
  const files = fixFiles(paths, {
    profile: o.profile,
    now: parseNow(o.now),
    lang: o.lang,
    settings: config?.settings,
    rules,
    followLinks: o.followLinks === true,
    ruleIds: o.rule,
    kinds: o.fixType as FixKind[] | undefined,
    onDetect: (file, profile) =>
      process.stderr.write(`${escapeTerminal(render(t('detected', o.lang), { file, profile }))}\n`),
  });
  // each file written or printed as soon as its records are checked
  const n: Counts = { applied: 0, skipped: 0, records: 0, files: 0 };
  let code = 0;
  let written = 0;
  let changed = 0;
  for await (const f of files) {
    if (o.to !== 'review') {
      process.stdout.write(patches(f, o.to, o.lang));
      continue;
    }
    process.stdout.write(reviewFile(f, o.lang, n));
    if (o.output !== undefined) {
      writeOutput(f, o.output);
      written++;
      if (f.changed) changed++;
    } else if (o.inPlace && !writeInPlace(f, o.lang)) code = 1;
  }
  if (o.to !== 'review') return 0;
  process.stdout.write(`${totalLine(n, o.lang)}\n`);
  if (o.output !== undefined)
    process.stderr.write(
      `passerelle: ${counted('filesWritten', written, o.lang, { dir: o.output })} (${counted('corrected', changed, o.lang)})\n`,
    );
  return code;
}
