import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineTaskType } from "../../tasks/contract.js";
import { collect, startTaskline, type TestTaskline } from "../support/taskline.js";
import { stepsTask } from "../support/task-types.js";

/** Runs in a named queue, as a device's tasks do. */
const queued = defineTaskType({ ...stepsTask, name: "test.queued", queue: () => "device-7" });

const OVERVIEW = `
  queueDepth { taskType queue pending retrying running paused }
  waiting running
  lastHour { bucketSeconds completed failed cancelled failureRate buckets { start completed failed } }
  lastDay { bucketSeconds completed failed buckets { start } }
  durations { taskType count avgMs p95Ms }
  recentFailures { taskId taskType error attempts }
  paused { kind name }
  workerPools { id state concurrency running load taskTypes version heartbeatAgeSeconds }
  schedulesDueNext { at schedule { name } }`;

const status = async (app: TestTaskline, id: string) => (await app.pool.query(`SELECT status, attempts FROM task WHERE id = $1`, [id])).rows[0] as { status: string; attempts: number };

describe("operations dashboard", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline({ extraTaskTypes: [queued] });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("reports throughput, failure rate, durations, recent failures, queue depth and the worker pool from the rows", async () => {
    const ok = await Promise.all([1, 2, 3].map(() => app.services.tasks.enqueue("test.steps", { steps: 2, stepMs: 20 })));
    const bad = await app.services.tasks.enqueue("test.steps", { steps: 1, failAttempts: 3 });
    const later = await app.services.tasks.enqueue("test.slow", { steps: 1 }, { runAt: new Date(Date.now() + 3_600_000) });
    await expect.poll(async () => (await Promise.all([...ok, bad].map((t) => status(app, t.id)))).filter((s) => ["completed", "failed"].includes(s.status)).length, { timeout: 20_000 }).toBe(4);

    const { data, errors } = await app.gql(`{ operationsOverview { ${OVERVIEW} } }`);
    expect(errors).toBeUndefined();
    const o = data.operationsOverview;
    expect(o.lastHour).toMatchObject({ bucketSeconds: 300, completed: 3, failed: 1, cancelled: 0, failureRate: 0.25 });
    expect(o.lastHour.buckets).toHaveLength(12);
    expect(o.lastHour.buckets.reduce((n: number, b: { completed: number }) => n + b.completed, 0)).toBe(3);
    expect(o.lastDay).toMatchObject({ bucketSeconds: 3600, completed: 3, failed: 1 });
    expect(o.lastDay.buckets).toHaveLength(24);
    const steps = o.durations.find((d: { taskType: string }) => d.taskType === "test.steps");
    expect(steps.count).toBe(3);
    expect(steps.p95Ms).toBeGreaterThanOrEqual(steps.avgMs * 0.5);
    expect(o.recentFailures[0]).toMatchObject({ taskId: bad.id, taskType: "test.steps", error: "attempt 3 fails on purpose", attempts: 3 });
    expect(o.queueDepth).toEqual([{ taskType: "test.slow", queue: null, pending: 1, retrying: 0, running: 0, paused: false }]);
    expect(o.waiting).toBe(1);
    expect(o.workerPools).toHaveLength(1);
    expect(o.workerPools[0]).toMatchObject({ state: "ALIVE", concurrency: 10, running: 0, load: 0 });
    expect(o.workerPools[0].taskTypes).toContain("test.steps");
    await app.services.tasks.cancel(app.admin, later.id);

    const pools = await app.gql(`{ workerPools { id state } }`);
    expect(pools.data.workerPools).toEqual([{ id: o.workerPools[0].id, state: "ALIVE" }]);
  }, 40_000);

  it("refuses to pause an unknown task type or an empty queue name with BAD_USER_INPUT", async () => {
    const unknown = await app.gql(`mutation { pauseTaskType(taskType: "no.such_type") { name } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const empty = await app.gql(`mutation { pauseQueue(queue: "") { name } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("holds a paused task type's tasks PENDING without using an attempt, shows it live, and runs them on resume", async () => {
    const events: Array<{ operationsUpdated: { paused: Array<{ name: string }>; queueDepth: Array<{ taskType: string; pending: number; paused: boolean }> } }> = [];
    const seen = collect<(typeof events)[number]>(
      app.wsClient(),
      `subscription { operationsUpdated { paused { kind name } queueDepth { taskType pending paused } } }`,
      {},
      (e, all) => (events.splice(0, events.length, ...all), e.operationsUpdated.queueDepth.some((d) => d.taskType === "test.steps" && d.pending === 1 && d.paused)),
      20_000,
    );
    await expect.poll(() => events.length).toBe(1); // the snapshot, from before the pause
    const paused = await app.gql(`mutation { pauseTaskType(taskType: "test.steps") { kind name } }`);
    expect(paused.data.pauseTaskType).toEqual({ kind: "TASK_TYPE", name: "test.steps" });
    // The worker hears the pause over LISTEN; give the notice a moment before enqueueing.
    await new Promise((r) => setTimeout(r, 300));
    const held = await app.services.tasks.enqueue("test.steps", { steps: 1 });
    const live = await seen;
    expect(live[0]!.operationsUpdated.paused).toEqual([]);
    expect(live.at(-1)!.operationsUpdated.paused).toEqual([{ kind: "TASK_TYPE", name: "test.steps" }]);

    // Picked by the worker and put back: still PENDING, no attempt used, its job due later.
    await expect.poll(async () => (await app.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1 AND run_at > now() + interval '30 seconds'`, [held.id])).rows[0].n, { timeout: 10_000 }).toBe(1);
    expect(await status(app, held.id)).toEqual({ status: "pending", attempts: 0 });

    const resumed = await app.gql(`mutation { resumeTaskType(taskType: "test.steps") { name } }`);
    expect(resumed.data.resumeTaskType).toEqual([]);
    await expect.poll(async () => status(app, held.id), { timeout: 10_000 }).toEqual({ status: "completed", attempts: 1 });
    const audit = await app.pool.query(`SELECT action FROM audit_log WHERE action LIKE 'TASK_TYPE_%' ORDER BY at`);
    expect(audit.rows.map((r) => r.action)).toEqual(["TASK_TYPE_PAUSED", "TASK_TYPE_RESUMED"]);
  }, 40_000);

  it("holds tasks of a paused queue and releases them on resume", async () => {
    await app.gql(`mutation { pauseQueue(queue: "device-7") { name } }`);
    await new Promise((r) => setTimeout(r, 300));
    const held = await app.services.tasks.enqueue("test.queued", { steps: 1 });
    await expect.poll(async () => (await app.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1 AND run_at > now() + interval '30 seconds'`, [held.id])).rows[0].n, { timeout: 10_000 }).toBe(1);
    const { data } = await app.gql(`{ operationsOverview { queues { queue waiting running paused } } }`);
    expect(data.operationsOverview.queues).toEqual([{ queue: "device-7", waiting: 1, running: 0, paused: true }]);
    const resumed = await app.gql(`mutation { resumeQueue(queue: "device-7") { name } }`);
    expect(resumed.errors).toBeUndefined();
    await expect.poll(async () => (await status(app, held.id)).status, { timeout: 10_000 }).toBe("completed");
  });
});
