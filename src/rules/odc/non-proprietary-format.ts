import { dataRule } from '../define.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';

export default dataRule({
  meta: {
    id: 'odc/non-proprietary-format',
    principle: 'P3',
    commitment: 'P3.b',
    severity: 'warning',
    releasedOnly: true,
    title: {
      en: 'At least one distribution is in an open format',
      fr: 'Au moins une distribution est dans un format ouvert',
    },
    docs: {
      en: `The Charter asks for open formats (P3.b), so that nobody needs a particular vendor's software to use
the data. At least one distribution must be in a non-proprietary format according to the EU Metadata
Quality Assessment list (CSV, JSON, GeoJSON, XML, ODS, RDF, TXT…); XLSX, SHP or a geodatabase alone
are machine-readable but proprietary. Add an open export next to them.`,
      fr: `La Charte demande des formats ouverts (P3.b), pour que personne n'ait besoin du logiciel d'un fournisseur
particulier pour utiliser les données. Au moins une distribution doit être dans un format non
propriétaire selon la liste de l'évaluation de la qualité des métadonnées de l'UE (CSV, JSON, GeoJSON,
XML, ODS, RDF, TXT…); XLSX, SHP ou une géodatabase seuls sont lisibles par machine mais propriétaires.
Ajoutez une exportation ouverte à côté.`,
    },
    messages: {
      none: {
        en: 'No distribution is in a non-proprietary format',
        fr: "Aucune distribution n'est dans un format non propriétaire",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/a.xlsx'], format: `${FT}XLSX` },
              { accessURL: ['https://example.ca/a.csv'], format: `${FT}CSV` },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'Excel only', fr: 'Excel seulement' },
          dataset: {
            distribution: [{ accessURL: ['https://example.ca/a.xlsx'], format: `${FT}XLSX` }],
          },
        },
      ],
    },
  },
  given: 'distribution[*]',
  field: 'format',
  then: { check: 'fact', vocabulary: 'file-type', fact: 'nonProprietary' },
  match: 'some',
  messageId: 'none',
});
