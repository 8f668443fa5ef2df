import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import { outboxSettled, runTask } from "../support/run-task.js";
import { startTestSmtp, type TestSmtp } from "../support/smtp.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const REPORT = "reporting.weekly_report";
// Wednesday 25 November 2026: the last full week in Berlin is Monday 16 to Sunday 22 November, which starts at
// 2026-11-15T23:00Z (CET is UTC+1) and ends at 2026-11-22T23:00Z.
const NOW = new Date("2026-11-25T10:00:00Z");
const WEEK_START = "2026-11-15T23:00:00.000Z";
const WEEK_END = "2026-11-22T23:00:00.000Z";

describe("the weekly analytics report", () => {
  let smtp: TestSmtp;
  let app: TestTaskline;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTaskline({ clock: new FakeClock(NOW), env: { SMTP_URL: smtp.url, TASKLINE_TIMEZONE: "Europe/Berlin" } });
    await seedWeek(app);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
  });

  it("stores the week's figures, matching the seeded data, and emails them to every active admin", async () => {
    const task = await runTask(app, REPORT);
    expect(task.status).toBe("completed");
    expect(task.result).toMatchObject({ periodStart: WEEK_START, periodEnd: WEEK_END });

    const res = await app.as.viewer.gql(`{ reports(first: 5) { totalCount edges { node { id kind periodStart periodEnd emailedAt data } } } }`);
    expect(res.data.reports.totalCount).toBe(1);
    const report = res.data.reports.edges[0].node;
    expect(report).toMatchObject({ kind: "weekly", periodStart: WEEK_START, periodEnd: WEEK_END });
    expect(report.emailedAt).toBeTruthy();
    const d = report.data;
    expect(d.newCandidates).toBe(3);
    expect(d.newJobPostings).toBe(1);
    expect(d.rankings).toEqual({ started: 3, completed: 2, failed: 1 });
    const rank = d.tasks.find((t: any) => t.type === "recruiting.rank_candidates");
    expect(rank).toEqual({ type: "recruiting.rank_candidates", completed: 2, failed: 1, cancelled: 0, successRate: 2 / 3, avgDurationMs: 2000, p95DurationMs: 2900 });
    expect(d.tasks.find((t: any) => t.type === "test.steps")).toMatchObject({ completed: 1, failed: 1, cancelled: 1, successRate: 0.5 });
    expect(d.schedules).toEqual([expect.objectContaining({ name: "Nightly steps", fires: 2, completed: 1, failed: 1, skipped: 1, paused: false })]);

    await outboxSettled(app);
    // The first admin (created on the first start) and the test's admin; not the deactivated one.
    expect(smtp.received.map((m) => m.to.join(",")).sort()).toEqual(["admin@taskline.local", "admin@test.example"]);
    const mail = smtp.received[0]!;
    expect(mail.raw).toContain("Taskline weekly report, 2026-11-16 to 2026-11-22");
    expect(mail.body).toContain("New candidates");
    expect(mail.body).toContain("<strong>3</strong>");
    expect(mail.body).toContain("Schedule: Nightly steps");

    const one = await app.as.recruiter.gql(`query($id: ID!) { report(id: $id) { id data } }`, { id: report.id });
    expect(one.data.report.data.newCandidates).toBe(3);
  });

  it("updates the same report on a re-run and does not email the admins again", async () => {
    await app.pool.query(
      `INSERT INTO candidate (job_posting_id, name, email, resume_text, created_at) SELECT id, 'Late entry', 'late@c.test', '', '2026-11-20T12:00:00Z' FROM job_posting LIMIT 1`,
    );
    const task = await runTask(app, REPORT, { weekStart: "2026-11-16" });
    expect(task.status).toBe("completed");
    expect(task.result.emailedTo).toBe(0);
    const { rows } = await app.pool.query(`SELECT data FROM report WHERE kind = 'weekly'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].data.newCandidates).toBe(4);
    await outboxSettled(app);
    expect(smtp.received).toHaveLength(2);
  });

  it("refuses a week start that is not a Monday", async () => {
    await expect(app.services.tasks.enqueue(REPORT, { weekStart: "2026-11-17" })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});

/** A week of activity inside 16-22 November (Berlin) and some just outside it, which must not count. */
async function seedWeek(app: TestTaskline) {
  const q = (sql: string, params: unknown[] = []) => app.pool.query(sql, params);
  await q(`INSERT INTO app_user (email, name, password_hash, role, active) VALUES ('gone@test.example', 'Gone', 'x', 'admin', false)`);
  const inside = "2026-11-18T09:00:00Z";
  const [{ id: posting }] = (await q(`INSERT INTO job_posting (title, description, required_skills, created_at) VALUES ('Backend', '', '{}', $1) RETURNING id`, [inside])).rows;
  await q(`INSERT INTO job_posting (title, description, required_skills, created_at) VALUES ('Old', '', '{}', '2026-11-01T00:00:00Z')`);
  // Three inside; 22:30Z on the 15th is Sunday 23:30 in Berlin and 23:30Z on the 22nd Monday 00:30: both outside.
  for (const [i, at] of ["2026-11-16T08:00:00Z", inside, "2026-11-22T22:59:00Z", "2026-11-15T22:30:00Z", "2026-11-22T23:30:00Z"].entries()) {
    await q(`INSERT INTO candidate (job_posting_id, name, email, resume_text, created_at) VALUES ($1, $2, $3, '', $4)`, [posting, `C${i}`, `c${i}@c.test`, at]);
  }
  const task = (type: string, status: string, startedAt: string, durationMs: number, extra: { scheduleId?: string; fireAt?: string } = {}) =>
    q(
      `INSERT INTO task (type, status, payload, max_attempts, created_at, started_at, finished_at, schedule_id, fire_at)
       VALUES ($1, $2, '{}', 3, $3, $3, $3::timestamptz + $4 * interval '1 millisecond', $5, $6)`,
      [type, status, startedAt, durationMs, extra.scheduleId ?? null, extra.fireAt ?? null],
    );
  await task("recruiting.rank_candidates", "completed", "2026-11-17T10:00:00Z", 1000);
  await task("recruiting.rank_candidates", "completed", "2026-11-19T10:00:00Z", 3000);
  await task("recruiting.rank_candidates", "failed", "2026-11-20T10:00:00Z", 500);
  await task("recruiting.rank_candidates", "completed", "2026-11-10T10:00:00Z", 9000);
  await task("test.steps", "cancelled", "2026-11-21T10:00:00Z", 100);
  const s = await app.services.schedules.create(app.admin, {
    name: "Nightly steps", taskType: "test.steps", payload: { steps: 1 }, cron: "0 2 * * *", timezone: "Europe/Berlin", paused: false, overlapPolicy: "skip", catchUpPolicy: "latest", catchUpCap: 10,
  } as never);
  await task("test.steps", "completed", "2026-11-17T01:00:00Z", 50, { scheduleId: s.id, fireAt: "2026-11-17T01:00:00Z" });
  await task("test.steps", "failed", "2026-11-18T01:00:00Z", 50, { scheduleId: s.id, fireAt: "2026-11-18T01:00:00Z" });
  await q(`INSERT INTO schedule_skipped_fire (schedule_id, fire_at, reason) VALUES ($1, '2026-11-19T01:00:00Z', 'overlap')`, [s.id]);
}
