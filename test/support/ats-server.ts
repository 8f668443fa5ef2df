import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An ATS on loopback for tests and the benchmark, speaking two dialects:
 * - Greenhouse Harvest: `POST /v1/candidates` (Basic auth, API key as user name; On-Behalf-Of required) → 201 with
 *   the candidate `{id, ...}`; `GET /v1/candidates?per_page=1`; errors as `{message, errors: [{message, field}]}`.
 * - Generic JSON: `POST /candidates` (Bearer API key or OAuth2 token) → 201 `{data: {id}}`; `GET /health`;
 *   `POST /oauth/token` (client credentials).
 * Like Stripe-style APIs, it honours `Idempotency-Key`: a repeated key returns the first response and creates
 * nothing. A record is created when a request arrives, before the injected latency, so a client killed while
 * waiting leaves a record it never learnt about: exactly the window the key covers.
 *
 * Faults (mutable at any time): `latencyMs`, `fail5xx` (the next n creating calls get 500), `drop` (the next n
 * creating calls have their connection destroyed), `down` (every call 503), `rejectEmails` (422 for these),
 * `echoAuthOn401` (a careless server that echoes the credentials it got into its 401 body).
 */
export type AtsFaults = { latencyMs: number; fail5xx: number; drop: number; down: boolean; rejectEmails: Set<string>; echoAuthOn401: boolean };

export type AtsServer = {
  url: string;
  faults: AtsFaults;
  /** Records created, in order. */
  records: Array<{ id: number; key: string | null; kind: "greenhouse" | "generic"; email: string; body: any }>;
  /** Calls by kind. */
  counts: { creates: number; replays: number; rejected: number; dropped: number; failed: number };
  /** Per email, how many creating calls arrived (retries included). */
  callsByEmail: Map<string, number>;
  lastHeaders: http.IncomingHttpHeaders | undefined;
  reset(): void;
  close(): Promise<void>;
};

export async function startAtsServer(opts: { apiKey: string; oauth?: { clientId: string; clientSecret: string } }): Promise<AtsServer> {
  const faults: AtsFaults = { latencyMs: 0, fail5xx: 0, drop: 0, down: false, rejectEmails: new Set(), echoAuthOn401: false };
  const records: AtsServer["records"] = [];
  const counts = { creates: 0, replays: 0, rejected: 0, dropped: 0, failed: 0 };
  const callsByEmail = new Map<string, number>();
  const byKey = new Map<string, { status: number; body: unknown }>();
  const tokens = new Set<string>();
  let nextId = 1000;
  const state: AtsServer = {
    url: "",
    faults,
    records,
    counts,
    callsByEmail,
    lastHeaders: undefined,
    reset() {
      Object.assign(faults, { latencyMs: 0, fail5xx: 0, drop: 0, down: false, rejectEmails: new Set(), echoAuthOn401: false });
      records.length = 0;
      byKey.clear();
      callsByEmail.clear();
      Object.assign(counts, { creates: 0, replays: 0, rejected: 0, dropped: 0, failed: 0 });
    },
    close: () => new Promise((r) => server.close(() => r())),
  };

  const authorized = (req: http.IncomingMessage): boolean => {
    const auth = req.headers.authorization ?? "";
    if (auth === `Basic ${Buffer.from(`${opts.apiKey}:`).toString("base64")}`) return true;
    if (auth === `Bearer ${opts.apiKey}`) return true;
    return auth.startsWith("Bearer ") && tokens.has(auth.slice(7));
  };
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    state.lastHeaders = req.headers;
    if (req.method === "POST" && url.pathname === "/oauth/token") {
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const [id, secret] = basic.split(":").map(decodeURIComponent);
      if (!opts.oauth || id !== opts.oauth.clientId || secret !== opts.oauth.clientSecret) return send(res, 401, { error: "invalid_client" });
      const token = `tok_${Math.random().toString(36).slice(2)}`;
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: "bearer", expires_in: 3600 });
    }
    if (faults.down) {
      counts.failed++;
      return send(res, 503, { message: "Service unavailable" });
    }
    if (!authorized(req)) {
      return send(res, 401, { message: faults.echoAuthOn401 ? `Invalid credentials: ${req.headers.authorization}` : "Invalid Basic Auth credentials" });
    }
    if (req.method === "GET" && (url.pathname === "/v1/candidates" || url.pathname === "/health")) {
      if (faults.latencyMs) await sleep(faults.latencyMs);
      return send(res, 200, []);
    }
    const greenhouse = url.pathname === "/v1/candidates";
    if (req.method !== "POST" || !(greenhouse || url.pathname === "/candidates")) return send(res, 404, { message: "Not found" });
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { message: "Body is not JSON" });
    }
    const email: string = greenhouse ? body.email_addresses?.[0]?.value : body.email;
    callsByEmail.set(email, (callsByEmail.get(email) ?? 0) + 1);
    if (faults.drop > 0) {
      faults.drop--;
      counts.dropped++;
      req.socket.destroy();
      return;
    }
    if (faults.fail5xx > 0) {
      faults.fail5xx--;
      counts.failed++;
      return send(res, 500, { message: "Internal error, try again" });
    }
    if (greenhouse && !req.headers["on-behalf-of"]) return send(res, 403, { message: "Missing On-Behalf-Of header" });
    if (faults.rejectEmails.has(email)) {
      counts.rejected++;
      return send(res, 422, { message: "Validation error", errors: [{ message: "Email address is invalid", field: "email_addresses" }] });
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const seen = key ? byKey.get(key) : undefined;
    let reply: { status: number; body: unknown };
    if (seen) {
      counts.replays++;
      reply = seen;
    } else {
      counts.creates++;
      const id = nextId++;
      records.push({ id, key, kind: greenhouse ? "greenhouse" : "generic", email, body });
      reply = { status: 201, body: greenhouse ? { id, first_name: body.first_name, last_name: body.last_name } : { data: { id: `gen-${id}` } } };
      if (key) byKey.set(key, reply);
    }
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (!res.destroyed) send(res, reply.status, reply.body);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
