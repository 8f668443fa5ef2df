import type { DataSource } from "typeorm";

/** Columns of the export, in order; the header row. The resume text stays out (a Sheets cell holds 50,000 characters). */
export const EXPORT_COLUMNS = ["id", "name", "email", "job_posting", "github", "linkedin", "website", "top_languages", "created_at", "updated_at"] as const;

export type ExportRow = { id: string; cells: string[]; changedAt: string };

/** The point up to which a target has everything: a change time (as Postgres text, to keep microseconds) and an id. */
export type Mark = { at: string; id: string } | null;

// A candidate "changes" when its row or its enrichment profile does.
const ROWS = `
  SELECT c.id, c.name, c.email, jp.title AS job_posting,
         p.links->>'github' AS github, p.links->>'linkedin' AS linkedin, p.links->>'website' AS website,
         array_to_string(ARRAY(SELECT jsonb_array_elements_text(p.github->'topLanguages')), ' ') AS top_languages,
         c.created_at, greatest(c.updated_at, coalesce(p.updated_at, c.updated_at)) AS changed_at
    FROM candidate c
    JOIN job_posting jp ON jp.id = c.job_posting_id
    LEFT JOIN candidate_profile p ON p.candidate_id = c.id`;

type Raw = Record<(typeof EXPORT_COLUMNS)[number], string | null> & { created_at: Date; changed_at: Date; changed_at_text: string };

function toRow(r: Raw): ExportRow {
  const cells = EXPORT_COLUMNS.map((col) => {
    if (col === "created_at") return r.created_at.toISOString();
    if (col === "updated_at") return r.changed_at.toISOString();
    return r[col] ?? "";
  });
  return { id: r.id!, cells, changedAt: r.changed_at_text };
}

/** Candidates changed after `mark`, in change order: the incremental sync's next batch. */
export async function changedSince(ds: DataSource, mark: Mark, limit: number): Promise<ExportRow[]> {
  const rows: Raw[] = await ds.query(
    `SELECT *, changed_at::text AS changed_at_text FROM (${ROWS}) x
      WHERE $1::timestamptz IS NULL OR (changed_at, id) > ($1::timestamptz, $2::uuid)
      ORDER BY changed_at, id LIMIT $3`,
    [mark?.at ?? null, mark?.id ?? null, limit],
  );
  return rows.map(toRow);
}

/** Every candidate, oldest first, a page after `after` (keyset on created_at, id). */
export async function allRowsPage(ds: DataSource, after: { createdAt: Date; id: string } | null, limit: number): Promise<Array<ExportRow & { createdAt: Date }>> {
  const rows: Raw[] = await ds.query(
    `SELECT *, changed_at::text AS changed_at_text FROM (${ROWS}) x
      WHERE $1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid)
      ORDER BY created_at, id LIMIT $3`,
    [after?.createdAt ?? null, after?.id ?? null, limit],
  );
  return rows.map((r) => ({ ...toRow(r), createdAt: r.created_at }));
}

/** The newest change of all: a CSV written after reading it holds at least everything up to it. */
export async function latestMark(ds: DataSource): Promise<Mark> {
  const [row] = await ds.query(`SELECT id, changed_at::text AS at FROM (${ROWS}) x ORDER BY changed_at DESC, id DESC LIMIT 1`);
  return row ? { at: row.at, id: row.id } : null;
}
