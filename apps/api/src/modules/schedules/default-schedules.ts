import type { DataSource } from "typeorm";
import type { Logger } from "../../lib/logger.js";
import type { AuditService } from "../identity/audit.service.js";
import type { TaskTypeRegistry } from "../tasks/task-registry.js";
import type { Clock } from "./clock.js";
import { checkTiming } from "./next-fires.js";
import { CatchUpPolicy, OverlapPolicy } from "./schedule.entity.js";

/** A schedule Taskline creates on its first start; admins may then edit, pause or delete it like any other. */
export type DefaultSchedule = {
  /** Recorded in `seeded_default` once created: never rename, or the default comes back after a deletion. */
  key: string;
  name: string;
  taskType: string;
  payload?: Record<string, unknown>;
  /** Read in TASKLINE_TIMEZONE. */
  cron: string;
  overlapPolicy?: OverlapPolicy;
  catchUpPolicy?: CatchUpPolicy;
};

/**
 * The built-in recurring jobs (docs/schedules.md, "Built-in jobs"). Adding one: an entry here. Each is created once
 * per database, the first time a process starts with its task type registered.
 */
export const DEFAULT_SCHEDULES: DefaultSchedule[] = [
  // Hourly: with reminders 24 h and 1 h ahead, an hourly run sends each within the hour it falls due.
  { key: "schedule:interview_reminders", name: "Interview reminders", taskType: "recruiting.send_interview_reminders", cron: "0 * * * *" },
  { key: "schedule:weekly_report", name: "Weekly analytics report", taskType: "reporting.weekly_report", cron: "0 8 * * 1" },
  // 03:30: after midnight jobs, before office hours.
  { key: "schedule:retention_cleanup", name: "Retention clean-up", taskType: "system.retention_cleanup", cron: "30 3 * * *" },
  // A run stopped by GitHub's rate limit leaves the rest pending: the next day's run continues.
  { key: "schedule:resume_enrichment", name: "Resume enrichment", taskType: "recruiting.enrich_candidates", cron: "0 9 * * *" },
  { key: "schedule:candidate_export", name: "Candidate export sync", taskType: "recruiting.export_candidates", cron: "*/30 * * * *" },
  // 02:15: hired candidates whose sync failed or changed during the day reach the ATS sources overnight.
  { key: "schedule:ats_sync_pending", name: "ATS sync of pending candidates", taskType: "ats.sync_pending", cron: "15 2 * * *" },
  // 02:15: a quiet hour at most sites; one download per enabled device, each in its device's queue.
  { key: "schedule:device_attendance", name: "Nightly attendance download", taskType: "devices.download_all_attendance", cron: "15 2 * * *" },
];

export type SeedDeps = { ds: DataSource; registry: TaskTypeRegistry; audit: AuditService; clock: Clock; log: Logger };

/**
 * Creates every default never created before, each in its own transaction with its `seeded_default` row: the row's
 * primary key lets one of several concurrently starting processes create it, and its presence keeps a default an
 * admin deleted from coming back. A schedule of the same name made by hand is kept, and counts as the default.
 * Returns the names of the schedules this call created.
 */
export async function seedDefaultSchedules(deps: SeedDeps, timezone: string, defaults: DefaultSchedule[] = DEFAULT_SCHEDULES): Promise<string[]> {
  const created: string[] = [];
  for (const d of defaults) {
    // A task type another release adds: leave its default unseeded until a process that knows the type starts.
    if (!deps.registry.list().some((t) => t.name === d.taskType)) {
      deps.log.warn({ key: d.key, taskType: d.taskType }, "default schedule skipped: unknown task type");
      continue;
    }
    const payload = deps.registry.parsePayload(d.taskType, d.payload ?? {});
    const timing = checkTiming({ cron: d.cron, timezone });
    const now = deps.clock.now();
    const row = await deps.ds.transaction(async (m) => {
      const claimed = await m.query(`INSERT INTO seeded_default (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [d.key]);
      if (!claimed.length) return undefined;
      const [inserted] = await m.query(
        `INSERT INTO schedule (name, task_type, payload, cron, timezone, overlap_policy, catch_up_policy, last_enqueued_fire_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (name) DO NOTHING RETURNING id, name`,
        [d.name, d.taskType, JSON.stringify(payload), timing.cron, timing.timezone, d.overlapPolicy ?? OverlapPolicy.SKIP, d.catchUpPolicy ?? CatchUpPolicy.LATEST, now],
      );
      return inserted as { id: string; name: string } | undefined;
    });
    if (!row) continue;
    created.push(row.name);
    await deps.audit.record(null, "SCHEDULE_CREATED", { type: "Schedule", id: row.id }, { name: row.name, taskType: d.taskType, cron: timing.cron, timezone: timing.timezone, default: d.key });
  }
  return created;
}
