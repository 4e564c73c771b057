/** Words of the reports themselves (not of rules), in both official languages. */
import type { Lang } from '../rules/types.js';
import type { Severity } from '../report/model.js';

const UI = {
  severity: {
    error: { en: 'error', fr: 'erreur' },
    warning: { en: 'warning', fr: 'avertissement' },
    info: { en: 'info', fr: 'info' },
  },
  severities: {
    error: { en: 'errors', fr: 'erreurs' },
    warning: { en: 'warnings', fr: 'avertissements' },
    info: { en: 'infos', fr: 'infos' },
  },
  problems: { en: 'problems', fr: 'problèmes' },
  problem: { en: 'problem', fr: 'problème' },
  inRecords: { en: 'in {{n}} of {{total}} records', fr: 'dans {{n}} enregistrements sur {{total}}' },
  records: { en: 'records', fr: 'enregistrements' },
  valid: { en: 'valid', fr: 'valides' },
  invalid: { en: 'invalid', fr: 'non valides' },
  rejected: { en: 'rejected', fr: 'rejetés' },
  noProblems: { en: 'No problems', fr: 'Aucun problème' },
  untitled: { en: '(untitled)', fr: '(sans titre)' },
  progress: { en: 'records read', fr: 'enregistrements lus' },
} as const;

export function t(key: Exclude<keyof typeof UI, 'severity' | 'severities'>, lang: Lang): string {
  return UI[key][lang];
}

export function severityLabel(s: Severity, lang: Lang, plural = false): string {
  return (plural ? UI.severities : UI.severity)[s][lang];
}

/** Language from the environment (LC_ALL, LC_MESSAGES, LANG), English unless French is asked for. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr/i.test(v) ? 'fr' : 'en';
}
