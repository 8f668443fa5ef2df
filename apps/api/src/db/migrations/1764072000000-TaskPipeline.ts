import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The task record and its progress protocol. Two triggers make the protocol hold for every writer (worker flushes,
 * API cancels, retention, a psql session): every UPDATE bumps `version`, and every INSERT or UPDATE statement
 * publishes its changed rows on the `taskline_task` channel in compact batches under NOTIFY's 8000-byte limit.
 * docs/progress-protocol.md describes the payload.
 */
export class TaskPipeline1764072000000 implements MigrationInterface {
  name = "TaskPipeline1764072000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'running', 'retrying', 'completed', 'failed', 'cancelled')),
        payload jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        error text,
        progress_current integer NOT NULL DEFAULT 0,
        progress_total integer,
        progress_message text,
        success_count integer NOT NULL DEFAULT 0,
        failure_count integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL CHECK (max_attempts >= 1),
        run_id uuid,
        cancel_requested_at timestamptz,
        run_at timestamptz,
        priority integer NOT NULL DEFAULT 0,
        queue_name text,
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX task_created_idx ON task (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX task_status_created_idx ON task (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX task_type_created_idx ON task (type, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX task_subject_idx ON task (type, (payload->>'jobPostingId'), created_at DESC)`);
    await q.query(`CREATE INDEX task_updated_idx ON task (updated_at)`);

    await q.query(`
      CREATE TABLE task_item_error (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        item_key text NOT NULL,
        item_label text,
        message text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_item_error_task_idx ON task_item_error (task_id, attempt, id)`);

    await q.query(`
      CREATE FUNCTION task_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER task_bump_version BEFORE UPDATE ON task FOR EACH ROW EXECUTE FUNCTION task_bump_version()`);

    // Positional, to stay compact: see docs/progress-protocol.md for the field order.
    await q.query(`
      CREATE FUNCTION task_event(t task) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT json_build_array(
          t.id, t.version, t.status, t.type,
          t.progress_current, t.progress_total, left(t.progress_message, 200),
          t.success_count, t.failure_count, t.attempts, t.max_attempts,
          left(t.error, 300), t.cancel_requested_at IS NOT NULL, t.created_by,
          floor(extract(epoch FROM t.created_at) * 1000),
          floor(extract(epoch FROM t.started_at) * 1000),
          floor(extract(epoch FROM t.finished_at) * 1000),
          floor(extract(epoch FROM t.updated_at) * 1000),
          floor(extract(epoch FROM t.run_at) * 1000)
        )::text
      $$`);
    await q.query(`
      CREATE FUNCTION task_publish() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        batch text := '';
        item text;
      BEGIN
        FOR item IN SELECT task_event(n) FROM new_rows n LOOP
          IF batch <> '' AND octet_length(batch) + octet_length(item) > 7800 THEN
            PERFORM pg_notify('taskline_task', '[' || batch || ']');
            batch := '';
          END IF;
          batch := CASE WHEN batch = '' THEN item ELSE batch || ',' || item END;
        END LOOP;
        IF batch <> '' THEN
          PERFORM pg_notify('taskline_task', '[' || batch || ']');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER task_publish_insert AFTER INSERT ON task REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_publish()`);
    await q.query(`CREATE TRIGGER task_publish_update AFTER UPDATE ON task REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_publish()`);

    await q.query(`
      CREATE TABLE job_posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text NOT NULL,
        required_skills text[] NOT NULL DEFAULT '{}',
        nice_to_have_skills text[] NOT NULL DEFAULT '{}',
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_posting_created_idx ON job_posting (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_posting_id uuid NOT NULL REFERENCES job_posting (id) ON DELETE CASCADE,
        name text NOT NULL,
        email text NOT NULL,
        resume_text text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX candidate_posting_email_idx ON candidate (job_posting_id, lower(email))`);
    await q.query(`CREATE INDEX candidate_posting_created_idx ON candidate (job_posting_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE candidate`);
    await q.query(`DROP TABLE job_posting`);
    await q.query(`DROP TABLE task_item_error`);
    await q.query(`DROP FUNCTION task_event(task)`);
    await q.query(`DROP TABLE task`);
    await q.query(`DROP FUNCTION task_publish()`);
    await q.query(`DROP FUNCTION task_bump_version()`);
  }
}
