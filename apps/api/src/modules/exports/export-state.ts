import type { DataSource } from "typeorm";
import type { Mark } from "./candidate-rows.js";

export type ExportState = { target: string; mark: Mark; nextRow: number; rowCount: number; syncedAt: Date | null };

export async function readState(ds: DataSource, target: string): Promise<ExportState> {
  const [row] = await ds.query(
    `SELECT high_water_at::text AS at, high_water_id AS id, next_row, row_count, synced_at FROM export_state WHERE target = $1`,
    [target],
  );
  if (!row) return { target, mark: null, nextRow: 2, rowCount: 0, syncedAt: null };
  return { target, mark: row.at ? { at: row.at, id: row.id } : null, nextRow: row.next_row, rowCount: row.row_count, syncedAt: row.synced_at };
}

/** Records a finished sync: the mark moves forward only, so a late, slower run cannot move it back. */
export async function saveSync(ds: DataSource, target: string, mark: Mark, rowCount: number): Promise<void> {
  await ds.query(
    `INSERT INTO export_state (target, high_water_at, high_water_id, row_count, synced_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (target) DO UPDATE SET
       high_water_at = CASE WHEN export_state.high_water_at IS NULL OR (excluded.high_water_at, excluded.high_water_id) > (export_state.high_water_at, export_state.high_water_id)
                            THEN excluded.high_water_at ELSE export_state.high_water_at END,
       high_water_id = CASE WHEN export_state.high_water_at IS NULL OR (excluded.high_water_at, excluded.high_water_id) > (export_state.high_water_at, export_state.high_water_id)
                            THEN excluded.high_water_id ELSE export_state.high_water_id END,
       row_count = excluded.row_count,
       synced_at = now()`,
    [target, mark?.at ?? null, mark?.id ?? null, rowCount],
  );
}

/**
 * The sheet row of each candidate, new ones numbered after the last. Assigned and committed before the write, so a
 * sync that fails after writing and runs again writes the same cells rather than appending duplicates.
 */
export async function assignRows(ds: DataSource, target: string, candidateIds: string[]): Promise<Map<string, number>> {
  return ds.transaction(async (m) => {
    await m.query(`INSERT INTO export_state (target) VALUES ($1) ON CONFLICT DO NOTHING`, [target]);
    const [{ next_row: nextRow }] = await m.query(`SELECT next_row FROM export_state WHERE target = $1 FOR UPDATE`, [target]);
    const existing: Array<{ candidate_id: string; row_number: number }> = await m.query(
      `SELECT candidate_id, row_number FROM export_row WHERE target = $1 AND candidate_id = ANY($2::uuid[])`,
      [target, candidateIds],
    );
    const rows = new Map(existing.map((r) => [r.candidate_id, r.row_number]));
    const fresh = candidateIds.filter((id) => !rows.has(id));
    fresh.forEach((id, i) => rows.set(id, nextRow + i));
    if (fresh.length) {
      await m.query(`INSERT INTO export_row (target, candidate_id, row_number) SELECT $1, id, $3 + ord - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord)`, [
        target,
        fresh,
        nextRow,
      ]);
      await m.query(`UPDATE export_state SET next_row = next_row + $2 WHERE target = $1`, [target, fresh.length]);
    }
    return rows;
  });
}
