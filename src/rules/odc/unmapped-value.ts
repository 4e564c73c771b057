import { stageRule } from '../define.js';

export default stageRule({
  stage: 'crosswalk',
  meta: {
    id: 'odc/unmapped-value',
    principle: 'P4',
    commitment: 'P4.e',
    severity: 'warning',
    title: {
      en: 'Every local code resolves to a common one',
      fr: 'Chaque code local correspond à un code commun',
    },
    docs: {
      en: `The Charter asks governments to map local standards and identifiers to global ones (P4.e). A local code
(a subject, a frequency, a format) that no crosswalk map or vocabulary knows cannot be compared with
other jurisdictions' records and is left out of the common record. Either correct the value at the
source or add it to the vocabulary (crosswalks/vocabularies/) with the common concept it stands for.`,
      fr: `La Charte demande de faire correspondre les normes et identifiants locaux aux normes mondiales (P4.e).
Un code local (sujet, fréquence, format) qu'aucune table ni vocabulaire ne connaît ne peut pas être
comparé aux enregistrements des autres administrations et est écarté de l'enregistrement commun.
Corrigez la valeur à la source ou ajoutez-la au vocabulaire (crosswalks/vocabularies/) avec le concept
commun qu'elle représente.`,
    },
    messages: {
      unmapped: {
        en: '{{property}}: "{{value}}" has no equivalent in {{via}}',
        fr: "{{property}} : « {{value}} » n'a pas d'équivalent dans {{via}}",
      },
    },
  },
});
