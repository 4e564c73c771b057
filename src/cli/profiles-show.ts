/** `passerelle profiles show <id>`: a profile's fields, what each maps to, and its code lists. */
import { existsSync } from 'node:fs';
import { crosswalkPath, loadCrosswalk } from '../crosswalk/crosswalk.js';
import { describeProfile, type ProfileDescription } from '../crosswalk/describe.js';
import { loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { Lang } from '../core/lang.js';
import { UsageError } from '../util/errors.js';
import { pickText, type LangText } from '../core/lang.js';

const WORDS = {
  platform: { en: 'platform', fr: 'plateforme' },
  extends: { en: 'extends', fr: 'étend' },
  portal: { en: 'portal', fr: 'portail' },
  languages: { en: 'languages', fr: 'langues' },
  source: { en: 'source', fr: 'source' },
  crosswalk: { en: 'crosswalk', fr: 'correspondance' },
  detect: { en: '--profile auto', fr: '--profile auto' },
  priority: { en: 'recognised, priority', fr: 'reconnu, priorité' },
  notDetected: {
    en: 'not recognised (name it with --profile)',
    fr: 'non reconnu (à nommer avec --profile)',
  },
  fields: { en: 'Fields', fr: 'Champs' },
  field: { en: 'field', fr: 'champ' },
  type: { en: 'type', fr: 'type' },
  required: { en: 'required', fr: 'requis' },
  bilingual: { en: 'bilingual', fr: 'bilingue' },
  vocabulary: { en: 'code list', fr: 'liste de codes' },
  mapsTo: { en: 'maps to', fr: 'correspond à' },
  yes: { en: 'yes', fr: 'oui' },
  olderName: { en: 'older name of', fr: 'ancien nom de' },
  codeLists: { en: 'Code lists', fr: 'Listes de codes' },
  codes: { en: 'codes', fr: 'codes' },
  legacy: { en: 'legacy', fr: 'ancien' },
  none: { en: '(none)', fr: '(aucune)' },
} as const;

type Word = keyof typeof WORDS;

function label(text: LangText | undefined, lang: Lang): string {
  return pickText(text, lang === 'fr' ? ['fr', 'en', 'und'] : ['en', 'fr', 'und']) ?? '';
}

/** Columns padded to their widest cell; trailing blanks trimmed. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => `  ${r.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd())
    .join('\n');
}

export function renderProfile(d: ProfileDescription, lang: Lang): string {
  const w = (k: Word): string => WORDS[k][lang];
  const out: string[] = [`${d.id}  ${label(d.name, lang)}`];
  const facts: [string, string][] = [];
  // what the profile inherits from: its parent, then the parent's own (`extends:`)
  if (d.extends) facts.push([w('extends'), d.extends.join(' → ')]);
  if (d.platform) facts.push([w('platform'), d.platform]);
  if (d.portal) facts.push([w('portal'), d.portal]);
  facts.push([w('languages'), d.languages.join(', ') || w('none')]);
  if (d.crosswalk) facts.push([w('crosswalk'), d.crosswalk]);
  facts.push([w('detect'), d.detect ? `${w('priority')} ${d.detect.priority}` : w('notDetected')]);
  if (d.source) facts.push([w('source'), d.source]);
  out.push(table(facts.map(([k, v]) => [k, v])), '', w('fields'));
  const rows = [
    [w('field'), w('type'), w('required'), w('bilingual'), w('vocabulary'), w('mapsTo')],
  ];
  for (const f of d.fields) {
    const mapsTo = f.mapsTo.join(', ');
    rows.push([
      f.path,
      f.type,
      f.required ? w('yes') : '',
      f.bilingual ? w('yes') : '',
      f.vocabulary ?? '',
      f.aliasOf ? `(${w('olderName')} ${f.aliasOf})${mapsTo ? ` ${mapsTo}` : ''}` : mapsTo,
    ]);
  }
  out.push(table(rows), '', w('codeLists'));
  if (d.vocabularies.length === 0) out.push(`  ${w('none')}`);
  for (const v of d.vocabularies) {
    out.push(`  ${v.id} (${v.codes.length} ${w('codes')})`);
    const codes = v.codes.map((c) => [c.code, label(c.label, lang)]);
    const legacy = v.legacy.map((l) => [l.code, `${w('legacy')} → ${l.current}`]);
    out.push(table([...codes, ...legacy]).replace(/^ {2}/gm, '    '));
  }
  return `${out.join('\n')}\n`;
}

export function profilesShowCommand(id: string, o: { format: string; lang: Lang }): number {
  if (o.format !== 'text' && o.format !== 'json')
    throw new UsageError('--format: must be text or json', '--format : doit être text ou json');
  const profile = loadProfile(id, { knownRules: RULE_IDS });
  const crosswalk = existsSync(crosswalkPath(profile.id)) ? loadCrosswalk(profile) : undefined;
  const d = describeProfile(profile, crosswalk);
  process.stdout.write(
    o.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderProfile(d, o.lang),
  );
  return 0;
}
