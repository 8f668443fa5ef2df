import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Resume enrichment and candidate exports (docs/schedules.md, "Recurring recruiting jobs").
 * `candidate_profile`: one row per candidate the enrichment has looked at. `enriched_at` null means "not yet
 * enriched" (never seen, or stopped by a rate limit or a transient error): the next run takes it up again.
 * `export_state`: per export target (`csv`, `sheets:<spreadsheet id>`), the high-water mark of the incremental sync.
 * `export_row`: which sheet row holds which candidate, assigned before the write so that a retried sync writes the
 * same cells instead of appending duplicates.
 */
export class EnrichmentExports1764111600000 implements MigrationInterface {
  name = "EnrichmentExports1764111600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE candidate_profile (
        candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
        links jsonb NOT NULL DEFAULT '{}',
        github jsonb,
        enriched_at timestamptz,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE export_state (
        target text PRIMARY KEY,
        high_water_at timestamptz,
        high_water_id uuid,
        next_row integer NOT NULL DEFAULT 2,
        row_count integer NOT NULL DEFAULT 0,
        synced_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE export_row (
        target text NOT NULL REFERENCES export_state (target) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        PRIMARY KEY (target, candidate_id),
        UNIQUE (target, row_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_row`);
    await q.query(`DROP TABLE export_state`);
    await q.query(`DROP TABLE candidate_profile`);
  }
}
