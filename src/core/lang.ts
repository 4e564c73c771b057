/**
 * Text in several languages, one family of types. `Bilingual`: Passerelle's own words (messages,
 * labels, docs), always in both official languages; `Lang` is one of them. `LangText`: a record's
 * text as published, one value per BCP 47 tag (`en`, `fr`, `fr-t-en` for machine translation;
 * `und` when unknown).
 */
export type Bilingual = { en: string; fr: string };
export type Lang = keyof Bilingual;
export const LANGS: readonly Lang[] = ['en', 'fr'];

export type LangText = Record<string, string>;
export type LangTexts = Record<string, string[]>;

export const OFFICIAL_LANGUAGES = ['en', 'fr'] as const;

const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$|^und$/;
export function isLanguageTag(tag: string): boolean {
  // the two tags nearly every text has, without the regular expression
  return tag === 'en' || tag === 'fr' || TAG.test(tag);
}

/** First non-empty text in order of preference; for labels in reports. */
export function pickText(
  value: LangText | undefined,
  prefer: readonly string[] = ['en', 'fr', 'und'],
): string | undefined {
  if (!value) return undefined;
  for (const l of prefer) if (value[l]?.trim()) return value[l];
  return Object.values(value).find((v) => v?.trim());
}

/** Base language of a tag: `fr-t-en` → `fr`, `en-CA` → `en`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/** Machine-translated text (`-t-` transform extension) does not count as the language being provided. */
export function isMachineTranslated(tag: string): boolean {
  return /-t-/.test(tag);
}
