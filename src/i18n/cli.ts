/**
 * The command line in French: commander's help and usage errors are written in English by
 * commander and by each command's registration; under `--lang fr` or a French locale the program's
 * texts are replaced by these (src/cli/localise.ts). A test checks that every text has its French.
 */
import type { Lang } from '../core/lang.js';

/** Each command's, argument's and option's description, English → French. */
export const CLI_FR: Readonly<Record<string, string>> = {
  'Map Canadian open-data metadata to a common DCAT-AP schema and check it against Open Data Charter rules.':
    'Relie les métadonnées des données ouvertes canadiennes à un schéma DCAT-AP commun et les vérifie selon les règles de la Charte des données ouvertes.',
  'on an error, print its stack trace (for bug reports)':
    "en cas d'erreur, afficher sa pile d'appels (pour signaler un bogue)",
  'output the version number': 'afficher le numéro de version',
  'display help for command': "afficher l'aide de la commande",
  'check exports against their profile and the Open Data Charter rules':
    'vérifier des exportations selon leur profil et les règles de la Charte des données ouvertes',
  'files, folders, harvest snapshot folders or - (standard input): JSON, JSON Lines, CSV, XML (HNAP), RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML), JSON-LD, each also gzipped (.gz); <profile>=<path> names the profile of one path':
    "fichiers, dossiers, dossiers de moissonnage ou - (entrée standard) : JSON, JSON Lines, CSV, XML (HNAP), RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML), JSON-LD, chacun aussi compressé (.gz) ; <profil>=<chemin> donne le profil d'un chemin",
  'files or directories (JSON, JSON Lines, .gz); <profile>=<path> names the profile of one path':
    "fichiers ou dossiers (JSON, JSON Lines, .gz) ; <profil>=<chemin> donne le profil d'un chemin",
  'harvest this portal of the registry (passerelle harvest) to a cache folder first, then validate it with the paths':
    "moissonner d'abord ce portail du registre (passerelle harvest) dans un dossier cache, puis le valider avec les chemins",
  'profile of the records (see `passerelle profiles`), or auto: recognised per file':
    'profil des enregistrements (voir `passerelle profiles`), ou auto : reconnu pour chaque fichier',
  'in input folders, also read links leading outside the folder (not followed by default)':
    "dans les dossiers d'entrée, lire aussi les liens qui mènent hors du dossier (non suivis par défaut)",
  'write the report to a file instead of standard output (the format that has no --output.<format>)':
    "écrire le rapport dans un fichier plutôt que sur la sortie standard (le format qui n'a pas de --output.<format>)",
  'write one format to a file, e.g. --output.sarif report.sarif (repeatable, one per format)':
    'écrire un format dans un fichier, p. ex. --output.sarif rapport.sarif (répétable, un par format)',
  'HTML report: records listed in full at most, errors first (the others are counted; default 2000)':
    'rapport HTML : enregistrements listés en entier au plus, erreurs d’abord (les autres sont comptés ; 2000 par défaut)',
  'report errors only (warnings and infos still count for --fail-on and --max-warnings)':
    'ne signaler que les erreurs (avertissements et infos comptent toujours pour --fail-on et --max-warnings)',
  'exit 1 when there are more than n warnings': "sortir avec 1 s'il y a plus de n avertissements",
  'exit 1 when a finding is at or above this severity':
    'sortir avec 1 quand un constat atteint ou dépasse cette gravité',
  'reference date for freshness checks (ISO date, default today)':
    "date de référence pour la fraîcheur (date ISO, par défaut aujourd'hui)",
  'language of messages': 'langue des messages',
  'colour the report even when it is not on a terminal (as FORCE_COLOR=1)':
    "colorer le rapport même hors d'un terminal (comme FORCE_COLOR=1)",
  'no colours, even on a terminal (as NO_COLOR=1)':
    'aucune couleur, même dans un terminal (comme NO_COLOR=1)',
  "also check each record, as DCAT-AP 3 RDF, against Passerelle's DCAT-AP 3 SHACL shapes":
    'vérifier aussi chaque enregistrement, en RDF DCAT-AP 3, selon les formes SHACL DCAT-AP 3 de Passerelle',
  'more SHACL shapes to check records against (Turtle, RDF/XML, JSON-LD…); implies --shacl':
    "d'autres formes SHACL selon lesquelles vérifier les enregistrements (Turtle, RDF/XML, JSON-LD…) ; implique --shacl",
  'rule configuration (default: the nearest passerelle.config.yaml)':
    'configuration des règles (par défaut : le passerelle.config.yaml le plus proche)',
  'ignore passerelle.config.yaml files': 'ignorer les fichiers passerelle.config.yaml',
  'leave out the findings this baseline file already knows':
    'écarter les constats que ce fichier de référence connaît déjà',
  'write every finding of this run to the --baseline file':
    'écrire chaque constat de cette exécution dans le fichier --baseline',
  'check that access and download URLs answer (HTTP HEAD; the only network use)':
    "vérifier que les URL d'accès et de téléchargement répondent (HTTP HEAD ; seul usage du réseau)",
  'with --check-urls: seconds to wait for each URL (1 to 300)':
    'avec --check-urls : secondes à attendre chaque URL (1 à 300)',
  'with --check-urls: URLs checked at once (1 to 64)':
    'avec --check-urls : URL vérifiées à la fois (1 à 64)',
  'with --check-urls and --portal: also reach loopback, private and link-local addresses (refused by default)':
    'avec --check-urls et --portal : joindre aussi les adresses de bouclage, privées et lien-local (refusées par défaut)',
  'also find profiles and crosswalks in this folder (it holds profiles/ and crosswalks/); repeatable':
    'chercher aussi profils et correspondances dans ce dossier (il contient profiles/ et crosswalks/) ; répétable',
  'let a profile, crosswalk or vocabulary of your folders replace a shipped one of the same id':
    'laisser un profil, une correspondance ou un vocabulaire de vos dossiers remplacer celui livré du même identifiant',
  'worker threads for JSON Lines inputs (1: none; at most 4: the cores, at least 4, at most 16; auto: one per core, up to 4, for inputs of 4 MB or more)':
    "fils d'exécution pour les entrées JSON Lines (1 : aucun ; au plus 4 : les cœurs, au moins 4, au plus 16 ; auto : un par cœur, jusqu'à 4, pour des entrées de 4 Mo ou plus)",
  'repair what findings know how to repair (legacy codes, code spelling, encoding damage): a review by default, or corrected exports, JSON Patch or CKAN package_patch payloads':
    'réparer ce que les constats savent réparer (anciens codes, graphie des codes, encodage abîmé) : une revue par défaut, ou des exportations corrigées, des JSON Patch ou des charges package_patch de CKAN',
  'write the corrected exports under this folder, in the shape of the input':
    "écrire les exportations corrigées sous ce dossier, dans la forme de l'entrée",
  'correct the input files themselves (each kept as <file>.bak)':
    "corriger les fichiers d'entrée eux-mêmes (chacun gardé en <fichier>.bak)",
  'review (printed), json-patch (RFC 6902 per record) or ckan (package_patch payloads), as JSON Lines on standard output':
    'review (affichée), json-patch (RFC 6902 par enregistrement) ou ckan (charges package_patch), en JSON Lines sur la sortie standard',
  'only the fixes of this rule (repeatable)':
    'seulement les corrections de cette règle (répétable)',
  'only fixes of this kind: legacy-code, code-spelling, encoding, whitespace, date (repeatable)':
    'seulement les corrections de ce genre : legacy-code, code-spelling, encoding, whitespace, date (répétable)',
  'in input folders, also read links leading outside the folder':
    "dans les dossiers d'entrée, lire aussi les liens qui mènent hors du dossier",
  'list the profiles (jurisdictions) Passerelle knows, and where each comes from (the package, or your folder)':
    "lister les profils (administrations) que Passerelle connaît, et d'où vient chacun (le paquet, ou votre dossier)",
  'text for people, json for programs': 'text pour les personnes, json pour les programmes',
  'configuration, for its profileDirs and allowShadow (default: the nearest passerelle.config.yaml)':
    'configuration, pour ses profileDirs et allowShadow (par défaut : le passerelle.config.yaml le plus proche)',
  "a profile's fields (type, required, bilingual, code list), the common property each maps to, and its code lists":
    "les champs d'un profil (type, obligatoire, bilingue, liste de codes), la propriété commune de chacun, et ses listes de codes",
  'profile id (see `passerelle profiles`)': 'identifiant du profil (voir `passerelle profiles`)',
  'language of headings and labels': 'langue des titres et des libellés',
  'work with crosswalks': 'travailler avec les correspondances',
  'check crosswalks against their profile and the common model (all when none is named)':
    'vérifier les correspondances selon leur profil et le modèle commun (toutes si aucune nommée)',
  'profile ids or crosswalk files': 'identifiants de profils ou fichiers de correspondance',
  'write records as DCAT-AP 3 RDF (JSON-LD, Turtle, N-Triples, N-Quads)':
    'écrire les enregistrements en RDF DCAT-AP 3 (JSON-LD, Turtle, N-Triples, N-Quads)',
  'files or directories; <profile>=<path> names the profile of one path':
    "fichiers ou dossiers ; <profil>=<chemin> donne le profil d'un chemin",
  'profile of the records (see `passerelle profiles`)':
    'profil des enregistrements (voir `passerelle profiles`)',
  'RDF syntax': 'syntaxe RDF',
  'write to a file instead of standard output':
    'écrire dans un fichier plutôt que sur la sortie standard',
  "one DCAT-AP catalogue from many jurisdictions' exports, duplicates linked, with a JSON Lines search index":
    'un catalogue DCAT-AP à partir des exportations de plusieurs administrations, doublons reliés, avec un index de recherche JSON Lines',
  '<profile>=<path> for each jurisdiction (files or directories)':
    '<profil>=<chemin> pour chaque administration (fichiers ou dossiers)',
  'profile of inputs given without <profile>=': 'profil des entrées données sans <profil>=',
  'write the catalogue to a file instead of standard output':
    'écrire le catalogue dans un fichier plutôt que sur la sortie standard',
  'RDF syntax, search-engine documents (solr, opensearch), or site: a static search site in the --output folder':
    'syntaxe RDF, documents de moteur de recherche (solr, opensearch), ou site : un site de recherche statique dans le dossier de --output',
  'write the catalogue to a file instead of standard output (solr, opensearch, site: a folder; nquads: a folder when one, a file per jurisdiction)':
    'écrire le catalogue dans un fichier plutôt que sur la sortie standard (solr, opensearch, site : un dossier ; nquads : un dossier quand c’en est un, un fichier par administration)',
  'into a folder: read every jurisdiction again, whatever the folder holds':
    'dans un dossier : relire toutes les administrations, quoi que le dossier contienne',
  'write a JSON Lines index (id, title, jurisdiction, themes, keywords, formats, licence, modified) to this file':
    'écrire un index JSON Lines (identifiant, titre, administration, thèmes, mots-clés, formats, licence, modification) dans ce fichier',
  'base IRI of the federated catalogue and its catalogue records':
    'IRI de base du catalogue fédéré et de ses fiches de catalogue',
  'publisher of the federated catalogue': 'éditeur du catalogue fédéré',
  'date of the catalogue records (ISO date, default today)':
    "date des fiches de catalogue (date ISO, par défaut aujourd'hui)",
  'list the rules: id, ODC principle, severity, what each checks':
    'lister les règles : identifiant, principe de la Charte, gravité, ce que chacune vérifie',
  'show the severities that apply to this profile':
    "montrer les gravités qui s'appliquent à ce profil",
  'text or json': 'text ou json',
  language: 'langue',
  "print a rule's documentation, options and examples":
    "afficher la documentation, les options et les exemples d'une règle",
  'rule id (odc/freshness)': 'identifiant de la règle (odc/freshness)',
  'run each rule of a ruleset on its own examples (pass: no finding; fail: one at least)':
    "exécuter chaque règle d'un jeu de règles sur ses propres exemples (réussite : aucun constat ; échec : au moins un)",
  'ruleset file (.yaml, .yml, .json)': 'fichier de jeu de règles (.yaml, .yml, .json)',
  'work with passerelle.config.yaml': 'travailler avec passerelle.config.yaml',
  'print the JSON Schema of passerelle.config.yaml (the same as `schema config`)':
    'afficher le schéma JSON de passerelle.config.yaml (le même que `schema config`)',
  'print the JSON Schema of a file you write (profile, crosswalk, vocabulary, map-table, config, ruleset, portal), for editors and CI checks; alone: list them':
    "afficher le schéma JSON d'un fichier que vous écrivez (profile, crosswalk, vocabulary, map-table, config, ruleset, portal), pour les éditeurs et l'intégration continue ; seul : les lister",
  'the kind of file': 'le genre de fichier',
  'compare jurisdictions: their crosswalks side by side and, with their exports, fill rates, indicators, scores and high-value datasets':
    'comparer des administrations : leurs correspondances côte à côte et, avec leurs exportations, taux de remplissage, indicateurs, notes et ensembles de données de forte valeur',
  '<profile>=<path> for each jurisdiction whose records to measure (auto=<path>: recognised per file)':
    '<profil>=<chemin> pour chaque administration dont mesurer les enregistrements (auto=<chemin> : reconnu pour chaque fichier)',
  'jurisdictions to compare, comma-separated (default: those of the inputs, or every profile)':
    'administrations à comparer, séparées par des virgules (par défaut : celles des entrées, ou tous les profils)',
  'report format': 'format du rapport',
  'write the report to a file instead of standard output':
    'écrire le rapport dans un fichier plutôt que sur la sortie standard',
  'reference date for freshness (ISO date, default today)':
    "date de référence pour la fraîcheur (date ISO, par défaut aujourd'hui)",
  'high-value dataset list (default: crosswalks/vocabularies/hvd-category.yaml)':
    'liste des ensembles de données de forte valeur (par défaut : crosswalks/vocabularies/hvd-category.yaml)',
  'leave out the high-value datasets': 'laisser de côté les ensembles de données de forte valeur',
  'draft a profile and a crosswalk for an unknown portal from a sample of its export (fields, types, fill rates, code lists, bilingual patterns)':
    "ébaucher un profil et une correspondance pour un portail inconnu à partir d'un échantillon de son exportation (champs, types, taux de remplissage, listes de codes, bilinguisme)",
  'files or directories of the portal’s export, in any shape `validate` reads':
    "fichiers ou dossiers de l'exportation du portail, dans toute forme que `validate` lit",
  'id of the new profile (lower-case letters, digits, dashes)':
    'identifiant du nouveau profil (minuscules, chiffres, tirets)',
  'write profiles/<id>.yaml and crosswalks/<id>.yaml under this folder':
    'écrire profiles/<id>.yaml et crosswalks/<id>.yaml sous ce dossier',
  'read at most this many records': "lire au plus ce nombre d'enregistrements",
  'replace draft files that exist': 'remplacer les ébauches qui existent',
  "fetch a portal's catalogue (by its id in the portal registry, or its API URL) into a snapshot folder every command reads":
    "moissonner le catalogue d'un portail (par son identifiant dans le registre des portails, ou l'URL de son API) dans un dossier que chaque commande lit",
  'portal id (without one: the list of portals) or an API URL':
    "identifiant du portail (sans lui : la liste des portails) ou URL d'une API",
  'snapshot folder (default: harvest-<portal>); run again to resume':
    'dossier de moissonnage (par défaut : harvest-<portail>) ; relancer pour reprendre',
  'which of the portal API to use (default: the first listed)':
    'quelle API du portail utiliser (par défaut : la première nommée)',
  'profile of the records, for a URL (a portal names its own)':
    'profil des enregistrements, pour une URL (un portail nomme le sien)',
  'records asked for per page (1 to 10000)': 'enregistrements demandés par page (1 à 10000)',
  'requests per second at most (0.01 to 10; default: the portal’s, else 1)':
    'requêtes par seconde au plus (0,01 à 10 ; par défaut : celui du portail, sinon 1)',
  'seconds to wait for each response (1 to 3600)': 'secondes à attendre chaque réponse (1 à 3600)',
  'retries of one request at most, on 429, 5xx and cut bodies (0 to 20)':
    "nouvelles tentatives d'une requête au plus, sur 429, 5xx et réponses coupées (0 à 20)",
  'largest response accepted (1 to 4096)': 'plus grande réponse acceptée (1 à 4096)',
  'pages fetched at most in this run (the rest on the next run)':
    'pages moissonnées au plus dans cette exécution (le reste à la suivante)',
  'also fetch from loopback, private and link-local addresses (refused by default)':
    'moissonner aussi depuis les adresses de bouclage, privées et lien-local (refusées par défaut)',
  // passerelle query
  'run a SPARQL 1.1 query on a federation (an RDF file passerelle federate wrote) or on exports federated in memory, offline':
    'exécuter une requête SPARQL 1.1 sur une fédération (un fichier RDF écrit par passerelle federate) ou sur des exportations fédérées en mémoire, hors ligne',
  'RDF files loaded as they are (.ttl, .nt, .nq, .trig, .rdf, .jsonld, also .gz), and exports federated first (folders, files, <profile>=<path>); then the query file (.rq) unless --query or --example':
    "fichiers RDF chargés tels quels (.ttl, .nt, .nq, .trig, .rdf, .jsonld, aussi .gz) et exportations d'abord fédérées (dossiers, fichiers, <profil>=<chemin>) ; puis le fichier de requête (.rq), sauf avec --query ou --example",
  'the query text, instead of a query file':
    "le texte de la requête, au lieu d'un fichier de requête",
  'a shipped example query (see --list-examples)':
    'une requête d’exemple livrée (voir --list-examples)',
  'list the shipped example queries': 'lister les requêtes d’exemple livrées',
  'results: table (default on a terminal), csv (default elsewhere), tsv, json, xml (SPARQL 1.1 results formats); CONSTRUCT and DESCRIBE: turtle (default) or ntriples':
    'résultats : table (par défaut dans un terminal), csv (par défaut ailleurs), tsv, json, xml (formats de résultats SPARQL 1.1) ; CONSTRUCT et DESCRIBE : turtle (par défaut) ou ntriples',
  'write the results to a file instead of standard output':
    'écrire les résultats dans un fichier plutôt que sur la sortie standard',
};

/** Words commander writes around those texts (help headings, defaults, choices). */
const HELP_WORDS: [RegExp, string][] = [
  [/^Usage:/gm, 'Utilisation :'],
  [/^Arguments:$/gm, 'Arguments :'],
  [/^Options:$/gm, 'Options :'],
  [/^Global Options:$/gm, 'Options globales :'],
  [/^Commands:$/gm, 'Commandes :'],
  [/\(default: /g, '(par défaut : '],
  [/\(choices: /g, '(choix : '],
  [/,(\s+)default:(\s)/g, ',$1par défaut :$2'],
  [/\[options\]/g, '[options]'],
  [/\[command\]/g, '[commande]'],
];

/** Commander's help text in `lang`: its headings and defaults (the descriptions are already French). */
export function helpText(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [from, to] of HELP_WORDS) out = out.replace(from, to);
  return out;
}

/** Commander's usage errors, one prefix for every error (`passerelle:`), in `lang`. */
const USAGE_FR: [RegExp, string][] = [
  [/^unknown option '([^']*)'/, 'option inconnue « $1 »'],
  [/^unknown command '([^']*)'/, 'commande inconnue « $1 »'],
  [/^missing required argument '([^']*)'/, 'argument obligatoire manquant « $1 »'],
  [/^option '([^']*)' argument missing/, "il manque l'argument de l'option « $1 »"],
  [/^required option '([^']*)' not specified/, 'option obligatoire « $1 » non donnée'],
  [
    /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./,
    "l'argument « $2 » de l'option « $1 » n'est pas valide ; choix permis : $3.",
  ],
  [
    /^too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
    "trop d'arguments pour « $1 » (attendus : $2 ; donnés : $3).",
  ],
  [
    /^too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    "trop d'arguments (attendus : $1 ; donnés : $2).",
  ],
  [/\(Did you mean (.*)\?\)/, '(Vouliez-vous dire $1 ?)'],
  [/^\(run passerelle --help for usage\)/, "(passerelle --help pour l'utilisation)"],
];

export function usageText(text: string, lang: Lang): string {
  const lines = text.replace(/^error: /, 'passerelle: ').split('\n');
  if (lang === 'en') return lines.join('\n');
  return lines
    .map((line) => {
      const prefix = line.startsWith('passerelle: ') ? 'passerelle: ' : '';
      let rest = line.slice(prefix.length);
      for (const [from, to] of USAGE_FR) rest = rest.replace(from, to);
      return prefix + rest;
    })
    .join('\n');
}

/** `--lang`'s default, as the help says it: it follows the locale. */
export const LANG_DEFAULT: Record<Lang, string> = {
  en: 'fr when LC_ALL, LC_MESSAGES or LANG is French, else en',
  fr: 'fr quand LC_ALL, LC_MESSAGES ou LANG est en français, sinon en',
};
