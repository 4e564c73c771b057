import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/access-url',
    principle: 'P3',
    commitment: 'P3.b',
    severity: 'error',
    releasedOnly: true,
    title: {
      en: 'Every distribution gives access to the data',
      fr: 'Chaque distribution donne accès aux données',
    },
    docs: {
      en: `Data is usable only if people can get to it (Charter P3.b). A dataset needs at least one distribution,
and every distribution an access URL: the file itself, a service, or the page that gives access.
(\`dcat-ap/mandatory\` reports a distribution without access URL too, as DCAT-AP requires it; turn one
of them off if you want it once.) With \`--check-urls\`, an access URL that does not answer (HTTP
error, timeout) is reported as a warning; without it, no request is made.`,
      fr: `Des données ne sont utilisables que si l'on peut y accéder (Charte P3.b). Un jeu de données doit avoir au
moins une distribution, et chaque distribution une URL d'accès : le fichier lui-même, un service, ou la
page qui y donne accès. (\`dcat-ap/mandatory\` signale aussi une distribution sans URL d'accès, que
DCAT-AP exige; désactivez l'une des deux règles pour ne la voir qu'une fois.) Avec \`--check-urls\`,
une URL d'accès qui ne répond pas (erreur HTTP, délai dépassé) est signalée comme avertissement; sans
cette option, aucune requête n'est faite.`,
    },
    messages: {
      missing: {
        en: 'Distribution has no access URL',
        fr: "La distribution n'a pas d'URL d'accès",
      },
      noDistribution: {
        en: 'The dataset has no distribution: the data cannot be reached',
        fr: "Le jeu de données n'a aucune distribution : les données sont inaccessibles",
      },
      unreachable: {
        en: 'Access URL {{url}} is not reachable ({{status}})',
        fr: "L'URL d'accès {{url}} est injoignable ({{status}})",
      },
    },
    examples: {
      pass: [{ dataset: { distribution: [{ accessURL: ['https://example.ca/aq.csv'] }] } }],
      fail: [
        { note: { en: 'no distribution', fr: 'aucune distribution' }, dataset: {} },
        {
          note: { en: 'a distribution without URL', fr: 'une distribution sans URL' },
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/aq.csv'] },
              { title: { en: 'Guide' } },
            ],
          },
        },
      ],
    },
  },
  given: 'distribution[*]',
  field: 'accessURL',
  then: { check: 'present' },
  messageId: 'missing',
  ifNone: 'noDistribution',
});
