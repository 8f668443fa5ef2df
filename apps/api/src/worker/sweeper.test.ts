import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/database.js";
import { createLogger } from "../lib/logger.js";
import { Sweeper, SWEEPER_LOCK } from "./sweeper.js";

describe("Sweeper.sweep", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let utils: WorkerUtils;
  const sweeper = () => new Sweeper(pool, utils, createLogger("silent"), { graceSeconds: 30, intervalMs: 1_000 });
  const addPool = (id: string, silentSeconds: number) =>
    pool.query(`INSERT INTO worker_pool (id, host, pid, concurrency, task_types, version, heartbeat_at) VALUES ($1, 'h', 1, 1, '{}', 't', now() - make_interval(secs => $2))`, [id, silentSeconds]);
  const addRunning = async (workerId: string, attempts = 1) =>
    (await pool.query(`INSERT INTO task (type, status, max_attempts, attempts, run_id, worker_id) VALUES ('test.steps', 'running', 3, $2, gen_random_uuid(), $1) RETURNING id`, [workerId, attempts])).rows[0].id as string;
  const taskRow = async (id: string) => (await pool.query(`SELECT status, error, run_id FROM task WHERE id = $1`, [id])).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 6 });
    // Idle clients are dropped with the database at the end.
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    utils = await makeWorkerUtils({ pgPool: pool });
  });
  beforeEach(async () => {
    await pool.query(`TRUNCATE worker_pool; DELETE FROM task`);
  });
  afterAll(async () => {
    await utils?.release();
    await pool?.end();
    await db?.drop();
  });

  it("declares only pools silent past the grace lost, and hands back only their running tasks", async () => {
    await addPool("pool-dead", 31);
    await addPool("pool-alive", 1);
    const lostTask = await addRunning("pool-dead");
    const liveTask = await addRunning("pool-alive");

    expect(await sweeper().sweep()).toEqual({ pools: ["pool-dead"], retrying: 1, failed: 0 });
    expect(await taskRow(lostTask)).toEqual({ status: "retrying", error: "worker lost", run_id: null });
    expect((await taskRow(liveTask)).status).toBe("running");
    const { rows } = await pool.query(`SELECT id FROM worker_pool WHERE lost_at IS NOT NULL`);
    expect(rows).toEqual([{ id: "pool-dead" }]);
  });

  it("fails a task whose lost attempt was its last", async () => {
    await addPool("pool-dead", 60);
    const id = await addRunning("pool-dead", 3);
    expect(await sweeper().sweep()).toMatchObject({ failed: 1, retrying: 0 });
    expect(await taskRow(id)).toEqual({ status: "failed", error: "worker lost; out of attempts", run_id: null });
  });

  it("lets one process act per round: a sweeper that finds the lock taken skips it", async () => {
    await addPool("pool-dead", 60);
    const holder = await pool.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1)", [SWEEPER_LOCK]);
      expect(await sweeper().sweep()).toBeUndefined();
      await holder.query("ROLLBACK");
    } finally {
      holder.release();
    }
    expect(await sweeper().sweep()).toMatchObject({ pools: ["pool-dead"] });
    expect(await sweeper().sweep()).toEqual({ pools: [], retrying: 0, failed: 0 });
  });
});
