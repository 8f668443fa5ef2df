import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * No planner statistics for graphile-worker's `is_available` column. `add_jobs` first clears the key of any locked
 * job that has one of the new keys, a join planned from how many jobs are locked. Autovacuum analyses the table
 * when nothing is locked, so the planner expects one locked job, and picks a nested loop that compares every locked
 * job with every new one: at :00, 10,000 fire jobs locked while their fires add 10,000 task jobs took 13 s a batch
 * and started the minute 22 s late (docs/benchmarks.md). Without statistics, Postgres assumes half the jobs locked
 * and plans a hash join or index lookups, whatever the moment of the last analyse. Existing statistics are cleared
 * where the server can (Postgres 18's pg_clear_attribute_stats); a new table has none.
 */
export class JobStatistics1764240000000 implements MigrationInterface {
  name = "JobStatistics1764240000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE graphile_worker._private_jobs ALTER COLUMN is_available SET STATISTICS 0`);
    await q.query(`
      DO $$ BEGIN
        IF to_regprocedure('pg_clear_attribute_stats(text, text, text, boolean)') IS NOT NULL THEN
          PERFORM pg_clear_attribute_stats('graphile_worker', '_private_jobs', 'is_available', false);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE graphile_worker._private_jobs ALTER COLUMN is_available SET STATISTICS -1`);
  }
}
