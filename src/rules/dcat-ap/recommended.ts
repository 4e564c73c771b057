import { codeRule } from '../define.js';
import { reportMissing } from './missing.js';

/** DCAT-AP 3.0.1 recommended properties, read from the common model's property table. */
export default codeRule({
  meta: {
    id: 'dcat-ap/recommended',
    principle: 'P4',
    commitment: 'P4.b',
    severity: 'info',
    title: {
      en: 'DCAT-AP recommended properties are present',
      fr: 'Les propriétés recommandées de DCAT-AP sont présentes',
    },
    docs: {
      en: `Beyond its mandatory properties, DCAT-AP 3.0.1 recommends a set that makes records useful to other
catalogues (Charter P4.b: consistent core metadata): a dataset's keywords, themes, publisher, contact
point, temporal and geographical coverage and distributions; a distribution's description, format and
licence; an agent's type; a period's start and end dates; a place's bounding box. The list comes from
the common model's property table. Several ODC rules check the same properties at their own
severity; this rule gives the complete DCAT-AP picture, as information.`,
      fr: `Au-delà de ses propriétés obligatoires, DCAT-AP 3.0.1 en recommande une série qui rend les
enregistrements utiles aux autres catalogues (Charte P4.b : métadonnées de base cohérentes) : les
mots-clés, thèmes, éditeur, point de contact, couvertures temporelle et géographique et distributions
d'un jeu de données; la description, le format et la licence d'une distribution; le type d'un agent;
les dates de début et de fin d'une période; l'emprise d'un lieu. La liste vient de la table des
propriétés du modèle commun. Plusieurs règles de la Charte vérifient les mêmes propriétés à leur propre
gravité; cette règle donne le tableau complet de DCAT-AP, à titre d'information.`,
    },
    messages: {
      missing: {
        en: '{{class}} has no {{label}} ({{iri}}), recommended by DCAT-AP',
        fr: '{{class}} : propriété « {{label}} » absente ({{iri}}), recommandée par DCAT-AP',
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            keyword: { en: ['air'] },
            theme: ['http://publications.europa.eu/resource/authority/data-theme/ENVI'],
            publisher: {
              name: { en: 'Environment and Climate Change Canada' },
              type: 'http://purl.org/adms/publishertype/NationalAuthority',
            },
            contactPoint: [{ email: 'enviroinfo@ec.gc.ca' }],
            temporal: [{ startDate: '2001-01-01', endDate: '2020-12-31' }],
            spatial: [
              {
                id: 'https://www.wikidata.org/wiki/Q16',
                bbox: 'POLYGON((-141 41.7,-52.6 41.7,-52.6 83.1,-141 83.1,-141 41.7))',
              },
            ],
            distribution: [
              {
                accessURL: ['https://example.ca/aq.csv'],
                description: { en: 'Hourly readings' },
                format: 'http://publications.europa.eu/resource/authority/file-type/CSV',
                license: 'https://open.canada.ca/en/open-government-licence-canada',
              },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'no keyword, theme, publisher…', fr: 'ni mot-clé, ni thème, ni éditeur…' },
          dataset: { title: { en: 'Air quality' }, description: { en: 'Hourly readings.' } },
        },
      ],
    },
  },
  check(ctx) {
    reportMissing(ctx, 'recommended');
  },
});
