/**
 * The network policy every request Passerelle makes goes through (`--check-urls`): only http and
 * https, a bounded number of redirects, and no loopback, private, link-local or otherwise
 * non-public address unless the user allows it (`--allow-private`). URLs come from untrusted
 * metadata: without this, a record could make a CI runner query a cloud metadata address or a
 * service on its own machine. The address is checked on every DNS answer and every redirect, and
 * the connection goes to the address that was checked (no second look-up to rebind).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { Said } from '../util/errors.js';

export interface NetworkPolicy {
  /** Loopback, private and link-local addresses allowed (tests on 127.0.0.1, an intranet). */
  allowPrivate: boolean;
  /** Redirects followed at most. */
  maxRedirects: number;
}

export const DEFAULT_POLICY: NetworkPolicy = { allowPrivate: false, maxRedirects: 5 };

/** Why a request was not made: `refused: 127.0.0.1 is a loopback address`; `fr`: in French. */
export class PolicyError extends Error {
  readonly code = 'EPOLICY';
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
  }
}

/** Kinds of addresses that are not public, in both languages. */
const KINDS = {
  thisNetwork: { en: 'a "this network" address', fr: 'une adresse « ce réseau »' },
  private: { en: 'a private address', fr: 'une adresse privée' },
  shared: {
    en: 'a shared (carrier-grade NAT) address',
    fr: 'une adresse partagée (NAT d’opérateur)',
  },
  loopback: { en: 'a loopback address', fr: 'une adresse de bouclage' },
  linkLocal: { en: 'a link-local address', fr: 'une adresse lien-local' },
  ietf: { en: 'an IETF protocol address', fr: 'une adresse de protocole de l’IETF' },
  benchmarking: { en: 'a benchmarking address', fr: 'une adresse d’essais de performance' },
  multicast: { en: 'a multicast address', fr: 'une adresse de multidiffusion' },
  reserved: { en: 'a reserved address', fr: 'une adresse réservée' },
  unspecified: { en: 'an unspecified address', fr: 'une adresse non spécifiée' },
  notIp: { en: 'not an IP address', fr: 'pas une adresse IP' },
} as const satisfies Record<string, Said>;

/** IPv4 ranges that are not public addresses (RFC 6890), as [first octets, prefix length, name]. */
const V4_RANGES: readonly [number, number, Said][] = [
  [0x00000000, 8, KINDS.thisNetwork],
  [0x0a000000, 8, KINDS.private],
  [0x64400000, 10, KINDS.shared],
  [0x7f000000, 8, KINDS.loopback],
  [0xa9fe0000, 16, KINDS.linkLocal],
  [0xac100000, 12, KINDS.private],
  [0xc0000000, 24, KINDS.ietf],
  [0xc0a80000, 16, KINDS.private],
  [0xc6120000, 15, KINDS.benchmarking],
  [0xe0000000, 4, KINDS.multicast],
  [0xf0000000, 4, KINDS.reserved],
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 part read). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4Number(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array(8 - a.length - b.length).fill('0');
  return [...a, ...middle, ...b].map((x) => parseInt(x, 16));
}

/** What makes an address non-public, or undefined for a public one. */
export function nonPublic(ip: string): Said | undefined {
  const family = isIP(ip);
  if (family === 4) {
    const n = v4Number(ip);
    for (const [base, bits, name] of V4_RANGES)
      if (Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits))) return name;
    return undefined;
  }
  if (family === 6) {
    const g = v6Groups(ip.replace(/^\[|\]$/g, ''));
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are the IPv4 address
    if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || (g[5] === 0 && g[6] !== 0))) {
      return nonPublic(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`);
    }
    // NAT64 (64:ff9b::/96) reaches the IPv4 address it embeds
    if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
      return nonPublic(`${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`);
    if (g.every((x) => x === 0)) return KINDS.unspecified;
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return KINDS.loopback;
    if ((g[0] & 0xfe00) === 0xfc00) return KINDS.private;
    if ((g[0] & 0xffc0) === 0xfe80) return KINDS.linkLocal;
    if ((g[0] & 0xff00) === 0xff00) return KINDS.multicast;
    return undefined;
  }
  return KINDS.notIp;
}

/** Throws a PolicyError when the policy refuses `ip`. */
export function checkAddress(ip: string, policy: NetworkPolicy): void {
  if (policy.allowPrivate) return;
  const why = nonPublic(ip);
  if (why)
    throw new PolicyError(
      `refused: ${ip} is ${why.en} (--allow-private to allow)`,
      `refusé : ${ip} est ${why.fr} (--allow-private pour l’autoriser)`,
    );
}

/** A `lookup` for http.request: DNS answers checked against the policy before any connection. */
export function policyLookup(policy: NetworkPolicy) {
  return (
    hostname: string,
    options: object,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      try {
        for (const a of addresses) checkAddress(a.address, policy);
      } catch (e) {
        return callback(e as Error, '');
      }
      const all = (options as { all?: boolean }).all;
      if (all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Throws a PolicyError for a URL the policy refuses before any look-up (scheme, literal address). */
export function checkUrl(url: URL, policy: NetworkPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PolicyError('refused: not an HTTP(S) URL', 'refusé : pas une URL HTTP(S)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) checkAddress(host, policy);
  // "localhost" and its subdomains never leave the machine, whatever DNS says (RFC 6761)
  else if (!policy.allowPrivate && /(^|\.)localhost\.?$/i.test(host))
    throw new PolicyError(
      `refused: ${host} is ${KINDS.loopback.en} (--allow-private to allow)`,
      `refusé : ${host} est ${KINDS.loopback.fr} (--allow-private pour l’autoriser)`,
    );
}
