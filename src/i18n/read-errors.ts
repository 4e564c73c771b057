/**
 * Why a record cannot be read, in both languages. The parsers' own messages (V8's `JSON.parse`,
 * saxes, csv-parse) are English, and V8's carry an echo of the input: a rejected record's finding
 * gives the reason in the report's language instead. Unknown messages (another engine, a newer
 * parser) fall back to a generic reason, never to English.
 */
import type { Bilingual } from '../core/lang.js';

const REASONS: [RegExp, (m: RegExpExecArray) => Bilingual][] = [
  [
    /^Unterminated string/,
    () => ({ en: 'a string is not closed', fr: "une chaîne n'est pas fermée" }),
  ],
  [
    /^Unexpected end of JSON input/,
    () => ({ en: 'the text ends too early', fr: 'le texte se termine trop tôt' }),
  ],
  [
    /^Expected ',' or '\}' after property value/,
    () => ({
      en: "',' or '}' expected after a value",
      fr: '« , » ou « } » attendu après une valeur',
    }),
  ],
  [
    /^Expected ',' or '\]' after array element/,
    () => ({
      en: "',' or ']' expected after a list item",
      fr: '« , » ou « ] » attendu après un élément de liste',
    }),
  ],
  [
    /^Expected ':' after property name/,
    () => ({
      en: "':' expected after a property name",
      fr: '« : » attendu après un nom de propriété',
    }),
  ],
  [
    /^Expected (double-quoted )?property name/,
    () => ({
      en: 'a property name in double quotes is expected',
      fr: 'un nom de propriété entre guillemets droits est attendu',
    }),
  ],
  [
    /^Unexpected non-whitespace character after JSON/,
    () => ({
      en: 'text follows the end of the JSON value',
      fr: 'du texte suit la fin de la valeur JSON',
    }),
  ],
  [
    /^Bad control character in string literal/,
    () => ({
      en: 'a control character (tab, line break) is not escaped in a string',
      fr: "un caractère de contrôle (tabulation, saut de ligne) n'est pas échappé dans une chaîne",
    }),
  ],
  [
    /^Bad escaped character/,
    () => ({
      en: 'a backslash escape is not valid',
      fr: "une séquence d'échappement (barre oblique inverse) n'est pas valide",
    }),
  ],
  [
    /^Bad Unicode escape/,
    () => ({ en: 'a \\u escape is not valid', fr: "une séquence \\u n'est pas valide" }),
  ],
  [
    /^No number after minus sign/,
    () => ({
      en: 'a minus sign is not followed by a number',
      fr: "un signe moins n'est pas suivi d'un nombre",
    }),
  ],
  [
    /^Unterminated fractional number/,
    () => ({
      en: 'a decimal number has no digits after its point',
      fr: "un nombre décimal n'a pas de chiffres après la virgule",
    }),
  ],
  [
    /^Exponent part is missing a number/,
    () => ({ en: 'an exponent has no digits', fr: "un exposant n'a pas de chiffres" }),
  ],
  [
    /^Unexpected number/,
    () => ({
      en: 'a number is not expected here (leading zero?)',
      fr: "un nombre n'est pas attendu ici (zéro initial?)",
    }),
  ],
  [
    /^Unexpected string/,
    () => ({ en: 'a string is not expected here', fr: "une chaîne n'est pas attendue ici" }),
  ],
  [
    /^Unexpected token '?(.)'?/,
    (m) => ({ en: `unexpected character "${m[1]}"`, fr: `caractère inattendu « ${m[1]} »` }),
  ],
];

const GENERIC: Bilingual = { en: 'syntax error', fr: 'erreur de syntaxe' };

function reason(table: [RegExp, (m: RegExpExecArray) => Bilingual][], message: string): Bilingual {
  for (const [re, text] of table) {
    const m = re.exec(message);
    if (m) return text(m);
  }
  return GENERIC;
}

/** The reason of a `JSON.parse` error, in English and French. */
export function jsonErrorReason(e: Error): Bilingual {
  return reason(REASONS, e.message);
}

/** saxes's messages (without their position prefix). */
const XML_REASONS: [RegExp, (m: RegExpExecArray) => Bilingual][] = [
  [
    /^unclosed tag: (.*)$/,
    (m) => ({ en: `<${m[1]}> is not closed`, fr: `<${m[1]}> n'est pas fermé` }),
  ],
  [
    /^unmatched closing tag: (.*?)\.?$/,
    (m) => ({
      en: `</${m[1]}> closes no open element`,
      fr: `</${m[1]}> ne ferme aucun élément ouvert`,
    }),
  ],
  [
    /^unexpected close tag/,
    () => ({
      en: 'a closing tag is not expected here',
      fr: "une balise fermante n'est pas attendue ici",
    }),
  ],
  [
    /^unexpected end/,
    () => ({ en: 'the text ends too early', fr: 'le texte se termine trop tôt' }),
  ],
  [
    /^duplicate attribute: (.*?)\.?$/,
    (m) => ({
      en: `attribute ${m[1]} is given twice`,
      fr: `l'attribut ${m[1]} est donné deux fois`,
    }),
  ],
  [
    /^(attribute without value|value required|value must be quoted|unquoted attribute value)/,
    () => ({
      en: 'an attribute has no quoted value',
      fr: "un attribut n'a pas de valeur entre guillemets",
    }),
  ],
  [
    /^(no whitespace between attributes|whitespace required)/,
    () => ({ en: 'a space is missing', fr: 'une espace manque' }),
  ],
  [
    /^undefined entity/,
    () => ({
      en: 'an entity (&…;) is not defined (Passerelle never reads DTDs)',
      fr: "une entité (&…;) n'est pas définie (Passerelle ne lit jamais les DTD)",
    }),
  ],
  [
    /^(malformed character entity|empty entity name|disallowed character in entity)/,
    () => ({
      en: 'a character reference (&…;) is not valid',
      fr: "une référence de caractère (&…;) n'est pas valide",
    }),
  ],
  [
    /^malformed comment/,
    () => ({ en: 'a comment is not well formed', fr: "un commentaire n'est pas bien formé" }),
  ],
  [
    /^malformed name: (.*?)\.?$/,
    (m) => ({ en: `the name ${m[1]} is not valid`, fr: `le nom ${m[1]} n'est pas valide` }),
  ],
  [
    /^(forward-slash in opening tag|weird empty close tag|disallowed character in (tag name|closing tag|attribute name))/,
    () => ({ en: 'a tag is not well formed', fr: "une balise n'est pas bien formée" }),
  ],
  [
    /^disallowed character/,
    () => ({ en: 'a character is not allowed here', fr: "un caractère n'est pas permis ici" }),
  ],
  [
    /^document must contain a root element/,
    () => ({ en: 'there is no root element', fr: "il n'y a pas d'élément racine" }),
  ],
  [
    /XML declaration|^version number/,
    () => ({ en: 'the XML declaration is not valid', fr: "la déclaration XML n'est pas valide" }),
  ],
  [
    /doctype/i,
    () => ({
      en: 'a DOCTYPE declaration is misplaced',
      fr: 'une déclaration DOCTYPE est mal placée',
    }),
  ],
  [
    /processing instruction/,
    () => ({
      en: 'a processing instruction is not valid',
      fr: "une instruction de traitement n'est pas valide",
    }),
  ],
];

/** The reason of a saxes error, in English and French. */
export function xmlErrorReason(message: string): Bilingual {
  return reason(XML_REASONS, message);
}

/** The reason of a csv-parse error (by its code), in English and French. */
export function csvErrorReason(e: { code?: string; message: string }): Bilingual {
  switch (e.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { en: 'text follows a closing quote', fr: 'du texte suit un guillemet fermant' };
    case 'CSV_MAX_RECORD_SIZE':
      return { en: 'the row is too long', fr: 'la ligne est trop longue' };
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return {
        en: 'the row does not have as many fields as the header row',
        fr: "la ligne n'a pas autant de champs que la ligne d'en-tête",
      };
    default:
      return GENERIC;
  }
}

/** Messages of records that cannot be read, in both languages. */
export const READ_ERRORS = {
  invalidJson: (reason: Bilingual): Bilingual => ({
    en: `invalid JSON: ${reason.en}`,
    fr: `JSON non valide : ${reason.fr}`,
  }),
  /** A line of JSON Lines with a byte that is not UTF-8: the line is rejected, not decoded as a guess. */
  notUtf8: (byte: number): Bilingual => {
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      en: `invalid JSON: byte ${hex} is not UTF-8 (JSON text is UTF-8: RFC 8259)`,
      fr: `JSON non valide : l'octet ${hex} n'est pas de l'UTF-8 (un texte JSON est en UTF-8 : RFC 8259)`,
    };
  },
  notAnObjectLine: (found: string): Bilingual => {
    const what = KINDS[found] ?? { en: found, fr: found };
    return {
      en: `expected one JSON object per line, found ${what.en}`,
      fr: `un objet JSON par ligne est attendu, trouvé : ${what.fr}`,
    };
  },
  portalError: (detail: string): Bilingual => ({
    en: `the portal answered with an error: "${detail}"`,
    fr: `le portail a répondu par une erreur : « ${detail} »`,
  }),
  notAPackage: {
    en: 'expected a JSON object (a package)',
    fr: 'un objet JSON (un paquet) est attendu',
  } as Bilingual,
  noRecords: {
    en: 'no records found: not a package, a list of packages or a CKAN API response',
    fr: "aucun enregistrement trouvé : ni un paquet, ni une liste de paquets, ni une réponse de l'API CKAN",
  } as Bilingual,
  unreadable: { en: 'unreadable record', fr: 'enregistrement illisible' } as Bilingual,
  /** A record of JSON Lines longer than the limit: dropped as it was read, never parsed. */
  tooLong: (max: number): Bilingual => ({
    en: `its text is longer than ${max.toLocaleString('en-CA')} characters (JSON Lines records are read up to that length)`,
    fr: `son texte dépasse ${max.toLocaleString('fr-CA')} caractères (les enregistrements JSON Lines sont lus jusqu'à cette longueur)`,
  }),
  /** A record that ran a worker thread out of memory, then a fresh one, alone. */
  outOfWorkerMemory: (heapMb: number): Bilingual => ({
    en: `it ran a worker thread out of memory twice (each has ${heapMb} MB); run with --workers 1 to read it in the main thread`,
    fr: `il a épuisé deux fois la mémoire d'un fil d'exécution (${heapMb} Mo chacun) ; lancez avec --workers 1 pour le lire dans le fil principal`,
  }),
  malformedXml: (reason: Bilingual): Bilingual => ({
    en: `malformed XML: ${reason.en}`,
    fr: `XML mal formé : ${reason.fr}`,
  }),
  xmlCutShort: (element: string): Bilingual => ({
    en: `malformed XML: the file ends inside this record (<${element}> is not closed)`,
    fr: `XML mal formé : le fichier se termine dans cet enregistrement (<${element}> n'est pas fermé)`,
  }),
  noXmlRecords: (elements: string[]): Bilingual => ({
    en: `no records found: no ${elements.join(' or ')} element`,
    fr: `aucun enregistrement trouvé : aucun élément ${elements.join(' ni ')}`,
  }),
  /** The rest of a file cannot be read (a truncated gzip stream): named by the error's code. */
  restUnreadable: (e: Error): Bilingual => {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      en: `cannot read the rest of the file${code ? ` (${code})` : ''}`,
      fr: `impossible de lire la suite du fichier${code ? ` (${code})` : ''}`,
    };
  },
  invalidCsv: (reason: Bilingual): Bilingual => ({
    en: `invalid CSV: ${reason.en}`,
    fr: `CSV non valide : ${reason.fr}`,
  }),
  csvQuoteNotClosed: (from: number, to: number): Bilingual =>
    from === to
      ? {
          en: `invalid CSV: a quoted field opened here is never closed: line ${from} cannot be read`,
          fr: `CSV non valide : un champ entre guillemets ouvert ici n'est jamais fermé; la ligne ${from} est illisible`,
        }
      : {
          en: `invalid CSV: a quoted field opened here is never closed: lines ${from}–${to} cannot be read`,
          fr: `CSV non valide : un champ entre guillemets ouvert ici n'est jamais fermé; les lignes ${from} à ${to} sont illisibles`,
        },
  csvFieldCount: (n: number, header: number): Bilingual => ({
    en: `invalid CSV: this row has ${n} fields, the header row has ${header}`,
    fr: `CSV non valide : cette ligne a ${n} champs, la ligne d'en-tête en a ${header}`,
  }),
  csvTooManyFields: (max: number): Bilingual => ({
    en: `invalid CSV: this row has more than ${max.toLocaleString('en')} fields (the limit)`,
    fr: `CSV non valide : cette ligne a plus de ${max.toLocaleString('fr')} champs (la limite)`,
  }),
  csvNoHeader: {
    en: 'no records found: the file has no header row',
    fr: "aucun enregistrement trouvé : le fichier n'a pas de ligne d'en-tête",
  } as Bilingual,
};

const KINDS: Record<string, Bilingual> = {
  array: { en: 'an array', fr: 'une liste' },
  string: { en: 'a string', fr: 'une chaîne' },
  number: { en: 'a number', fr: 'un nombre' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  null: { en: 'null', fr: 'null' },
};

/** Why an entry found in a directory is not read: each is one rejected record, and the run goes on. */
export const ENTRY_ERRORS = {
  dangling: {
    en: 'a link to nothing (its target does not exist)',
    fr: "un lien vers rien (sa cible n'existe pas)",
  } as Bilingual,
  loop: {
    en: 'a link that loops (it leads back to itself or to a folder being read)',
    fr: 'un lien qui boucle (il ramène à lui-même ou à un dossier en cours de lecture)',
  } as Bilingual,
  outside: {
    en: 'a link to a file outside the folder given, not followed (--follow-links follows it)',
    fr: 'un lien vers un fichier hors du dossier donné, non suivi (--follow-links le suit)',
  } as Bilingual,
  notAFile: {
    en: 'not a regular file (a FIFO, socket or device), not opened',
    fr: 'pas un fichier ordinaire (tube nommé, socket ou périphérique), non ouvert',
  } as Bilingual,
  unreadable: (code: string | undefined): Bilingual => ({
    en: `cannot read${code ? ` (${code})` : ''}`,
    fr: `illisible${code ? ` (${code})` : ''}`,
  }),
};
