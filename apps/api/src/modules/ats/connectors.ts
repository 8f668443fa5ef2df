import { createHash } from "node:crypto";
import type { AtsSourceRecord, CandidateView, Credentials, FieldMapping } from "./ats-source.model.js";
import type { OAuthTokens } from "./oauth.js";

/** One HTTP request to a source, built from a candidate; `body` is what the content hash covers. */
export type SourceRequest = { method: string; url: string; headers: Record<string, string>; body: unknown };

/** What one call came to. `retryable`: network trouble or 5xx (and 429), worth another try; 4xx is not. */
export type CallOutcome =
  | { ok: true; status: number; remoteId: string | null; message: string }
  | { ok: false; retryable: boolean; status: number | null; reason: FailureReason; message: string };

export type FailureReason = "DNS" | "TLS" | "TIMEOUT" | "CONNECTION" | "UNAUTHORIZED" | "HTTP_4XX" | "HTTP_5XX" | "BAD_RESPONSE";

/** Values of the field mapping for one candidate: target key → the candidate field's value. */
export function mappedFields(mapping: FieldMapping, c: CandidateView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(mapping)) out[key] = (c as Record<string, unknown>)[field] ?? null;
  return out;
}

/** Replaces "{{key}}" in a JSON template: a whole-string placeholder keeps the value's type, an embedded one is text. */
export function fillTemplate(template: unknown, values: Record<string, unknown>): unknown {
  if (typeof template === "string") {
    const whole = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(template);
    if (whole) return values[whole[1]!] ?? null;
    return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, k: string) => String(values[k] ?? ""));
  }
  if (Array.isArray(template)) return template.map((t) => fillTemplate(t, values));
  if (template && typeof template === "object") return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]));
  return template;
}

/** The Greenhouse Harvest defaults: its candidate fields from Taskline's, before the source's own mapping. */
const GREENHOUSE_DEFAULT_MAPPING: FieldMapping = { first_name: "firstName", last_name: "lastName" };

export function buildRequest(source: AtsSourceRecord, c: CandidateView): Omit<SourceRequest, "headers"> & { headers: Record<string, string> } {
  const base = source.baseUrl.replace(/\/+$/, "");
  if (source.kind === "greenhouse") {
    // Harvest "POST /v1/candidates": names, email_addresses [{value, type}], optional applications [{job_id}].
    const mapped = mappedFields({ ...GREENHOUSE_DEFAULT_MAPPING, ...source.fieldMapping }, c);
    const jobId = source.settings.greenhouseJobIds?.[c.jobPostingId];
    const body: Record<string, unknown> = {
      ...mapped,
      email_addresses: [{ value: c.email, type: "personal" }],
      tags: ["Taskline"],
      external_id: c.candidateId,
      ...(jobId ? { applications: [{ job_id: jobId }] } : {}),
    };
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (source.settings.onBehalfOf) headers["On-Behalf-Of"] = source.settings.onBehalfOf;
    return { method: "POST", url: `${base}/v1/candidates`, headers, body };
  }
  const values = mappedFields(Object.keys(source.fieldMapping).length ? source.fieldMapping : { name: "name", email: "email" }, c);
  const body = source.settings.bodyTemplate === undefined ? values : fillTemplate(source.settings.bodyTemplate, values);
  const path = source.settings.path ?? "/candidates";
  return {
    method: source.settings.method ?? "POST",
    url: `${base}${path.startsWith("/") ? path : `/${path}`}`,
    headers: { "content-type": "application/json", accept: "application/json", ...(source.settings.headers ?? {}) },
    body,
  };
}

/** What "same content" means for a pair: the request a source would get, minus the credentials. */
export function contentHash(req: Pick<SourceRequest, "method" | "url" | "body">): string {
  return createHash("sha256").update(JSON.stringify([req.method, req.url, canonical(req.body)])).digest("hex");
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/** The Authorization (or API key) header for a source; OAuth2 tokens come from `tokens` (cached per process). */
export async function authHeaders(source: AtsSourceRecord, creds: Credentials, tokens: OAuthTokens, signal: AbortSignal, timeoutMs: number): Promise<Record<string, string>> {
  if (source.authKind === "none") return {};
  if (source.authKind === "oauth2_client_credentials") {
    const token = await tokens.get(source, creds, signal, timeoutMs);
    return { authorization: `Bearer ${token}` };
  }
  const key = creds.apiKey ?? "";
  // Harvest: HTTP Basic with the API key as the user name and an empty password.
  if (source.kind === "greenhouse") return { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
  const header = source.settings.apiKeyHeader ?? "authorization";
  const prefix = source.settings.apiKeyPrefix ?? (header.toLowerCase() === "authorization" ? "Bearer " : "");
  return { [header.toLowerCase()]: `${prefix}${key}` };
}

/** Sends one request; `signal` is the task's (abort: the error is thrown), the timeout is per call. */
export async function send(req: SourceRequest, source: AtsSourceRecord, signal: AbortSignal, timeoutMs: number, secrets: string[]): Promise<CallOutcome> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === "GET" ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    return networkFailure(err, timeoutMs, secrets);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    return networkFailure(err, timeoutMs, secrets);
  }
  const json = parseJson(text);
  const success = source.kind === "generic_http" && source.settings.successStatuses?.length ? source.settings.successStatuses.includes(res.status) : res.ok;
  if (success) {
    const path = source.kind === "greenhouse" ? "id" : (source.settings.remoteIdPath ?? "id");
    const remoteId = dig(json, path);
    return { ok: true, status: res.status, remoteId: remoteId === undefined || remoteId === null ? null : String(remoteId), message: `HTTP ${res.status}` };
  }
  const remote = scrub(remoteMessage(json, text), secrets);
  const status = res.status;
  if (status === 401 || status === 403) return { ok: false, retryable: false, status, reason: "UNAUTHORIZED", message: `HTTP ${status}: credentials rejected${remote ? ` (${remote})` : ""}` };
  const retryable = status >= 500 || status === 429 || status === 408;
  return { ok: false, retryable, status, reason: status >= 500 ? "HTTP_5XX" : "HTTP_4XX", message: `HTTP ${status}${remote ? `: ${remote}` : ""}` };
}

function networkFailure(err: unknown, timeoutMs: number, secrets: string[]): CallOutcome {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError") return { ok: false, retryable: true, status: null, reason: "TIMEOUT", message: `Timed out after ${timeoutMs} ms` };
  const code = e?.cause?.code ?? "";
  const detail = scrub(e?.cause?.message ?? e?.message ?? String(err), secrets);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { ok: false, retryable: code === "EAI_AGAIN", status: null, reason: "DNS", message: `DNS lookup failed: ${detail}` };
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate|tls|ssl/i.test(detail)) {
    return { ok: false, retryable: false, status: null, reason: "TLS", message: `TLS handshake failed: ${detail}` };
  }
  if (code === "ECONNREFUSED") return { ok: false, retryable: true, status: null, reason: "CONNECTION", message: `Connection refused: ${detail}` };
  return { ok: false, retryable: true, status: null, reason: "CONNECTION", message: `Connection failed${code ? ` (${code})` : ""}: ${detail}` };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

/** A dotted path into JSON ("data.id", "items.0.id"). */
export function dig(json: unknown, path: string): unknown {
  let v: unknown = json;
  for (const key of path.split(".").filter(Boolean)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The remote's own words: Harvest's {message, errors: [{message, field}]}, a generic {error|message}, or the text. */
function remoteMessage(json: unknown, text: string): string {
  if (json && typeof json === "object") {
    const o = json as Record<string, unknown>;
    const parts: string[] = [];
    const msg = o.message ?? o.error_description ?? (typeof o.error === "string" ? o.error : (o.error as Record<string, unknown> | undefined)?.message);
    if (typeof msg === "string") parts.push(msg);
    if (Array.isArray(o.errors)) for (const e of o.errors.slice(0, 5)) parts.push(typeof e === "string" ? e : [e?.field, e?.message].filter(Boolean).join(": "));
    if (parts.length) return parts.join("; ").slice(0, 500);
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}

/** Remote or library text could echo a credential back (a header in an error page): cut it out before it is stored or logged. */
export function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
