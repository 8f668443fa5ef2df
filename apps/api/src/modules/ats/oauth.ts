import type { AtsSourceRecord, Credentials } from "./ats-source.model.js";

export class OAuthError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * OAuth2 client-credentials tokens per source, cached in the process until shortly before they expire (one token
 * request per source per hour or so instead of one per call). Concurrent callers share one in-flight request.
 */
export class OAuthTokens {
  private readonly cache = new Map<string, { token: string; expiresAt: number } | Promise<string>>();

  async get(source: AtsSourceRecord, creds: Credentials, signal: AbortSignal, timeoutMs: number): Promise<string> {
    const key = `${source.id}:${source.credentialsBox}`;
    const hit = this.cache.get(key);
    if (hit instanceof Promise) return hit;
    if (hit && hit.expiresAt > Date.now()) return hit.token;
    const pending = this.fetchToken(source, creds, signal, timeoutMs).then(
      ({ token, expiresIn }) => {
        this.cache.set(key, { token, expiresAt: Date.now() + Math.max(0, expiresIn - 30) * 1000 });
        return token;
      },
      (err) => {
        this.cache.delete(key);
        throw err;
      },
    );
    this.cache.set(key, pending);
    return pending;
  }

  private async fetchToken(source: AtsSourceRecord, creds: Credentials, signal: AbortSignal, timeoutMs: number): Promise<{ token: string; expiresIn: number }> {
    const tokenUrl = source.settings.tokenUrl;
    if (!tokenUrl) throw new OAuthError("OAuth2 source has no token URL", null, false);
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (source.settings.scope) form.set("scope", source.settings.scope);
    const basic = Buffer.from(`${encodeURIComponent(creds.clientId ?? "")}:${encodeURIComponent(creds.clientSecret ?? "")}`).toString("base64");
    let res: Response;
    try {
      res = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}`, accept: "application/json" },
        body: form,
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      const e = err as Error & { cause?: { code?: string } };
      throw new OAuthError(e.name === "TimeoutError" ? `Token request timed out after ${timeoutMs} ms` : `Token request failed: ${e.cause?.code ?? e.message}`, null, true);
    }
    const json = (await res.json().catch(() => null)) as { access_token?: string; expires_in?: number; error?: string } | null;
    if (!res.ok || !json?.access_token) {
      throw new OAuthError(`Token request: HTTP ${res.status}${json?.error ? ` (${json.error})` : ""}`, res.status, res.status >= 500);
    }
    return { token: json.access_token, expiresIn: Number(json.expires_in ?? 3600) };
  }
}
