import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Recruiting operations (docs/schedules.md, "Built-in jobs"):
 * - `seeded_default`: which built-in defaults were ever created. A default an admin deleted must stay deleted, so
 *   "exists" cannot be read from the schedule table; the primary key makes concurrently starting processes seed once.
 * - `interview`: each reminder has its own "sent" stamp, claimed by a conditional UPDATE in the same transaction as
 *   the outbox row, so a reminder goes out once however often or late the job runs.
 * - `report`: one row per (kind, period_start); a re-run updates it. `emailed_at` is claimed like a reminder, so a
 *   re-run refreshes the figures without mailing admins twice.
 */
export class RecruitingOperations1764108000000 implements MigrationInterface {
  name = "RecruitingOperations1764108000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seeded_default (
        key text PRIMARY KEY,
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE interview (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        job_posting_id uuid NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        interviewer_emails text[] NOT NULL CHECK (cardinality(interviewer_emails) >= 1),
        location text,
        link text,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        cancelled_at timestamptz,
        reminder_24h_sent_at timestamptz,
        reminder_1h_sent_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX interview_posting_starts_idx ON interview (job_posting_id, starts_at)`);
    // The reminder job reads only interviews still ahead with a reminder unsent.
    await q.query(`
      CREATE INDEX interview_reminders_due_idx ON interview (starts_at)
      WHERE cancelled_at IS NULL AND (reminder_24h_sent_at IS NULL OR reminder_1h_sent_at IS NULL)`);

    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        data jsonb NOT NULL,
        task_id uuid REFERENCES task (id) ON DELETE SET NULL,
        emailed_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_kind_period_key UNIQUE (kind, period_start)
      )`);
    await q.query(`CREATE INDEX report_created_idx ON report (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report`);
    await q.query(`DROP TABLE interview`);
    await q.query(`DROP TABLE seeded_default`);
  }
}
