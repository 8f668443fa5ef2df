import type pg from "pg";
import { FIRE_TASK, fireKeyPrefix } from "../../apps/api/src/modules/schedules/scheduler.js";

/**
 * A schedule's fires planned ahead and not yet started, by due time: a SKIP schedule's fire jobs, or the tasks the
 * tick made ahead for an ALLOW one, each counted only with its job due at the fire time.
 */
export async function plannedFires(pool: pg.Pool, scheduleId: string): Promise<Array<{ run_at: Date }>> {
  const { rows } = await pool.query(
    `SELECT run_at FROM graphile_worker.jobs WHERE task_identifier = $1 AND key LIKE $2
     UNION ALL
     SELECT j.run_at FROM task t JOIN graphile_worker.jobs j ON j.key = t.id::text
     WHERE t.schedule_id = $3 AND t.status = 'pending' AND t.run_at = t.fire_at AND j.run_at = t.fire_at
     ORDER BY run_at`,
    [FIRE_TASK, `${fireKeyPrefix(scheduleId)}%`, scheduleId],
  );
  return rows;
}
