import type { MigrationInterface, QueryRunner } from "typeorm";

/** Users, server-side sessions, API keys, the audit log, rate-limit counters, and task visibility. */
export class Identity1764086400000 implements MigrationInterface {
  name = "Identity1764086400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'recruiter', 'viewer')),
        active boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email))`);
    // Only a hash of the session token is stored: a leaked table gives no usable cookie.
    await q.query(`
      CREATE TABLE user_session (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_key_user_idx ON api_key (user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email text,
        via text,
        action text NOT NULL,
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        ip text
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    // rate-limiter-flexible's RateLimiterPostgres layout, created here so no request ever runs DDL.
    await q.query(`CREATE TABLE rate_limit (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);

    await q.query(`ALTER TABLE task ADD COLUMN visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared'))`);
    await q.query(`ALTER TABLE task ADD CONSTRAINT task_created_by_fk FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE job_posting ADD CONSTRAINT job_posting_created_by_fk FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL`);
    // Field 19: visibility, so subscriptions can check access per event without a query.
    await q.query(`
      CREATE OR REPLACE FUNCTION task_event(t task) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT json_build_array(
          t.id, t.version, t.status, t.type,
          t.progress_current, t.progress_total, left(t.progress_message, 200),
          t.success_count, t.failure_count, t.attempts, t.max_attempts,
          left(t.error, 300), t.cancel_requested_at IS NOT NULL, t.created_by,
          floor(extract(epoch FROM t.created_at) * 1000),
          floor(extract(epoch FROM t.started_at) * 1000),
          floor(extract(epoch FROM t.finished_at) * 1000),
          floor(extract(epoch FROM t.updated_at) * 1000),
          floor(extract(epoch FROM t.run_at) * 1000),
          t.visibility
        )::text
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION task_event(t task) RETURNS text LANGUAGE sql IMMUTABLE AS $$
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
    await q.query(`ALTER TABLE job_posting DROP CONSTRAINT job_posting_created_by_fk`);
    await q.query(`ALTER TABLE task DROP CONSTRAINT task_created_by_fk`);
    await q.query(`ALTER TABLE task DROP COLUMN visibility`);
    await q.query(`DROP TABLE rate_limit`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE api_key`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
  }
}
