import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * ZKTeco devices (docs/devices.md):
 * - `device`: a terminal on the network; `last_sync_*` is the outcome of its newest operation, for the Devices page.
 * - `employee`: people as HR knows them, keyed by `employee_number` (the terminal's user id). `device_uid` is the
 *   slot (1-65535) a terminal stores the person in; one number per employee, so every terminal agrees.
 * - `attendance_event`: one row per punch. The unique key (device, device user id, instant) makes a download that
 *   runs twice, or a retry after a dropped connection, store each punch once. `employee_id` is set when the user id
 *   names a known employee; the device's own user id is always kept. No foreign keys here, on purpose: a
 *   download stores 100,000 rows at once, and the per-row checks of three foreign keys cost about as much as the
 *   inserts themselves (measured). Deleting a device keeps its punches (attendance is payroll history): their
 *   `device_id` then names no device, which the API shows as a null device. Employees are never deleted.
 */
export class Devices1764200000000 implements MigrationInterface {
  name = "Devices1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        address text NOT NULL CHECK (length(address) BETWEEN 1 AND 255),
        port int NOT NULL DEFAULT 4370 CHECK (port BETWEEN 1 AND 65535),
        timezone text NOT NULL DEFAULT 'UTC',
        location text,
        enabled boolean NOT NULL DEFAULT true,
        serial_number text,
        last_sync_at timestamptz,
        last_sync_type text,
        last_sync_status text,
        last_sync_message text,
        last_sync_task_id uuid REFERENCES task (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT device_name_key UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE employee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_number text NOT NULL CHECK (employee_number ~ '^[0-9A-Za-z]{1,9}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        card_number bigint CHECK (card_number BETWEEN 0 AND 4294967295),
        privilege text NOT NULL DEFAULT 'user' CHECK (privilege IN ('user', 'admin')),
        department text,
        active boolean NOT NULL DEFAULT true,
        device_uid int CHECK (device_uid BETWEEN 1 AND 65535),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employee_number_key UNIQUE (employee_number),
        CONSTRAINT employee_device_uid_key UNIQUE (device_uid)
      )`);
    await q.query(`CREATE INDEX employee_name_idx ON employee (lower(name))`);

    await q.query(`
      CREATE TABLE attendance_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id uuid NOT NULL,
        device_user_id text NOT NULL,
        employee_id uuid,
        occurred_at timestamptz NOT NULL,
        verify_type smallint NOT NULL,
        punch_state smallint NOT NULL,
        task_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_event_once_key UNIQUE (device_id, device_user_id, occurred_at)
      )`);
    await q.query(`CREATE INDEX attendance_event_occurred_idx ON attendance_event (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX attendance_event_employee_idx ON attendance_event (employee_id, occurred_at DESC)`);
    // Operations per device are looked up by queue (waiting state, per-device limits).
    await q.query(`CREATE INDEX task_queue_open_idx ON task (queue_name) WHERE status IN ('pending', 'running', 'retrying')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_queue_open_idx`);
    await q.query(`DROP TABLE attendance_event`);
    await q.query(`DROP TABLE employee`);
    await q.query(`DROP TABLE device`);
  }
}
