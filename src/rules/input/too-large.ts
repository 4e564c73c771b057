import { stageRule } from '../define.js';

export default stageRule({
  stage: 'input',
  meta: {
    id: 'input/too-large',
    severity: 'error',
    title: {
      en: 'Every record fits in memory to be checked',
      fr: 'Chaque enregistrement tient en mémoire pour être vérifié',
    },
    docs: {
      en: `A record of JSON Lines (a line, or a pretty-printed object) longer than 32 Mi characters is not read:
its text is dropped as it comes, and it is reported as *rejected*, with its file and line; the other
records are read. Worker threads (\`--workers\`) check JSON Lines with a bounded memory each. A record that runs a
worker out of memory is checked again, alone, in a fresh worker; a record that runs that worker out
of memory too is not checked: it is reported as *rejected*, with its file and line, and the other
records of the run are checked as usual. Such a record is usually a mistake of the export (a list of
millions of items, a value repeated without end). Fix the record at the line given; to check it as it
is, run with \`--workers 1\` (the main thread has far more memory than a worker).`,
      fr: `Un enregistrement JSON Lines (une ligne, ou un objet indenté) de plus de 32 Mi caractères n'est pas
lu : son texte est écarté à mesure, et il est signalé comme *rejeté*, avec son fichier et sa ligne ;
les autres enregistrements sont lus. Les fils d'exécution (\`--workers\`) vérifient les JSON Lines avec chacun une mémoire bornée. Un
enregistrement qui épuise la mémoire d'un fil est vérifié à nouveau, seul, dans un fil neuf ; s'il
épuise aussi la mémoire de celui-ci, il n'est pas vérifié : il est signalé comme *rejeté*, avec son
fichier et sa ligne, et les autres enregistrements sont vérifiés comme d'habitude. Un tel
enregistrement est le plus souvent une erreur de l'export (une liste de millions d'éléments, une
valeur répétée sans fin). Corrigez l'enregistrement à la ligne indiquée ; pour le vérifier tel quel,
lancez avec \`--workers 1\` (le fil principal a bien plus de mémoire qu'un fil de vérification).`,
    },
    messages: {
      invalid: {
        en: 'Record not checked: {{message}}',
        fr: "L'enregistrement n'est pas vérifié : {{message}}",
      },
    },
  },
});
