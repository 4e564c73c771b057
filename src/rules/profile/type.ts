import { stageRule } from '../define.js';

export default stageRule({
  stage: 'profile',
  meta: {
    id: 'profile/type',
    severity: 'error',
    title: {
      en: 'Fields hold values of their type',
      fr: 'Les champs contiennent des valeurs de leur type',
    },
    docs: {
      en: `Dates must be real calendar dates (ISO 8601, or CKAN's \`2017-05-18 00:00:00\`), emails and URLs must
be well formed, numbers numeric, language maps objects. A value of the wrong type is left out of the
common record, so the finding tells where to correct it at the source.`,
      fr: `Les dates doivent être de vraies dates (ISO 8601, ou \`2017-05-18 00:00:00\` de CKAN), les courriels et
URL bien formés, les nombres numériques, les textes bilingues des objets. Une valeur du mauvais type est
écartée de l'enregistrement commun : le constat indique où la corriger à la source.`,
    },
    messages: {
      type: {
        en: '{{field}}: the value is not a valid {{expected}}',
        fr: "{{field}} : la valeur n'est pas valide ({{expectedFr}} attendu)",
      },
      coerce: {
        en: '{{property}}: "{{value}}" is not a valid {{expected}} and was left out',
        fr: "{{property}} : « {{value}} » n'est pas valide ({{expectedFr}} attendu) et a été écarté",
      },
    },
  },
});
