/**
 * Tim Berners-Lee's 5-star open data, derived from metadata (5stardata.info; the MQA's pv:OpenData5Star):
 * ★ on the web under an open licence; ★★ machine-readable; ★★★ in a non-proprietary format;
 * ★★★★ linked data (an RDF serialisation: structured and open by construction, whatever the MQA
 * lists say of generic RDF). ★★★★★ needs links inside the data to other data, which metadata cannot
 * show: levels stop at 4.
 */
import type { Dataset, Distribution } from '../model/types.js';
import { isEmpty } from '../util/empty.js';
import { formatConcept, hasFact, licenceOpenness } from '../vocab/facts.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';

export function distributionStars(
  d: Distribution,
  vocabularies: VocabularyRegistry,
  acceptCanadianOpenLicences = true,
): number {
  if (isEmpty(d.accessURL) && isEmpty(d.downloadURL)) return 0;
  if (licenceOpenness(d.license, vocabularies, acceptCanadianOpenLicences) !== 'open') return 0;
  const format = formatConcept(d.format, vocabularies);
  if (hasFact(format, 'linkedData')) return 4;
  if (!hasFact(format, 'machineReadable')) return 1;
  return hasFact(format, 'nonProprietary') ? 3 : 2;
}

/** Stars of each distribution, and of the dataset: its best distribution's. */
export function stars(
  dataset: Dataset,
  vocabularies: VocabularyRegistry,
  acceptCanadianOpenLicences = true,
): { dataset: number; distributions: number[] } {
  const distributions: number[] = [];
  let best = 0;
  for (const d of dataset.distribution ?? []) {
    const n = distributionStars(d, vocabularies, acceptCanadianOpenLicences);
    distributions.push(n);
    if (n > best) best = n;
  }
  return { dataset: best, distributions };
}
