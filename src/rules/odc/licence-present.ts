import { dataRule } from '../define.js';

const OGL = 'https://open.canada.ca/en/open-government-licence-canada';

export default dataRule({
  meta: {
    id: 'odc/licence-present',
    principle: 'P3',
    releasedOnly: true,
    commitment: 'P3.c',
    severity: 'error',
    title: {
      en: 'Every distribution states its licence',
      fr: 'Chaque distribution indique sa licence',
    },
    docs: {
      en: `Data without a licence cannot be reused safely (Charter P3.c: released under an open licence). In the
common schema the licence sits on each distribution, as in DCAT-AP; crosswalks copy a portal's
dataset-level licence to its distributions. Give the licence at the source (CKAN \`license_id\`).`,
      fr: `Des données sans licence ne peuvent pas être réutilisées en toute sécurité (Charte P3.c : diffusion sous
licence ouverte). Dans le schéma commun, la licence figure sur chaque distribution, comme dans
DCAT-AP; les correspondances recopient la licence du jeu de données sur ses distributions. Indiquez
la licence à la source (\`license_id\` de CKAN).`,
    },
    messages: {
      missing: { en: 'Distribution has no licence', fr: "La distribution n'a pas de licence" },
      noDistribution: {
        en: 'No distribution, so no licence is stated',
        fr: "Aucune distribution : aucune licence n'est indiquée",
      },
    },
    examples: {
      pass: [
        { dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: OGL }] } },
        {
          note: {
            en: 'not public: nothing is released, so there is no licence to state',
            fr: "non publiques : rien n'est diffusé, donc aucune licence à indiquer",
          },
          dataset: {
            accessRights:
              'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
          },
        },
      ],
      fail: [
        {
          note: { en: 'distribution without licence', fr: 'distribution sans licence' },
          dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'] }] },
        },
        { note: { en: 'no distribution at all', fr: 'aucune distribution' }, dataset: {} },
      ],
    },
  },
  given: 'distribution[*]',
  field: 'license',
  then: { check: 'present' },
  messageId: 'missing',
  ifNone: 'noDistribution',
});
