import parsePrometheusTextFormat, { type MetricFamily } from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReadiness } from "../../apps/api/src/ops/health.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const TOKEN = "metrics-token-for-tests-0123456789";

/** The value of one series: the sample whose labels include all of `labels` (a name may recur in several families). */
function value(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const samples = families.filter((f) => f.name === name).flatMap((f) => f.metrics);
  const sample = samples.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample) return undefined;
  return Number(sample.value ?? sample.count);
}

describe("/metrics", () => {
  let app: TestTaskline;
  const scrape = async (base: string, token?: string) => {
    const res = await fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
  };

  beforeAll(async () => {
    app = await startTaskline({ env: { METRICS_TOKEN: TOKEN, METRICS_PORT: "0" } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("refuses a scrape without the token, or with a wrong one, on the API's port and on the ops port", async () => {
    expect((await scrape(app.url)).status).toBe(401);
    expect((await scrape(app.url, "not-the-token-at-all-0000000")).status).toBe(401);
    expect((await scrape(`http://127.0.0.1:${app.opsPort}`)).status).toBe(401);
  });

  it("parses as Prometheus text and counts exactly the tasks this process ran, by type and outcome", async () => {
    const done = await Promise.all([
      app.services.tasks.enqueue("test.steps", { steps: 3 }),
      app.services.tasks.enqueue("test.steps", { steps: 3 }),
      app.services.tasks.enqueue("test.steps", { steps: 3 }),
      // Fails every attempt: 3 attempts, the last FAILED.
      app.services.tasks.enqueue("test.steps", { steps: 1, failAttempts: 3 }),
    ]);
    // Waiting, not running: due in an hour.
    await app.services.tasks.enqueue("test.slow", { steps: 1 }, { runAt: new Date(Date.now() + 3_600_000) });
    const ids = done.map((t) => t.id);
    await expect
      .poll(async () => (await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE id = ANY($1) AND status IN ('completed', 'failed')`, [ids])).rows[0].n, { timeout: 20_000 })
      .toBe(4);
    // One open subscription while scraping.
    const client = app.wsClient();
    const unsubscribe = client.subscribe({ query: `subscription { tasksUpdated { id } }` }, { next: () => {}, error: () => {}, complete: () => {} });
    await expect.poll(async () => value(parsePrometheusTextFormat((await scrape(app.url, TOKEN)).text), "taskline_subscriptions_open")).toBe(1);

    const res = await scrape(app.url, TOKEN);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parsePrometheusTextFormat(res.text);
    const steps = { task_type: "test.steps" };
    expect(value(m, "taskline_tasks_started_total", steps)).toBe(6);
    expect(value(m, "taskline_tasks_finished_total", { ...steps, status: "completed" })).toBe(3);
    expect(value(m, "taskline_tasks_finished_total", { ...steps, status: "retrying" })).toBe(2);
    expect(value(m, "taskline_tasks_finished_total", { ...steps, status: "failed" })).toBe(1);
    expect(value(m, "taskline_tasks_failed_total", steps)).toBe(1);
    expect(m.find((f) => f.name === "taskline_task_duration_seconds")?.type).toBe("HISTOGRAM");
    // parse-prometheus-text-format folds a histogram's labelled series into one; without the TYPE line its
    // `_count` and `_bucket` samples parse as plain series with their labels.
    const samples = parsePrometheusTextFormat(res.text.replace(/^# TYPE taskline_task_duration_seconds histogram$/m, ""));
    expect(value(samples, "taskline_task_duration_seconds_count", { ...steps, status: "completed" })).toBe(3);
    expect(value(samples, "taskline_task_duration_seconds_count", { ...steps, status: "failed" })).toBe(1);
    expect(value(samples, "taskline_task_duration_seconds_bucket", { ...steps, status: "completed", le: "+Inf" })).toBe(3);
    expect(value(m, "taskline_progress_publish_latency_seconds")).toBeGreaterThanOrEqual(6);
    expect(value(m, "taskline_queue_depth", { task_type: "test.slow", queue: "" })).toBe(1);
    expect(value(m, "taskline_queue_depth", steps)).toBeUndefined();
    expect(value(m, "taskline_worker_pools_alive")).toBe(1);
    expect(value(m, "taskline_cluster_metrics_up")).toBe(1);
    expect(value(m, "taskline_listen_reconnects_total")).toBe(0);
    unsubscribe();
    await expect.poll(async () => value(parsePrometheusTextFormat((await scrape(app.url, TOKEN)).text), "taskline_subscriptions_open")).toBe(0);
  }, 40_000);

  it("counts a LISTEN reconnect after the connection is killed", async () => {
    await app.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'taskline-listener' AND datname = current_database()`);
    await expect.poll(async () => value(parsePrometheusTextFormat((await scrape(app.url, TOKEN)).text), "taskline_listen_reconnects_total"), { timeout: 10_000 }).toBe(1);
  });

  it("serves the same metrics on the ops port, which also answers /livez and /readyz", async () => {
    const ops = `http://127.0.0.1:${app.opsPort}`;
    const m = parsePrometheusTextFormat((await scrape(ops, TOKEN)).text);
    expect(value(m, "taskline_tasks_started_total", { task_type: "test.steps" })).toBe(6);
    expect(await (await fetch(`${ops}/livez`)).json()).toMatchObject({ live: true });
    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, listen: { ok: true } } });
    expect((await fetch(`${ops}/graphql`)).status).toBe(404);
  });

  it("answers /livez and /readyz on the API's port, /healthz as the readiness alias, and is not ready with a migration pending", async () => {
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);
    const ready = await (await fetch(`${app.url}/readyz`)).json();
    expect(ready).toMatchObject({ ready: true, checks: { migrations: { ok: true } } });
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ ready: true });

    const applied = (await app.pool.query(`SELECT name FROM taskline_migrations`)).rows.map((r) => r.name as string);
    const newer = await checkReadiness({ pool: app.pool, listener: app.listener, migrationNames: [...applied, "Future1999999999999"] });
    expect(newer).toMatchObject({ ready: false, checks: { database: { ok: true }, migrations: { ok: false, detail: "pending: Future1999999999999" } } });
  });
});
