/**
 * `--check-urls`: whether access and download URLs answer. The only network use Passerelle has,
 * and only when asked. HEAD requests (GET when a server refuses HEAD), each with a timeout, at
 * most `concurrency` at a time, each URL once per run. Redirects are followed (a few, each checked
 * against the network policy: src/net/policy.ts); a final status below 400 counts as reachable, as
 * in the EU Metadata Quality Assessment.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Said } from '../util/errors.js';
import {
  checkUrl,
  DEFAULT_POLICY,
  PolicyError,
  policyLookup,
  type NetworkPolicy,
} from './policy.js';

export interface UrlStatus {
  ok: boolean;
  /** Final HTTP status, when the server answered. */
  status?: number;
  /** Why there was no answer: `timeout after 10 s`, `ECONNREFUSED`, `not an HTTP(S) URL`. */
  error?: string;
  /** `error` in French (`délai dépassé après 10 s`). */
  fr?: string;
}

export interface UrlCheckOptions {
  /** Per request, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  userAgent?: string;
  /** Loopback, private and link-local addresses allowed (`--allow-private`; default refused). */
  allowPrivate?: boolean;
}

/** Results kept per run; beyond this many URLs the oldest are forgotten (and re-checked if met again). */
const CACHE_LIMIT = 50_000;

export class UrlChecker {
  readonly timeoutMs: number;
  readonly concurrency: number;
  private readonly userAgent: string;
  private readonly policy: NetworkPolicy;
  private readonly cache = new Map<string, Promise<UrlStatus>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests sent so far (HEAD and GET fallbacks). */
  requests = 0;

  constructor(o: UrlCheckOptions = {}) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.concurrency = Math.max(1, o.concurrency ?? 8);
    this.userAgent = o.userAgent ?? 'passerelle (metadata checker; --check-urls)';
    this.policy = { ...DEFAULT_POLICY, allowPrivate: o.allowPrivate ?? false };
  }

  check(url: string): Promise<UrlStatus> {
    let hit = this.cache.get(url);
    if (!hit) {
      if (this.cache.size >= CACHE_LIMIT)
        this.cache.delete(this.cache.keys().next().value as string);
      hit = this.limited(() => this.request(url));
      this.cache.set(url, hit);
    }
    return hit;
  }

  async checkAll(urls: Iterable<string>): Promise<Map<string, UrlStatus>> {
    const unique = [...new Set(urls)];
    const results = await Promise.all(unique.map((u) => this.check(u)));
    return new Map(unique.map((u, i) => [u, results[i]]));
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // the slot passes straight to the next waiting task, so no newcomer can slip in between
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private async request(url: string): Promise<UrlStatus> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error: 'not a valid URL', fr: 'URL non valide' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return { ok: false, error: 'not an HTTP(S) URL', fr: 'pas une URL HTTP(S)' };
    try {
      let status = await this.follow(parsed, 'HEAD');
      // some servers refuse HEAD; ask again with GET and drop the body
      if (status === 405 || status === 501) status = await this.follow(parsed, 'GET');
      return { ok: status < 400, status };
    } catch (e) {
      const why = describe(e, this.timeoutMs);
      return { ok: false, error: why.en, fr: why.fr };
    }
  }

  /** The final status of `url`, redirects followed by hand so that each target is checked. */
  private async follow(url: URL, method: 'HEAD' | 'GET'): Promise<number> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let at = url;
    for (let hops = 0; ; hops++) {
      checkUrl(at, this.policy);
      const res = await this.send(at, method, signal);
      const location = res.headers.location;
      if (
        res.statusCode === undefined ||
        res.statusCode < 300 ||
        res.statusCode > 399 ||
        res.statusCode === 304 ||
        !location
      )
        return res.statusCode ?? 0;
      if (hops >= this.policy.maxRedirects)
        throw new PolicyError(
          `more than ${this.policy.maxRedirects} redirects`,
          `plus de ${this.policy.maxRedirects} redirections`,
        );
      at = new URL(location, at);
    }
  }

  private send(url: URL, method: 'HEAD' | 'GET', signal: AbortSignal): Promise<IncomingMessage> {
    this.requests++;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          signal,
          lookup: policyLookup(this.policy) as never,
          headers: { 'user-agent': this.userAgent },
        },
        (res) => {
          // only the status matters: the body is dropped, the connection closed
          res.destroy();
          resolve(res);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }
}

/** Why there was no answer, in both languages; a system error by its code (`ECONNREFUSED`), a standard name. */
function describe(e: unknown, timeoutMs: number): Said {
  const err = e as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return timeoutAfter(timeoutMs / 1000);
  if (err.code === 'EPOLICY') return { en: err.message, fr: (e as PolicyError).fr ?? err.message };
  const why = err.cause?.code ?? err.code ?? err.cause?.message ?? err.message;
  return { en: why, fr: why };
}

/** `timeout after 10 s`, in both languages (the harvest's HTTP client says it too). */
export const timeoutAfter = (seconds: number): Said => ({
  en: `timeout after ${seconds} s`,
  fr: `délai dépassé après ${seconds} s`,
});

/**
 * How a URL check reads in a message: `HTTP 404`, or why there was no answer in both languages
 * (a language map: the message shows it in the report's language).
 */
export function statusText(s: UrlStatus): string | Said {
  if (s.status !== undefined) return `HTTP ${s.status}`;
  if (s.error === undefined) return { en: 'no answer', fr: 'aucune réponse' };
  return s.fr === undefined ? s.error : { en: s.error, fr: s.fr };
}
