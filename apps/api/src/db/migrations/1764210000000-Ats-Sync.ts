import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hired-candidate sync to external ATS sources, and outbound webhooks (docs/ats-sync.md, docs/webhooks.md).
 * - `candidate.hiring_status`: where a candidate is in the hiring funnel; HIRED candidates are synced.
 * - `ats_source`: a system candidates are sent to. Credentials are an AES-256-GCM box (modules/ats/secret-box.ts);
 *   only their last four characters are kept in clear, for the SPA.
 * - `ats_sync_pair`: per (candidate, source), what was last sent successfully (content hash, remote id), so a
 *   rerun or a retried task skips what the source already has.
 * - `ats_sync_run` / `ats_sync_result`: the history, one run per sync task and one result per pair and run.
 * - `webhook_endpoint` / `webhook_delivery` / `webhook_attempt`: outbound webhooks; `taskline_emit_webhook`
 *   queues a delivery task per subscribed endpoint, and a trigger on `task` emits task.finished / task.failed /
 *   schedule.failed where the outcome is written, whoever writes it (worker, sweeper, cancel).
 */
export class AtsSync1764210000000 implements MigrationInterface {
  name = "AtsSync1764210000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE candidate
        ADD COLUMN hiring_status text NOT NULL DEFAULT 'applied'
          CHECK (hiring_status IN ('applied', 'screening', 'interview', 'offer', 'hired', 'rejected')),
        ADD COLUMN hiring_status_changed_at timestamptz`);
    await q.query(`CREATE INDEX candidate_hired_idx ON candidate (job_posting_id) WHERE hiring_status = 'hired'`);

    await q.query(`
      CREATE TABLE ats_source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('generic_http', 'greenhouse')),
        base_url text NOT NULL,
        auth_kind text NOT NULL CHECK (auth_kind IN ('none', 'api_key', 'oauth2_client_credentials')),
        credentials_box text,
        credentials_last4 text,
        settings jsonb NOT NULL DEFAULT '{}',
        field_mapping jsonb NOT NULL DEFAULT '{}',
        job_posting_ids uuid[],
        enabled boolean NOT NULL DEFAULT true,
        concurrency integer NOT NULL DEFAULT 8 CHECK (concurrency BETWEEN 1 AND 64),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ats_sync_pair (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES ats_source (id) ON DELETE CASCADE,
        synced_hash text,
        remote_id text,
        synced_at timestamptz,
        last_outcome text CHECK (last_outcome IN ('synced', 'unchanged', 'failed')),
        last_status integer,
        last_message text,
        last_attempt_at timestamptz,
        UNIQUE (candidate_id, source_id)
      )`);
    await q.query(`CREATE INDEX ats_sync_pair_source_idx ON ats_sync_pair (source_id)`);
    await q.query(`
      CREATE TABLE ats_sync_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid UNIQUE REFERENCES task (id) ON DELETE SET NULL,
        job_posting_id uuid REFERENCES job_posting (id) ON DELETE SET NULL,
        source_ids uuid[],
        trigger text NOT NULL CHECK (trigger IN ('manual', 'auto', 'schedule')),
        started_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
        attempts integer NOT NULL DEFAULT 1,
        pairs_total integer NOT NULL DEFAULT 0,
        synced integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ats_sync_run_started_idx ON ats_sync_run (started_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE ats_sync_result (
        run_id uuid NOT NULL REFERENCES ats_sync_run (id) ON DELETE CASCADE,
        pair_id uuid NOT NULL REFERENCES ats_sync_pair (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES ats_source (id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN ('synced', 'unchanged', 'failed')),
        remote_status integer,
        remote_id text,
        message text,
        calls integer NOT NULL DEFAULT 0,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, pair_id)
      )`);
    await q.query(`CREATE INDEX ats_sync_result_at_idx ON ats_sync_result (at, source_id)`);

    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        events text[] NOT NULL,
        secret_box text NOT NULL,
        secret_last4 text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
        event text NOT NULL,
        body jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        task_id uuid REFERENCES task (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        response_status integer,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id)`);

    // One delivery (and its webhooks.deliver task and job, as TaskService.enqueue makes them) per enabled endpoint
    // that subscribes to the event. Returns how many were queued. Also used by redelivery and candidate.synced.
    await q.query(`
      CREATE FUNCTION taskline_enqueue_webhook_delivery(p_delivery uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE t uuid;
      BEGIN
        INSERT INTO task (type, payload, max_attempts, visibility) VALUES ('webhooks.deliver', jsonb_build_object('deliveryId', p_delivery), 3, 'private')
          RETURNING id INTO t;
        UPDATE webhook_delivery SET task_id = t, status = 'pending', finished_at = NULL WHERE id = p_delivery;
        PERFORM graphile_worker.add_job('webhooks.deliver', json_build_object('taskId', t), max_attempts := 8, job_key := t::text);
      END $$`);
    await q.query(`
      CREATE FUNCTION taskline_emit_webhook(p_event text, p_data jsonb) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE e record; d uuid; n integer := 0;
      BEGIN
        FOR e IN SELECT id FROM webhook_endpoint WHERE enabled AND p_event = ANY(events) LOOP
          d := gen_random_uuid();
          INSERT INTO webhook_delivery (id, endpoint_id, event, body)
            VALUES (d, e.id, p_event, jsonb_build_object('id', d, 'event', p_event, 'createdAt', now(), 'data', p_data));
          PERFORM taskline_enqueue_webhook_delivery(d);
          n := n + 1;
        END LOOP;
        RETURN n;
      END $$`);
    // Cheap when nobody listens: the WHEN clause filters to final transitions, and one probe of a tiny table ends it.
    // webhooks.deliver tasks never emit (a failing endpoint would otherwise feed itself).
    await q.query(`
      CREATE FUNCTION taskline_task_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE data jsonb;
      BEGIN
        IF NEW.type = 'webhooks.deliver' OR NOT EXISTS (SELECT 1 FROM webhook_endpoint WHERE enabled) THEN RETURN NULL; END IF;
        data := jsonb_build_object('taskId', NEW.id, 'type', NEW.type, 'status', upper(NEW.status), 'attempts', NEW.attempts,
          'successCount', NEW.success_count, 'failureCount', NEW.failure_count, 'error', NEW.error, 'finishedAt', NEW.finished_at,
          'scheduleId', NEW.schedule_id);
        PERFORM taskline_emit_webhook(CASE WHEN NEW.status = 'completed' THEN 'task.finished' ELSE 'task.failed' END, data);
        IF NEW.status = 'failed' AND NEW.schedule_id IS NOT NULL THEN PERFORM taskline_emit_webhook('schedule.failed', data); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_webhooks AFTER UPDATE OF status ON task FOR EACH ROW
      WHEN (NEW.status IN ('completed', 'failed') AND OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION taskline_task_webhooks()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER task_webhooks ON task`);
    await q.query(`DROP FUNCTION taskline_task_webhooks()`);
    await q.query(`DROP FUNCTION taskline_emit_webhook(text, jsonb)`);
    await q.query(`DROP FUNCTION taskline_enqueue_webhook_delivery(uuid)`);
    await q.query(`DROP TABLE webhook_attempt, webhook_delivery, webhook_endpoint`);
    await q.query(`DROP TABLE ats_sync_result, ats_sync_run, ats_sync_pair, ats_source`);
    await q.query(`DROP INDEX candidate_hired_idx`);
    await q.query(`ALTER TABLE candidate DROP COLUMN hiring_status, DROP COLUMN hiring_status_changed_at`);
  }
}
