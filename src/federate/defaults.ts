/** The federated catalogue's base IRI unless `--base` says otherwise (apart, so that the command line loads no RDF code). */
export const DEFAULT_BASE = 'https://passerelle.opendata.ca/federation/';
