import { codeRule } from '../define.js';

const LANG = 'http://publications.europa.eu/resource/authority/language/';

export default codeRule({
  meta: {
    id: 'odc/resource-language',
    principle: 'P6',
    severity: 'info',
    title: {
      en: 'Each distribution declares its language',
      fr: 'Chaque distribution déclare sa langue',
    },
    docs: {
      en: `Inclusive access (Charter P6) means people can tell which files they can read: each distribution
should declare its language(s), from the EU language table (\`ZXX\` for files with no linguistic
content, such as numbers or images). This also makes resources in Indigenous languages (Inuktitut,
Cree, Ojibwe, Mi'kmaq…) visible in catalogue reports. Information only.`,
      fr: `L'accès inclusif (Charte P6) suppose que chacun sache quels fichiers il peut lire : chaque distribution
devrait déclarer sa ou ses langues, tirées de la table des langues de l'UE (\`ZXX\` pour les fichiers
sans contenu linguistique, comme des nombres ou des images). Cela rend aussi visibles dans les rapports
de catalogue les ressources en langues autochtones (inuktitut, cri, ojibwé, mi'kmaq…). Simple
information.`,
    },
    messages: {
      missing: {
        en: 'Distribution does not declare its language',
        fr: 'La distribution ne déclare pas sa langue',
      },
      unknown: {
        en: 'Language {{value}} is not in the EU language table',
        fr: "La langue {{value}} ne figure pas dans la table des langues de l'UE",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/a.csv'], language: [`${LANG}ENG`, `${LANG}FRA`] },
            ],
          },
        },
      ],
      fail: [{ dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'] }] } }],
    },
  },
  check(ctx) {
    const distributions = ctx.dataset.distribution ?? [];
    if (distributions.length === 0) return ctx.notApplicable();
    const vocab = ctx.vocabularies.require('language');
    distributions.forEach((d, i) => {
      const languages = d.language ?? [];
      if (languages.length === 0)
        return ctx.report({ messageId: 'missing', property: `distribution[${i}].language` });
      languages.forEach((l, j) => {
        if (!vocab.get(l))
          ctx.report({
            messageId: 'unknown',
            property: `distribution[${i}].language[${j}]`,
            data: { value: l },
            value: l,
          });
      });
    });
  },
});
