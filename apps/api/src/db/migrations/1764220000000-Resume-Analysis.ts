import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Resume analysis (docs/resume-analysis.md).
 * `resume_file`: one uploaded original (stored content-addressed under the data directory), the candidate it
 * became, and why it could not be parsed. `resume_analysis`: the newest analysis of a candidate for a posting.
 * `credit_ledger`: every credit movement; `amount` moves the balance, `held` the credits reserved for running
 * analyses (available = sum(amount) - sum(held)). A charge is unique per (task, item), so a retried task never
 * charges an item twice. The trigger releases what a task still holds when it reaches a final status, however it
 * got there (finished, cancelled while queued, failed by the crash sweeper).
 * `ai_settings`: the admin-editable settings, one row.
 */
export class ResumeAnalysis1764220000000 implements MigrationInterface {
  name = "ResumeAnalysis1764220000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resume_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_posting_id uuid NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
        candidate_id uuid REFERENCES candidate (id) ON DELETE SET NULL,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        parse_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resume_file_posting_hash ON resume_file (job_posting_id, sha256)`);
    await q.query(`CREATE INDEX resume_file_candidate ON resume_file (candidate_id)`);
    await q.query(`
      CREATE TABLE resume_analysis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        job_posting_id uuid NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
        task_id uuid,
        item_key text NOT NULL,
        mode text NOT NULL,
        engine text NOT NULL,
        model text,
        fit_score real NOT NULL,
        profile jsonb NOT NULL,
        matched_requirements jsonb NOT NULL DEFAULT '[]',
        missing_requirements jsonb NOT NULL DEFAULT '[]',
        strengths jsonb NOT NULL DEFAULT '[]',
        concerns jsonb NOT NULL DEFAULT '[]',
        assessment text,
        interview_questions jsonb NOT NULL DEFAULT '[]',
        prompt_tokens integer NOT NULL DEFAULT 0,
        completion_tokens integer NOT NULL DEFAULT 0,
        cost_usd numeric(14, 6),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (candidate_id, job_posting_id)
      )`);
    await q.query(`CREATE INDEX resume_analysis_task ON resume_analysis (task_id, item_key)`);
    await q.query(`
      CREATE TABLE credit_ledger (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('top_up', 'reserve', 'charge', 'release')),
        amount integer NOT NULL DEFAULT 0,
        held integer NOT NULL DEFAULT 0,
        task_id uuid,
        item_key text,
        note text,
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX credit_ledger_user ON credit_ledger (user_id, id)`);
    await q.query(`CREATE INDEX credit_ledger_task ON credit_ledger (task_id)`);
    await q.query(`CREATE UNIQUE INDEX credit_ledger_one_reserve ON credit_ledger (task_id) WHERE kind = 'reserve'`);
    await q.query(`CREATE UNIQUE INDEX credit_ledger_one_charge ON credit_ledger (task_id, item_key) WHERE kind = 'charge'`);
    await q.query(`
      CREATE FUNCTION taskline_release_credits() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        owner uuid;
        still_held integer;
      BEGIN
        -- The reserve row is the task's lock: charges take it too, so a release never races a charge.
        SELECT user_id INTO owner FROM credit_ledger WHERE task_id = NEW.id AND kind = 'reserve' FOR UPDATE;
        IF owner IS NULL THEN RETURN NEW; END IF;
        SELECT coalesce(sum(held), 0) INTO still_held FROM credit_ledger WHERE task_id = NEW.id;
        IF still_held > 0 THEN
          INSERT INTO credit_ledger (user_id, kind, held, task_id, note)
          VALUES (owner, 'release', -still_held, NEW.id, still_held || ' unused credit(s) released: task ' || NEW.status);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_release_credits AFTER UPDATE OF status ON task
      FOR EACH ROW WHEN (NEW.status IN ('completed', 'failed', 'cancelled') AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION taskline_release_credits()`);
    await q.query(`
      CREATE TABLE ai_settings (
        id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        inline_threshold integer NOT NULL DEFAULT 75,
        max_files_per_upload integer NOT NULL DEFAULT 200,
        default_model text,
        task_concurrency integer NOT NULL DEFAULT 16,
        rerank_top_n integer NOT NULL DEFAULT 20,
        prices jsonb NOT NULL DEFAULT '[{"model":"gpt-4o-mini","inputPerMillion":0.15,"outputPerMillion":0.6},{"model":"gpt-4o","inputPerMillion":2.5,"outputPerMillion":10}]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    await q.query(`INSERT INTO ai_settings (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ai_settings`);
    await q.query(`DROP TRIGGER task_release_credits ON task`);
    await q.query(`DROP FUNCTION taskline_release_credits()`);
    await q.query(`DROP TABLE credit_ledger`);
    await q.query(`DROP TABLE resume_analysis`);
    await q.query(`DROP TABLE resume_file`);
  }
}
