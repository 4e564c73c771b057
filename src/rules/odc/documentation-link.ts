import { codeRule } from '../define.js';
import { isEmpty } from '../../util/empty.js';

export default codeRule({
  meta: {
    id: 'odc/documentation-link',
    principle: 'P2',
    commitment: 'P2.c',
    severity: 'warning',
    title: { en: 'Documentation is linked', fr: 'Une documentation est liée' },
    docs: {
      en: `The Charter asks that data be linked to the guidance and documentation users need to understand it
(P2.c): a data dictionary, a user guide, a methodology, or the specification it conforms to. The rule
passes when the dataset or one of its distributions gives a documentation page (\`foaf:page\`) or a
standard it conforms to (\`dct:conformsTo\`). Crosswalks map portals' guide and data-dictionary
resources to documentation. The landing page alone does not count.`,
      fr: `La Charte demande de lier les données aux guides et à la documentation nécessaires pour les comprendre
(P2.c) : dictionnaire de données, guide d'utilisation, méthodologie, ou spécification à laquelle elles
se conforment. La règle est satisfaite quand le jeu de données ou l'une de ses distributions donne une
page de documentation (\`foaf:page\`) ou une norme à laquelle il se conforme (\`dct:conformsTo\`). Les
correspondances convertissent les ressources « guide » et « dictionnaire de données » des portails en
documentation. La page d'accueil seule ne compte pas.`,
    },
    messages: {
      missing: {
        en: 'No link to documentation, a data dictionary or a specification',
        fr: 'Aucun lien vers une documentation, un dictionnaire de données ou une spécification',
      },
    },
    examples: {
      pass: [
        { dataset: { documentation: ['https://www150.statcan.gc.ca/n1/en/catalogue/62-553-X'] } },
        {
          note: {
            en: 'a distribution conforms to a schema',
            fr: 'une distribution se conforme à un schéma',
          },
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                conformsTo: ['https://example.ca/schema.json'],
              },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'only a landing page', fr: "une page d'accueil seulement" },
          dataset: { landingPage: ['https://example.ca/dataset/a'] },
        },
      ],
    },
  },
  check(ctx) {
    const d = ctx.dataset;
    if (!isEmpty(d.documentation) || !isEmpty(d.conformsTo)) return;
    for (const n of d.distribution ?? [])
      if (!isEmpty(n.documentation) || !isEmpty(n.conformsTo)) return;
    ctx.report({ messageId: 'missing', property: 'documentation' });
  },
});
