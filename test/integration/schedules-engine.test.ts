import { makeWorkerUtils } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import { CatchUpPolicy, OverlapPolicy } from "../../apps/api/src/modules/schedules/schedule.entity.js";
import { FIRE_TASK, TICK_TASK } from "../../apps/api/src/modules/schedules/scheduler.js";
import { startWorkerProcess } from "../support/processes.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const MIN = 60_000;
const floorMinute = (ms: number) => Math.floor(ms / MIN) * MIN;
const input = (name: string, over: Record<string, unknown> = {}) =>
  ({ name, taskType: "test.steps", payload: { steps: 1 }, cron: "* * * * *", timezone: "UTC", paused: false, overlapPolicy: OverlapPolicy.ALLOW, catchUpPolicy: CatchUpPolicy.NONE, catchUpCap: 10, ...over }) as never;

describe("catch-up after downtime", () => {
  let app: TestTaskline;
  const clock = new FakeClock();
  beforeAll(async () => {
    app = await startTaskline({ worker: false, clock });
  });
  afterAll(async () => {
    await app.close();
  });

  const fireMinutes = async (id: string, t0: number) =>
    (await app.pool.query(`SELECT run_at FROM graphile_worker.jobs WHERE task_identifier = $1 AND key LIKE $2 ORDER BY run_at`, [FIRE_TASK, `schedule:${id}:%`])).rows.map(
      (r) => (r.run_at.getTime() - t0) / MIN,
    );

  it("skips missed fires with NONE, runs the last one with LATEST, and the most recent up to the cap with ALL", async () => {
    const t0 = floorMinute(Date.now()) - 3 * 60 * MIN;
    clock.set(new Date(t0));
    const none = await app.services.schedules.create(app.admin, input("none"));
    const latest = await app.services.schedules.create(app.admin, input("latest", { catchUpPolicy: CatchUpPolicy.LATEST }));
    const all = await app.services.schedules.create(app.admin, input("all", { catchUpPolicy: CatchUpPolicy.ALL, catchUpCap: 5 }));

    // Nobody ticked for an hour.
    clock.set(new Date(t0 + 60 * MIN + 10_000));
    await app.services.scheduler.tick();

    expect(await fireMinutes(none.id, t0)).toEqual([59, 60, 61]);
    expect(await fireMinutes(latest.id, t0)).toEqual([58, 59, 60, 61]);
    expect(await fireMinutes(all.id, t0)).toEqual([54, 55, 56, 57, 58, 59, 60, 61]);

    // Ticking again, from any number of callers at once, adds nothing.
    await Promise.all([1, 2, 3].map(() => app.services.scheduler.tick()));
    expect(await fireMinutes(all.id, t0)).toHaveLength(8);
  });
});

describe("exactly-once across processes", () => {
  let app: TestTaskline;
  const clock = new FakeClock();
  const workers: Array<Awaited<ReturnType<typeof startWorkerProcess>>> = [];
  beforeAll(async () => {
    app = await startTaskline({ clock });
    workers.push(...(await Promise.all([1, 2, 3].map(() => startWorkerProcess(app.databaseUrl)))));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await app?.close();
  });

  it("creates exactly one task per fire of a per-minute schedule while ticks run concurrently in several processes and one is killed", async () => {
    const SPAN = 15;
    const t0 = floorMinute(Date.now()) - SPAN * MIN;
    clock.set(new Date(t0));
    const s = await app.services.schedules.create(app.admin, input("every minute", { payload: { steps: 2, stepMs: 50 }, catchUpPolicy: CatchUpPolicy.ALL, catchUpCap: 1000 }));
    clock.set(new Date());

    // Three ticks for each simulated minute, spread over ~4 s of real time, taken by whichever worker is free.
    await app.pool.query(
      `SELECT graphile_worker.add_job($1, json_build_object('now', to_json(t0 + (k || ' minutes')::interval + interval '30 seconds')),
         run_at := now() + (k * 250 || ' milliseconds')::interval, max_attempts := 3)
       FROM generate_series(0, $2 - 1) AS k, generate_series(1, 3), (SELECT $3::timestamptz AS t0) AS t`,
      [TICK_TASK, SPAN, new Date(t0)],
    );
    await new Promise((r) => setTimeout(r, 1_500));
    workers[0]!.child.kill("SIGKILL");

    // What Taskline's sweeper is for (not built yet): release the jobs the dead worker holds.
    const utils = await makeWorkerUtils({ pgPool: app.pool });
    try {
      const deadline = Date.now() + 40_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, 1_000));
        const stale = await app.pool.query(`SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_at < now() - interval '3 seconds'`);
        if (stale.rows.length) await utils.forceUnlockWorkers(stale.rows.map((r) => r.locked_by));
        const { rows } = await app.pool.query(
          `SELECT (SELECT count(*)::int FROM task WHERE schedule_id = $1 AND fire_at > $2 AND fire_at <= $3) AS tasks,
                  (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier IN ($4, $5) AND run_at <= now()) AS waiting`,
          [s.id, new Date(t0), new Date(t0 + SPAN * MIN), TICK_TASK, FIRE_TASK],
        );
        if ((rows[0].tasks === SPAN && rows[0].waiting === 0) || Date.now() > deadline) break;
      }
    } finally {
      await utils.release();
    }

    const perFire = await app.pool.query(
      `SELECT fire_at, count(*)::int AS n FROM task WHERE schedule_id = $1 AND fire_at > $2 AND fire_at <= $3 GROUP BY fire_at ORDER BY fire_at`,
      [s.id, new Date(t0), new Date(t0 + SPAN * MIN)],
    );
    expect(perFire.rows.map((r) => (r.fire_at.getTime() - t0) / MIN)).toEqual(Array.from({ length: SPAN }, (_, i) => i + 1));
    expect(perFire.rows.every((r) => r.n === 1)).toBe(true);
  }, 60_000);
});
