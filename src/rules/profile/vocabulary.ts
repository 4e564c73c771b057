import { stageRule } from '../define.js';

export default stageRule({
  stage: 'profile',
  meta: {
    id: 'profile/vocabulary',
    severity: 'error',
    title: {
      en: "Coded fields use the portal's code lists",
      fr: 'Les champs codés utilisent les listes de codes du portail',
    },
    docs: {
      en: `Fields such as subject, frequency or format take their values from a controlled list of the portal.
A value outside the list cannot be mapped to the common schema. Legacy codes the portal replaced
(open.canada.ca's \`daily\`, now \`P1D\`) are reported as warnings with the current code. \`passerelle fix\`
replaces a legacy code by the current one, and a code written in another case or with spaces
around it by the list's spelling.`,
      fr: `Des champs comme le sujet, la fréquence ou le format prennent leurs valeurs dans une liste contrôlée
du portail. Une valeur hors liste ne peut pas être rapprochée du schéma commun. Les anciens codes
remplacés par le portail (\`daily\` d'ouvert.canada.ca, devenu \`P1D\`) sont signalés comme
avertissements avec le code actuel. \`passerelle fix\` remplace un ancien code par le code actuel, et
un code écrit dans une autre casse ou entouré d'espaces par sa graphie dans la liste.`,
    },
    messages: {
      unknown: {
        en: '{{field}}: "{{value}}" is not in the code list {{vocabulary}}',
        fr: '{{field}} : « {{value}} » ne figure pas dans la liste de codes {{vocabulary}}',
      },
      legacy: {
        en: '{{field}}: "{{value}}" is a legacy code, now "{{current}}"',
        fr: '{{field}} : « {{value}} » est un ancien code, remplacé par « {{current}} »',
      },
    },
  },
});
