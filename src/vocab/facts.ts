/**
 * Facts about common values, read from the vocabularies: is this licence open, this format
 * machine-readable, this media type known? Rules and scores ask the same questions; they ask here.
 */
import { IANA_MEDIA_TYPES } from '../util/coerce.js';
import type { Concept, Vocabulary, VocabularyRegistry } from './vocabulary.js';

export type Openness = 'open' | 'not-open' | 'unreviewed' | 'unknown';

/**
 * Open Definition status of a licence, with the licence policy for the Canadian Open Government
 * Licence family: only OGL-Canada 2.0 has a formal review; the provincial OGLs share its template,
 * so they count as open when `acceptCanadianOpenLicences` (the default policy) says so. A licence
 * the table marks `open: false` (terms of use, King's Printer terms: no open grant) is not open.
 */
export function licenceOpenness(
  licence: string | undefined,
  vocabularies: VocabularyRegistry,
  acceptCanadianOpenLicences = true,
): Openness {
  const c = licenceConcept(licence, vocabularies);
  if (!c) return 'unknown';
  if (c.openDefinition === 'approved') return 'open';
  if (c.open === false) return 'not-open';
  if ((c.family === 'canadian-ogl' || c.family === 'canadian-open') && acceptCanadianOpenLicences)
    return 'open';
  if (c.openDefinition === 'rejected' || c.openDefinition === 'not-specified') return 'not-open';
  return 'unreviewed';
}

export function licenceConcept(
  licence: string | undefined,
  vocabularies: VocabularyRegistry,
): Concept | undefined {
  if (!licence) return undefined;
  const v = vocabularies.require('licence');
  return v.get(licence) ?? v.lookup(licence);
}

/** The file-type concept of a distribution's format URI. */
export function formatConcept(
  format: string | undefined,
  vocabularies: VocabularyRegistry,
): Concept | undefined {
  return format ? vocabularies.require('file-type').get(format) : undefined;
}

export function hasFact(c: Concept | undefined, fact: string, equals: unknown = true): boolean {
  return c !== undefined && c[fact] === equals;
}

/** Per file-type vocabulary: the media types it knows, and the answers given so far (bounded). */
const mediaTypeIndex = new WeakMap<
  Vocabulary,
  { known: Set<string>; answers: Map<string, boolean> }
>();

/**
 * A media type the file-type vocabulary knows (its concepts' IANA media types and aliases). Values
 * are IANA URIs in the common record (`http://www.iana.org/assignments/media-types/text/csv`).
 */
export function isKnownMediaType(
  mediaType: string | undefined,
  vocabularies: VocabularyRegistry,
): boolean {
  if (!mediaType) return false;
  const v = vocabularies.require('file-type');
  let index = mediaTypeIndex.get(v);
  if (!index) {
    const known = new Set<string>();
    for (const c of v.concepts) {
      if (typeof c.mediaType === 'string') known.add(c.mediaType.toLowerCase());
      for (const a of c.aliases ?? [])
        if (a.includes('/') && !a.includes(':')) known.add(a.toLowerCase());
    }
    mediaTypeIndex.set(v, (index = { known, answers: new Map() }));
  }
  // a catalogue uses few media types: each is taken apart once
  let answer = index.answers.get(mediaType);
  if (answer === undefined) {
    const bare = mediaType
      .replace(IANA_MEDIA_TYPES, '')
      .replace('https://www.iana.org/assignments/media-types/', '')
      .toLowerCase();
    answer = index.known.has(bare);
    if (index.answers.size >= 1024) index.answers.clear();
    index.answers.set(mediaType, answer);
  }
  return answer;
}

/** Access rights that mean open access (the EU PUBLIC concept): `true`, `false`, or undefined when unknown. */
export function isPublicAccess(
  accessRights: string | undefined,
  vocabularies: VocabularyRegistry,
): boolean | undefined {
  const c = accessRights ? vocabularies.require('access-right').get(accessRights) : undefined;
  return typeof c?.public === 'boolean' ? c.public : undefined;
}
