import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Schedules (docs/schedules.md). A schedule row says when to fire a task type; each fire becomes one graphile-worker
 * job keyed by schedule and fire time, and at most one task: the unique index on task (schedule_id, fire_at) is the
 * last wall against a fire that runs twice. Like `task`, the table publishes its own changes (channel
 * `taskline_schedule`), but only changes users can see: the tick's bookkeeping (`last_enqueued_fire_at`) bumps no
 * version and sends no NOTIFY, or every per-minute schedule would publish once a minute.
 */
export class Schedules1764100800000 implements MigrationInterface {
  name = "Schedules1764100800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        task_type text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        cron text,
        interval_seconds integer CHECK (interval_seconds >= 60),
        timezone text NOT NULL DEFAULT 'UTC',
        paused boolean NOT NULL DEFAULT false,
        overlap_policy text NOT NULL DEFAULT 'skip' CHECK (overlap_policy IN ('skip', 'allow')),
        catch_up_policy text NOT NULL DEFAULT 'latest' CHECK (catch_up_policy IN ('none', 'latest', 'all')),
        catch_up_cap integer NOT NULL DEFAULT 10 CHECK (catch_up_cap BETWEEN 1 AND 1000),
        last_enqueued_fire_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT schedule_one_timing CHECK ((cron IS NULL) <> (interval_seconds IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX schedule_name_idx ON schedule (name)`);

    // A fire the overlap policy skipped, or one that could not start (its task type or payload no longer valid):
    // kept so the list and the overview can say what happened to every fire, not only those that made a task.
    await q.query(`
      CREATE TABLE schedule_skipped_fire (
        schedule_id uuid NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
        fire_at timestamptz NOT NULL,
        reason text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (schedule_id, fire_at)
      )`);
    await q.query(`CREATE INDEX schedule_skipped_fire_recorded_idx ON schedule_skipped_fire (recorded_at)`);

    await q.query(`ALTER TABLE task ADD COLUMN schedule_id uuid REFERENCES schedule (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN fire_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX task_schedule_fire_idx ON task (schedule_id, fire_at)`);
    await q.query(`CREATE INDEX task_fire_at_idx ON task (fire_at) WHERE fire_at IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION schedule_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER schedule_bump_version BEFORE UPDATE ON schedule FOR EACH ROW
      WHEN ((to_jsonb(OLD) - 'last_enqueued_fire_at' - 'updated_at' - 'version')
            IS DISTINCT FROM (to_jsonb(NEW) - 'last_enqueued_fire_at' - 'updated_at' - 'version'))
      EXECUTE FUNCTION schedule_bump_version()`);
    // Payload: [id, version, deleted]. Subscribers re-read the row: schedules are few and change rarely.
    await q.query(`
      CREATE FUNCTION schedule_publish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('taskline_schedule', json_build_array(OLD.id, OLD.version, true)::text);
        ELSE
          PERFORM pg_notify('taskline_schedule', json_build_array(NEW.id, NEW.version, false)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER schedule_publish_insert AFTER INSERT ON schedule FOR EACH ROW EXECUTE FUNCTION schedule_publish()`);
    await q.query(`CREATE TRIGGER schedule_publish_delete AFTER DELETE ON schedule FOR EACH ROW EXECUTE FUNCTION schedule_publish()`);
    await q.query(`
      CREATE TRIGGER schedule_publish_update AFTER UPDATE ON schedule FOR EACH ROW
      WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION schedule_publish()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_fire_at_idx`);
    await q.query(`DROP INDEX task_schedule_fire_idx`);
    await q.query(`ALTER TABLE task DROP COLUMN fire_at`);
    await q.query(`ALTER TABLE task DROP COLUMN schedule_id`);
    await q.query(`DROP TABLE schedule_skipped_fire`);
    await q.query(`DROP TABLE schedule`);
    await q.query(`DROP FUNCTION schedule_publish()`);
    await q.query(`DROP FUNCTION schedule_bump_version()`);
  }
}
