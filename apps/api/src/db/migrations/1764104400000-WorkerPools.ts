import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Worker pools and crash recovery (docs/operations.md, "Crash recovery"). graphile-worker keeps a dead worker's
 * jobs locked for 4 hours; Taskline's pools heartbeat into `worker_pool` instead, and a sweeper declares a pool that
 * went silent lost. The id is graphile-worker's pool id, the value it writes into its jobs' `locked_by`, so the
 * sweeper can hand exactly those ids to `force_unlock_workers`. `task.worker_id` says which pool holds a RUNNING
 * attempt (it is kept after the attempt ends: the pool that ran it last).
 */
export class WorkerPools1764104400000 implements MigrationInterface {
  name = "WorkerPools1764104400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_pool (
        id text PRIMARY KEY,
        host text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        concurrency integer NOT NULL,
        task_types text[] NOT NULL,
        version text NOT NULL,
        stopped_at timestamptz,
        -- Set by the sweeper instead of stopped_at: the pool went silent and its work was handed back.
        lost_at timestamptz
      )`);
    // The sweeper's question, "which live pools went silent?", reads only live pools.
    await q.query(`CREATE INDEX worker_pool_live_heartbeat_idx ON worker_pool (heartbeat_at) WHERE stopped_at IS NULL AND lost_at IS NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN worker_id text`);
    await q.query(`CREATE INDEX task_running_worker_idx ON task (worker_id) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_running_worker_idx`);
    await q.query(`ALTER TABLE task DROP COLUMN worker_id`);
    await q.query(`DROP TABLE worker_pool`);
  }
}
