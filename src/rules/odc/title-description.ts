import { codeRule } from '../define.js';
import { sameNormalised } from '../text.js';

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in characters as people count them (a surrogate pair is one). */
function codePoints(s: string): number {
  if (!SURROGATE.test(s)) return s.length; // nearly always: the regular expression scans faster than the loop
  let n = s.length;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      c >= 0xdc00 &&
      c <= 0xdfff &&
      s.charCodeAt(i - 1) >= 0xd800 &&
      s.charCodeAt(i - 1) <= 0xdbff
    )
      n--;
  }
  return n;
}

const SEPARATORS = /[\s\p{P}]+/gu;
const norm = (s: string): string => s.trim().toLowerCase().replace(SEPARATORS, ' ').trim();

/** The same text once case, spacing and punctuation are set aside (read only up to the first difference when it can be). */
function sameWords(a: string, b: string): boolean {
  return (typeof a === 'string' ? sameNormalised(a, b, true) : undefined) ?? norm(a) === norm(b);
}

export default codeRule({
  meta: {
    id: 'odc/title-description',
    principle: 'P3',
    commitment: 'P3.a',
    severity: 'warning',
    title: {
      en: 'The description says more than the title',
      fr: 'La description en dit plus que le titre',
    },
    docs: {
      en: `People find and judge data by its title and description (Charter P3.a, P4.c: data fully described in
plain language). A description that repeats the title, or says too little (under
\`minDescriptionLength\` characters, 100 by default), does not tell what the data holds, its source or
its limits. Each language is judged on its own.`,
      fr: `On trouve et juge les données par leur titre et leur description (Charte P3.a, P4.c : données
entièrement décrites en langage clair). Une description qui répète le titre, ou qui en dit trop peu
(moins de \`minDescriptionLength\` caractères, 100 par défaut), ne dit pas ce que contiennent les
données, leur source ni leurs limites. Chaque langue est évaluée séparément.`,
    },
    options: { minDescriptionLength: 100 },
    optionDocs: {
      minDescriptionLength: {
        en: 'Fewest characters a description may have, in each language.',
        fr: "Nombre minimal de caractères d'une description, dans chaque langue.",
      },
    },
    messages: {
      sameAsTitle: {
        en: 'The description ({{language}}) repeats the title',
        fr: 'La description ({{language}}) répète le titre',
      },
      short: {
        en: 'The description ({{language}}) is {{length}} characters long; at least {{min}} are expected',
        fr: 'La description ({{language}}) compte {{length}} caractères; au moins {{min}} sont attendus',
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            title: { en: 'Building permits' },
            description: {
              en: 'Building permits issued by the City since 2010, one row per permit, with the address, the type of work, the declared value of the work and the date the permit was issued.',
            },
          },
        },
      ],
      fail: [
        {
          note: { en: 'repeats the title', fr: 'répète le titre' },
          dataset: { title: { en: 'Building permits' }, description: { en: 'Building permits' } },
        },
        {
          note: { en: 'too short', fr: 'trop courte' },
          dataset: {
            title: { en: 'Building permits' },
            description: { en: 'Permits issued by the City.' },
          },
        },
      ],
    },
  },
  check(ctx) {
    const { title = {}, description = {} } = ctx.dataset;
    const min = Number(ctx.options.minDescriptionLength ?? 100);
    const langs = Object.keys(description);
    if (!langs.some((l) => description[l]?.trim())) return ctx.notApplicable(); // dcat-ap/mandatory's finding
    for (const lang of langs) {
      const text = description[lang];
      if (!text?.trim()) continue;
      const t = title[lang];
      if (t && sameWords(t, text)) {
        ctx.report({
          messageId: 'sameAsTitle',
          property: `description@${lang}`,
          data: { language: lang },
          value: text,
        });
        continue;
      }
      const length = codePoints(text.trim());
      if (length < min)
        ctx.report({
          messageId: 'short',
          property: `description@${lang}`,
          data: { language: lang, length, min },
          value: text,
        });
    }
  },
});
