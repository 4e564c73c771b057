/**
 * The harvester's HTTP client, careful by default: the network policy of src/net/policy.ts on the
 * first URL, every redirect and every DNS answer; a timeout per request; a maximum response size;
 * a polite interval between requests to one portal; retries with exponential backoff on 429, 5xx,
 * cut connections and bodies that do not parse, honouring Retry-After, bounded in count and in
 * total waiting time. Time is read and waited through `clock`, so that tests never wait.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync } from 'node:zlib';
import {
  checkUrl,
  DEFAULT_POLICY,
  type NetworkPolicy,
  type PolicyError,
  policyLookup,
} from '../net/policy.js';
import { timeoutAfter } from '../net/urls.js';
import type { Said } from '../util/errors.js';
import { tool } from '../tool.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HttpOptions {
  allowPrivate?: boolean;
  /**
   * Hosts reached even when their address is private (a test's replay server on 127.0.0.1): any
   * other host, a redirect's included, is still checked. Library use only.
   */
  trustedHosts?: string[];
  /** Per request, until the whole body is read (default 60 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes, after decompression (default 256 MiB). */
  maxBytes?: number;
  /** Retries of one request at most (default 5). */
  maxRetries?: number;
  /** Waiting for retries, in total over the harvest, at most (default 15 min). */
  maxRetryWaitMs?: number;
  /** Requests per second at most (default 1). */
  requestsPerSecond?: number;
  userAgent?: string;
  clock?: Clock;
}

/** The documented User-Agent (docs/harvest.md). */
export function defaultUserAgent(): string {
  return `passerelle/${tool().version} (open-data metadata harvester; passerelle harvest)`;
}

export interface Fetched {
  url: string;
  status: number;
  body: Buffer;
  etag?: string;
  lastModified?: string;
  sha256: string;
}

/** A request that will not succeed by asking again (refused by the policy, too large, 4xx); `fr`: in French. */
export class FatalHttpError extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
  }
}

/** A request that may succeed when asked again (429, 5xx, cut short, a body that does not parse). */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly fr: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Why a harvest stopped, in both languages: its own errors' French, another error's message as is. */
export function failureOf(e: Error): Said {
  const fr = (e as { fr?: unknown }).fr;
  return { en: e.message, fr: typeof fr === 'string' ? fr : e.message };
}

export interface HttpStats {
  requests: number;
  retries: number;
  bytes: number;
}

/** Retry-After as milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, bytes: 0 };
  private readonly policy: NetworkPolicy;
  private readonly trusted: Set<string>;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRetries: number;
  private readonly maxRetryWaitMs: number;
  private readonly intervalMs: number;
  readonly userAgent: string;
  private readonly clock: Clock;
  private lastStart = -Infinity;
  private waited = 0;

  constructor(o: HttpOptions = {}) {
    this.policy = { ...DEFAULT_POLICY, allowPrivate: o.allowPrivate ?? false };
    this.trusted = new Set(o.trustedHosts ?? []);
    this.timeoutMs = o.timeoutMs ?? 60_000;
    this.maxBytes = o.maxBytes ?? 256 * 1024 * 1024;
    this.maxRetries = o.maxRetries ?? 5;
    this.maxRetryWaitMs = o.maxRetryWaitMs ?? 15 * 60_000;
    this.intervalMs = 1000 / (o.requestsPerSecond ?? 1);
    this.userAgent = o.userAgent ?? defaultUserAgent();
    this.clock = o.clock ?? REAL_CLOCK;
  }

  /**
   * GET `url`, its body checked by `accept` (which throws a RetryableError for a body that does not
   * parse); retried as said above. A 304 (conditional request) is returned with an empty body.
   */
  async get(
    url: string,
    headers: Record<string, string> = {},
    accept: (f: Fetched) => void | Promise<void> = () => {},
  ): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      try {
        const f = await this.once(url, headers);
        if (f.status !== 304) await accept(f);
        return f;
      } catch (e) {
        if (!(e instanceof RetryableError) || attempt >= this.maxRetries) throw e;
        const backoff = Math.min(60_000, 1000 * 2 ** attempt);
        const wait = Math.min(e.retryAfterMs ?? backoff, 5 * 60_000);
        if (this.waited + wait > this.maxRetryWaitMs)
          throw new FatalHttpError(
            `${e.message}; retries stopped (waited ${this.waited / 1000} s)`,
            `${e.fr} ; nouvelles tentatives arrêtées (${this.waited / 1000} s d’attente)`,
          );
        this.waited += wait;
        this.stats.retries++;
        await this.clock.sleep(wait);
      }
    }
  }

  /** One request (redirects followed, each checked), at the polite rate. */
  private async once(url: string, headers: Record<string, string>): Promise<Fetched> {
    const gap = this.lastStart + this.intervalMs - this.clock.now();
    if (gap > 0) await this.clock.sleep(gap);
    this.lastStart = this.clock.now();
    const signal = AbortSignal.timeout(this.timeoutMs);
    let at = new URL(url);
    for (let hops = 0; ; hops++) {
      const policy = this.trusted.has(at.host)
        ? { ...this.policy, allowPrivate: true }
        : this.policy;
      try {
        checkUrl(at, policy);
      } catch (e) {
        throw new FatalHttpError((e as Error).message, (e as PolicyError).fr);
      }
      const res = await this.send(at, headers, signal, policy);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status <= 399 && status !== 304 && location) {
        res.destroy();
        if (hops >= this.policy.maxRedirects)
          throw new FatalHttpError(
            `more than ${this.policy.maxRedirects} redirects`,
            `plus de ${this.policy.maxRedirects} redirections`,
          );
        at = new URL(location, at);
        continue;
      }
      return this.read(at, res, signal);
    }
  }

  private async read(at: URL, res: IncomingMessage, signal: AbortSignal): Promise<Fetched> {
    const status = res.statusCode ?? 0;
    const header = (n: string): string | undefined => {
      const v = res.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    if (status === 429 || status >= 500) {
      res.destroy();
      throw new RetryableError(
        `HTTP ${status} from ${at.href}`,
        `HTTP ${status} de ${at.href}`,
        retryAfterMs(header('retry-after'), this.clock.now()),
      );
    }
    if (status >= 400 || (status < 200 && status !== 304)) {
      res.destroy();
      throw new FatalHttpError(`HTTP ${status} from ${at.href}`, `HTTP ${status} de ${at.href}`);
    }
    let body = await this.bodyOf(res, signal, at);
    if (header('content-encoding') === 'gzip')
      try {
        body = gunzipSync(body, { maxOutputLength: this.maxBytes });
      } catch (e) {
        throw new RetryableError(
          `${at.href}: bad gzip body (${(e as Error).message})`,
          `${at.href} : corps gzip abîmé (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        );
      }
    return {
      url: at.href,
      status,
      body,
      etag: header('etag'),
      lastModified: header('last-modified'),
      sha256: createHash('sha256').update(body).digest('hex'),
    };
  }

  private async bodyOf(res: IncomingMessage, signal: AbortSignal, at: URL): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const c of res) {
        size += (c as Buffer).length;
        if (size > this.maxBytes) {
          res.destroy();
          throw new FatalHttpError(
            `${at.href}: response larger than ${this.maxBytes} bytes`,
            `${at.href} : réponse de plus de ${this.maxBytes} octets`,
          );
        }
        chunks.push(c as Buffer);
      }
    } catch (e) {
      if (e instanceof FatalHttpError) throw e;
      throw this.transient(e, signal, at);
    }
    this.stats.bytes += size;
    const declared = Number(res.headers['content-length']);
    if (res.headers['content-length'] !== undefined && declared !== size)
      throw new RetryableError(
        `${at.href}: body cut short (${size} of ${declared} bytes)`,
        `${at.href} : corps coupé (${size} octets sur ${declared})`,
      );
    return Buffer.concat(chunks);
  }

  /** A network error as a retryable one, or the timeout said plainly. */
  private transient(e: unknown, signal: AbortSignal, at: URL): Error {
    if (e instanceof FatalHttpError || e instanceof RetryableError) return e;
    if (signal.aborted) {
      const t = timeoutAfter(this.timeoutMs / 1000);
      return new RetryableError(`${at.href}: ${t.en}`, `${at.href} : ${t.fr}`);
    }
    const err = e as NodeJS.ErrnoException & { cause?: { code?: string } };
    if (err.code === 'EPOLICY') return new FatalHttpError(err.message, (e as PolicyError).fr);
    // a system error by its code (ECONNRESET), a standard name
    const why = err.code ?? err.cause?.code ?? err.message;
    return new RetryableError(`${at.href}: ${why}`, `${at.href} : ${why}`);
  }

  private send(
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
    policy: NetworkPolicy,
  ): Promise<IncomingMessage> {
    this.stats.requests++;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'GET',
          signal,
          lookup: policyLookup(policy) as never,
          headers: { 'user-agent': this.userAgent, 'accept-encoding': 'gzip', ...headers },
        },
        resolve,
      );
      req.on('error', (e) => reject(this.transient(e, signal, url)));
      req.end();
    });
  }
}
