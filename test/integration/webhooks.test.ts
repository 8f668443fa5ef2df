import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };
const SUB = `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`;
const DELIVERIES = `query { webhookEndpoints { id url secretLast4 deliveries { id event status attempts lastStatus lastError body attemptLog { attempt responseStatus error } } } }`;

/** The receiver's side exactly as docs/webhooks.md tells integrators to write it (no Taskline code imported). */
function verify(secret: string, rawBody: string, header: string, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((kv) => kv.split("=") as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function receiver(status: () => number) {
  const received: Received[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
    res.writeHead(status()).end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("outbound webhooks", () => {
  let app: TestTaskline;
  let good: Awaited<ReturnType<typeof receiver>>;
  let flaky: Awaited<ReturnType<typeof receiver>>;
  let flakyStatus = 500;
  const gql = async (q: string, v?: Record<string, unknown>) => {
    const res = await app.gql(q, v);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  };
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    good = await receiver(() => 204);
    flaky = await receiver(() => flakyStatus);
    app = await startTaskline({ env: { TASKLINE_SECRET_KEY: "webhook-test-secret-key-0123456", WEBHOOK_RETRY_BASE_MS: "30" } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await good?.close();
    await flaky?.close();
  });

  it("signs task.finished deliveries so that the documented algorithm verifies them; the secret is shown once", async () => {
    const { createWebhookEndpoint } = await gql(`mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id secretLast4 events } } }`, {
      i: { url: good.url, events: ["TASK_FINISHED", "TASK_FAILED"], description: "ops" },
    });
    const secret: string = createWebhookEndpoint.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(createWebhookEndpoint.endpoint).toMatchObject({ secretLast4: secret.slice(-4), events: ["TASK_FINISHED", "TASK_FAILED"] });
    const { rows } = await app.pool.query(`SELECT secret_box FROM webhook_endpoint`);
    expect(rows[0].secret_box).not.toContain(secret);

    const task = await app.services.tasks.enqueue("test.steps", { steps: 2, stepMs: 10 });
    await collect(app.wsClient(), SUB, { id: task.id }, (e: any) => e.taskUpdated.status === "COMPLETED");
    const hit = await until(async () => good.received.find((r) => JSON.parse(r.body).data.taskId === task.id), Boolean);
    expect(hit).toBeDefined();
    const body = JSON.parse(hit!.body);
    expect(body).toMatchObject({ event: "task.finished", data: { taskId: task.id, type: "test.steps", status: "COMPLETED" } });
    expect(hit!.headers["taskline-event"]).toBe("task.finished");
    expect(hit!.headers["taskline-delivery"]).toBe(body.id);
    const header = String(hit!.headers["taskline-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(secret, hit!.body, header)).toBe(true);
    expect(verify(secret, hit!.body.replace("COMPLETED", "FAILED"), header)).toBe(false);
    expect(verify(`${secret}x`, hit!.body, header)).toBe(false);

    const { webhookEndpoints } = await until(() => gql(DELIVERIES), (d: any) => d.webhookEndpoints[0].deliveries.some((x: any) => x.status === "DELIVERED"));
    expect(JSON.stringify(webhookEndpoints)).not.toContain(secret);
    const delivered = webhookEndpoints[0].deliveries.find((d: any) => d.body.data.taskId === task.id);
    expect(delivered).toMatchObject({ event: "TASK_FINISHED", status: "DELIVERED", attempts: 1, lastStatus: 204, attemptLog: [{ attempt: 1, responseStatus: 204, error: null }] });
    await gql(`mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { enabled } }`, { id: createWebhookEndpoint.endpoint.id });
  });

  it("retries a failing endpoint with backoff, marks the delivery FAILED, and redelivers it on demand", async () => {
    flakyStatus = 500;
    const { createWebhookEndpoint } = await gql(`mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id } } }`, {
      i: { url: flaky.url, events: ["TASK_FAILED", "SCHEDULE_FAILED"] },
    });
    await app.services.tasks.enqueue("test.steps", { steps: 1, stepMs: 1, failAttempts: 3 }); // FAILED after its 3 attempts
    const endpoint = async () => (await gql(DELIVERIES)).webhookEndpoints.find((e: any) => e.id === createWebhookEndpoint.endpoint.id);
    const failed = await until(endpoint, (e: any) => e.deliveries[0]?.status === "FAILED", 30_000);
    const d = failed.deliveries[0];
    expect(d).toMatchObject({ event: "TASK_FAILED", status: "FAILED", attempts: 5, lastStatus: 500, lastError: "HTTP 500" });
    expect(d.attemptLog.map((a: any) => a.responseStatus)).toEqual([500, 500, 500, 500, 500]);
    expect(flaky.received).toHaveLength(5);
    for (const r of flaky.received) expect(verify(createWebhookEndpoint.secret, r.body, String(r.headers["taskline-signature"]))).toBe(true);

    flakyStatus = 200;
    const { redeliverWebhook } = await gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status } }`, { id: d.id });
    expect(redeliverWebhook.status).toBe("PENDING");
    const again = await until(endpoint, (e: any) => e.deliveries[0]?.status === "DELIVERED");
    expect(again.deliveries[0]).toMatchObject({ id: d.id, status: "DELIVERED", attempts: 6, lastStatus: 200 });
    expect(again.deliveries[0].attemptLog.at(-1)).toMatchObject({ attempt: 6, responseStatus: 200 });
    expect(JSON.parse(flaky.received.at(-1)!.body).id).toBe(d.body.id); // the same event id: receivers can dedupe
    const viewer = await app.as.viewer.gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }`, { id: d.id });
    expect(viewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  }, 40_000);

  it("queues nothing for tasks when no endpoint listens, and never for its own deliveries", async () => {
    await app.pool.query(`UPDATE webhook_endpoint SET enabled = false`);
    const before = (await app.pool.query(`SELECT count(*)::int AS n FROM webhook_delivery`)).rows[0].n;
    const task = await app.services.tasks.enqueue("test.steps", { steps: 1, stepMs: 1 });
    await collect(app.wsClient(), SUB, { id: task.id }, (e: any) => e.taskUpdated.status === "COMPLETED");
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM webhook_delivery`)).rows[0].n).toBe(before);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM webhook_delivery d JOIN task t ON t.id::text = d.body->'data'->>'taskId' WHERE t.type = 'webhooks.deliver'`);
    expect(rows[0].n).toBe(0);
  });
});
