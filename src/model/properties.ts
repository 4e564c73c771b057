/**
 * The common model's property table: one source of truth for the crosswalk checker, the JSON
 * Schema, the JSON-LD context, the `dcat-ap/*` rules and profile comparisons.
 * Obligations and IRIs follow DCAT-AP 3.0.1 (SEMIC, 2025); properties DCAT-AP does not have on a
 * class but Canadian portals carry (a dataset licence, for one) are marked `extension`.
 */
import type { Bilingual } from '../core/lang.js';

export type ValueKind =
  | 'text'
  | 'texts'
  | 'string'
  | 'uri'
  | 'email'
  | 'date'
  | 'integer'
  | 'object';
export type Obligation = 'mandatory' | 'recommended' | 'optional';

export interface PropertyDef {
  name: string;
  iri: string;
  kind: ValueKind;
  multiple: boolean;
  obligation: Obligation;
  /** For `object` values: the class of the nested node. */
  class?: ClassName;
  /** Vocabulary (crosswalks/vocabularies/<id>.yaml) whose URIs are expected. */
  vocabulary?: string;
  /** Not a DCAT-AP property of this class. */
  extension?: boolean;
  /** Datatype of `string` values in RDF (a CURIE), when not a plain string. */
  datatype?: string;
  /** In RDF the text sits on a node of this class, under this property (DCAT-AP's dct:rights takes a dct:RightsStatement). */
  wrap?: { class: string; property: string };
  label: Bilingual;
}

export type ClassName =
  | 'Dataset'
  | 'Distribution'
  | 'Agent'
  | 'ContactPoint'
  | 'PeriodOfTime'
  | 'Location';

const p = (
  name: string,
  iri: string,
  kind: ValueKind,
  multiple: boolean,
  obligation: Obligation,
  en: string,
  fr: string,
  extra: Partial<PropertyDef> = {},
): PropertyDef => ({ name, iri, kind, multiple, obligation, label: { en, fr }, ...extra });

const RIGHTS_STATEMENT = { class: 'dct:RightsStatement', property: 'rdfs:label' };

export const CLASSES: Record<
  ClassName,
  { iri: string; label: Bilingual; properties: PropertyDef[] }
> = {
  Dataset: {
    iri: 'dcat:Dataset',
    label: { en: 'Dataset', fr: 'Jeu de données' },
    properties: [
      p('id', '@id', 'uri', false, 'optional', 'IRI', 'IRI'),
      p('identifier', 'dct:identifier', 'string', false, 'optional', 'Identifier', 'Identifiant'),
      p('title', 'dct:title', 'text', false, 'mandatory', 'Title', 'Titre'),
      p('description', 'dct:description', 'text', false, 'mandatory', 'Description', 'Description'),
      p('keyword', 'dcat:keyword', 'texts', true, 'recommended', 'Keyword', 'Mot-clé'),
      p('theme', 'dcat:theme', 'uri', true, 'recommended', 'Theme', 'Thème', {
        vocabulary: 'theme',
      }),
      p('publisher', 'dct:publisher', 'object', false, 'recommended', 'Publisher', 'Éditeur', {
        class: 'Agent',
      }),
      p('creator', 'dct:creator', 'object', true, 'optional', 'Creator', 'Créateur', {
        class: 'Agent',
      }),
      p(
        'contactPoint',
        'dcat:contactPoint',
        'object',
        true,
        'recommended',
        'Contact point',
        'Point de contact',
        {
          class: 'ContactPoint',
        },
      ),
      p(
        'accrualPeriodicity',
        'dct:accrualPeriodicity',
        'uri',
        false,
        'optional',
        'Frequency',
        'Fréquence',
        {
          vocabulary: 'frequency',
        },
      ),
      p('issued', 'dct:issued', 'date', false, 'optional', 'Release date', 'Date de publication'),
      p(
        'modified',
        'dct:modified',
        'date',
        false,
        'optional',
        'Modification date',
        'Date de modification',
      ),
      p(
        'temporal',
        'dct:temporal',
        'object',
        true,
        'recommended',
        'Temporal coverage',
        'Couverture temporelle',
        {
          class: 'PeriodOfTime',
        },
      ),
      p(
        'spatial',
        'dct:spatial',
        'object',
        true,
        'recommended',
        'Geographical coverage',
        'Couverture géographique',
        {
          class: 'Location',
        },
      ),
      p('language', 'dct:language', 'uri', true, 'optional', 'Language', 'Langue', {
        vocabulary: 'language',
      }),
      p(
        'accessRights',
        'dct:accessRights',
        'uri',
        false,
        'optional',
        'Access rights',
        "Droits d'accès",
        {
          vocabulary: 'access-right',
        },
      ),
      p('rights', 'dct:rights', 'text', false, 'optional', 'Rights', 'Droits', {
        extension: true,
        wrap: RIGHTS_STATEMENT,
      }),
      p(
        'landingPage',
        'dcat:landingPage',
        'uri',
        true,
        'optional',
        'Landing page',
        "Page d'accueil",
      ),
      p('documentation', 'foaf:page', 'uri', true, 'optional', 'Documentation', 'Documentation'),
      p('conformsTo', 'dct:conformsTo', 'uri', true, 'optional', 'Conforms to', 'Conforme à'),
      p('type', 'dct:type', 'uri', false, 'optional', 'Type', 'Type'),
      p('version', 'dcat:version', 'string', false, 'optional', 'Version', 'Version'),
      p(
        'distribution',
        'dcat:distribution',
        'object',
        true,
        'recommended',
        'Distribution',
        'Distribution',
        {
          class: 'Distribution',
        },
      ),
    ],
  },
  Distribution: {
    iri: 'dcat:Distribution',
    label: { en: 'Distribution', fr: 'Distribution' },
    properties: [
      p('id', '@id', 'uri', false, 'optional', 'IRI', 'IRI'),
      p('identifier', 'dct:identifier', 'string', false, 'optional', 'Identifier', 'Identifiant', {
        extension: true,
      }),
      p('title', 'dct:title', 'text', false, 'optional', 'Title', 'Titre'),
      p(
        'description',
        'dct:description',
        'text',
        false,
        'recommended',
        'Description',
        'Description',
      ),
      p('accessURL', 'dcat:accessURL', 'uri', true, 'mandatory', 'Access URL', "URL d'accès"),
      p(
        'downloadURL',
        'dcat:downloadURL',
        'uri',
        true,
        'optional',
        'Download URL',
        'URL de téléchargement',
      ),
      p('format', 'dct:format', 'uri', false, 'recommended', 'Format', 'Format', {
        vocabulary: 'file-type',
      }),
      p('mediaType', 'dcat:mediaType', 'uri', false, 'optional', 'Media type', 'Type de média'),
      p('license', 'dct:license', 'uri', false, 'recommended', 'Licence', 'Licence', {
        vocabulary: 'licence',
      }),
      p('rights', 'dct:rights', 'text', false, 'optional', 'Rights', 'Droits', {
        wrap: RIGHTS_STATEMENT,
      }),
      p('byteSize', 'dcat:byteSize', 'integer', false, 'optional', 'Byte size', 'Taille en octets'),
      p('language', 'dct:language', 'uri', true, 'optional', 'Language', 'Langue', {
        vocabulary: 'language',
      }),
      p('issued', 'dct:issued', 'date', false, 'optional', 'Release date', 'Date de publication'),
      p(
        'modified',
        'dct:modified',
        'date',
        false,
        'optional',
        'Modification date',
        'Date de modification',
      ),
      p('conformsTo', 'dct:conformsTo', 'uri', true, 'optional', 'Linked schemas', 'Schémas liés'),
      p('documentation', 'foaf:page', 'uri', true, 'optional', 'Documentation', 'Documentation'),
      p('type', 'dct:type', 'uri', false, 'optional', 'Type', 'Type', { extension: true }),
    ],
  },
  Agent: {
    iri: 'foaf:Agent',
    label: { en: 'Agent', fr: 'Agent' },
    properties: [
      p('id', '@id', 'uri', false, 'optional', 'IRI', 'IRI'),
      p('name', 'foaf:name', 'text', false, 'mandatory', 'Name', 'Nom'),
      p('identifier', 'dct:identifier', 'string', false, 'optional', 'Identifier', 'Identifiant'),
      p('type', 'dct:type', 'uri', false, 'recommended', 'Type', 'Type'),
      p('email', 'foaf:mbox', 'email', false, 'optional', 'Email', 'Courriel'),
      p('homepage', 'foaf:homepage', 'uri', false, 'optional', 'Homepage', "Page d'accueil"),
    ],
  },
  ContactPoint: {
    iri: 'vcard:Kind',
    label: { en: 'Contact point', fr: 'Point de contact' },
    properties: [
      p('id', '@id', 'uri', false, 'optional', 'IRI', 'IRI'),
      p('name', 'vcard:fn', 'text', false, 'optional', 'Name', 'Nom'),
      p('email', 'vcard:hasEmail', 'email', false, 'optional', 'Email', 'Courriel'),
      p('url', 'vcard:hasURL', 'uri', false, 'optional', 'Contact URL', 'URL de contact'),
      // the portal's role for the contact (BC: pointOfContact, custodian, dataManager…), as it gives it
      p('role', 'vcard:role', 'string', false, 'optional', 'Role', 'Rôle', { extension: true }),
    ],
  },
  PeriodOfTime: {
    iri: 'dct:PeriodOfTime',
    label: { en: 'Period of time', fr: 'Période' },
    properties: [
      p('startDate', 'dcat:startDate', 'date', false, 'recommended', 'Start date', 'Date de début'),
      p('endDate', 'dcat:endDate', 'date', false, 'recommended', 'End date', 'Date de fin'),
    ],
  },
  Location: {
    iri: 'dct:Location',
    label: { en: 'Location', fr: 'Lieu' },
    properties: [
      p('id', '@id', 'uri', false, 'optional', 'IRI', 'IRI'),
      p('label', 'skos:prefLabel', 'text', false, 'optional', 'Name', 'Nom'),
      p('geometry', 'locn:geometry', 'string', false, 'optional', 'Geometry', 'Géométrie', {
        datatype: 'gsp:geoJSONLiteral',
      }),
      p('bbox', 'dcat:bbox', 'string', false, 'recommended', 'Bounding box', 'Emprise'),
    ],
  },
};

export function propertyOf(cls: ClassName, name: string): PropertyDef | undefined {
  return CLASSES[cls].properties.find((d) => d.name === name);
}

export const NAMESPACES: Record<string, string> = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  locn: 'http://www.w3.org/ns/locn#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
  dcatap: 'http://data.europa.eu/r5r/',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
};

/** Full IRI of a CURIE of the table (`dcat:Dataset`); other strings are returned as they are. */
export function expandCurie(curie: string): string {
  const i = curie.indexOf(':');
  const ns = i > 0 ? NAMESPACES[curie.slice(0, i)] : undefined;
  return ns ? ns + curie.slice(i + 1) : curie;
}
