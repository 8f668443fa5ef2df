import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import { CatchUpPolicy, OverlapPolicy } from "../../apps/api/src/modules/schedules/schedule.entity.js";
import { TICK_OFFSET_MS, TICK_TASK } from "../../apps/api/src/modules/schedules/scheduler.js";
import { startApiProcess, startWorkerProcess } from "../support/processes.js";
import { plannedFires } from "../support/schedules.js";
import { waitFor } from "../support/run-task.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const MIN = 60_000;
const floorMinute = (ms: number) => Math.floor(ms / MIN) * MIN;
const input = (name: string, over: Record<string, unknown> = {}) =>
  ({ name, taskType: "test.steps", payload: { steps: 1 }, cron: "* * * * *", timezone: "UTC", paused: false, overlapPolicy: OverlapPolicy.ALLOW, catchUpPolicy: CatchUpPolicy.NONE, catchUpCap: 10, ...over }) as never;

describe("the tick, in one process on a fake clock", () => {
  let app: TestTaskline;
  const clock = new FakeClock();
  beforeAll(async () => {
    app = await startTaskline({ worker: false, clock });
  });
  afterAll(async () => {
    await app.close();
  });

  describe("catch-up after downtime", () => {
    const fireMinutes = async (id: string, t0: number) => (await plannedFires(app.pool, id)).map((r) => (r.run_at.getTime() - t0) / MIN);

    it.each([OverlapPolicy.SKIP, OverlapPolicy.ALLOW])("skips missed fires with NONE, runs the last one with LATEST, and the most recent up to the cap with ALL (%s)", async (overlapPolicy) => {
      const t0 = floorMinute(Date.now()) - 3 * 60 * MIN;
      clock.set(new Date(t0));
      const none = await app.services.schedules.create(app.admin, input(`none ${overlapPolicy}`, { overlapPolicy }));
      const latest = await app.services.schedules.create(app.admin, input(`latest ${overlapPolicy}`, { overlapPolicy, catchUpPolicy: CatchUpPolicy.LATEST }));
      const all = await app.services.schedules.create(app.admin, input(`all ${overlapPolicy}`, { overlapPolicy, catchUpPolicy: CatchUpPolicy.ALL, catchUpCap: 5 }));

      // Creating a schedule plans its first fire at once.
      expect(await fireMinutes(none.id, t0)).toEqual([1]);

      // Nobody ticked for an hour.
      clock.set(new Date(t0 + 60 * MIN + 10_000));
      await app.services.scheduler.tick();

      expect(await fireMinutes(none.id, t0)).toEqual([1, 59, 60, 61]);
      expect(await fireMinutes(latest.id, t0)).toEqual([1, 58, 59, 60, 61]);
      expect(await fireMinutes(all.id, t0)).toEqual([1, 54, 55, 56, 57, 58, 59, 60, 61]);

      // Ticking again, from any number of callers at once, adds nothing.
      await Promise.all([1, 2, 3].map(() => app.services.scheduler.tick()));
      expect(await fireMinutes(all.id, t0)).toHaveLength(9);
    });
  });

  describe("the jobs table's statistics", () => {
    it("are refreshed by a tick that planned a burst, so the fetch is not planned for an empty table", async () => {
      const t0 = floorMinute(Date.now()) + 5_000;
      clock.set(new Date(t0));
      // What autovacuum leaves after a burst: the table recorded as empty on pages it keeps (a vacuum that cannot
      // truncate them, as when a job at the end is still there or one of its locks is held).
      await app.pool.query(`SELECT graphile_worker.add_job('test.steps', '{}'::json, run_at := 'infinity') FROM generate_series(1, 3000)`);
      await app.pool.query(`DELETE FROM graphile_worker._private_jobs`);
      await app.pool.query(`VACUUM (TRUNCATE false) graphile_worker._private_jobs`);
      const estimate = async () => (await app.pool.query(`EXPLAIN (FORMAT JSON) SELECT * FROM graphile_worker._private_jobs`)).rows[0]["QUERY PLAN"][0].Plan["Plan Rows"];
      await app.pool.query(
        `INSERT INTO schedule (name, task_type, payload, cron, timezone, overlap_policy, catch_up_policy, last_enqueued_fire_at)
         SELECT 'burst ' || g, 'test.steps', '{"steps": 1}', '* * * * *', 'UTC', 'allow', 'none', $1 FROM generate_series(1, 1500) g`,
        [new Date(t0)],
      );
      const { enqueued } = await app.services.scheduler.tick();
      expect(enqueued).toBeGreaterThanOrEqual(1500);
      expect(await estimate()).toBeGreaterThanOrEqual(1500);
    });

    it("keep no figure for locked jobs, so add_jobs is not planned for none while a burst holds thousands", async () => {
      await app.pool.query(`DELETE FROM graphile_worker._private_jobs`);
      await app.pool.query(`SELECT graphile_worker.add_job('test.steps', '{}'::json, job_key := 'k' || g) FROM generate_series(1, 2000) g`);
      // Analysed with nothing locked, as autovacuum finds a queue between bursts; then a burst locks every job.
      await app.pool.query(`ANALYZE graphile_worker._private_jobs`);
      await app.pool.query(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'test'`);
      const plan = await app.pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM graphile_worker._private_jobs WHERE is_available IS NOT TRUE`);
      // Postgres's default for a boolean without statistics is half; from statistics it would be one row.
      expect(plan.rows[0]["QUERY PLAN"][0].Plan["Plan Rows"]).toBeGreaterThanOrEqual(500);
      await app.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    });
  });
});

describe("exactly-once across processes", () => {
  // Two API processes (this one and a child) and three worker processes on one database; the workers' sweeper
  // recovers the one the test kills (short grace, so the test need not wait 30 s).
  const WORKER_ENV = { WORKER_POOL_GRACE_SECONDS: "2", WORKER_HEARTBEAT_MS: "300" };
  let app: TestTaskline;
  let api2: Awaited<ReturnType<typeof startApiProcess>>;
  const workers: Array<Awaited<ReturnType<typeof startWorkerProcess>>> = [];
  beforeAll(async () => {
    app = await startTaskline({ worker: false });
    api2 = await startApiProcess(app.databaseUrl);
    workers.push(...(await Promise.all([1, 2, 3].map(() => startWorkerProcess(app.databaseUrl, WORKER_ENV)))));
  }, 150_000);
  afterAll(async () => {
    await Promise.all([...workers, api2].filter(Boolean).map((p) => p.stop()));
    await app?.close();
  });

  const gql2 = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${api2.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${app.as.admin.key}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  };

  it("runs each fire of a per-minute schedule exactly once while ticks race in three workers, one of them killed, with two APIs", async () => {
    const SPAN = 15;
    const t0 = floorMinute(Date.now()) - SPAN * MIN;
    // Created through the second API process, then dated back: as if it had existed for the whole simulated span.
    const created = await gql2(`mutation ($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
      input: { name: "every minute", taskType: "test.steps", payload: { steps: 2, stepMs: 50 }, cron: "* * * * *", overlapPolicy: "ALLOW", catchUpPolicy: "ALL", catchUpCap: 1000 },
    });
    expect(created.errors).toBeUndefined();
    const id: string = created.data.createSchedule.id;
    await app.pool.query(`UPDATE schedule SET created_at = $2, last_enqueued_fire_at = $2 WHERE id = $1`, [id, new Date(t0)]);

    // Three ticks for each simulated minute, spread over ~4 s of real time, taken by whichever worker is free.
    await app.pool.query(
      `SELECT graphile_worker.add_job($1, json_build_object('now', to_json(t0 + (k || ' minutes')::interval + interval '30 seconds')),
         run_at := now() + (k * 250 || ' milliseconds')::interval, max_attempts := 3)
       FROM generate_series(0, $2 - 1) AS k, generate_series(1, 3), (SELECT $3::timestamptz AS t0) AS t`,
      [TICK_TASK, SPAN, new Date(t0)],
    );
    await new Promise((r) => setTimeout(r, 1_500));
    workers[0]!.child.kill("SIGKILL");

    // Nothing but Taskline's own recovery: the survivors' sweeper declares the dead pool lost and frees its jobs.
    const deadline = Date.now() + 45_000;
    let counts: { done: number; jobs: number } = { done: 0, jobs: -1 };
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const { rows } = await app.pool.query(
        `SELECT (SELECT count(*)::int FROM task WHERE schedule_id = $1 AND fire_at <= $2 AND status = 'completed') AS done,
                (SELECT count(*)::int FROM graphile_worker.jobs WHERE run_at <= now()) AS jobs`,
        [id, new Date(t0 + SPAN * MIN)],
      );
      counts = rows[0];
      if (counts.done >= SPAN && counts.jobs === 0) break;
    }
    expect(counts).toEqual({ done: SPAN, jobs: 0 });
    // The dead worker was found by the sweeper, not by luck.
    const lost = await app.pool.query(`SELECT count(*)::int AS n FROM worker_pool WHERE lost_at IS NOT NULL`);
    expect(lost.rows[0].n).toBe(1);

    const perFire = await app.pool.query(`SELECT fire_at, count(*)::int AS n FROM task WHERE schedule_id = $1 AND fire_at <= $2 GROUP BY fire_at ORDER BY fire_at`, [id, new Date(t0 + SPAN * MIN)]);
    expect(perFire.rows.map((r) => (r.fire_at.getTime() - t0) / MIN)).toEqual(Array.from({ length: SPAN }, (_, i) => i + 1));
    expect(perFire.rows.every((r) => r.n === 1)).toBe(true);

    // Paused through the second API (the workers' real crontab could otherwise add a fire of the real minute now),
    // both APIs then report the same paused schedule and newest fire.
    const paused = await gql2(`mutation ($id: ID!) { pauseSchedule(id: $id) { paused } }`, { id });
    expect(paused.data.pauseSchedule).toEqual({ paused: true });
    const query = `query ($id: ID!) { schedule(id: $id) { paused lastFire { at } } }`;
    const [a, b] = (await Promise.all([gql2(query, { id }), app.gql(query, { id })])) as Array<{ data: any }>;
    expect(a!.data.schedule).toEqual(b!.data.schedule);
    expect(a!.data.schedule.paused).toBe(true);
    expect(Date.parse(a!.data.schedule.lastFire.at)).toBeGreaterThanOrEqual(t0 + SPAN * MIN);
  }, 90_000);

  it("runs the crontab's tick 30 s after the minute, once however often the crontab job runs", async () => {
    // What graphile-worker's crontab enqueues each minute (its payload carries `_cron`), twice as if two nodes raced.
    // A minute still to come, so the deferred tick stays queued for the test to see.
    const ts = new Date(Math.floor(Date.now() / MIN) * MIN + 10 * MIN);
    for (let i = 0; i < 2; i++) {
      await app.pool.query(`SELECT graphile_worker.add_job($1, $2::json, max_attempts := 1)`, [TICK_TASK, JSON.stringify({ _cron: { ts: ts.toISOString(), backfilled: false } })]);
    }
    // Only this minute's: a real minute may pass meanwhile and defer its own tick.
    const key = `${TICK_TASK}:${new Date(ts.getTime() + TICK_OFFSET_MS).toISOString()}`;
    const deferred = async () => (await app.pool.query(`SELECT key, run_at FROM graphile_worker.jobs WHERE task_identifier = $1 AND key = $2`, [TICK_TASK, key])).rows;
    const [job] = await waitFor("the deferred tick", async () => {
      // The crontab's jobs have no key; the deferred one has.
      const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1 AND key IS NULL`, [TICK_TASK]);
      return rows[0].n === 0 && (await deferred());
    });
    expect(await deferred()).toHaveLength(1);
    expect(job).toEqual({ key, run_at: new Date(ts.getTime() + TICK_OFFSET_MS) });
    await app.pool.query(`SELECT graphile_worker.remove_job($1)`, [job.key]);
  }, 30_000);
});
