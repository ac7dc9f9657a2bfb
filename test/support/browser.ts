/**
 * A tiny cookie-keeping browser for HTTP flows: follows redirects across
 * origins by hand, remembering cookies per host, and stops when it reaches a
 * URL the test says is the end (for example the UI page OAuth returns to).
 */
export interface Visit {
  url: string;
  status: number;
  location?: string;
  body: string;
}

export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  readonly visits: Visit[] = [];

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  private store(url: URL, response: Response): void {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    this.jar.set(url.host, cookies);
  }

  /** GETs `start` and follows redirects until `stop(url)` is true or no redirect follows. Returns the last URL. */
  async follow(start: string, options: { headers?: Record<string, string>; stop?: (url: URL) => boolean; maxHops?: number } = {}): Promise<URL> {
    let url = new URL(start);
    for (let hop = 0; hop < (options.maxHops ?? 20); hop++) {
      if (hop > 0 && options.stop?.(url)) return url;
      const cookies = [...(this.jar.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { ...(hop === 0 ? options.headers : {}), ...(cookies ? { cookie: cookies } : {}) },
      });
      this.store(url, response);
      const location = response.headers.get('location') ?? undefined;
      this.visits.push({ url: url.toString(), status: response.status, body: await response.text(), ...(location ? { location } : {}) });
      if (!location || response.status < 300 || response.status >= 400) return url;
      url = new URL(location, url);
    }
    throw new Error(`too many redirects from ${start}`);
  }
}
