import { stageRule } from '../define.js';

export default stageRule({
  stage: 'input',
  meta: {
    id: 'input/unrecognised',
    severity: 'error',
    title: {
      en: "Every file's profile is recognised (--profile auto)",
      fr: 'Le profil de chaque fichier est reconnu (--profile auto)',
    },
    docs: {
      en: `With \`--profile auto\` each file's profile is recognised from its first readable record (the
profiles' \`detect\` blocks). A file whose records no profile recognises, or that several profiles
fit equally, cannot be checked: it is reported as one *rejected* record (its file and the line of the
record that was looked at), and the other files of the run are still checked. Name the file's
profile (\`<profile>=<path>\`), or remove a file that is not a metadata export. A file with no
readable record at all is reported record by record as \`input/parse-error\`.`,
      fr: `Avec \`--profile auto\`, le profil de chaque fichier est reconnu d'après son premier enregistrement
lisible (les blocs \`detect\` des profils). Un fichier dont aucun profil ne reconnaît les
enregistrements, ou que plusieurs profils reconnaissent à égalité, ne peut pas être vérifié : il est
signalé comme un enregistrement *rejeté* (son fichier et la ligne de l'enregistrement examiné), et les
autres fichiers sont quand même vérifiés. Nommez le profil du fichier (\`<profil>=<chemin>\`), ou
retirez un fichier qui n'est pas un export de métadonnées. Un fichier sans aucun enregistrement
lisible est signalé enregistrement par enregistrement sous \`input/parse-error\`.`,
    },
    messages: {
      unknown: {
        en: 'No profile recognises the records of this file; name its profile with <profile>=<path> (passerelle profiles lists them)',
        fr: 'Aucun profil ne reconnaît les enregistrements de ce fichier; nommez son profil avec <profil>=<chemin> (passerelle profiles les liste)',
      },
      ambiguous: {
        en: 'The records of this file fit several profiles ({{candidates}}); name its profile with <profile>=<path>',
        fr: 'Les enregistrements de ce fichier correspondent à plusieurs profils ({{candidates}}); nommez son profil avec <profil>=<chemin>',
      },
    },
  },
});
