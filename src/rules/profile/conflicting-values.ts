import { stageRule } from '../define.js';

export default stageRule({
  stage: 'crosswalk',
  meta: {
    id: 'profile/conflicting-values',
    severity: 'warning',
    title: {
      en: 'Values lifted to the dataset agree',
      fr: 'Les valeurs remontées au jeu de données concordent',
    },
    docs: {
      en: `Some portals keep dataset-level facts on each resource (British Columbia's update cycle, Ontario's data
ranges). When resources disagree, the crosswalk keeps one value (the first, or the most frequent) and
reports the others, so that the record can be made consistent.`,
      fr: `Certains portails gardent sur chaque ressource des informations qui concernent le jeu de données (le
cycle de mise à jour de la Colombie-Britannique, les plages de données de l'Ontario). Quand les
ressources divergent, la correspondance garde une valeur (la première, ou la plus fréquente) et
signale les autres, pour que l'enregistrement soit rendu cohérent.`,
    },
    messages: {
      conflict: {
        en: '{{property}}: the source gives different values ({{values}}); kept {{chosen}}',
        fr: '{{property}} : la source donne des valeurs différentes ({{values}}); valeur retenue : {{chosen}}',
      },
    },
  },
});
