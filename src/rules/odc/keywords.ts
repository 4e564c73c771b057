import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/keywords',
    principle: 'P3',
    commitment: 'P3.a',
    severity: 'warning',
    title: { en: 'The dataset has keywords', fr: 'Le jeu de données a des mots-clés' },
    docs: {
      en: `Keywords are how people and search engines find data on a portal (Charter P3.a: easy to discover).
Give at least one keyword, in each language the record is published in (\`odc/bilingual\` checks the
languages). The EU Metadata Quality Assessment gives keywords 30 points.`,
      fr: `Les mots-clés permettent aux gens et aux moteurs de recherche de trouver les données sur un portail
(Charte P3.a : faciles à découvrir). Donnez au moins un mot-clé, dans chaque langue de publication de
l'enregistrement (\`odc/bilingual\` vérifie les langues). L'évaluation de la qualité des métadonnées de
l'UE accorde 30 points aux mots-clés.`,
    },
    messages: {
      missing: { en: 'The dataset has no keyword', fr: "Le jeu de données n'a aucun mot-clé" },
    },
    examples: {
      pass: [{ dataset: { keyword: { en: ['inflation'], fr: ['inflation'] } } }],
      fail: [
        { dataset: {} },
        {
          note: { en: 'empty lists', fr: 'listes vides' },
          dataset: { keyword: { en: [], fr: [] } },
        },
      ],
    },
  },
  given: '',
  field: 'keyword',
  then: { check: 'present' },
  messageId: 'missing',
});
