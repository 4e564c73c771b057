import { codeRule } from '../define.js';
import { propertyOf } from '../../model/properties.js';
import { baseLanguage, isMachineTranslated, type LangText, type LangTexts } from '../../util/lang.js';

type Texts = LangText | LangTexts | undefined;

/** The text in one language, machine translations (`fr-t-en`) not counting. */
function inLanguage(value: Texts, lang: string): string | string[] | undefined {
  if (!value) return undefined;
  for (const [tag, v] of Object.entries(value)) {
    if (isMachineTranslated(tag) || baseLanguage(tag) !== lang) continue;
    if (Array.isArray(v) ? v.length > 0 : v?.trim()) return v;
  }
  return undefined;
}

/** The property's name in both languages (`Title` / `Titre`), from the model's table. */
function labelOf(property: string): { en: string; fr: string } {
  return propertyOf('Dataset', property)?.label ?? { en: property, fr: property };
}

/** The lower-case first character of a text when it is an ASCII letter or digit (it then starts the normalised text too). */
function asciiStart(x: string): string | undefined {
  const c = x.trimStart().charAt(0);
  return /^[A-Za-z0-9]$/.test(c) ? c.toLowerCase() : undefined;
}

function same(a: string | string[], b: string | string[]): boolean {
  // English and French texts nearly always differ from their first letter: no need to normalise them whole
  if (typeof a === 'string' && typeof b === 'string') {
    const x = asciiStart(a);
    const y = asciiStart(b);
    if (x !== undefined && y !== undefined && x !== y) return false;
  }
  const norm = (x: string | string[]): string =>
    (Array.isArray(x) ? [...x].map((s) => s.trim().toLowerCase()).sort().join('\u0000') : x.trim().toLowerCase()).replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

export default codeRule({
  meta: {
    id: 'odc/bilingual',
    principle: 'P6',
    severity: 'info',
    title: { en: 'Title, description and keywords are in English and French', fr: 'Le titre, la description et les mots-clés sont en anglais et en français' },
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
      languages: { en: 'Languages each text must be given in (BCP 47 base tags).', fr: 'Langues dans lesquelles chaque texte doit être donné (étiquettes BCP 47 de base).' },
      properties: { en: 'Properties of the dataset checked (language maps).', fr: 'Propriétés du jeu de données vérifiées (textes multilingues).' },
    },
    messages: {
      missing: { en: '{{label}} ({{property}}) is not given in {{language}}', fr: '{{label}} ({{property}}) : absent en {{languageFr}}' },
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
            description: { en: 'Official names of places in Canada.', fr: 'Noms officiels des lieux au Canada.' },
            keyword: { en: ['place names'], fr: ['toponymes'] },
          },
        },
      ],
      fail: [
        { note: { en: 'no French title', fr: 'pas de titre français' }, dataset: { title: { en: 'Canadian Geographical Names' }, description: { en: 'Names.', fr: 'Noms.' }, keyword: { en: ['a'], fr: ['b'] } } },
        { note: { en: 'same text twice', fr: 'deux fois le même texte' }, dataset: { title: { en: 'Building permits', fr: 'Building permits' }, description: { en: 'Permits.', fr: 'Permis.' }, keyword: { en: ['a'], fr: ['b'] } } },
      ],
    },
  },
  check(ctx) {
    const languages = (ctx.options.languages as string[] | undefined) ?? ['en', 'fr'];
    const properties = (ctx.options.properties as string[] | undefined) ?? ['title', 'description', 'keyword'];
    const names: Record<string, { en: string; fr: string }> = {
      en: { en: 'English', fr: 'anglais' },
      fr: { en: 'French', fr: 'français' },
    };
    if (!properties.some((p) => (ctx.dataset as Record<string, unknown>)[p])) return ctx.notApplicable();
    for (const property of properties) {
      const value = (ctx.dataset as Record<string, unknown>)[property] as Texts;
      if (!value) continue; // absence is dcat-ap/mandatory's or odc/keywords' finding, not this one's
      const given = languages.map((l) => [l, inLanguage(value, l)] as const);
      for (const [lang, text] of given) {
        if (text === undefined) {
          ctx.report({
            messageId: 'missing',
            property: `${property}@${lang}`,
            data: { property, label: labelOf(property), language: names[lang]?.en ?? lang, languageFr: names[lang]?.fr ?? lang },
          });
        }
      }
      const present = given.filter(([, t]) => t !== undefined) as [string, string | string[]][];
      // the first language against each other one (against itself it is always the same)
      if (present.length >= 2 && present.slice(1).every(([, t]) => same(t, present[0][1]))) {
        ctx.report({ messageId: 'untranslated', property: `${property}@${present[1][0]}`, data: { property, label: labelOf(property) }, value: present[1][1] });
      }
    }
  },
});
