/** What enrichment keeps of a GitHub user: their public profile and the languages of their own public repos. */
export type GithubProfile = {
  login: string;
  name: string | null;
  bio: string | null;
  publicRepos: number;
  followers: number;
  /** Most used first, by number of the user's own (non-fork) public repos; at most five. */
  topLanguages: string[];
  url: string;
};

export type GithubClientOptions = {
  /** Default https://api.github.com; tests point it at a loopback server. */
  apiUrl: string;
  /** Optional; a secret, sent only in the Authorization header. */
  token?: string;
  /** One request's limit. Default 10 s. */
  timeoutMs?: number;
};

/** GitHub refused because the rate limit is spent: nothing more can be asked until `retryAt`. */
export class GithubRateLimitedError extends Error {
  override name = "GithubRateLimitedError";
  constructor(readonly retryAt: Date) {
    super(`GitHub's rate limit is spent until ${retryAt.toISOString()}`);
  }
}

/** The user does not exist (or is not public): asking again will not help. */
export class GithubUserNotFoundError extends Error {
  override name = "GithubUserNotFoundError";
  constructor(readonly login: string) {
    super(`GitHub has no user "${login}"`);
  }
}

const TOP_LANGUAGES = 5;

/** A minimal GitHub REST client on fetch: the two public endpoints enrichment needs. */
export class GithubClient {
  private readonly timeoutMs: number;
  constructor(private readonly opts: GithubClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000; // 10 seconds
  }

  async profile(login: string, signal: AbortSignal): Promise<GithubProfile> {
    const user = await this.get<{ login: string; name: string | null; bio: string | null; public_repos: number; followers: number; html_url: string }>(
      `/users/${encodeURIComponent(login)}`,
      login,
      signal,
    );
    // One page of 100 recently pushed repos: enough to tell someone's main languages, at one request's cost.
    const repos = await this.get<Array<{ language: string | null; fork: boolean }>>(
      `/users/${encodeURIComponent(login)}/repos?type=owner&sort=pushed&per_page=100`,
      login,
      signal,
    );
    return {
      login: user.login,
      name: user.name ?? null,
      bio: user.bio ?? null,
      publicRepos: user.public_repos ?? 0,
      followers: user.followers ?? 0,
      topLanguages: topLanguages(repos),
      url: user.html_url ?? `https://github.com/${user.login}`,
    };
  }

  private async get<T>(pathAndQuery: string, login: string, signal: AbortSignal): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      // GitHub refuses requests without a User-Agent.
      "user-agent": "taskline-enrichment",
    };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    const res = await fetch(`${this.opts.apiUrl}${pathAndQuery}`, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]) });
    if (res.ok) return (await res.json()) as T;
    await res.body?.cancel();
    const retryAt = rateLimitReset(res);
    if (retryAt) throw new GithubRateLimitedError(retryAt);
    if (res.status === 404) throw new GithubUserNotFoundError(login);
    throw new Error(`GitHub answered ${res.status} ${res.statusText} for ${pathAndQuery.split("?")[0]}`);
  }
}

/**
 * GitHub's two ways of saying "slow down" (docs.github.com, "Rate limits for the REST API"): 403 or 429 with
 * `x-ratelimit-remaining: 0` (wait until `x-ratelimit-reset`, epoch seconds), or with `retry-after` (seconds).
 * Any other 403 is an ordinary refusal.
 */
function rateLimitReset(res: Response): Date | undefined {
  if (res.status !== 403 && res.status !== 429) return undefined;
  const retryAfter = Number(res.headers.get("retry-after"));
  if (res.headers.has("retry-after") && Number.isFinite(retryAfter)) return new Date(Date.now() + retryAfter * 1000);
  if (res.headers.get("x-ratelimit-remaining") === "0") {
    const reset = Number(res.headers.get("x-ratelimit-reset"));
    return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
  }
  // A 429 always means slow down, even without the headers.
  return res.status === 429 ? new Date(Date.now() + 60_000) : undefined;
}

function topLanguages(repos: Array<{ language: string | null; fork: boolean }>): string[] {
  const counts = new Map<string, number>();
  for (const r of repos) if (r.language && !r.fork) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_LANGUAGES).map(([lang]) => lang);
}
