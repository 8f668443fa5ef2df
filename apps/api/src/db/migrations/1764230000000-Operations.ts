import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The operations dashboard (docs/operations.md): paused task types and queues, and the indexes that keep each
 * dashboard query an index scan with a million finished tasks (EXPLAIN plans in docs/operations.md).
 */
export class Operations1764230000000 implements MigrationInterface {
  name = "Operations1764230000000";

  async up(q: QueryRunner): Promise<void> {
    // kind 'task_type' or 'queue'; a worker that picks up a job of a paused one puts it back for later.
    await q.query(`
      CREATE TABLE paused_work (
        kind text NOT NULL CHECK (kind IN ('task_type', 'queue')),
        name text NOT NULL,
        paused_at timestamptz NOT NULL DEFAULT now(),
        paused_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        PRIMARY KEY (kind, name)
      )`);
    // Queue depth and running tasks by type and queue: an index-only scan of the active tasks alone.
    await q.query(`CREATE INDEX task_active_type_idx ON task (type, queue_name, status) WHERE status IN ('pending', 'running', 'retrying')`);
    // Throughput, failure rate and durations over a window: an index-only range scan on finished_at.
    await q.query(
      `CREATE INDEX task_finished_stats_idx ON task (finished_at) INCLUDE (status, type, started_at) WHERE status IN ('completed', 'failed', 'cancelled')`,
    );
    await q.query(`DROP INDEX task_finished_idx`);
    // Recent failures, newest first.
    await q.query(`CREATE INDEX task_failed_recent_idx ON task (finished_at DESC) WHERE status = 'failed'`);
    // The dashboard's pools: live ones and those that ended recently.
    await q.query(`CREATE INDEX worker_pool_heartbeat_idx ON worker_pool (heartbeat_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX worker_pool_heartbeat_idx`);
    await q.query(`DROP INDEX task_failed_recent_idx`);
    await q.query(`CREATE INDEX task_finished_idx ON task (finished_at) WHERE status IN ('completed', 'failed', 'cancelled')`);
    await q.query(`DROP INDEX task_finished_stats_idx`);
    await q.query(`DROP INDEX task_active_type_idx`);
    await q.query(`DROP TABLE paused_work`);
  }
}
