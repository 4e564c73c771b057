import { codeRule } from '../define.js';

const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';

export default codeRule({
  meta: {
    id: 'odc/theme-vocabulary',
    principle: 'P4',
    commitment: 'P4.a',
    severity: 'warning',
    title: {
      en: 'The dataset has a theme from the common table',
      fr: 'Le jeu de données a un thème de la table commune',
    },
    docs: {
      en: `Themes let people browse by subject and let catalogues compare jurisdictions (Charter P4.a: consistent
standards). Each dataset needs at least one theme from the EU data-theme table (13 themes: economy,
environment, health…). Portals' own subjects and categories are mapped to it by the crosswalks
(crosswalks/vocabularies/theme.yaml); a subject the table does not know is reported by
\`odc/unmapped-value\`. The EU Metadata Quality Assessment gives themes 30 points.`,
      fr: `Les thèmes permettent de parcourir les données par sujet et de comparer les administrations (Charte
P4.a : normes cohérentes). Chaque jeu de données doit avoir au moins un thème de la table des thèmes de
l'UE (13 thèmes : économie, environnement, santé…). Les sujets et catégories propres aux portails y
sont convertis par les correspondances (crosswalks/vocabularies/theme.yaml); un sujet que la table ne
connaît pas est signalé par \`odc/unmapped-value\`. L'évaluation de la qualité des métadonnées de l'UE
accorde 30 points aux thèmes.`,
    },
    messages: {
      missing: { en: 'The dataset has no theme', fr: "Le jeu de données n'a aucun thème" },
      unknown: {
        en: 'Theme {{value}} is not in the EU data-theme table',
        fr: "Le thème {{value}} ne figure pas dans la table des thèmes de l'UE",
      },
    },
    examples: {
      pass: [{ dataset: { theme: [`${THEME}ECON`] } }],
      fail: [
        { dataset: {} },
        {
          note: { en: 'not from the table', fr: 'hors de la table' },
          dataset: { theme: ['https://example.ca/themes/fisheries'] },
        },
      ],
    },
  },
  check(ctx) {
    const themes = ctx.dataset.theme ?? [];
    if (themes.length === 0) return ctx.report({ messageId: 'missing', property: 'theme' });
    const vocab = ctx.vocabularies.require('theme');
    themes.forEach((t, i) => {
      if (!vocab.get(t))
        ctx.report({ messageId: 'unknown', property: `theme[${i}]`, data: { value: t }, value: t });
    });
  },
});
