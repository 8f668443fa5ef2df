import { z } from "zod";
import { weeklyReport as weeklyReportMail } from "../../apps/api/src/modules/mail/templates/weekly-report.js";
import { claimReportEmail, upsertReport } from "../../apps/api/src/modules/reports/report.service.js";
import { figureRows, weekPeriod, weeklyFigures } from "../../apps/api/src/modules/reports/weekly-figures.js";
import { defineTaskType } from "../contract.js";

export const WEEKLY_REPORT_KIND = "weekly";

export type WeeklyReportResult = { reportId: string; periodStart: string; periodEnd: string; emailedTo: number };

/**
 * The week's pipeline figures (new candidates, rankings, task success rates and durations per task type, schedule
 * health), stored as the `weekly` report of that week and emailed to every active admin. Safe to run twice: the
 * report row is upserted on (kind, period_start), and the email is claimed with `emailed_at`, so a re-run refreshes
 * the figures but mails nobody again.
 */
export default defineTaskType({
  name: "reporting.weekly_report",
  title: "Weekly analytics report",
  payload: z.object({
    /** A Monday (ISO date) to report that week; default the last full week before now, in TASKLINE_TIMEZONE. */
    weekStart: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date (YYYY-MM-DD)")
      .refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, "must be a Monday")
      .optional(),
  }),
  maxAttempts: 3,
  timeLimitMs: 10 * 60_000,
  visibility: "shared",
  async run(ctx): Promise<WeeklyReportResult> {
    const { db, mail, clock, timeZone } = ctx.services;
    ctx.progress(0, 3, "Computing the figures");
    const { start, end } = await weekPeriod(db, clock.now(), timeZone, ctx.payload.weekStart);
    const figures = await weeklyFigures(db, start, end, timeZone);
    ctx.signal.throwIfAborted();

    ctx.progress(1, 3, "Storing the report");
    const report = await upsertReport(db, { kind: WEEKLY_REPORT_KIND, periodStart: start, periodEnd: end, data: figures, taskId: ctx.taskId });
    ctx.signal.throwIfAborted();

    ctx.progress(2, 3, "Emailing the admins");
    const admins: Array<{ email: string }> = await db.query(`SELECT email FROM app_user WHERE role = 'admin' AND active ORDER BY email`);
    const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
    // The period end is exclusive; the email names the week's last day.
    const rendered = weeklyReportMail({ weekStart: day(start), weekEnd: day(new Date(end.getTime() - 1)), figures: figureRows(figures) });
    const emailedTo = admins.length
      ? await db.transaction(async (m) => {
          if (!(await claimReportEmail(m, report.id))) return 0;
          // One message per admin: no admin's address goes to the others.
          for (const a of admins) await mail.enqueue({ to: a.email, ...rendered }, m);
          return admins.length;
        })
      : 0;
    ctx.progress(3, 3, emailedTo ? `Emailed ${emailedTo} admin(s)` : "Stored; no email sent");
    return { reportId: report.id, periodStart: start.toISOString(), periodEnd: end.toISOString(), emailedTo };
  },
});
