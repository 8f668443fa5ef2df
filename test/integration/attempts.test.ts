import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerProcess } from "../support/processes.js";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

type TaskState = { id: string; status: string; version: number; attempts: number; maxAttempts: number; error: string | null; result: unknown };
type TaskEvent = { taskUpdated: TaskState };
const isFinal = (s: string) => ["COMPLETED", "FAILED", "CANCELLED"].includes(s);
const SUB = `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`;

function watch(app: TestTaskline, id: string, until: (t: TaskState) => boolean = (t) => isFinal(t.status)) {
  return collect<TaskEvent>(app.wsClient(), SUB, { id }, (e) => until(e.taskUpdated)).then((events) => events.map((e) => e.taskUpdated));
}

describe("attempts, time limits and cancellation", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline();
  });
  afterAll(async () => {
    await app.close();
  });

  it("retries a failing task with backoff, shows RETRYING with the attempt count, then succeeds", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 1, failAttempts: 1 });
    const states = await watch(app, task.id);
    const retrying = states.find((s) => s.status === "RETRYING");
    expect(retrying).toMatchObject({ attempts: 1, maxAttempts: 3, error: "attempt 1 fails on purpose" });
    expect(states.at(-1)).toMatchObject({ status: "COMPLETED", attempts: 2, result: { steps: 1, attempt: 2 } });
  });

  it("ends FAILED with the error once attempts run out", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 1, failAttempts: 99 });
    const states = await watch(app, task.id);
    expect(states.filter((s) => s.status === "RETRYING").map((s) => s.attempts)).toEqual([1, 2]);
    expect(states.at(-1)).toMatchObject({ status: "FAILED", attempts: 3, error: "attempt 3 fails on purpose" });
  });

  it("fails a task that passes its time limit with a clear message, even if it ignores its signal", async () => {
    const task = await app.services.tasks.enqueue("test.slow", { steps: 100, stepMs: 50, ignoreAbort: true });
    const states = await watch(app, task.id);
    expect(states.at(-1)).toMatchObject({ status: "FAILED", error: "Timed out after 0.5 s" });
  });

  it("cancels a pending task: its job leaves the queue and it never runs", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 1 }, { runAt: new Date(Date.now() + 60_000) });
    const { data } = await app.gql(`mutation($id: ID!) { cancelTask(id: $id) { status } }`, { id: task.id });
    expect(data.cancelTask.status).toBe("CANCELLED");
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`, [task.id]);
    expect(rows[0].n).toBe(0);
    const again = await app.gql(`mutation($id: ID!) { cancelTask(id: $id) { status } }`, { id: task.id });
    expect(again.errors?.[0]?.extensions?.code).toBe("TASK_NOT_CANCELLABLE");
  });

  it("retries a cancelled task as a new attempt of the same task", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 1 }, { runAt: new Date(Date.now() + 60_000) });
    await app.services.tasks.cancel(app.admin, task.id);
    const done = watch(app, task.id, (t) => t.status === "COMPLETED");
    const { data } = await app.gql(`mutation($id: ID!) { retryTask(id: $id) { id status } }`, { id: task.id });
    expect(data.retryTask).toEqual({ id: task.id, status: "PENDING" });
    expect((await done).at(-1)).toMatchObject({ status: "COMPLETED", attempts: 1 });
    const notRetryable = await app.gql(`mutation($id: ID!) { retryTask(id: $id) { id } }`, { id: task.id });
    expect(notRetryable.errors?.[0]?.extensions?.code).toBe("TASK_NOT_RETRYABLE");
  });
});

describe("a task running in another worker process", () => {
  let api: TestTaskline;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
  beforeAll(async () => {
    api = await startTaskline({ worker: false });
    worker = await startWorkerProcess(api.databaseUrl);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it("is cancelled through its own AbortSignal on that process and ends CANCELLED", async () => {
    const task = await api.services.tasks.enqueue("test.steps", { steps: 200, stepMs: 50 });
    const states = watch(api, task.id);
    await watch(api, task.id, (t) => t.status === "RUNNING" && (t as any).progress.current >= 2);
    const { data } = await api.gql(`mutation($id: ID!) { cancelTask(id: $id) { status cancelRequested } }`, { id: task.id });
    expect(data.cancelTask).toEqual({ status: "RUNNING", cancelRequested: true });
    const final = (await states).at(-1)!;
    expect(final).toMatchObject({ status: "CANCELLED", error: "Cancelled by a user" });
    expect(worker.child.exitCode).toBeNull();
  });

  it("reaches the subscriber's final state even when the API's LISTEN connection is killed mid-task", async () => {
    const task = await api.services.tasks.enqueue("test.steps", { steps: 30, stepMs: 50 });
    const states = watch(api, task.id);
    await watch(api, task.id, (t) => t.status === "RUNNING");
    const killed = await api.pool.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'taskline-listener' AND datname = current_database() AND pid <> pg_backend_pid()`);
    expect(killed.rows.length).toBeGreaterThan(0);
    const final = (await states).at(-1)!;
    expect(final).toMatchObject({ status: "COMPLETED", result: { steps: 30, attempt: 1 } });
    expect(api.listener.reconnects).toBeGreaterThanOrEqual(1);
  });
});
