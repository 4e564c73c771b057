/**
 * The program in the run's language: `--lang fr` (anywhere on the command line) or a French locale
 * gives French help, usage errors and descriptions. Commands register their texts in English; they
 * are replaced here, from src/i18n/cli.ts, so that each command file keeps one text per option.
 */
import type { Command } from 'commander';
import type { Lang } from '../core/lang.js';
import { CLI_FR, LANG_DEFAULT } from '../i18n/cli.js';
import { langFromEnv } from '../i18n/ui.js';

/** The language of the command line itself: `--lang <l>` or `--lang=<l>` wins over the locale. */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'fr' || v === 'en') return v;
  }
  return langFromEnv(env);
}

/** Descriptions built from a list (the formats) rather than written once. */
const BUILT: [RegExp, string][] = [
  [
    /^report format, repeatable: (.*) \(default: stylish\)$/,
    'format du rapport, répétable : $1 (par défaut : stylish)',
  ],
];

/** `text` in `lang` (English is how commands write it). */
export function described(text: string, lang: Lang): string {
  if (lang === 'en' || !text) return text;
  const fr = CLI_FR[text];
  if (fr) return fr;
  for (const [from, to] of BUILT) if (from.test(text)) return text.replace(from, to);
  return text;
}

/** Every description of `program` and its commands in `lang`, and `--lang`'s real default. */
export function localise(program: Command, lang: Lang): void {
  const walk = (c: Command): void => {
    c.description(described(c.description(), lang));
    for (const a of c.registeredArguments) a.description = described(a.description, lang);
    for (const o of c.options) {
      o.description = described(o.description, lang);
      if (o.attributeName() === 'lang') o.defaultValueDescription = LANG_DEFAULT[lang];
    }
    c.helpOption('-h, --help', described('display help for command', lang));
    if (c.commands.length > 0)
      c.helpCommand('help [command]', described('display help for command', lang));
    for (const s of c.commands) walk(s);
  };
  walk(program);
}
