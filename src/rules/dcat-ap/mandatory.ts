import { codeRule } from '../define.js';
import { reportMissing } from './missing.js';

/** DCAT-AP 3.0.1 mandatory properties, read from the common model's property table. */
export default codeRule({
  meta: {
    id: 'dcat-ap/mandatory',
    principle: 'P4',
    commitment: 'P4.b',
    severity: 'error',
    title: {
      en: 'DCAT-AP mandatory properties are present',
      fr: 'Les propriétés obligatoires de DCAT-AP sont présentes',
    },
    docs: {
      en: `DCAT-AP 3.0.1, the European application profile the common schema follows, makes a few properties
mandatory: a dataset's title and description, a distribution's access URL, an agent's name. Records
without them cannot be exchanged with DCAT-AP catalogues (Charter P4.b: consistent core metadata).`,
      fr: `DCAT-AP 3.0.1, le profil d'application européen que suit le schéma commun, rend quelques propriétés
obligatoires : le titre et la description d'un jeu de données, l'URL d'accès d'une distribution, le nom
d'un agent. Sans elles, les enregistrements ne peuvent pas être échangés avec des catalogues DCAT-AP
(Charte P4.b : métadonnées de base cohérentes).`,
    },
    messages: {
      missing: {
        en: '{{class}} has no {{label}} ({{iri}})',
        fr: '{{class}} : propriété « {{label}} » absente ({{iri}})',
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            title: { en: 'Air quality' },
            description: { en: 'Hourly readings.' },
            distribution: [{ accessURL: ['https://example.ca/aq.csv'] }],
            publisher: { name: { en: 'Environment and Climate Change Canada' } },
          },
        },
      ],
      fail: [
        {
          note: { en: 'no description', fr: 'pas de description' },
          dataset: { title: { en: 'Air quality' } },
        },
        {
          note: { en: 'distribution without access URL', fr: "distribution sans URL d'accès" },
          dataset: {
            title: { en: 'A' },
            description: { en: 'B' },
            distribution: [{ format: 'x' }],
          },
        },
      ],
    },
  },
  check(ctx) {
    reportMissing(ctx, 'mandatory');
  },
});
