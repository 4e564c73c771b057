import { stageRule } from '../define.js';

export default stageRule({
  stage: 'input',
  meta: {
    id: 'input/parse-error',
    severity: 'error',
    title: { en: 'Every record can be read', fr: 'Chaque enregistrement est lisible' },
    docs: {
      en: `A record that is not valid JSON (or XML, CSV…) cannot be checked. It is reported as *rejected*, with the
line and column where reading failed, and the records around it are still checked: one bad line never
stops a catalogue. Fix the export at the position given.`,
      fr: `Un enregistrement qui n'est pas du JSON (ou XML, CSV…) valide ne peut pas être vérifié. Il est signalé
comme *rejeté*, avec la ligne et la colonne où la lecture a échoué, et les enregistrements voisins sont
quand même vérifiés : une ligne fautive n'arrête jamais un catalogue. Corrigez l'export à l'endroit indiqué.`,
    },
    messages: {
      invalid: {
        en: 'Record could not be read: {{message}}',
        fr: "L'enregistrement est illisible : {{message}}",
      },
    },
  },
});
