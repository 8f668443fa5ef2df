import type { DataSource, EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { isUuid } from "../../lib/validate.js";
import { type Report, reportFromRow } from "./report.entity.js";

/** Reports as stored rows: written by report task types, read through GraphQL. */
export class ReportService {
  constructor(private readonly ds: DataSource) {}

  async get(id: string): Promise<Report | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.ds.query(`SELECT * FROM report WHERE id = $1`, [id]);
    return row ? reportFromRow(row) : null;
  }

  /** Newest period first. */
  async list(first: number, after?: string | null): Promise<Connection<Report>> {
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM report`);
    const cursor = decodeCursor(after);
    const params: unknown[] = [];
    const where = cursor ? `WHERE (period_start, id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)` : "";
    const rows = await this.ds.query(`SELECT * FROM report ${where} ORDER BY period_start DESC, id DESC LIMIT $${params.push(first + 1)}`, params);
    return toConnection(rows.map(reportFromRow), first, count, (r) => r.periodStart);
  }
}

/** Writes the report of (kind, period); a second run for the same period replaces the figures, never adds a row. */
export async function upsertReport(
  db: DataSource | EntityManager,
  r: { kind: string; periodStart: Date; periodEnd: Date; data: unknown; taskId: string | null },
): Promise<Report> {
  const [row] = await db.query(
    `INSERT INTO report (kind, period_start, period_end, data, task_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT report_kind_period_key
     DO UPDATE SET period_end = EXCLUDED.period_end, data = EXCLUDED.data, task_id = EXCLUDED.task_id, updated_at = now()
     RETURNING *`,
    [r.kind, r.periodStart, r.periodEnd, JSON.stringify(r.data), r.taskId],
  );
  return reportFromRow(row);
}

/** Marks the report emailed if nobody has, in the transaction that writes its outbox rows: admins get it once. */
export async function claimReportEmail(m: EntityManager, id: string): Promise<boolean> {
  const [rows] = await m.query(`UPDATE report SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL RETURNING id`, [id]);
  return rows.length > 0;
}
