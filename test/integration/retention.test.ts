import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

/** A task row as retention finds it: `ageDays` since it finished (or, for unfinished ones, since a stale finish). */
async function insertTask(app: TestTaskline, status: string, ageDays: number | null, label: string): Promise<string> {
  const { rows } = await app.pool.query(
    `INSERT INTO task (type, status, payload, max_attempts, finished_at)
     VALUES ('test.steps', $1, $2, 3, CASE WHEN $3::float8 IS NULL THEN NULL ELSE now() - make_interval(days => 1) * $3::float8 END) RETURNING id`,
    [status, JSON.stringify({ steps: 0, label }), ageDays],
  );
  return rows[0].id;
}

async function addItemError(app: TestTaskline, taskId: string) {
  await app.pool.query(`INSERT INTO task_item_error (task_id, attempt, item_key, message) VALUES ($1, 1, 'item', 'broken')`, [taskId]);
}

async function runCleanup(app: TestTaskline, payload: Record<string, unknown>) {
  const task = await app.services.tasks.enqueue("system.retention_cleanup", payload);
  for (let i = 0; i < 400; i++) {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [task.id]);
    if (["completed", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await sleep(50);
  }
  throw new Error("the clean-up did not finish");
}

async function existing(app: TestTaskline, ids: string[]): Promise<string[]> {
  const { rows } = await app.pool.query(`SELECT id FROM task WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((r) => r.id as string).sort();
}

describe("the retention clean-up", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline({ env: { RETENTION_DAYS: "30" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("removes old finished tasks in batches, with their item errors, and keeps running, waiting and recent work", async () => {
    const old: string[] = [];
    for (let i = 0; i < 12; i++) old.push(await insertTask(app, ["completed", "failed", "cancelled"][i % 3]!, 40 + i, `old ${i}`));
    for (const id of old.slice(0, 3)) await addItemError(app, id);
    // Unfinished work stays whatever its timestamps say.
    const unfinished = [
      await insertTask(app, "pending", null, "pending"),
      await insertTask(app, "running", 90, "running with a stale finish"),
      await insertTask(app, "retrying", 90, "retrying with a stale finish"),
    ];
    const recent = [await insertTask(app, "completed", 2, "recent"), await insertTask(app, "failed", 29, "recent failure")];
    await addItemError(app, recent[1]!);

    const cleanup = await runCleanup(app, { batchSize: 5 });

    expect(cleanup.status).toBe("completed");
    // 12 tasks in batches of 5: 5, 5, 2; then one batch for the outbox and one for jobs.
    expect(cleanup.result).toMatchObject({ olderThanDays: 30, tasks: 12, outbox: 0, batches: 5 });
    expect(cleanup.progress_current).toBe(cleanup.progress_total);
    expect(await existing(app, old)).toEqual([]);
    expect(await existing(app, [...unfinished, ...recent])).toEqual([...unfinished, ...recent].sort());
    const { rows: errors } = await app.pool.query(`SELECT task_id FROM task_item_error`);
    expect(errors.map((e) => e.task_id)).toEqual([recent[1]]);
  });

  it("keeps a finished task that another row still points at", async () => {
    await app.pool.query(`CREATE TABLE report_link (id serial PRIMARY KEY, task_id uuid REFERENCES task (id))`);
    const needed = await insertTask(app, "completed", 100, "linked from a report");
    const unneeded = await insertTask(app, "completed", 100, "linked from nothing");
    await app.pool.query(`INSERT INTO report_link (task_id) VALUES ($1)`, [needed]);

    const cleanup = await runCleanup(app, {});

    expect(cleanup.result).toMatchObject({ tasks: 1 });
    expect(await existing(app, [needed, unneeded])).toEqual([needed]);
  });

  it("takes its age from the payload, or from RETENTION_DAYS", async () => {
    const tenDays = await insertTask(app, "completed", 10, "ten days old");
    expect((await runCleanup(app, {})).result).toMatchObject({ olderThanDays: 30, tasks: 0 });
    expect(await existing(app, [tenDays])).toEqual([tenDays]);

    const cleanup = await runCleanup(app, { olderThanDays: 7 });

    expect(cleanup.result).toMatchObject({ olderThanDays: 7 });
    expect(await existing(app, [tenDays])).toEqual([]);
  });

  it("removes old sent mail but keeps failed and held messages", async () => {
    const insert = async (status: string, ageDays: number) =>
      (
        await app.pool.query(
          `INSERT INTO outbox ("to", subject, html, text, status, created_at, sent_at)
           VALUES ('{a@example.com}', 's', 'h', 't', $1, now() - make_interval(days => $2), CASE WHEN $1 = 'sent' THEN now() - make_interval(days => $2) END)
           RETURNING id`,
          [status, ageDays],
        )
      ).rows[0].id as string;
    const oldSent = await insert("sent", 60);
    const keep = [await insert("sent", 1), await insert("failed", 60), await insert("held", 60)];

    const cleanup = await runCleanup(app, {});

    expect(cleanup.result).toMatchObject({ outbox: 1 });
    const { rows } = await app.pool.query(`SELECT id FROM outbox WHERE id = ANY($1::uuid[])`, [[oldSent, ...keep]]);
    expect(rows.map((r) => r.id).sort()).toEqual([...keep].sort());
  });

  it("removes old permanently failed graphile-worker jobs and leaves live ones", async () => {
    const add = async (key: string) =>
      (await app.pool.query(`SELECT id FROM graphile_worker.add_job('test.unknown_leftover', '{}', job_key := $1, run_at := now() + interval '1 day')`, [key])).rows[0].id as string;
    const deadOld = await add("dead-old");
    const deadRecent = await add("dead-recent");
    const waiting = await add("waiting");
    await app.pool.query(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts, updated_at = now() - interval '60 days' WHERE id = $1`, [deadOld]);
    await app.pool.query(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE id = $1`, [deadRecent]);

    const cleanup = await runCleanup(app, {});

    expect(cleanup.result).toMatchObject({ jobs: 1 });
    const { rows } = await app.pool.query(`SELECT id::text FROM graphile_worker.jobs WHERE id = ANY($1::bigint[]) ORDER BY id`, [[deadOld, deadRecent, waiting]]);
    expect(rows.map((r) => r.id)).toEqual([deadRecent, waiting]);
  });

  it("stops between two batches when cancelled, leaving the rest for the next run", async () => {
    await app.pool.query(
      `INSERT INTO task (type, status, payload, max_attempts, finished_at)
       SELECT 'test.steps', 'completed', '{"steps": 0}', 3, now() - interval '50 days' FROM generate_series(1, 3000)`,
    );
    const task = await app.services.tasks.enqueue("system.retention_cleanup", { batchSize: 1 });
    for (let i = 0; i < 200; i++) {
      const { rows } = await app.pool.query(`SELECT progress_current FROM task WHERE id = $1`, [task.id]);
      if (rows[0].progress_current > 0) break;
      await sleep(25);
    }

    await app.services.tasks.cancel(app.admin, task.id);
    const ended = await waitForEnd(app, task.id);

    expect(ended.status).toBe("cancelled");
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE status = 'completed' AND finished_at < now() - interval '40 days'`);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(rows[0].n).toBeLessThan(3000);
  });
});

async function waitForEnd(app: TestTaskline, id: string) {
  for (let i = 0; i < 400; i++) {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [id]);
    if (["completed", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await sleep(25);
  }
  throw new Error("the task did not end");
}
