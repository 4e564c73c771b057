/**
 * Counted words in both languages, chosen by `Intl.PluralRules`: "1 record", "2 records";
 * French counts 0 and 1 as singular ("0 rejeté", "1 enregistrement", "2 enregistrements").
 */
import type { Lang } from '../core/lang.js';
import type { Severity } from '../core/severity.js';
import { render } from './render.js';

/** A word or template's singular and plural, per language. */
export type PluralForms = Record<Lang, { one: string; other: string }>;

const RULES: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules('en-CA'),
  fr: new Intl.PluralRules('fr-CA'),
};

const COUNTED = {
  record: {
    en: { one: 'record', other: 'records' },
    fr: { one: 'enregistrement', other: 'enregistrements' },
  },
  valid: { en: { one: 'valid', other: 'valid' }, fr: { one: 'valide', other: 'valides' } },
  invalid: {
    en: { one: 'invalid', other: 'invalid' },
    fr: { one: 'non valide', other: 'non valides' },
  },
  rejected: {
    en: { one: 'rejected', other: 'rejected' },
    fr: { one: 'rejeté', other: 'rejetés' },
  },
  problem: {
    en: { one: 'problem', other: 'problems' },
    fr: { one: 'problème', other: 'problèmes' },
  },
  error: { en: { one: 'error', other: 'errors' }, fr: { one: 'erreur', other: 'erreurs' } },
  warning: {
    en: { one: 'warning', other: 'warnings' },
    fr: { one: 'avertissement', other: 'avertissements' },
  },
  info: { en: { one: 'info', other: 'infos' }, fr: { one: 'info', other: 'infos' } },
  // templates: {{n}} is the count that chooses the form
  inRecords: {
    // English agrees with the total ("in 1 of 1 record"), French with the part ("dans 1 enregistrement sur 3")
    en: { one: 'in {{n}} of {{total}} record', other: 'in {{n}} of {{total}} records' },
    fr: {
      one: 'dans {{n}} enregistrement sur {{total}}',
      other: 'dans {{n}} enregistrements sur {{total}}',
    },
  },
  baselined: {
    en: {
      one: '{{n}} known finding left out by the baseline',
      other: '{{n}} known findings left out by the baseline',
    },
    fr: {
      one: '{{n}} constat connu écarté par la référence',
      other: '{{n}} constats connus écartés par la référence',
    },
  },
  baselineWritten: {
    en: {
      one: 'baseline: {{n}} finding written to {{file}}',
      other: 'baseline: {{n}} findings written to {{file}}',
    },
    fr: {
      one: 'référence : {{n}} constat écrit dans {{file}}',
      other: 'référence : {{n}} constats écrits dans {{file}}',
    },
  },
  converted: {
    en: {
      one: '{{n}} record converted to {{format}}',
      other: '{{n}} records converted to {{format}}',
    },
    fr: {
      one: '{{n}} enregistrement converti en {{format}}',
      other: '{{n}} enregistrements convertis en {{format}}',
    },
  },
  notConverted: {
    en: { one: '{{n}} could not be read', other: '{{n}} could not be read' },
    fr: { one: '{{n}} illisible', other: '{{n}} illisibles' },
  },
  fix: { en: { one: 'fix', other: 'fixes' }, fr: { one: 'correction', other: 'corrections' } },
  file: { en: { one: 'file', other: 'files' }, fr: { one: 'fichier', other: 'fichiers' } },
  notApplied: {
    en: { one: '{{n}} not applied', other: '{{n}} not applied' },
    fr: { one: '{{n}} non appliquée', other: '{{n}} non appliquées' },
  },
  filesWritten: {
    en: { one: 'wrote {{n}} file to {{dir}}', other: 'wrote {{n}} files to {{dir}}' },
    fr: { one: '{{n}} fichier écrit dans {{dir}}', other: '{{n}} fichiers écrits dans {{dir}}' },
  },
  corrected: {
    en: { one: '{{n}} corrected', other: '{{n}} corrected' },
    fr: { one: '{{n}} corrigé', other: '{{n}} corrigés' },
  },
  // the HTML report's rule section: records a rule was found in, and their share
  recordsWith: {
    en: { one: '{{n}} record ({{share}})', other: '{{n}} records ({{share}})' },
    fr: { one: '{{n}} enregistrement ({{share}})', other: '{{n}} enregistrements ({{share}})' },
  },
  // the HTML report without JavaScript: the records its script lists on demand
  laterRecords: {
    en: {
      one: '{{n}} more record is listed with JavaScript on (search, filters, scrolling), and in the JSON or CSV report.',
      other:
        '{{n}} more records are listed with JavaScript on (search, filters, scrolling), and in the JSON or CSV report.',
    },
    fr: {
      one: '{{n}} autre enregistrement est listé avec JavaScript (recherche, filtres, défilement), et dans le rapport JSON ou CSV.',
      other:
        '{{n}} autres enregistrements sont listés avec JavaScript (recherche, filtres, défilement), et dans le rapport JSON ou CSV.',
    },
  },
  recordsRead: {
    en: { one: 'record read', other: 'records read' },
    fr: { one: 'enregistrement lu', other: 'enregistrements lus' },
  },
  added: { en: { one: 'added', other: 'added' }, fr: { one: 'ajouté', other: 'ajoutés' } },
  removed: { en: { one: 'removed', other: 'removed' }, fr: { one: 'retiré', other: 'retirés' } },
  changed: { en: { one: 'changed', other: 'changed' }, fr: { one: 'modifié', other: 'modifiés' } },
  dataset: {
    en: { one: 'dataset', other: 'datasets' },
    fr: { one: 'jeu de données', other: 'jeux de données' },
  },
  document: {
    en: { one: 'document', other: 'documents' },
    fr: { one: 'document', other: 'documents' },
  },
  dataFile: {
    en: { one: 'data file', other: 'data files' },
    fr: { one: 'fichier de données', other: 'fichiers de données' },
  },
  jurisdiction: {
    en: { one: 'jurisdiction', other: 'jurisdictions' },
    fr: { one: 'administration', other: 'administrations' },
  },
  linksChanged: {
    en: {
      one: '"also published by" changed on {{n}} document',
      other: '"also published by" changed on {{n}} documents',
    },
    fr: {
      one: '« publié aussi par » modifié sur {{n}} document',
      other: '« publié aussi par » modifié sur {{n}} documents',
    },
  },
} satisfies Record<string, PluralForms>;

export type Counted = keyof typeof COUNTED;

/** The form of `forms` that goes with the number `n` (CLDR's "many", French millions, reads as plural). */
export function pluralForm(n: number, forms: PluralForms, lang: Lang): string {
  return RULES[lang].select(n) === 'one' ? forms[lang].one : forms[lang].other;
}

/** A counted word alone, agreeing with `n`: `word('record', 2, 'en')` → "records". */
export function word(key: Counted, n: number, lang: Lang): string {
  return pluralForm(n, COUNTED[key], lang);
}

/** The number and its word: `count(1, 'record', 'en')` → "1 record". */
export function count(n: number, key: Counted, lang: Lang): string {
  return `${n} ${word(key, n, lang)}`;
}

/** A counted template filled in: {{n}} chooses its form, `data` fills the rest. */
export function counted(
  key: Counted,
  n: number,
  lang: Lang,
  data: Record<string, unknown> = {},
): string {
  return render(word(key, n, lang), { n, ...data });
}

/** "2 errors", "1 avertissement". */
export function severityCount(n: number, s: Severity, lang: Lang): string {
  return count(n, s, lang);
}

/** "in 1 of 3 records", "dans 1 enregistrement sur 3": English agrees with the total, French with the part. */
export function inRecords(n: number, total: number, lang: Lang): string {
  return render(word('inRecords', lang === 'en' ? total : n, lang), { n, total });
}
