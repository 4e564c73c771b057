/**
 * The names portals give the common record's properties, in English and French, as `infer`
 * matches fields by name (normalised: words in lower case, no accents, camelCase and `_` split:
 * `maintenanceAndUpdateFrequency` reads `maintenance and update frequency`). The first name of a
 * list is the usual one. Shapes (`url`, `email`, `date`, a vocabulary) are what the values must look like.
 */

export type Shape =
  | 'text'
  | 'longText'
  | 'keywords'
  | 'url'
  | 'email'
  | 'date'
  | 'identifier'
  | 'integer'
  | 'mediaType'
  | 'any';

export interface Target {
  /** Property path in the common record (`distribution[*].format`). */
  property: string;
  names: string[];
  shape: Shape;
  /** A vocabulary whose codes the values should be (a strong hint when they are). */
  vocabulary?: string;
  /** Fields of the distribution items (relative), or of the record. */
  on: 'dataset' | 'distribution';
}

export const TARGETS: readonly Target[] = [
  {
    property: 'identifier',
    on: 'dataset',
    shape: 'identifier',
    names: [
      'identifier',
      'id',
      'file identifier',
      'dataset id',
      'guid',
      'uuid',
      'identifiant',
      'name',
    ],
  },
  {
    property: 'title',
    on: 'dataset',
    shape: 'text',
    names: [
      'title',
      'titre',
      'dataset title',
      'title translated',
      'name',
      'dataset name',
      'nom',
      'intitule',
    ],
  },
  {
    property: 'description',
    on: 'dataset',
    shape: 'longText',
    names: [
      'description',
      'notes',
      'abstract',
      'summary',
      'notes translated',
      'resume',
      'descriptif',
      'dataset description',
    ],
  },
  {
    property: 'keyword',
    on: 'dataset',
    shape: 'keywords',
    names: [
      'keywords',
      'keyword',
      'tags',
      'tag',
      'tag string',
      'tags name',
      'mots cles',
      'mot cle',
      'motscles',
      'descriptive keywords keyword',
      'md keywords keyword',
    ],
  },
  {
    property: 'theme',
    on: 'dataset',
    shape: 'any',
    vocabulary: 'theme',
    names: [
      'theme',
      'themes',
      'category',
      'categories',
      'subject',
      'topic',
      'topics',
      'topic category',
      'iso topic category',
      'groups name',
      'sujet',
      'categorie',
    ],
  },
  {
    property: 'publisher.name',
    on: 'dataset',
    shape: 'text',
    names: [
      'organization title',
      'publisher',
      'publisher name',
      'organization',
      'organisation',
      'org title',
      'owner org',
      'ministry',
      'department',
      'agency',
      'attribution',
      'editeur',
      'organisme',
      'ministere',
      'organisation name',
    ],
  },
  {
    property: 'contactPoint[*].email',
    on: 'dataset',
    shape: 'email',
    names: [
      'contact email',
      'maintainer email',
      'email',
      'has email',
      'mbox',
      'electronic mail address',
      'courriel',
      'author email',
      'contact point has email',
    ],
  },
  {
    property: 'contactPoint[*].name',
    on: 'dataset',
    shape: 'text',
    names: [
      'maintainer',
      'contact name',
      'contact point fn',
      'fn',
      'individual name',
      'contact',
      'author',
      'responsable',
    ],
  },
  {
    property: 'accrualPeriodicity',
    on: 'dataset',
    shape: 'any',
    vocabulary: 'frequency',
    names: [
      'frequency',
      'update frequency',
      'accrual periodicity',
      'frequence',
      'update cycle',
      'maintenance and update frequency',
      'maintenance frequency',
      'frequence de mise a jour',
    ],
  },
  {
    property: 'issued',
    on: 'dataset',
    shape: 'date',
    names: [
      'issued',
      'date published',
      'publication date',
      'published',
      'metadata created',
      'created',
      'date created',
      'created at',
      'record publish date',
      'date de publication',
    ],
  },
  {
    property: 'modified',
    on: 'dataset',
    shape: 'date',
    names: [
      'modified',
      'date modified',
      'last modified',
      'metadata modified',
      'updated',
      'last updated',
      'rows updated at',
      'view last modified',
      'date stamp',
      'record last modified',
      'date de modification',
      'mise a jour',
    ],
  },
  {
    property: 'temporal[*].startDate',
    on: 'dataset',
    shape: 'date',
    names: [
      'start date',
      'temporal start',
      'time period coverage start',
      'time coverage start',
      'coverage start',
      'begin position',
      'beginning date',
      'date debut',
    ],
  },
  {
    property: 'temporal[*].endDate',
    on: 'dataset',
    shape: 'date',
    names: [
      'end date',
      'temporal end',
      'time period coverage end',
      'time coverage end',
      'coverage end',
      'end position',
      'date fin',
    ],
  },
  {
    property: 'language',
    on: 'dataset',
    shape: 'any',
    vocabulary: 'language',
    names: ['language', 'languages', 'langue', 'dataset language', 'data language'],
  },
  {
    property: 'accessRights',
    on: 'dataset',
    shape: 'any',
    vocabulary: 'access-right',
    names: ['access level', 'access rights', 'access right', 'security class', 'droits d acces'],
  },
  {
    property: 'landingPage',
    on: 'dataset',
    shape: 'url',
    names: ['landing page', 'homepage', 'permalink', 'dataset url'],
  },
  // distributions: fields of the items the distributions are made of
  {
    property: 'distribution[*].accessURL',
    on: 'distribution',
    shape: 'url',
    names: ['url', 'access url', 'download url', 'linkage url', 'link', 'href', 'lien', 'adresse'],
  },
  {
    property: 'distribution[*].downloadURL',
    on: 'distribution',
    shape: 'url',
    names: ['download url', 'lien de telechargement'],
  },
  {
    property: 'distribution[*].title',
    on: 'distribution',
    shape: 'text',
    names: ['name', 'title', 'resource name', 'name translated', 'nom', 'titre'],
  },
  {
    property: 'distribution[*].description',
    on: 'distribution',
    shape: 'longText',
    names: ['description', 'description translated'],
  },
  {
    property: 'distribution[*].format',
    on: 'distribution',
    shape: 'any',
    vocabulary: 'file-type',
    names: ['format', 'file format', 'file type', 'resource format', 'type de fichier'],
  },
  {
    property: 'distribution[*].mediaType',
    on: 'distribution',
    shape: 'mediaType',
    names: ['mimetype', 'media type', 'mime type', 'content type'],
  },
  {
    property: 'distribution[*].byteSize',
    on: 'distribution',
    shape: 'integer',
    names: ['size', 'byte size', 'file size', 'taille'],
  },
  {
    property: 'distribution[*].modified',
    on: 'distribution',
    shape: 'date',
    names: ['last modified', 'modified', 'date modified'],
  },
];

/** Names of the licence (on the record or on each resource); values should be licence codes. */
export const LICENCE_NAMES = [
  'license id',
  'licence id',
  'license',
  'licence',
  'license name',
  'licence name',
  'license url',
  'licence url',
  'license title',
  'licenseid',
  'licence du jeu de donnees',
];

/** Names of the lists distributions are made of. */
export const DISTRIBUTION_NAMES = [
  'resources',
  'distribution',
  'distributions',
  'ressources',
  'files',
  'links',
  'on line',
  'online',
  'transfer options on line',
];

/** Names of the record's main language (ISO 19139 records say which language their main text is in). */
export const LANGUAGE_NAMES = ['language', 'langue', 'metadata language'];

/** Words of wrappers rather than fields: a value's name is the field around them (`gmd:title.gco:CharacterString` → title). */
const WRAPPERS = new Set([
  'characterstring',
  'text',
  'value',
  'ptfreetext',
  'textgroup',
  'localisedcharacterstring',
  'anchor',
  'decimal',
  'date',
  'datetime',
  'integer',
  'boolean',
  'real',
]);

/** `maintenanceAndUpdateFrequency`, `Update_Frequency`, `gmd:MD_Keywords` → words in lower case, no accents. */
export function normaliseName(s: string): string {
  return s
    .replace(/^[@#]/, '')
    .replace(/^[A-Za-z][\w-]*:/, '') // a namespace prefix (gmd:, dct:)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** ISO 19139 class elements (`gmd:CI_Citation`, `gmd:MD_DataIdentification`): structure, not names. */
function isClassElement(segment: string): boolean {
  return /^([A-Za-z]+:)?[A-Z]{2,3}_[A-Z]/.test(segment);
}

/**
 * The names a field goes by, most specific last: its own name (the element around a wrapper), and
 * that name after its parent's (`organization title`, `tags name`).
 */
export function fieldNames(segments: readonly string[]): string[] {
  const words = segments
    .filter((s) => s !== '*' && !isClassElement(s))
    .map(normaliseName)
    .filter((s) => s);
  let i = words.length - 1;
  while (i > 0 && WRAPPERS.has(words[i].replace(/ /g, ''))) i--;
  const own = words[i] ?? '';
  // generic leaves say little alone: the list or object they belong to says what they are
  const parent = i > 0 ? words[i - 1] : undefined;
  return parent ? [own, `${parent} ${own}`] : [own];
}

/**
 * How well a field's names match a target's: about 10 for one of its names (the earlier in the
 * list, the more), about 5 when one of them is among the field's words, else 0.
 */
export function nameScore(names: readonly string[], synonyms: readonly string[]): number {
  let best = 0;
  for (const n of names) {
    synonyms.forEach((s, k) => {
      const rank = (synonyms.length - k) / (synonyms.length * 10);
      if (n === s) best = Math.max(best, 10 + rank);
      else if (` ${n} `.includes(` ${s} `)) best = Math.max(best, 5 + rank);
    });
  }
  return best;
}
