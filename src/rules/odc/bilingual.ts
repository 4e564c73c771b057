import { codeRule } from '../define.js';
import { propertyOf } from '../../model/properties.js';
import {
  type Bilingual,
  baseLanguage,
  isMachineTranslated,
  type LangText,
  type LangTexts,
} from '../../core/lang.js';
import { firstLetter, sameNormalised } from '../text.js';

type Texts = LangText | LangTexts | undefined;

/** Base language of a tag, or null for a machine translation: a function of the tag alone, so kept for the process; tags are few, so each is read once (bounded). */
const tagLanguages = new Map<string, string | null>();
function languageOf(tag: string): string | null {
  let lang = tagLanguages.get(tag);
  if (lang === undefined) {
    if (tagLanguages.size >= 256) tagLanguages.clear();
    tagLanguages.set(tag, (lang = isMachineTranslated(tag) ? null : baseLanguage(tag)));
  }
  return lang;
}

/** The text in one language, machine translations (`fr-t-en`) not counting. */
function inLanguage(
  value: NonNullable<Texts>,
  tags: string[],
  lang: string,
): string | string[] | undefined {
  for (const tag of tags) {
    if (languageOf(tag) !== lang) continue;
    const v = value[tag];
    if (Array.isArray(v) ? v.length > 0 : v?.trim()) return v;
  }
  return undefined;
}

/** The property's name in both languages (`Title` / `Titre`), from the model's table. */
function labelOf(property: string): Bilingual {
  return propertyOf('Dataset', property)?.label ?? { en: property, fr: property };
}

const SPACES = /\s+/g;
const norm = (x: string | string[]): string =>
  (Array.isArray(x)
    ? [...x]
        .map((s) => s.trim().toLowerCase())
        .sort()
        .join('\u0000')
    : x.trim().toLowerCase()
  ).replace(SPACES, ' ');

/**
 * Lists of texts that cannot be the same once normalised (sorted and joined with NUL): they differ
 * in length or in their first letters. False when it cannot tell (then they are normalised).
 */
function differentLists(a: unknown[], b: unknown[]): boolean {
  let sum = 0;
  let squares = 0;
  for (const s of a) {
    // a text holding a NUL could make lists of different lengths join alike
    const f = typeof s === 'string' && !s.includes('\u0000') ? firstLetter(s) : undefined;
    if (f === undefined) return false;
    sum += f;
    squares += f * f;
  }
  for (const s of b) {
    const f = typeof s === 'string' && !s.includes('\u0000') ? firstLetter(s) : undefined;
    if (f === undefined) return false;
    sum -= f;
    squares -= f * f;
  }
  return a.length !== b.length || sum !== 0 || squares !== 0;
}

function same(a: string | string[], b: string | string[]): boolean {
  // English and French texts nearly always differ within a few characters: no need to normalise them whole
  if (typeof a === 'string' && typeof b === 'string')
    return sameNormalised(a, b, false) ?? norm(a) === norm(b);
  if (Array.isArray(a) && Array.isArray(b) && differentLists(a, b)) return false;
  return norm(a) === norm(b);
}

/** Languages' names, for the messages. */
const NAMES: Record<string, Bilingual> = {
  en: { en: 'English', fr: 'anglais' },
  fr: { en: 'French', fr: 'français' },
};

export default codeRule({
  meta: {
    id: 'odc/bilingual',
    principle: 'P6',
    severity: 'info',
    title: {
      en: 'Title, description and keywords are in English and French',
      fr: 'Le titre, la description et les mots-clés sont en anglais et en français',
    },
    docs: {
      en: `Canada's Official Languages Act requires federal information in both official languages, and inclusive
access (Charter P6) means people can find data in their language. Title, description and keywords must
each be given in English and French; identical English and French text counts as untranslated, and
machine translations (\`fr-t-en\`) do not count. The severity depends on the profile: an error for the
Government of Canada, a warning for Ontario, information elsewhere.`,
      fr: `La Loi sur les langues officielles exige que l'information fédérale soit offerte dans les deux langues
officielles, et l'accès inclusif (Charte P6) suppose que chacun trouve les données dans sa langue. Le
titre, la description et les mots-clés doivent chacun être en anglais et en français; un texte anglais
identique au texte français compte comme non traduit, et les traductions automatiques (\`fr-t-en\`) ne
comptent pas. La gravité dépend du profil : erreur pour le gouvernement du Canada, avertissement pour
l'Ontario, information ailleurs.`,
    },
    options: { languages: ['en', 'fr'], properties: ['title', 'description', 'keyword'] },
    optionDocs: {
      languages: {
        en: 'Languages each text must be given in (BCP 47 base tags).',
        fr: 'Langues dans lesquelles chaque texte doit être donné (étiquettes BCP 47 de base).',
      },
      properties: {
        en: 'Properties of the dataset checked (language maps).',
        fr: 'Propriétés du jeu de données vérifiées (textes multilingues).',
      },
    },
    messages: {
      missing: {
        en: '{{label}} ({{property}}) is not given in {{language}}',
        fr: '{{label}} ({{property}}) : absent en {{languageFr}}',
      },
      untranslated: {
        en: '{{label}} ({{property}}) is the same in English and French (untranslated)',
        fr: '{{label}} ({{property}}) : identique en anglais et en français (non traduit)',
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            title: { en: 'Canadian Geographical Names', fr: 'Noms géographiques du Canada' },
            description: {
              en: 'Official names of places in Canada.',
              fr: 'Noms officiels des lieux au Canada.',
            },
            keyword: { en: ['place names'], fr: ['toponymes'] },
          },
        },
      ],
      fail: [
        {
          note: { en: 'no French title', fr: 'pas de titre français' },
          dataset: {
            title: { en: 'Canadian Geographical Names' },
            description: { en: 'Names.', fr: 'Noms.' },
            keyword: { en: ['a'], fr: ['b'] },
          },
        },
        {
          note: { en: 'same text twice', fr: 'deux fois le même texte' },
          dataset: {
            title: { en: 'Building permits', fr: 'Building permits' },
            description: { en: 'Permits.', fr: 'Permis.' },
            keyword: { en: ['a'], fr: ['b'] },
          },
        },
      ],
    },
  },
  check(ctx) {
    const languages = (ctx.options.languages as string[] | undefined) ?? ['en', 'fr'];
    const properties = (ctx.options.properties as string[] | undefined) ?? [
      'title',
      'description',
      'keyword',
    ];
    const dataset = ctx.dataset as Record<string, unknown>;
    if (!properties.some((p) => dataset[p])) return ctx.notApplicable();
    for (const property of properties) {
      const value = dataset[property] as Texts;
      if (!value) continue; // absence is dcat-ap/mandatory's or odc/keywords' finding, not this one's
      const tags = Object.keys(value);
      // each missing language is a finding; the first language given is compared with each other one
      let first: string | string[] | undefined;
      let second: [string, string | string[]] | undefined;
      let untranslated = true;
      for (const lang of languages) {
        const text = inLanguage(value, tags, lang);
        if (text === undefined) {
          ctx.report({
            messageId: 'missing',
            property: `${property}@${lang}`,
            data: {
              property,
              label: labelOf(property),
              language: NAMES[lang]?.en ?? lang,
              languageFr: NAMES[lang]?.fr ?? lang,
            },
          });
        } else if (first === undefined) first = text;
        else {
          second ??= [lang, text];
          untranslated &&= same(text, first);
        }
      }
      if (second && untranslated) {
        ctx.report({
          messageId: 'untranslated',
          property: `${property}@${second[0]}`,
          data: { property, label: labelOf(property) },
          value: second[1],
        });
      }
    }
  },
});
