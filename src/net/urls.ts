/**
 * `--check-urls`: whether access and download URLs answer. The only network use Passerelle has,
 * and only when asked. HEAD requests (GET when a server refuses HEAD), each with a timeout, at
 * most `concurrency` at a time, each URL once per run. Redirects are followed; a final status
 * below 400 counts as reachable, as in the EU Metadata Quality Assessment.
 */
export interface UrlStatus {
  ok: boolean;
  /** Final HTTP status, when the server answered. */
  status?: number;
  /** Why there was no answer: `timeout after 10 s`, `ECONNREFUSED`, `not an HTTP(S) URL`. */
  error?: string;
}

export interface UrlCheckOptions {
  /** Per request, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  userAgent?: string;
}

/** Results kept per run; beyond this many URLs the oldest are forgotten (and re-checked if met again). */
const CACHE_LIMIT = 50_000;

export class UrlChecker {
  readonly timeoutMs: number;
  readonly concurrency: number;
  private readonly userAgent: string;
  private readonly cache = new Map<string, Promise<UrlStatus>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests sent so far (HEAD and GET fallbacks). */
  requests = 0;

  constructor(o: UrlCheckOptions = {}) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.concurrency = Math.max(1, o.concurrency ?? 8);
    this.userAgent = o.userAgent ?? 'passerelle (metadata checker; --check-urls)';
  }

  check(url: string): Promise<UrlStatus> {
    let hit = this.cache.get(url);
    if (!hit) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
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
      return { ok: false, error: 'not a valid URL' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, error: 'not an HTTP(S) URL' };
    try {
      let status = await this.send(parsed, 'HEAD');
      // some servers refuse HEAD; ask again with GET and drop the body
      if (status === 405 || status === 501) status = await this.send(parsed, 'GET');
      return { ok: status < 400, status };
    } catch (e) {
      return { ok: false, error: describe(e, this.timeoutMs) };
    }
  }

  private async send(url: URL, method: 'HEAD' | 'GET'): Promise<number> {
    this.requests++;
    const res = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: { 'user-agent': this.userAgent },
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timeout after ${timeoutMs / 1000} s`;
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

/** How a URL check reads in a message: `HTTP 404`, `timeout after 10 s`. */
export function statusText(s: UrlStatus): string {
  return s.status !== undefined ? `HTTP ${s.status}` : (s.error ?? 'no answer');
}
