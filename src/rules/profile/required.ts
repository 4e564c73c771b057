import { stageRule } from '../define.js';

export default stageRule({
  stage: 'profile',
  meta: {
    id: 'profile/required',
    severity: 'error',
    title: {
      en: "Fields the portal's schema requires are filled in",
      fr: 'Les champs exigés par le schéma du portail sont remplis',
    },
    docs: {
      en: `Each portal's own schema (its profile) marks some fields as required. A record missing one, or giving
it empty (null, blank text, an empty list), would be refused by the portal itself. The finding names
the field as the portal calls it and its path in the record.`,
      fr: `Le schéma propre à chaque portail (son profil) rend certains champs obligatoires. Un enregistrement
qui n'en a pas, ou qui le laisse vide (null, texte blanc, liste vide), serait refusé par le portail
lui-même. Le constat nomme le champ comme le portail l'appelle et son chemin dans l'enregistrement.`,
    },
    messages: {
      missing: {
        en: 'Required field {{field}} ({{label}}) is missing or empty',
        fr: 'Le champ obligatoire {{field}} ({{labelFr}}) est absent ou vide',
      },
    },
  },
});
