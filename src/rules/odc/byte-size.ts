import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/byte-size',
    principle: 'P3',
    severity: 'info',
    title: {
      en: 'Downloadable files state their size',
      fr: 'Les fichiers téléchargeables indiquent leur taille',
    },
    docs: {
      en: `Knowing a file's size before downloading it helps people on slow or metered connections, and programs
that plan storage (Charter P3, accessible and usable). Each distribution with a download URL should
give its size in bytes. Pages and services are not concerned. Information only; the EU Metadata
Quality Assessment gives it 5 points.`,
      fr: `Connaître la taille d'un fichier avant de le télécharger aide les personnes dont la connexion est lente
ou facturée à l'usage, et les programmes qui prévoient le stockage (Charte P3, données accessibles et
utilisables). Chaque distribution dotée d'une URL de téléchargement devrait donner sa taille en octets.
Les pages et les services ne sont pas concernés. Simple information; l'évaluation de la qualité des
métadonnées de l'UE lui accorde 5 points.`,
    },
    messages: {
      missing: {
        en: 'Downloadable file does not state its size',
        fr: "Le fichier téléchargeable n'indique pas sa taille",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                downloadURL: ['https://example.ca/a.csv'],
                byteSize: 1843122,
              },
            ],
          },
        },
        {
          note: { en: 'a web page has no size', fr: "une page Web n'a pas de taille" },
          dataset: { distribution: [{ accessURL: ['https://example.ca/about'] }] },
        },
      ],
      fail: [
        {
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                downloadURL: ['https://example.ca/a.csv'],
              },
            ],
          },
        },
      ],
    },
  },
  given: 'distribution[*]',
  field: 'byteSize',
  then: { check: 'present' },
  onlyIf: 'downloadURL',
  messageId: 'missing',
});
