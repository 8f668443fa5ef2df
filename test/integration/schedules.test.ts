import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import pg from "pg";
import { DUE_CHANNEL } from "../../apps/api/src/modules/schedules/scheduler.js";
import { waitFor } from "../support/run-task.js";
import { plannedFires } from "../support/schedules.js";
import { collect, startTaskline, type TestTaskline } from "../support/taskline.js";

const SCHEDULE = `id name taskType payload cron intervalSeconds timezone paused status description nextFires(count: 3) version
  overlapPolicy catchUpPolicy catchUpCap lastFire { at skippedReason task { id status } } createdBy { email }`;
const CREATE = `mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { ${SCHEDULE} } }`;
const MIN = 60_000;

/** The schedule API against a process without a worker, so fire jobs stay where the assertions can see them. */
describe("the schedule API", () => {
  let app: TestTaskline;
  const clock = new FakeClock(new Date(Math.floor(Date.now() / MIN) * MIN + 5_000));
  let n = 0;
  const create = async (input: Record<string, unknown>) => {
    const res = await app.gql(CREATE, { input: { name: `schedule ${++n}`, taskType: "test.steps", payload: { steps: 1 }, ...input } });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createSchedule;
  };
  const pendingFires = (id: string) => plannedFires(app.pool, id);

  beforeAll(async () => {
    app = await startTaskline({ worker: false, clock });
  });
  afterAll(async () => {
    await app.close();
  });

  it("creates a schedule with its description and next fires in its timezone, and audits it", async () => {
    clock.set(new Date("2026-01-01T00:00:00Z"));
    const s = await create({ cron: "0 8 * * 1", timezone: "Europe/Berlin" });
    expect(s).toMatchObject({ status: "ACTIVE", paused: false, overlapPolicy: "SKIP", catchUpPolicy: "LATEST", description: "At 08:00, only on Monday (Europe/Berlin)" });
    expect(s.nextFires).toEqual(["2026-01-05T07:00:00.000Z", "2026-01-12T07:00:00.000Z", "2026-01-19T07:00:00.000Z"]);
    expect(s.createdBy.email).toBe("admin@test.example");
    const audit = await app.pool.query(`SELECT action, target_id FROM audit_log WHERE action = 'SCHEDULE_CREATED'`);
    expect(audit.rows).toContainEqual({ action: "SCHEDULE_CREATED", target_id: s.id });
    clock.set(new Date());
  });

  it("previews a timing for the form", async () => {
    const res = await app.as.viewer.gql(`{ previewSchedule(cron: "@daily", timezone: "America/New_York", count: 2) { description nextFires } }`);
    expect(res.data.previewSchedule.description).toBe("At 00:00 (America/New_York)");
    expect(res.data.previewSchedule.nextFires).toHaveLength(2);
  });

  it("refuses invalid cron expressions, unknown timezones, unknown task types and bad payloads with BAD_USER_INPUT saying what is wrong", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ cron: "61 * * * *" }, /Invalid cron expression "61 \* \* \* \*"/],
      [{ cron: "* * * * * *" }, /expected 5 fields/],
      [{ cron: "0 8 * * *", timezone: "Mars/Olympus_Mons" }, /Unknown timezone "Mars\/Olympus_Mons"/],
      [{ cron: "0 8 * * *", taskType: "no.such_type" }, /Unknown task type "no.such_type"/],
      [{ cron: "0 8 * * *", payload: { steps: "many" } }, /Invalid payload for test.steps: steps/],
      [{ cron: "0 8 * * *", intervalSeconds: 300 }, /either a cron expression or an interval/],
      [{ intervalSeconds: 10 }, /at least 60 seconds/],
    ];
    for (const [input, message] of cases) {
      const res = await app.gql(CREATE, { input: { name: `invalid ${++n}`, taskType: "test.steps", payload: { steps: 1 }, ...input } });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(message);
    }
    const first = await create({ cron: "0 8 * * *" });
    const dup = await app.gql(CREATE, { input: { name: first.name, taskType: "test.steps", payload: { steps: 1 }, cron: "0 9 * * *" } });
    expect(dup.errors?.[0]).toMatchObject({ message: `A schedule named "${first.name}" already exists`, extensions: { code: "BAD_USER_INPUT" } });
  });

  it("lets only admins change schedules", async () => {
    const res = await app.as.recruiter.gql(CREATE, { input: { name: "nope", taskType: "test.steps", payload: { steps: 1 }, cron: "0 8 * * *" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it.each(["SKIP", "ALLOW"])("removes pending fires on pause and does not replay the fires missed while paused on resume (%s)", async (overlapPolicy) => {
    clock.set(new Date());
    const s = await create({ cron: "* * * * *", catchUpPolicy: "ALL", catchUpCap: 100, overlapPolicy });
    await app.services.scheduler.tick();
    expect(await pendingFires(s.id)).toHaveLength(1);

    const paused = await app.gql(`mutation($id: ID!) { pauseSchedule(id: $id) { paused status nextFires } }`, { id: s.id });
    expect(paused.data.pauseSchedule).toEqual({ paused: true, status: "PAUSED", nextFires: [] });
    expect(await pendingFires(s.id)).toHaveLength(0);

    clock.advance(30 * MIN);
    await app.services.scheduler.tick();
    expect(await pendingFires(s.id)).toHaveLength(0);
    await app.gql(`mutation($id: ID!) { resumeSchedule(id: $id) { id } }`, { id: s.id });
    await app.services.scheduler.tick();
    const fires = await pendingFires(s.id);
    expect(fires).toHaveLength(1);
    expect(fires[0].run_at.getTime()).toBeGreaterThan(clock.now().getTime());
    const actions = (await app.pool.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [s.id])).rows.map((r) => r.action);
    expect(actions).toEqual(["SCHEDULE_CREATED", "SCHEDULE_PAUSED", "SCHEDULE_RESUMED"]);
    // A fire planned ahead is not the schedule's last fire, nor does it make the schedule RUNNING.
    const listed = (await app.gql(`query($id: ID!) { schedule(id: $id) { status lastFire { at } } }`, { id: s.id })).data.schedule;
    expect(listed).toEqual({ status: "ACTIVE", lastFire: null });
    clock.set(new Date());
  });

  it("announces the instants it planned on taskline_due, so workers wake when the fires come due", async () => {
    clock.set(new Date());
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const notices: number[][] = [];
      client.on("notification", (n) => n.channel === DUE_CHANNEL && notices.push(JSON.parse(n.payload!)));
      await client.query(`LISTEN ${DUE_CHANNEL}`);
      const s = await create({ cron: "* * * * *", overlapPolicy: "ALLOW" });
      const [fire] = await pendingFires(s.id);
      await waitFor("the due notice", async () => notices.length > 0);
      expect(notices).toEqual([[fire!.run_at.getTime()]]);
    } finally {
      await client.end();
    }
  });

  it("replaces the task planned ahead when the payload changes, and keeps it when only the name does", async () => {
    clock.set(new Date());
    const s = await create({ cron: "* * * * *", overlapPolicy: "ALLOW", payload: { steps: 1 } });
    await app.services.scheduler.tick();
    const planned = async () => (await app.pool.query(`SELECT id, payload FROM task WHERE schedule_id = $1 AND status = 'pending' AND run_at IS NOT NULL`, [s.id])).rows;
    const [before] = await planned();
    expect(before.payload).toMatchObject({ steps: 1 });

    const update = `mutation($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id } }`;
    await app.gql(update, { id: s.id, input: { name: `renamed ${s.id}` } });
    expect((await planned()).map((t) => t.id)).toEqual([before.id]);

    // The planned task is replaced at once by one with the new payload.
    await app.gql(update, { id: s.id, input: { payload: { steps: 2 } } });
    const after = await planned();
    expect(after.map((t) => t.id)).not.toContain(before.id);
    expect(after.length).toBeGreaterThanOrEqual(1);
    expect(after.every((t) => t.payload.steps === 2)).toBe(true);
    expect(await pendingFires(s.id)).toHaveLength(after.length);
    clock.set(new Date());
  });

  it("triggers now, refuses a second trigger with SCHEDULE_BUSY while the first task waits, and runs it when forced", async () => {
    const s = await create({ cron: "0 3 * * *", overlapPolicy: "SKIP" });
    const trigger = `mutation($id: ID!, $force: Boolean) { triggerSchedule(id: $id, force: $force) { id status } }`;
    const first = await app.gql(trigger, { id: s.id });
    expect(first.data.triggerSchedule.status).toBe("PENDING");
    clock.advance(1); // a trigger is the fire at its instant: the same instant again is the same fire
    const busy = await app.gql(trigger, { id: s.id });
    expect(busy.errors?.[0]?.extensions).toMatchObject({ code: "SCHEDULE_BUSY", busyTaskId: first.data.triggerSchedule.id });
    clock.advance(1);
    const forced = await app.gql(trigger, { id: s.id, force: true });
    expect(forced.data.triggerSchedule.id).not.toBe(first.data.triggerSchedule.id);
    const row = (await app.pool.query(`SELECT schedule_id, fire_at, visibility, created_by FROM task WHERE id = $1`, [forced.data.triggerSchedule.id])).rows[0];
    expect(row).toMatchObject({ schedule_id: s.id, visibility: "shared", created_by: null });
    const view = await app.as.viewer.gql(`query($id: ID!) { schedule(id: $id) { status lastFire { task { id } } } }`, { id: s.id });
    expect(view.data.schedule).toEqual({ status: "RUNNING", lastFire: { task: { id: forced.data.triggerSchedule.id } } });
  });

  it("counts a task waiting out a retry's backoff as running, unlike a task planned ahead", async () => {
    const s = await create({ cron: "0 5 * * *", overlapPolicy: "SKIP" });
    const task = (await app.gql(`mutation($id: ID!) { triggerSchedule(id: $id) { id } }`, { id: s.id })).data.triggerSchedule;
    // What a failed first attempt leaves: RETRYING with run_at at the end of its backoff.
    await app.pool.query(`UPDATE task SET status = 'retrying', attempts = 1, run_at = $2 WHERE id = $1`, [task.id, new Date(clock.now().getTime() + 10 * MIN)]);
    const view = await app.gql(`query($id: ID!) { schedule(id: $id) { status } }`, { id: s.id });
    expect(view.data.schedule.status).toBe("RUNNING");
    clock.advance(1);
    const busy = await app.gql(`mutation($id: ID!) { triggerSchedule(id: $id) { id } }`, { id: s.id });
    expect(busy.errors?.[0]?.extensions).toMatchObject({ code: "SCHEDULE_BUSY", busyTaskId: task.id });
    const overview = async () => (await app.gql(`{ schedulerOverview { running } }`)).data.schedulerOverview.running;
    const before = await overview();
    // The same row as a task made ahead for a later fire: not running yet.
    await app.pool.query(`UPDATE task SET status = 'pending', attempts = 0 WHERE id = $1`, [task.id]);
    expect(await overview()).toBe(before - 1);
    expect((await app.gql(`query($id: ID!) { schedule(id: $id) { status } }`, { id: s.id })).data.schedule.status).toBe("ACTIVE");
  });

  it("records a scheduled fire skipped by the overlap policy as the last fire", async () => {
    const s = await create({ cron: "0 4 * * *", overlapPolicy: "SKIP" });
    await app.gql(`mutation($id: ID!) { triggerSchedule(id: $id) { id } }`, { id: s.id });
    const fireAt = new Date(clock.now().getTime() + MIN);
    const outcome = await app.services.scheduler.fire(s.id, fireAt);
    expect(outcome.kind).toBe("skipped");
    const view = await app.gql(`query($id: ID!) { schedule(id: $id) { lastFire { at task { id } skippedReason } } }`, { id: s.id });
    expect(view.data.schedule.lastFire).toMatchObject({ at: fireAt.toISOString(), task: null, skippedReason: expect.stringMatching(/still PENDING/) });
  });

  it("never creates two tasks for one fire, however often the fire runs", async () => {
    const s = await create({ cron: "0 5 * * *", overlapPolicy: "ALLOW" });
    const fireAt = new Date(clock.now().getTime() + 2 * MIN);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => app.services.scheduler.fire(s.id, fireAt)));
    const ids = new Set(outcomes.map((o) => (o.kind === "started" ? o.task.id : o.kind)));
    expect(ids.size).toBe(1);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE schedule_id = $1`, [s.id]);
    expect(rows[0].n).toBe(1);
    const jobs = await app.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`, [[...ids][0]]);
    expect(jobs.rows[0].n).toBe(1);
  });

  it("fires a batch in one go: a repeated fire once, a SKIP schedule's second fire skipped, a paused or deleted schedule not at all", async () => {
    const allow = await create({ cron: "0 6 * * *", overlapPolicy: "ALLOW" });
    const skip = await create({ cron: "0 7 * * *", overlapPolicy: "SKIP" });
    const paused = await create({ cron: "0 8 * * *", paused: true });
    const at = (k: number) => new Date(clock.now().getTime() + k * MIN);
    const outcomes = await app.services.scheduler.fireMany([
      { scheduleId: skip.id, fireAt: at(4) },
      { scheduleId: allow.id, fireAt: at(3) },
      { scheduleId: allow.id, fireAt: at(3) },
      { scheduleId: skip.id, fireAt: at(3) },
      { scheduleId: paused.id, fireAt: at(3) },
      { scheduleId: "00000000-0000-4000-8000-000000000000", fireAt: at(3) },
    ]);
    const [skipLater, allowA, allowB, skipFirst, pausedOutcome, gone] = outcomes;
    expect(allowA).toMatchObject({ kind: "started" });
    expect(allowB).toEqual(allowA);
    expect(skipFirst).toMatchObject({ kind: "started" });
    const firstTask = (skipFirst as { task: { id: string } }).task.id;
    expect(skipLater).toEqual({ kind: "skipped", reason: `Task ${firstTask} of this schedule is still PENDING`, busyTaskId: firstTask });
    expect(pausedOutcome).toEqual({ kind: "paused" });
    expect(gone).toEqual({ kind: "gone" });
    const { rows } = await app.pool.query(`SELECT schedule_id, count(*)::int AS n FROM task WHERE schedule_id = ANY($1) GROUP BY schedule_id`, [[allow.id, skip.id, paused.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.schedule_id, r.n]))).toEqual({ [allow.id]: 1, [skip.id]: 1 });
    const skipped = await app.pool.query(`SELECT fire_at FROM schedule_skipped_fire WHERE schedule_id = $1`, [skip.id]);
    expect(skipped.rows.map((r) => r.fire_at.toISOString())).toEqual([at(4).toISOString()]);
  });

  it("pushes a pause live to scheduleUpdated subscribers", async () => {
    const s = await create({ cron: "0 6 * * *" });
    const events = collect<any>(
      app.as.viewer.wsClient(),
      `subscription { scheduleUpdated { id deleted schedule { id paused status } } }`,
      {},
      (e) => e.scheduleUpdated.id === s.id && e.scheduleUpdated.schedule?.paused === true,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    await app.gql(`mutation($id: ID!) { pauseSchedule(id: $id) { id } }`, { id: s.id });
    const got = await events;
    expect(got.at(-1).scheduleUpdated).toEqual({ id: s.id, deleted: false, schedule: { id: s.id, paused: true, status: "PAUSED" } });
  });

  it("keeps schedules, pause state and next fires across a restart", async () => {
    const active = await create({ cron: "15 9 * * *", timezone: "Asia/Tokyo" });
    const paused = await create({ intervalSeconds: 3600 });
    await app.gql(`mutation($id: ID!) { pauseSchedule(id: $id) { id } }`, { id: paused.id });
    const query = `{ schedules { id paused nextFires(count: 3) description } }`;
    const before = (await app.gql(query)).data.schedules;
    expect(before.find((s: any) => s.id === active.id).nextFires).toHaveLength(3);

    const { startTaskline: startCore } = await import("../../apps/api/src/app.js");
    const { loadConfig } = await import("../../apps/api/src/config.js");
    const { createLogger } = await import("../../apps/api/src/lib/logger.js");
    const restarted = await startCore({
      config: loadConfig({ NODE_ENV: "test", DATABASE_URL: app.databaseUrl, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false" }),
      log: createLogger("silent"),
      api: true,
      worker: false,
      clock,
    });
    try {
      const res = await fetch(`${restarted.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${app.as.admin.key}` },
        body: JSON.stringify({ query }),
      });
      const after = ((await res.json()) as any).data.schedules;
      expect(after).toEqual(before);
      expect(after.find((s: any) => s.id === paused.id).paused).toBe(true);
    } finally {
      await restarted.stop();
    }
  });

  it("deletes a schedule with its pending fires and keeps its tasks", async () => {
    const s = await create({ cron: "* * * * *", overlapPolicy: "ALLOW" });
    await app.services.scheduler.tick();
    expect(await pendingFires(s.id)).toHaveLength(1);
    const task = (await app.gql(`mutation($id: ID!) { triggerSchedule(id: $id) { id } }`, { id: s.id })).data.triggerSchedule;
    await app.gql(`mutation($id: ID!) { deleteSchedule(id: $id) { id } }`, { id: s.id });
    expect(await pendingFires(s.id)).toHaveLength(0);
    expect((await app.gql(`query($id: ID!) { schedule(id: $id) { id } }`, { id: s.id })).data.schedule).toBeNull();
    expect((await app.pool.query(`SELECT schedule_id FROM task WHERE id = $1`, [task.id])).rows[0]).toEqual({ schedule_id: null });
  });

  it("gives an overview with counts by state, next fires and the last 24 hours", async () => {
    const res = await app.as.viewer.gql(`{ schedulerOverview(nextFires: 3) { schedules active running paused nextFires { at schedule { name } } last24h { fires skipped inProgress successRate } lastTickAt workerPoolsAlive } }`);
    const o = res.data.schedulerOverview;
    expect(o.schedules).toBe(o.active + o.running + o.paused);
    expect(o.paused).toBeGreaterThanOrEqual(2);
    expect(o.running).toBeGreaterThanOrEqual(1);
    expect(o.nextFires).toHaveLength(3);
    expect(o.last24h.skipped).toBeGreaterThanOrEqual(1);
    expect(o.last24h.inProgress).toBeGreaterThanOrEqual(1);
    expect(o.workerPoolsAlive).toBe(0); // this API runs no worker
  });
});
