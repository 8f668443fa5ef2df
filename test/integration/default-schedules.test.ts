import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTaskline as startCore, type Taskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { DEFAULT_SCHEDULES, seedDefaultSchedules } from "../../apps/api/src/modules/schedules/default-schedules.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const OURS = {
  "Interview reminders": { taskType: "recruiting.send_interview_reminders", cron: "0 * * * *" },
  "Weekly analytics report": { taskType: "reporting.weekly_report", cron: "0 8 * * 1" },
  "Retention clean-up": { taskType: "system.retention_cleanup", cron: "30 3 * * *" },
};
const ENV = { TASKLINE_DEFAULT_SCHEDULES: "true", TASKLINE_TIMEZONE: "Europe/Berlin" };

describe("default schedules", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline({ worker: false, env: ENV });
  });
  afterAll(async () => {
    await app.close();
  });

  const schedules = async () => (await app.gql(`{ schedules { id name taskType cron timezone paused description } }`)).data.schedules as any[];
  /** Another process on the same database, as a restart or a second replica would be. */
  const restart = async (): Promise<Taskline> =>
    startCore({ config: loadConfig({ NODE_ENV: "test", DATABASE_URL: app.databaseUrl, PORT: "0", HOST: "127.0.0.1", ...ENV }), log: createLogger("silent"), api: true, worker: false });

  it("creates the built-in schedules on first start, in TASKLINE_TIMEZONE, each once", async () => {
    const list = await schedules();
    for (const [name, want] of Object.entries(OURS)) {
      const found = list.filter((s) => s.name === name);
      expect(found, name).toHaveLength(1);
      expect(found[0]).toMatchObject({ ...want, timezone: "Europe/Berlin", paused: false });
    }
    expect(list.find((s) => s.name === "Weekly analytics report").description).toContain("Monday");
    const { rows } = await app.pool.query(`SELECT action FROM audit_log WHERE action = 'SCHEDULE_CREATED' AND actor_id IS NULL`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it("creates each default once when several processes start at the same moment", async () => {
    await app.pool.query(`DELETE FROM schedule`);
    await app.pool.query(`DELETE FROM seeded_default`);
    const deps = { ds: app.services.db, registry: app.services.registry, audit: app.services.audit, clock: app.services.clock, log: createLogger("silent") };
    const created = await Promise.all([1, 2, 3, 4].map(() => seedDefaultSchedules(deps, "UTC")));
    // Defaults whose task type this build does not register are left for a later start.
    const known = new Set(app.services.registry.list().map((t) => t.name));
    const expected = DEFAULT_SCHEDULES.filter((d) => known.has(d.taskType)).map((d) => d.name).sort();
    expect(expected).toEqual(expect.arrayContaining(Object.keys(OURS)));
    expect(created.flat().sort()).toEqual(expected);
    expect((await schedules()).map((s) => s.name).sort()).toEqual(expected);
  });

  it("keeps edits and pauses across a restart, and does not re-create a deleted default", async () => {
    const before = await schedules();
    const byName = (name: string) => before.find((s) => s.name === name);
    await app.gql(`mutation($id: ID!) { deleteSchedule(id: $id) { id } }`, { id: byName("Interview reminders").id });
    await app.gql(`mutation($id: ID!) { pauseSchedule(id: $id) { id } }`, { id: byName("Weekly analytics report").id });
    await app.gql(`mutation($id: ID!) { updateSchedule(id: $id, input: { cron: "0 2 * * *" }) { id } }`, { id: byName("Retention clean-up").id });
    const expected = await schedules();

    const second = await restart();
    try {
      expect(second.firstAdmin).toBeUndefined();
      const after = await schedules();
      expect(after).toEqual(expected);
      expect(after.find((s) => s.name === "Interview reminders")).toBeUndefined();
      expect(after.find((s) => s.name === "Weekly analytics report").paused).toBe(true);
      expect(after.find((s) => s.name === "Retention clean-up").cron).toBe("0 2 * * *");
    } finally {
      await second.stop();
    }
  });

  it("creates nothing with TASKLINE_DEFAULT_SCHEDULES=false", async () => {
    const plain = await startTaskline({ worker: false });
    try {
      expect((await plain.gql(`{ schedules { id } }`)).data.schedules).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
