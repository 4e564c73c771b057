import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/download-url',
    principle: 'P3',
    commitment: 'P3.b',
    severity: 'warning',
    releasedOnly: true,
    title: { en: 'The data can be downloaded', fr: 'Les données peuvent être téléchargées' },
    docs: {
      en: `Bulk download is what lets programs use data (Charter P3.b). At least one distribution should give a
download URL: a direct link to a file, not a web page or a map viewer. Whatever the crosswalk, a
URL is an access URL only when the distribution's format is a page or a service (HTML, WMS, WFS,
Esri REST…) or the URL is a page (\`.html\`, \`.aspx\`, \`.php\`…) or a service endpoint
(\`/MapServer\`, \`/FeatureServer\`, \`/rest/services\`, \`GetCapabilities\`, \`service=WMS\`…).
With \`--check-urls\`, a download URL that does not answer is reported as a warning.`,
      fr: `Le téléchargement en bloc est ce qui permet aux programmes d'utiliser les données (Charte P3.b). Au moins
une distribution devrait donner une URL de téléchargement : un lien direct vers un fichier, et non une
page Web ou une visionneuse cartographique. Quelle que soit la correspondance, une URL n'est qu'une
URL d'accès quand le format de la distribution est une page ou un service (HTML, WMS, WFS, REST
d'Esri…) ou que l'URL est une page (\`.html\`, \`.aspx\`, \`.php\`…) ou un point d'accès de
service (\`/MapServer\`, \`/FeatureServer\`, \`/rest/services\`, \`GetCapabilities\`,
\`service=WMS\`…). Avec \`--check-urls\`, une URL de téléchargement qui ne répond pas est signalée
comme avertissement.`,
    },
    messages: {
      none: {
        en: 'No distribution has a download URL',
        fr: "Aucune distribution n'a d'URL de téléchargement",
      },
      unreachable: {
        en: 'Download URL {{url}} is not reachable ({{status}})',
        fr: "L'URL de téléchargement {{url}} est injoignable ({{status}})",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/map'] },
              {
                accessURL: ['https://example.ca/a.csv'],
                downloadURL: ['https://example.ca/a.csv'],
              },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'a web page only', fr: 'une page Web seulement' },
          dataset: { distribution: [{ accessURL: ['https://example.ca/map'] }] },
        },
      ],
    },
  },
  given: 'distribution[*]',
  field: 'downloadURL',
  then: { check: 'present' },
  match: 'some',
  messageId: 'none',
});
