import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The mail outbox. Every message is a row before it is anything else, so a message can be retried, inspected and
 * never silently lost; `mail.send_email` tasks deliver pending rows (docs/email.md).
 */
export class Mail1764097200000 implements MigrationInterface {
  name = "Mail1764097200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "to" text[] NOT NULL CHECK (cardinality("to") >= 1),
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        template text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'held')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        -- Millisecond precision, like task.created_at: keyset cursors carry milliseconds.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_created_idx ON outbox (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX outbox_status_created_idx ON outbox (status, created_at DESC, id DESC)`);
    // Retention removes sent rows by age.
    await q.query(`CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE status = 'sent'`);
    // Retention finds old finished tasks by age; without this it scans the whole table each night.
    await q.query(`CREATE INDEX task_finished_idx ON task (finished_at) WHERE status IN ('completed', 'failed', 'cancelled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_finished_idx`);
    await q.query(`DROP TABLE outbox`);
  }
}
