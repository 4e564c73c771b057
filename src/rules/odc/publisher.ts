import { codeRule } from '../define.js';
import { pickText } from '../../core/lang.js';

export default codeRule({
  meta: {
    id: 'odc/publisher',
    principle: 'P5',
    severity: 'error',
    title: { en: 'The publisher is named', fr: "L'éditeur est nommé" },
    docs: {
      en: `Accountability starts with knowing which organisation publishes the data (Charter P5, improved
governance). The publisher needs a name (DCAT-AP makes foaf:name mandatory on an agent); an
organisation identifier or URI lets catalogues group records by publisher.`,
      fr: `La reddition de comptes commence par savoir quelle organisation publie les données (Charte P5,
meilleure gouvernance). L'éditeur doit avoir un nom (DCAT-AP rend foaf:name obligatoire pour un
agent); un identifiant ou une URI d'organisation permet de regrouper les enregistrements par éditeur.`,
    },
    messages: {
      missing: { en: 'No publisher is given', fr: "Aucun éditeur n'est indiqué" },
      noName: { en: 'The publisher has no name', fr: "L'éditeur n'a pas de nom" },
    },
    examples: {
      pass: [
        {
          dataset: {
            publisher: {
              name: { en: 'Statistics Canada', fr: 'Statistique Canada' },
              identifier: 'statcan',
            },
          },
        },
      ],
      fail: [
        { note: { en: 'no publisher', fr: "pas d'éditeur" }, dataset: {} },
        {
          note: { en: 'publisher without name', fr: 'éditeur sans nom' },
          dataset: { publisher: { identifier: 'statcan' } },
        },
      ],
    },
  },
  check(ctx) {
    const p = ctx.dataset.publisher;
    if (!p) ctx.report({ messageId: 'missing', property: 'publisher' });
    else if (!pickText(p.name)) ctx.report({ messageId: 'noName', property: 'publisher.name' });
  },
});
