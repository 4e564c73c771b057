import type { Dataset } from '../../model/types.js';
import { stageRule } from '../define.js';

/**
 * What records are compared by: the common record's identifier and its dataset URI (`id`), each
 * trimmed, compared exactly (an identifier's case may matter to its portal).
 */
export interface RecordKeys {
  identifier?: string;
  uri?: string;
}

export function recordKeys(d: Dataset): RecordKeys | undefined {
  const identifier = d.identifier?.trim();
  const uri = d.id?.trim();
  if (!identifier && !uri) return undefined;
  return { ...(identifier ? { identifier } : {}), ...(uri ? { uri } : {}) };
}

/**
 * Judged across the records of a run (one record cannot know another), on the main thread in
 * input order, whatever the number of workers: the later record of two gets the finding, naming
 * the earlier one's file and line. A warning: the same package exported twice (a `package_show`
 * beside a `package_search` page) is a repeat, not a defect of the metadata, while two different
 * records under one identifier are one the portal or a harvester will overwrite with the other —
 * the steward is told which two to look at, and a run does not fail for it by default.
 */
export default stageRule({
  stage: 'run',
  meta: {
    id: 'odc/unique-identifier',
    principle: 'P4',
    commitment: 'P4.a',
    severity: 'warning',
    title: {
      en: 'No two records of a catalogue share an identifier or dataset URI',
      fr: "Deux enregistrements d'un catalogue n'ont pas le même identifiant ni la même URI",
    },
    docs: {
      en: `Common identifiers (Charter P4.a) only link data when each names one dataset. Two records of one run
with the same identifier (the common record's \`identifier\`: CKAN's package id, an HNAP file
identifier, a DCAT-US identifier) or the same dataset URI are either the same record exported twice
(a \`package_show\` file beside a \`package_search\` page that holds it) or two datasets under one
name, which a harvester, a search index or an RDF store merges into one, losing one of them. The later
record is reported, with the file and line of the earlier one: drop the copy, or give one of them its
own identifier. Records are compared in input order across every file of the run (with or without
worker threads). Only records that could be read are compared.`,
      fr: `Les identifiants communs (Charte P4.a) ne relient les données que si chacun désigne un seul jeu de
données. Deux enregistrements d'une même exécution ayant le même identifiant (l'\`identifier\` de
l'enregistrement commun : l'id de paquet CKAN, l'identifiant de fichier HNAP, l'identifiant DCAT-US) ou
la même URI de jeu de données sont soit le même enregistrement exporté deux fois (un fichier
\`package_show\` à côté d'une page \`package_search\` qui le contient), soit deux jeux de données sous un
même nom, qu'un moissonneur, un index de recherche ou un entrepôt RDF fusionne en un seul, en perdant
l'un. L'enregistrement lu en second est signalé, avec le fichier et la ligne du premier : retirez la
copie, ou donnez à l'un des deux son propre identifiant. Les enregistrements sont comparés dans l'ordre
de lecture, sur tous les fichiers de l'exécution (avec ou sans fils d'exécution). Seuls les
enregistrements lisibles sont comparés.`,
    },
    messages: {
      identifier: {
        en: 'Identifier "{{value}}" is also the identifier of the record at {{place}}',
        fr: "L'identifiant « {{value}} » est aussi celui de l'enregistrement situé à {{place}}",
      },
      uri: {
        en: 'Dataset URI {{value}} is also the URI of the record at {{place}}',
        fr: "L'URI de jeu de données {{value}} est aussi celle de l'enregistrement situé à {{place}}",
      },
    },
    examples: {
      pass: [
        {
          before: [{ identifier: '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51' }],
          dataset: { identifier: 'b3fdcd34-4533-415f-8f83-68f17f9d5d68' },
        },
        {
          note: { en: 'another dataset URI', fr: 'une autre URI de jeu de données' },
          before: [{ id: 'https://data.example.ca/dataset/roads-2019' }],
          dataset: { id: 'https://data.example.ca/dataset/roads-2024' },
        },
      ],
      fail: [
        {
          note: { en: 'one package in two files', fr: 'un paquet dans deux fichiers' },
          before: [{ identifier: '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51' }],
          dataset: { identifier: '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51' },
        },
        {
          note: { en: 'two datasets under one URI', fr: 'deux jeux de données sous une même URI' },
          before: [{ id: 'https://data.example.ca/dataset/roads', identifier: 'roads-2019' }],
          dataset: { id: 'https://data.example.ca/dataset/roads', identifier: 'roads-2024' },
        },
      ],
    },
  },
});
