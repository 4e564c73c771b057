import { codeRule } from '../define.js';

const LANG = 'http://publications.europa.eu/resource/authority/language/';

export default codeRule({
  meta: {
    id: 'odc/language-vocabulary',
    principle: 'P4',
    commitment: 'P4.a',
    severity: 'warning',
    title: {
      en: 'The languages of the dataset are declared',
      fr: 'Les langues du jeu de données sont déclarées',
    },
    docs: {
      en: `People need to know which languages data is available in, and catalogues need to compare it across
jurisdictions (Charter P4.a). The dataset declares its languages as URIs from the EU language table
(ENG, FRA, and Indigenous languages such as IKU or CRE); ISO 639 codes used by portals are mapped by
the crosswalk. When a portal has no dataset language, crosswalks gather the resources' languages.`,
      fr: `Les gens doivent savoir dans quelles langues les données sont offertes, et les catalogues doivent
pouvoir les comparer d'une administration à l'autre (Charte P4.a). Le jeu de données déclare ses langues
par des URI de la table des langues de l'UE (ENG, FRA, et langues autochtones comme IKU ou CRE); les
codes ISO 639 des portails sont convertis par la correspondance. Quand un portail n'a pas de langue au
niveau du jeu de données, les correspondances réunissent les langues des ressources.`,
    },
    messages: {
      missing: {
        en: 'The languages of the dataset are not declared',
        fr: 'Les langues du jeu de données ne sont pas déclarées',
      },
      unknown: {
        en: 'Language {{value}} is not in the EU language table',
        fr: "La langue {{value}} ne figure pas dans la table des langues de l'UE",
      },
    },
    examples: {
      pass: [{ dataset: { language: [`${LANG}ENG`, `${LANG}FRA`] } }],
      fail: [
        { dataset: {} },
        { note: { en: 'a bare code', fr: 'un code nu' }, dataset: { language: ['english'] } },
      ],
    },
  },
  check(ctx) {
    const languages = ctx.dataset.language ?? [];
    if (languages.length === 0) return ctx.report({ messageId: 'missing', property: 'language' });
    const vocab = ctx.vocabularies.require('language');
    languages.forEach((l, i) => {
      if (!vocab.get(l))
        ctx.report({
          messageId: 'unknown',
          property: `language[${i}]`,
          data: { value: l },
          value: l,
        });
    });
  },
});
