import type { DataSource } from "typeorm";

export type TaskTypeFigures = {
  type: string;
  completed: number;
  failed: number;
  cancelled: number;
  /** completed / (completed + failed); null when none finished either way. Cancelled tasks are nobody's failure. */
  successRate: number | null;
  /** Of completed tasks, started_at (the last attempt's start) to finished_at, in milliseconds. */
  avgDurationMs: number | null;
  p95DurationMs: number | null;
};

export type ScheduleFigures = {
  id: string;
  name: string;
  taskType: string;
  paused: boolean;
  /** Fires in the week that made a task. */
  fires: number;
  completed: number;
  failed: number;
  /** Fires skipped (overlap policy) or that could not start. */
  skipped: number;
};

/** The stored `data` of a `weekly` report: what the SPA charts and the email tabulates. */
export type WeeklyFigures = {
  timeZone: string;
  newCandidates: number;
  newJobPostings: number;
  rankings: { started: number; completed: number; failed: number };
  tasks: TaskTypeFigures[];
  schedules: ScheduleFigures[];
};

export const RANK_TASK = "recruiting.rank_candidates";

/**
 * The reported week: Monday 00:00 to the next Monday 00:00 in `timeZone`, either the one starting on `weekStart`
 * (an ISO date, a Monday) or the last full week before `now`. Postgres does the calendar arithmetic, so daylight
 * saving shifts are handled the way the database's zone data says.
 */
export async function weekPeriod(db: DataSource, now: Date, timeZone: string, weekStart?: string): Promise<{ start: Date; end: Date }> {
  const [row] = weekStart
    ? await db.query(
        `SELECT ($1::date::timestamp AT TIME ZONE $2) AS start, (($1::date + 7)::timestamp AT TIME ZONE $2) AS "end"`,
        [weekStart, timeZone],
      )
    : await db.query(
        `SELECT ((date_trunc('week', $1::timestamptz AT TIME ZONE $2) - interval '1 week') AT TIME ZONE $2) AS start,
                (date_trunc('week', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2) AS "end"`,
        [now, timeZone],
      );
  return { start: row.start, end: row.end };
}

/** Every figure of the week [start, end). Tasks count by when they finished; candidates and rankings by creation. */
export async function weeklyFigures(db: DataSource, start: Date, end: Date, timeZone: string): Promise<WeeklyFigures> {
  const range = [start, end];
  const [counts] = await db.query(
    `SELECT (SELECT count(*)::int FROM candidate WHERE created_at >= $1 AND created_at < $2) AS new_candidates,
            (SELECT count(*)::int FROM job_posting WHERE created_at >= $1 AND created_at < $2) AS new_job_postings,
            (SELECT count(*)::int FROM task WHERE type = $3 AND created_at >= $1 AND created_at < $2) AS rankings_started,
            (SELECT count(*)::int FROM task WHERE type = $3 AND status = 'completed' AND finished_at >= $1 AND finished_at < $2) AS rankings_completed,
            (SELECT count(*)::int FROM task WHERE type = $3 AND status = 'failed' AND finished_at >= $1 AND finished_at < $2) AS rankings_failed`,
    [...range, RANK_TASK],
  );
  const tasks = await db.query(
    `WITH finished AS (
       SELECT type, status, CASE WHEN status = 'completed' AND started_at IS NOT NULL
                                 THEN extract(epoch FROM finished_at - started_at) * 1000 END AS ms
       FROM task WHERE status IN ('completed', 'failed', 'cancelled') AND finished_at >= $1 AND finished_at < $2)
     SELECT type,
            count(*) FILTER (WHERE status = 'completed')::int AS completed,
            count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
            round(avg(ms))::float8 AS avg_ms,
            round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric)::float8 AS p95_ms
     FROM finished GROUP BY type ORDER BY type`,
    range,
  );
  const schedules = await db.query(
    `SELECT s.id, s.name, s.task_type, s.paused,
            count(t.id)::int AS fires,
            count(t.id) FILTER (WHERE t.status = 'completed')::int AS completed,
            count(t.id) FILTER (WHERE t.status = 'failed')::int AS failed,
            (SELECT count(*)::int FROM schedule_skipped_fire k WHERE k.schedule_id = s.id AND k.fire_at >= $1 AND k.fire_at < $2) AS skipped
     FROM schedule s LEFT JOIN task t ON t.schedule_id = s.id AND t.fire_at >= $1 AND t.fire_at < $2
     GROUP BY s.id ORDER BY s.name`,
    range,
  );
  return {
    timeZone,
    newCandidates: counts.new_candidates,
    newJobPostings: counts.new_job_postings,
    rankings: { started: counts.rankings_started, completed: counts.rankings_completed, failed: counts.rankings_failed },
    tasks: tasks.map((r: Record<string, any>) => ({
      type: r.type,
      completed: r.completed,
      failed: r.failed,
      cancelled: r.cancelled,
      successRate: r.completed + r.failed > 0 ? r.completed / (r.completed + r.failed) : null,
      avgDurationMs: r.avg_ms,
      p95DurationMs: r.p95_ms,
    })),
    schedules: schedules.map((r: Record<string, any>) => ({
      id: r.id,
      name: r.name,
      taskType: r.task_type,
      paused: r.paused,
      fires: r.fires,
      completed: r.completed,
      failed: r.failed,
      skipped: r.skipped,
    })),
  };
}

/** The rows of the email's table, in reading order. */
export function figureRows(f: WeeklyFigures): Array<[string, string | number]> {
  const pct = (r: number | null) => (r == null ? "n/a" : `${Math.round(r * 100)}%`);
  const secs = (ms: number | null) => (ms == null ? "n/a" : `${(ms / 1000).toFixed(1)} s`);
  const finished = f.tasks.reduce((a, t) => ({ c: a.c + t.completed, x: a.x + t.failed }), { c: 0, x: 0 });
  return [
    ["New candidates", f.newCandidates],
    ["New job postings", f.newJobPostings],
    ["Rankings run", f.rankings.started],
    ["Rankings completed / failed", `${f.rankings.completed} / ${f.rankings.failed}`],
    ["Task success rate (all types)", pct(finished.c + finished.x ? finished.c / (finished.c + finished.x) : null)],
    ...f.tasks.map((t): [string, string] => [`${t.type}`, `${t.completed} ok, ${t.failed} failed, ${pct(t.successRate)}; avg ${secs(t.avgDurationMs)}, p95 ${secs(t.p95DurationMs)}`]),
    ...f.schedules.map((s): [string, string] => [`Schedule: ${s.name}${s.paused ? " (paused)" : ""}`, `${s.fires} fires, ${s.completed} ok, ${s.failed} failed, ${s.skipped} skipped`]),
  ];
}
