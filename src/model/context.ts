/**
 * The project's own JSON-LD 1.1 context for the common record, derived from the property table.
 * Each object-valued property carries a property-scoped context with its class's terms, so that
 * `name` means foaf:name on a publisher and vcard:fn on a contact point.
 */
import { CLASSES, NAMESPACES, type ClassName } from './properties.js';

export const CONTEXT_URL = 'https://passerelle.opendata.ca/context/common-record/1.jsonld';

function termsFor(cls: ClassName): Record<string, unknown> {
  const terms: Record<string, unknown> = { id: '@id' };
  for (const def of CLASSES[cls].properties) {
    if (def.iri === '@id') continue;
    const term: Record<string, unknown> = { '@id': def.iri };
    if (def.kind === 'text' || def.kind === 'texts') term['@container'] = '@language';
    // emails are written as mailto: IRIs (vcard:hasEmail, foaf:mbox take a resource)
    else if (def.kind === 'uri' || def.kind === 'email') term['@type'] = '@id';
    else if (def.kind === 'integer') term['@type'] = 'xsd:nonNegativeInteger';
    else if (def.datatype) term['@type'] = def.datatype;
    // lists stay lists in compacted JSON-LD, as in the common record
    if (def.multiple && def.kind !== 'text' && def.kind !== 'texts') term['@container'] = '@set';
    if (def.kind === 'object' && def.class) term['@context'] = termsFor(def.class);
    if (def.wrap) {
      delete term['@container'];
      term['@context'] = { label: { '@id': def.wrap.property, '@container': '@language' } };
    }
    terms[def.name] = term;
  }
  return terms;
}

export function jsonldContext(): { '@context': Record<string, unknown> } {
  return { '@context': { '@version': 1.1, ...NAMESPACES, ...termsFor('Dataset') } };
}
