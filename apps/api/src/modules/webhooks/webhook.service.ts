import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { BadUserInputError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import { toError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import { lastFour, type SecretBox } from "../ats/secret-box.js";
import { sleep } from "../ats/ats-sync.service.js";
import { rowsOf } from "../ats/sql.js";
import type { AuditService } from "../identity/audit.service.js";
import type { Viewer } from "../identity/viewer.js";
import { SIGNATURE_HEADER, signatureHeader } from "./signing.js";
import { WebhookEvent } from "./webhook-event.js";

export const DELIVER_WEBHOOK = "webhooks.deliver";
/** Attempts per delivery (per redelivery too), waits growing ×3 from WEBHOOK_RETRY_BASE_MS. */
export const DELIVERY_ATTEMPTS = 5;

export type WebhookEndpointRecord = { id: string; url: string; description: string; events: WebhookEvent[]; secretLast4: string; enabled: boolean; createdAt: Date };
export type WebhookDeliveryRecord = {
  id: string; endpointId: string; event: WebhookEvent; body: unknown; status: string; attempts: number; lastStatus: number | null;
  lastError: string | null; taskId: string | null; createdAt: Date; finishedAt: Date | null;
};
export type WebhookAttemptRecord = { attempt: number; at: Date; responseStatus: number | null; error: string | null; durationMs: number };

const endpointFromRow = (r: Record<string, any>): WebhookEndpointRecord => ({
  id: r.id, url: r.url, description: r.description, events: r.events, secretLast4: r.secret_last4, enabled: r.enabled, createdAt: r.created_at,
});
const deliveryFromRow = (r: Record<string, any>): WebhookDeliveryRecord => ({
  id: r.id, endpointId: r.endpoint_id, event: r.event, body: r.body, status: r.status, attempts: r.attempts, lastStatus: r.last_status,
  lastError: r.last_error, taskId: r.task_id, createdAt: r.created_at, finishedAt: r.finished_at,
});

/** Outbound webhooks: endpoints (secret sealed, shown once), deliveries as webhooks.deliver tasks, redelivery. */
export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly opts: { retryBaseMs: number; timeoutMs: number },
  ) {}

  async list(): Promise<WebhookEndpointRecord[]> {
    return (await this.ds.query(`SELECT * FROM webhook_endpoint ORDER BY created_at`)).map(endpointFromRow);
  }

  async get(id: string): Promise<WebhookEndpointRecord | null> {
    if (!isUuid(id)) return null;
    const [r] = await this.ds.query(`SELECT * FROM webhook_endpoint WHERE id = $1`, [id]);
    return r ? endpointFromRow(r) : null;
  }

  /** The secret is returned here once and never again (only its last four characters). */
  async create(viewer: Viewer, input: { url: string; events: WebhookEvent[]; description?: string | null }, ip?: string): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
    const url = checkUrl(input.url);
    const events = checkEvents(input.events);
    const secret = `whsec_${randomBytes(32).toString("base64url")}`;
    const sealed = this.box.seal(secret);
    const [r] = await this.ds.query(
      `INSERT INTO webhook_endpoint (url, description, events, secret_box, secret_last4, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [url, (input.description ?? "").trim().slice(0, 500), events, sealed, lastFour(secret), viewer.userId],
    );
    const endpoint = endpointFromRow(r);
    await this.audit.record(viewer, "WEBHOOK_CREATED", { type: "WebhookEndpoint", id: endpoint.id }, { url, events }, ip);
    return { endpoint, secret };
  }

  async update(viewer: Viewer, id: string, input: { url?: string | null; events?: WebhookEvent[] | null; enabled?: boolean | null; description?: string | null }, ip?: string): Promise<WebhookEndpointRecord> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError("Webhook endpoint", id);
    const url = input.url ? checkUrl(input.url) : current.url;
    const events = input.events ? checkEvents(input.events) : current.events;
    const [r] = rowsOf(await this.ds.query(
      `UPDATE webhook_endpoint SET url = $2, events = $3, enabled = $4, description = $5 WHERE id = $1 RETURNING *`,
      [id, url, events, input.enabled ?? current.enabled, input.description ?? current.description],
    ));
    await this.audit.record(viewer, "WEBHOOK_UPDATED", { type: "WebhookEndpoint", id }, { url, events, enabled: r.enabled }, ip);
    return endpointFromRow(r);
  }

  async remove(viewer: Viewer, id: string, ip?: string): Promise<WebhookEndpointRecord> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError("Webhook endpoint", id);
    await this.ds.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
    await this.audit.record(viewer, "WEBHOOK_DELETED", { type: "WebhookEndpoint", id }, { url: current.url }, ip);
    return current;
  }

  async deliveries(endpointId: string, first: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.ds.query(`SELECT * FROM webhook_delivery WHERE endpoint_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [endpointId, first]);
    return rows.map(deliveryFromRow);
  }

  async delivery(id: string): Promise<WebhookDeliveryRecord | null> {
    if (!isUuid(id)) return null;
    const [r] = await this.ds.query(`SELECT * FROM webhook_delivery WHERE id = $1`, [id]);
    return r ? deliveryFromRow(r) : null;
  }

  async attempts(deliveryId: string): Promise<WebhookAttemptRecord[]> {
    const rows = await this.ds.query(`SELECT * FROM webhook_attempt WHERE delivery_id = $1 ORDER BY id`, [deliveryId]);
    return rows.map((r: Record<string, any>) => ({ attempt: r.attempt, at: r.at, responseStatus: r.response_status, error: r.error, durationMs: r.duration_ms }));
  }

  /** Queues the same delivery (same id and body, a fresh signature) again, with a new task and a full set of attempts. */
  async redeliver(viewer: Viewer, id: string, ip?: string): Promise<WebhookDeliveryRecord> {
    const d = await this.delivery(id);
    if (!d) throw new NotFoundError("Webhook delivery", id);
    if (d.status === "pending") throw new BadUserInputError("This delivery is still being delivered", { id });
    await this.ds.query(`SELECT taskline_enqueue_webhook_delivery($1)`, [id]);
    await this.audit.record(viewer, "WEBHOOK_REDELIVERED", { type: "WebhookDelivery", id }, { endpointId: d.endpointId, event: d.event }, ip);
    return (await this.delivery(id))!;
  }

  /**
   * Delivers one delivery (the webhooks.deliver task): POSTs the body signed, recording every attempt; 2xx ends it
   * DELIVERED, anything else is retried with backoff up to DELIVERY_ATTEMPTS, then it is FAILED.
   */
  async deliver(deliveryId: string, signal: AbortSignal, log: Logger): Promise<{ status: string; attempts: number; lastStatus: number | null }> {
    const [row] = await this.ds.query(
      `SELECT d.*, e.url, e.secret_box, e.enabled FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row) return { status: "gone", attempts: 0, lastStatus: null };
    if (!row.enabled) {
      await this.ds.query(`UPDATE webhook_delivery SET status = 'failed', last_error = 'Endpoint disabled', finished_at = now() WHERE id = $1`, [deliveryId]);
      return { status: "failed", attempts: row.attempts, lastStatus: null };
    }
    const secret = this.box.open(row.secret_box);
    const body = JSON.stringify(row.body);
    const [{ n: done }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM webhook_attempt WHERE delivery_id = $1 AND at >= (SELECT coalesce(max(created_at), '-infinity') FROM task WHERE id = $2)`,
      [deliveryId, row.task_id],
    );
    let lastStatus: number | null = null;
    for (let i = done; i < DELIVERY_ATTEMPTS; i++) {
      if (i > 0) await sleep(this.opts.retryBaseMs * 3 ** Math.max(0, i - 1), signal);
      const started = Date.now();
      let error: string | null = null;
      lastStatus = null;
      try {
        const res = await fetch(row.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Taskline-Webhooks/1",
            [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
            "Taskline-Event": row.event,
            "Taskline-Delivery": deliveryId,
          },
          body,
          redirect: "manual",
          signal: AbortSignal.any([signal, AbortSignal.timeout(this.opts.timeoutMs)]),
        });
        lastStatus = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        const e = toError(err) as Error & { cause?: { code?: string } };
        error = e.name === "TimeoutError" ? `Timed out after ${this.opts.timeoutMs} ms` : `${e.cause?.code ?? e.message}`;
      }
      const ok = error === null;
      const final = ok || i + 1 >= DELIVERY_ATTEMPTS;
      await this.ds.query(
        `WITH a AS (INSERT INTO webhook_attempt (delivery_id, attempt, response_status, error, duration_ms)
                    VALUES ($1, (SELECT attempts + 1 FROM webhook_delivery WHERE id = $1), $2, $3, $4))
         UPDATE webhook_delivery SET attempts = attempts + 1, last_status = $2, last_error = $3,
           status = CASE WHEN $5 THEN 'delivered' WHEN $6 THEN 'failed' ELSE 'pending' END,
           finished_at = CASE WHEN $5 OR $6 THEN now() ELSE NULL END WHERE id = $1`,
        [deliveryId, lastStatus, error, Date.now() - started, ok, final],
      );
      if (ok) return { status: "delivered", attempts: i + 1, lastStatus };
      log.warn({ deliveryId, attempt: i + 1, status: lastStatus }, `webhook delivery attempt failed: ${error}`);
    }
    return { status: "failed", attempts: DELIVERY_ATTEMPTS, lastStatus };
  }
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BadUserInputError("url must be an absolute http(s) URL", { field: "url" });
  }
  if (!/^https?:$/.test(url.protocol)) throw new BadUserInputError("url must be an http(s) URL", { field: "url" });
  return url.toString();
}

function checkEvents(events: WebhookEvent[]): WebhookEvent[] {
  const unique = [...new Set(events)];
  if (!unique.length) throw new BadUserInputError("events must name at least one event", { field: "events" });
  if (unique.some((e) => !Object.values(WebhookEvent).includes(e))) throw new BadUserInputError("events has an unknown event", { field: "events" });
  return unique;
}
