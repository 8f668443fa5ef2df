import type { DataSource } from "typeorm";
import { BadUserInputError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import type { AuditService } from "../identity/audit.service.js";
import type { Viewer } from "../identity/viewer.js";
import { type AtsSourceRecord, type AuthKind, CANDIDATE_FIELDS, type Credentials, type SourceKind, type SourceSettings, sourceFromRow } from "./ats-source.model.js";
import { authHeaders, type CallOutcome, scrub, send } from "./connectors.js";
import { OAuthError, type OAuthTokens } from "./oauth.js";
import { lastFour, type SecretBox } from "./secret-box.js";
import { rowsOf } from "./sql.js";

export type SourceInput = {
  name?: string;
  kind?: SourceKind;
  baseUrl?: string;
  authKind?: AuthKind;
  /** Replaces the stored credentials when given; `null` clears them. */
  credentials?: Credentials | null;
  settings?: SourceSettings;
  fieldMapping?: Record<string, string>;
  /** Null: every posting. */
  jobPostingIds?: string[] | null;
  enabled?: boolean;
  concurrency?: number;
};

export type TestResult = { ok: boolean; reason: string | null; status: number | null; message: string; durationMs: number };

/** ATS sources: CRUD with validation, credentials sealed with TASKLINE_SECRET_KEY, and connection tests. */
export class AtsSourceService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly tokens: OAuthTokens,
    private readonly audit: AuditService,
    private readonly timeoutMs: number,
    private readonly defaultConcurrency: number,
  ) {}

  async list(): Promise<AtsSourceRecord[]> {
    const rows = await this.ds.query(`SELECT * FROM ats_source ORDER BY name`);
    return rows.map(sourceFromRow);
  }

  async get(id: string): Promise<AtsSourceRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await this.ds.query(`SELECT * FROM ats_source WHERE id = $1`, [id]);
    return rows[0] ? sourceFromRow(rows[0]) : null;
  }

  async getOrFail(id: string): Promise<AtsSourceRecord> {
    const s = await this.get(id);
    if (!s) throw new NotFoundError("ATS source", id);
    return s;
  }

  /** Decrypted credentials: for connectors only, never for a response or a log line. */
  credentials(source: AtsSourceRecord): Credentials {
    return source.credentialsBox ? (JSON.parse(this.box.open(source.credentialsBox)) as Credentials) : {};
  }

  /** Every credential value of a source, to scrub from messages. */
  secretsOf(source: AtsSourceRecord): string[] {
    try {
      const c = this.credentials(source);
      return [c.apiKey, c.clientSecret, c.apiKey ? Buffer.from(`${c.apiKey}:`).toString("base64") : undefined].filter((s): s is string => !!s);
    } catch {
      return [];
    }
  }

  async create(viewer: Viewer, input: SourceInput, ip?: string): Promise<AtsSourceRecord> {
    if (!input.name || !input.kind || !input.baseUrl) throw new BadUserInputError("name, kind and baseUrl are required");
    const v = this.validate({ authKind: "none", settings: {}, fieldMapping: {}, jobPostingIds: null, enabled: true, concurrency: this.defaultConcurrency, ...definedOnly(input) } as Required<SourceInput>);
    const sealed = this.seal(v.authKind, input.credentials ?? null);
    const [row] = await this.ds.query(
      `INSERT INTO ats_source (name, kind, base_url, auth_kind, credentials_box, credentials_last4, settings, field_mapping, job_posting_ids, enabled, concurrency, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (name) DO NOTHING RETURNING *`,
      [v.name, v.kind, v.baseUrl, v.authKind, sealed.box, sealed.last4, JSON.stringify(v.settings), JSON.stringify(v.fieldMapping), v.jobPostingIds, v.enabled, v.concurrency, viewer.userId],
    );
    if (!row) throw new BadUserInputError(`An ATS source named "${v.name}" already exists`, { field: "name" });
    const source = sourceFromRow(row);
    await this.audit.record(viewer, "ATS_SOURCE_CREATED", { type: "AtsSource", id: source.id }, { name: source.name, kind: source.kind, credentialsSet: !!sealed.box }, ip);
    return source;
  }

  async update(viewer: Viewer, id: string, input: SourceInput, ip?: string): Promise<AtsSourceRecord> {
    const current = await this.getOrFail(id);
    const merged = { ...current, ...definedOnly(input), ...(input.jobPostingIds === null ? { jobPostingIds: null } : {}) } as AtsSourceRecord & SourceInput;
    const v = this.validate(merged as Required<SourceInput>);
    let box = current.credentialsBox;
    let last4 = current.credentialsLast4;
    if (input.credentials !== undefined || v.authKind !== current.authKind) {
      if (input.credentials === undefined && v.authKind !== "none") throw new BadUserInputError("Changing authKind needs new credentials", { field: "credentials" });
      ({ box, last4 } = this.seal(v.authKind, input.credentials ?? null));
    }
    const [row] = rowsOf(await this.ds.query(
      `UPDATE ats_source SET name = $2, kind = $3, base_url = $4, auth_kind = $5, credentials_box = $6, credentials_last4 = $7, settings = $8,
         field_mapping = $9, job_posting_ids = $10, enabled = $11, concurrency = $12, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, v.name, v.kind, v.baseUrl, v.authKind, box, last4, JSON.stringify(v.settings), JSON.stringify(v.fieldMapping), v.jobPostingIds, v.enabled, v.concurrency],
    ).catch((err) => {
      if ((err as { code?: string }).code === "23505") throw new BadUserInputError(`An ATS source named "${v.name}" already exists`, { field: "name" });
      throw err;
    }));
    const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await this.audit.record(viewer, "ATS_SOURCE_UPDATED", { type: "AtsSource", id }, { name: v.name, changed }, ip);
    return sourceFromRow(row);
  }

  async remove(viewer: Viewer, id: string, ip?: string): Promise<AtsSourceRecord> {
    const source = await this.getOrFail(id);
    await this.ds.query(`DELETE FROM ats_source WHERE id = $1`, [id]);
    await this.audit.record(viewer, "ATS_SOURCE_DELETED", { type: "AtsSource", id }, { name: source.name }, ip);
    return source;
  }

  /**
   * Connectivity and credentials: an authenticated GET (Harvest: one candidate; generic: `testPath`). The reason
   * says which layer failed: DNS, TLS, TIMEOUT, CONNECTION, UNAUTHORIZED, HTTP_4XX/5XX.
   */
  async test(viewer: Viewer, id: string, ip?: string): Promise<TestResult> {
    const source = await this.getOrFail(id);
    const started = Date.now();
    const signal = new AbortController().signal;
    const secrets = this.secretsOf(source);
    let outcome: CallOutcome;
    try {
      const headers = { accept: "application/json", ...(await authHeaders(source, this.credentials(source), this.tokens, signal, this.timeoutMs)) };
      const base = source.baseUrl.replace(/\/+$/, "");
      const url = source.kind === "greenhouse" ? `${base}/v1/candidates?per_page=1` : `${base}${source.settings.testPath ?? "/"}`;
      const probe = { ...source, settings: { ...source.settings, successStatuses: undefined } };
      outcome = await send({ method: "GET", url, headers: { ...(source.settings.headers ?? {}), ...headers }, body: null }, probe, signal, this.timeoutMs, secrets);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      const reason = err.status === 401 || err.status === 400 ? "UNAUTHORIZED" : err.status ? "HTTP_ERROR" : "CONNECTION";
      outcome = { ok: false, retryable: err.retryable, status: err.status, reason: reason as never, message: scrub(err.message, secrets) };
    }
    const result: TestResult = outcome.ok
      ? { ok: true, reason: null, status: outcome.status, message: `Connected: HTTP ${outcome.status}`, durationMs: Date.now() - started }
      : { ok: false, reason: outcome.reason, status: outcome.status, message: outcome.message, durationMs: Date.now() - started };
    await this.audit.record(viewer, "ATS_SOURCE_TESTED", { type: "AtsSource", id }, { ok: result.ok, reason: result.reason, status: result.status }, ip);
    return result;
  }

  private seal(authKind: AuthKind, creds: Credentials | null): { box: string | null; last4: string | null } {
    if (authKind === "none") return { box: null, last4: null };
    if (!creds) throw new BadUserInputError(`authKind ${authKind.toUpperCase()} needs credentials`, { field: "credentials" });
    let secret: string;
    let stored: Credentials;
    if (authKind === "api_key") {
      if (!creds.apiKey?.trim()) throw new BadUserInputError("credentials.apiKey is required", { field: "credentials.apiKey" });
      secret = creds.apiKey.trim();
      stored = { apiKey: secret };
    } else {
      if (!creds.clientId?.trim() || !creds.clientSecret?.trim()) throw new BadUserInputError("credentials.clientId and clientSecret are required", { field: "credentials" });
      secret = creds.clientSecret.trim();
      stored = { clientId: creds.clientId.trim(), clientSecret: secret };
    }
    return { box: this.box.seal(JSON.stringify(stored)), last4: lastFour(secret) };
  }

  private validate(v: Required<SourceInput>): Required<Omit<SourceInput, "credentials">> {
    const name = v.name.trim();
    if (!name || name.length > 100) throw new BadUserInputError("name must be 1 to 100 characters", { field: "name" });
    if (!["generic_http", "greenhouse"].includes(v.kind)) throw new BadUserInputError("kind is unknown", { field: "kind" });
    let url: URL;
    try {
      url = new URL(v.baseUrl);
    } catch {
      throw new BadUserInputError("baseUrl must be an absolute http(s) URL", { field: "baseUrl" });
    }
    if (!/^https?:$/.test(url.protocol) || url.username || url.password) throw new BadUserInputError("baseUrl must be an http(s) URL without credentials in it", { field: "baseUrl" });
    if (v.settings !== undefined && v.settings !== null && (typeof v.settings !== "object" || Array.isArray(v.settings))) throw new BadUserInputError("settings must be an object", { field: "settings" });
    if (v.fieldMapping !== undefined && v.fieldMapping !== null && (typeof v.fieldMapping !== "object" || Array.isArray(v.fieldMapping))) throw new BadUserInputError("fieldMapping must be an object", { field: "fieldMapping" });
    const s = v.settings ?? {};
    if (s.method && !["POST", "PUT", "PATCH"].includes(s.method)) throw new BadUserInputError("settings.method must be POST, PUT or PATCH", { field: "settings.method" });
    if (s.headers && (typeof s.headers !== "object" || Object.values(s.headers).some((h) => typeof h !== "string"))) throw new BadUserInputError("settings.headers must map names to strings", { field: "settings.headers" });
    if (s.headers && Object.keys(s.headers).some((h) => /^(authorization|proxy-authorization|cookie)$/i.test(h))) {
      throw new BadUserInputError("settings.headers must not carry credentials: use credentials (they are encrypted)", { field: "settings.headers" });
    }
    if (s.successStatuses && (!Array.isArray(s.successStatuses) || s.successStatuses.some((n) => !Number.isInteger(n) || n < 100 || n > 599))) {
      throw new BadUserInputError("settings.successStatuses must be HTTP statuses", { field: "settings.successStatuses" });
    }
    if (v.authKind === "oauth2_client_credentials" && !s.tokenUrl) throw new BadUserInputError("OAuth2 client credentials need settings.tokenUrl", { field: "settings.tokenUrl" });
    if (v.kind === "greenhouse" && !s.onBehalfOf) throw new BadUserInputError("Greenhouse needs settings.onBehalfOf (the Greenhouse user id writes are made on behalf of)", { field: "settings.onBehalfOf" });
    const mapping = v.fieldMapping ?? {};
    for (const [key, field] of Object.entries(mapping)) {
      if (!(CANDIDATE_FIELDS as readonly string[]).includes(field)) {
        throw new BadUserInputError(`fieldMapping.${key}: "${field}" is not a candidate field (${CANDIDATE_FIELDS.join(", ")})`, { field: `fieldMapping.${key}` });
      }
    }
    if (v.jobPostingIds && v.jobPostingIds.some((id) => !isUuid(id))) throw new BadUserInputError("jobPostingIds must be job posting ids", { field: "jobPostingIds" });
    if (!Number.isInteger(v.concurrency) || v.concurrency < 1 || v.concurrency > 64) throw new BadUserInputError("concurrency must be 1 to 64", { field: "concurrency" });
    return { name, kind: v.kind, baseUrl: v.baseUrl.replace(/\/+$/, ""), authKind: v.authKind, settings: s, fieldMapping: mapping, jobPostingIds: v.jobPostingIds?.length ? v.jobPostingIds : null, enabled: v.enabled, concurrency: v.concurrency };
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
