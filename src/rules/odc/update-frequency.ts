import { dataRule } from '../define.js';

export default dataRule({
  meta: {
    id: 'odc/update-frequency',
    principle: 'P2',
    commitment: 'P2.b',
    severity: 'error',
    title: {
      en: 'The update frequency is declared',
      fr: 'La fréquence de mise à jour est déclarée',
    },
    docs: {
      en: `Users need to know how current data is and when it will next change (Charter P2.b: timely release).
The frequency must come from a controlled list (the EU frequency table in the common schema; local
codes are mapped by the crosswalk). Without it, freshness cannot be judged either.`,
      fr: `Les utilisateurs doivent savoir si les données sont à jour et quand elles changeront (Charte P2.b :
diffusion en temps opportun). La fréquence vient d'une liste contrôlée (la table des fréquences de
l'UE dans le schéma commun; les codes locaux sont convertis par la correspondance). Sans elle, la
fraîcheur ne peut pas non plus être évaluée.`,
    },
    messages: {
      missing: {
        en: 'No update frequency is declared',
        fr: "Aucune fréquence de mise à jour n'est déclarée",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
          },
        },
      ],
      fail: [{ dataset: {} }],
    },
  },
  given: '',
  field: 'accrualPeriodicity',
  then: { check: 'present' },
  messageId: 'missing',
});
