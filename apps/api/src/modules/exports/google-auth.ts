import { sign } from "node:crypto";

export type ServiceAccount = { clientEmail: string; privateKey: string };

const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
const TOKEN_LIFETIME_S = 3_600; // Google's maximum for a service-account assertion
const REFRESH_MARGIN_MS = 60_000; // renew a minute early so a token never expires mid-request

const base64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/**
 * Google's service-account flow ("Using OAuth 2.0 for Server to Server Applications"): a JWT signed RS256 with the
 * account's key, exchanged at the token endpoint for a short-lived access token. Neither the key nor the token
 * ever reaches a log or an error message.
 */
export class GoogleServiceAccountAuth {
  private cached: { token: string; expiresAt: number } | undefined;

  constructor(
    private readonly account: ServiceAccount,
    private readonly tokenUrl: string,
    private readonly timeoutMs = 10_000, // 10 seconds
  ) {}

  async accessToken(signal: AbortSignal): Promise<string> {
    if (this.cached && this.cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return this.cached.token;
    const res = await fetch(this.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: this.assertion() }),
      signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!res.ok || !body.access_token) {
      // `error` is an OAuth error code such as invalid_grant: safe to show, and what an operator needs.
      throw new Error(`The Google token endpoint refused the service account (${res.status}${body.error ? ` ${body.error}` : ""}); check GOOGLE_SHEETS_CREDENTIALS`);
    }
    this.cached = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? TOKEN_LIFETIME_S) * 1000 };
    return body.access_token;
  }

  /** After a 401: the token was revoked or expired early. */
  forget(): void {
    this.cached = undefined;
  }

  private assertion(): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
    const claims = base64url(JSON.stringify({ iss: this.account.clientEmail, scope: SHEETS_SCOPE, aud: this.tokenUrl, iat: now, exp: now + TOKEN_LIFETIME_S }));
    const signature = sign("RSA-SHA256", Buffer.from(`${header}.${claims}`), this.account.privateKey);
    return `${header}.${claims}.${base64url(signature)}`;
  }
}
