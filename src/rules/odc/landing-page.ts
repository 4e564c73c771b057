import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/landing-page',
    principle: 'P3',
    commitment: 'P3.a',
    severity: 'warning',
    title: { en: 'The dataset has a landing page', fr: "Le jeu de données a une page d'accueil" },
    docs: {
      en: `Data published on a central portal is easy to discover and access in one place (Charter P3.a). The
landing page is the web page people are sent to: the dataset's page on the portal, where its
description, resources and licence can be read. Crosswalks build it from the portal's address and the
record's identifier when the export does not carry it.`,
      fr: `Des données publiées sur un portail central sont faciles à découvrir et à consulter en un seul endroit
(Charte P3.a). La page d'accueil est la page Web vers laquelle on dirige les gens : la page du jeu de
données sur le portail, où l'on lit sa description, ses ressources et sa licence. Les correspondances
la construisent à partir de l'adresse du portail et de l'identifiant de l'enregistrement quand l'export
ne la contient pas.`,
    },
    messages: {
      missing: {
        en: 'The dataset has no landing page',
        fr: "Le jeu de données n'a pas de page d'accueil",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            landingPage: [
              'https://open.canada.ca/data/en/dataset/1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51',
            ],
          },
        },
      ],
      fail: [{ dataset: {} }],
    },
  },
  given: '',
  field: 'landingPage',
  then: { check: 'present' },
  messageId: 'missing',
});
