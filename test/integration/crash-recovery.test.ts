import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerProcess } from "../support/processes.js";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

type TaskState = { id: string; status: string; attempts: number; error: string | null; result: unknown; progress: { current: number } };
type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;
const SUB = `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`;
const isFinal = (s: string) => ["COMPLETED", "FAILED", "CANCELLED"].includes(s);
const GRACE_SECONDS = 2;
// Short beats and grace so a lost pool is noticed in seconds; the defaults (5 s, 30 s) only scale these up.
// A 2 s shutdown grace keeps the SIGTERM test short; the task outlasts it either way.
const WORKER_ENV = { WORKER_POOL_GRACE_SECONDS: String(GRACE_SECONDS), WORKER_HEARTBEAT_MS: "300", WORKER_SHUTDOWN_GRACE_MS: "2000" };

/** Statuses in the order the subscriber saw them, repeats (progress events) folded. */
const statusPath = (states: TaskState[]) => states.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);

describe("crash recovery across worker processes", () => {
  let api: TestTaskline;
  const workers: WorkerProcess[] = [];
  const startWorker = async () => {
    const w = await startWorkerProcess(api.databaseUrl, WORKER_ENV);
    workers.push(w);
    return w;
  };

  function watch(id: string, onEvent: (t: TaskState) => void = () => {}) {
    return collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id }, (e) => (onEvent(e.taskUpdated), isFinal(e.taskUpdated.status)), 30_000).then((events) =>
      events.map((e) => e.taskUpdated),
    );
  }
  const runningOnce = (id: string) =>
    collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id }, (e) => e.taskUpdated.status === "RUNNING" && e.taskUpdated.progress.current >= 2);

  /** The worker process whose pool holds the task's running attempt. */
  async function holderOf(taskId: string): Promise<WorkerProcess> {
    const { rows } = await api.pool.query(`SELECT p.pid FROM task t JOIN worker_pool p ON p.id = t.worker_id WHERE t.id = $1 AND t.status = 'running'`, [taskId]);
    const holder = workers.find((w) => w.child.pid === rows[0]?.pid);
    if (!holder) throw new Error(`no live worker process holds task ${taskId}`);
    return holder;
  }

  beforeAll(async () => {
    api = await startTaskline({ worker: false, env: WORKER_ENV });
    await Promise.all([startWorker(), startWorker()]);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await api?.close();
  });

  it("hands a SIGKILLed worker's task back as RETRYING 'worker lost' within grace + 10 s, and another worker completes it, all seen live", async () => {
    const task = await api.services.tasks.enqueue("test.steps", { steps: 40, stepMs: 50 });
    let killedAt = 0;
    let retryingAt = 0;
    const states = watch(task.id, (t) => {
      if (t.status === "RETRYING" && !retryingAt) retryingAt = Date.now();
    });
    await runningOnce(task.id);
    const victim = await holderOf(task.id);
    const [{ worker_id: lostPool }] = (await api.pool.query(`SELECT worker_id FROM task WHERE id = $1`, [task.id])).rows;
    victim.child.kill("SIGKILL");
    killedAt = Date.now();
    const replacement = startWorker(); // for the next test, started while this one recovers

    const seen = await states;
    const completedAt = Date.now();
    console.info(`SIGKILL -> RETRYING ${retryingAt - killedAt} ms, -> COMPLETED ${completedAt - killedAt} ms (grace ${GRACE_SECONDS} s)`);
    expect(retryingAt - killedAt).toBeLessThan((GRACE_SECONDS + 10) * 1000);
    expect(statusPath(seen).slice(-4)).toEqual(["RUNNING", "RETRYING", "RUNNING", "COMPLETED"]);
    expect(seen.find((s) => s.status === "RETRYING")).toMatchObject({ attempts: 1, error: "worker lost" });
    expect(seen.at(-1)).toMatchObject({ status: "COMPLETED", attempts: 2, result: { steps: 40, attempt: 2 } });
    const { rows } = await api.pool.query(`SELECT lost_at IS NOT NULL AS lost, stopped_at FROM worker_pool WHERE id = $1`, [lostPool]);
    expect(rows[0]).toEqual({ lost: true, stopped_at: null });
    await replacement;
  }, 45_000);

  it("fails a task whose lost attempt was its last with 'worker lost; out of attempts', and drops its job", async () => {
    const task = await api.services.tasks.enqueue("test.steps", { steps: 200, stepMs: 50 });
    const states = watch(task.id);
    await runningOnce(task.id);
    // As if its type allowed one attempt: the one now running is the last.
    await api.pool.query(`UPDATE task SET max_attempts = 1 WHERE id = $1`, [task.id]);
    (await holderOf(task.id)).child.kill("SIGKILL");
    const replacement = startWorker();

    const seen = await states;
    expect(seen.at(-1)).toMatchObject({ status: "FAILED", attempts: 1, error: "worker lost; out of attempts" });
    expect(statusPath(seen)).not.toContain("RETRYING");
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`, [task.id]);
    expect(rows[0].n).toBe(0);
    await replacement;
  }, 45_000);

  it("on SIGTERM aborts a long task after the shutdown grace, refunds the attempt, completes it elsewhere and leaves no job locked", async () => {
    // 8 s of work: longer than the worker's 2 s shutdown grace, so it is aborted rather than finished.
    const task = await api.services.tasks.enqueue("test.steps", { steps: 160, stepMs: 50 });
    const states = watch(task.id);
    await runningOnce(task.id);
    const leaving = await holderOf(task.id);
    const [{ worker_id: stoppedPool }] = (await api.pool.query(`SELECT worker_id FROM task WHERE id = $1`, [task.id])).rows;
    await leaving.stop(); // SIGTERM, and wait for the process to exit
    expect(leaving.child.exitCode).toBe(0);

    const seen = await states;
    expect(statusPath(seen).slice(-4)).toEqual(["RUNNING", "RETRYING", "RUNNING", "COMPLETED"]);
    expect(seen.find((s) => s.status === "RETRYING")).toMatchObject({ attempts: 0, error: "The worker shut down; the task will run again" });
    expect(seen.at(-1)).toMatchObject({ status: "COMPLETED", attempts: 1 });
    const pools = await api.pool.query(`SELECT stopped_at IS NOT NULL AS stopped, lost_at FROM worker_pool WHERE id = $1`, [stoppedPool]);
    expect(pools.rows[0]).toEqual({ stopped: true, lost_at: null });
    // Polled briefly: the live worker may be running its per-minute schedule tick just now.
    await expect.poll(async () => (await api.pool.query(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`)).rows[0].n, { timeout: 3_000 }).toBe(0);
    const { rows: held } = await api.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by = $1`, [stoppedPool]);
    expect(held[0].n).toBe(0);
  }, 45_000);
});

describe("an API process without a worker", () => {
  let api: TestTaskline;
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    api = await startTaskline({ worker: false, env: WORKER_ENV });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it("sweeps the only worker's pool when it is SIGKILLed, so its task is RETRYING before any worker is back", async () => {
    const victim = await startWorkerProcess(api.databaseUrl, WORKER_ENV);
    const task = await api.services.tasks.enqueue("test.steps", { steps: 40, stepMs: 50 });
    await collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id: task.id }, (e) => e.taskUpdated.status === "RUNNING");
    const retrying = collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id: task.id }, (e) => e.taskUpdated.status === "RETRYING", 30_000);
    victim.child.kill("SIGKILL");

    // No worker process is alive now: only the API's sweeper can hand the task back.
    const seen = await retrying;
    expect(seen.at(-1)?.taskUpdated).toMatchObject({ status: "RETRYING", error: "worker lost" });
    const { rows } = await api.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by IS NOT NULL`);
    expect(rows[0].n).toBe(0);

    const done = collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id: task.id }, (e) => e.taskUpdated.status === "COMPLETED", 30_000);
    worker = await startWorkerProcess(api.databaseUrl, WORKER_ENV);
    expect((await done).at(-1)?.taskUpdated).toMatchObject({ status: "COMPLETED", attempts: 2 });
  }, 60_000);
});
