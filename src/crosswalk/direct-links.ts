/**
 * A download URL is a direct link to a file (DCAT: dcat:downloadURL). Web pages, forms, landing
 * pages and service endpoints are access URLs only. Decided here, once, for every crosswalk: the
 * crosswalks copy a resource's URL and may tell files from the rest by their portal's format codes,
 * but only this step sees every profile's records, so no portal's codes are needed to get it right.
 *
 * A URL is not a download URL when
 * - the distribution's format is a page or a service (`access: page | service` in the file-type
 *   vocabulary: HTML, WMS, WFS, WMTS, WCS, Esri REST, ArcGIS map service…), or
 * - the URL itself is a page (`.html`, `.htm`, `.aspx`, `.asp`, `.php`, `.jsp`, `.cfm`; unless
 *   its query asks for a file format, `bulk_data_e.html?format=csv`, a script returning a file; a
 *   file shown in a GitHub page, `github.com/<owner>/<repo>/blob/…`) or a
 *   service endpoint (`/MapServer`, `/FeatureServer`, `/ImageServer`, `/rest/services`, a path
 *   ending in `/wms`, `/wfs`, `/wmts`, `/wcs`, `/ows`; `request=GetCapabilities`; an OGC `service=`),
 *   except a WFS GetFeature or WCS GetCoverage request, which returns the data itself.
 * Such a URL is kept as an access URL (added when the distribution has none).
 */
import type { Dataset, Distribution, Provenance } from '../model/types.js';
import type { Vocabulary } from '../vocab/vocabulary.js';

const PAGE = /\.(?:html?|aspx?|php|jsp|cfm|shtml)$/;
/** A repository's file shown in a web page (the file itself is at raw.githubusercontent.com). */
const REPOSITORY_PAGE = /^\/[^/]+\/[^/]+\/blob\//;
const SERVICE_PATH =
  /\/(?:mapserver|featureserver|imageserver|globeserver|gpserver|vectortileserver)(?:\/|$)|\/rest\/services(?:\/|$)|\/(?:wms|wfs|wmts|wcs|ows)$/;

/** What every URL below must contain (most download URLs have none of it: no parsing for them). */
const MAYBE =
  /\.(?:html?|aspx?|php|jsp|cfm|shtml)|server|rest\/services|service=|request=|\/(?:wms|wfs|wmts|wcs|ows)|github\.com\//i;

/** The OGC services (`service=WMS`): an endpoint, whatever the request but GetFeature/GetCoverage. */
const OGC_SERVICES = new Set(['wms', 'wmts', 'wfs', 'wcs', 'csw', 'wps', 'sos']);

/** Query parameters that name the format a script returns (`bulk_data_e.html?format=csv`). */
const FORMAT_PARAMETERS = new Set(['format', 'f', 'outputformat', 'filetype', 'type']);

/**
 * Whether `url` is a page or a service endpoint by its own form (not a file). A page's address that
 * asks for a file format the vocabulary knows (`…/bulk_data_e.html?format=csv`) is a script that
 * returns the file: a download. `fileTypes`: the file-type vocabulary.
 */
export function isPageOrService(url: string, fileTypes: Vocabulary): boolean {
  if (!MAYBE.test(url)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const path = u.pathname.toLowerCase().replace(/\/+$/, '');
  let service: string | undefined;
  let request: string | undefined;
  let file = false;
  for (const [k, v] of u.searchParams) {
    const key = k.toLowerCase();
    if (key === 'service') service = v.toLowerCase();
    else if (key === 'request') request = v.toLowerCase();
    else if (FORMAT_PARAMETERS.has(key)) {
      const c = fileTypes.lookup(v);
      if (c && c.access === undefined) file = true;
    }
  }
  // a WFS GetFeature or WCS GetCoverage request returns the data itself
  if (request === 'getfeature' || request === 'getcoverage') return false;
  if (
    request === 'getcapabilities' ||
    (service !== undefined && OGC_SERVICES.has(service)) ||
    SERVICE_PATH.test(path)
  )
    return true;
  if (PAGE.test(path)) return !file;
  if (u.hostname === 'github.com' && REPOSITORY_PAGE.test(u.pathname)) return true;
  return false;
}

/**
 * Moves the download URLs that are not direct file links to the access URLs, in place, with their
 * provenance. `fileTypes`: the file-type vocabulary (the `access` fact of the formats).
 */
export function keepDirectDownloads(
  dataset: Dataset,
  provenance: Provenance[],
  fileTypes: Vocabulary,
): void {
  const distributions = dataset.distribution;
  if (!distributions) return;
  for (let i = 0; i < distributions.length; i++) {
    const d: Distribution = distributions[i];
    const urls = d.downloadURL;
    if (!urls?.length) continue;
    const notFile = d.format !== undefined && fileTypes.get(d.format)?.access !== undefined;
    const kept = notFile ? [] : urls.filter((u) => !isPageOrService(u, fileTypes));
    if (kept.length === urls.length) continue;
    const moved = notFile ? urls : urls.filter((u) => !kept.includes(u));
    const at = `distribution[${i}]`;
    if (!d.accessURL?.length) {
      d.accessURL = moved.slice();
      // the access URL comes from where the download URL came from
      for (const p of provenance)
        if (p.property === `${at}.downloadURL`)
          provenance.push({ ...p, property: `${at}.accessURL` });
    } else for (const u of moved) if (!d.accessURL.includes(u)) d.accessURL.push(u);
    if (kept.length) d.downloadURL = kept;
    else {
      delete d.downloadURL;
      for (let k = provenance.length - 1; k >= 0; k--)
        if (provenance[k].property === `${at}.downloadURL`) provenance.splice(k, 1);
    }
  }
}
