import type { DataSource } from "typeorm";
import { changedSince, EXPORT_COLUMNS } from "./candidate-rows.js";
import { assignRows, readState, saveSync } from "./export-state.js";
import type { SyncResult } from "./export.service.js";
import { a1Row, type SheetsClient } from "./sheets-client.js";

const BATCH = 500;

export const sheetsTarget = (spreadsheetId: string) => `sheets:${spreadsheetId}`;

/**
 * The Google Sheets sync, incremental by change time: each batch of candidates changed since the mark is written to
 * their own rows (new candidates get the next free rows), then the mark moves past the batch. A failure leaves the
 * mark where it was; the retry rewrites the same rows.
 */
export async function syncSheets(
  ds: DataSource,
  sheets: SheetsClient,
  opts: { spreadsheetId: string; tab: string },
  signal: AbortSignal,
  onBatch: (exported: number) => void = () => {},
): Promise<SyncResult> {
  const target = sheetsTarget(opts.spreadsheetId);
  let { mark, rowCount } = await readState(ds, target);
  let exported = 0;
  for (;;) {
    signal.throwIfAborted();
    const batch = await changedSince(ds, mark, BATCH);
    if (!batch.length) break;
    const rows = await assignRows(ds, target, batch.map((r) => r.id));
    const width = EXPORT_COLUMNS.length;
    // The header goes with every batch: one more range is cheaper than remembering whether the sheet has it.
    await sheets.batchUpdate(
      [{ range: a1Row(opts.tab, 1, width), values: [[...EXPORT_COLUMNS]] }, ...batch.map((r) => ({ range: a1Row(opts.tab, rows.get(r.id)!, width), values: [r.cells] }))],
      signal,
    );
    const last = batch.at(-1)!;
    mark = { at: last.changedAt, id: last.id };
    rowCount = (await readState(ds, target)).nextRow - 2;
    await saveSync(ds, target, mark, rowCount);
    exported += batch.length;
    onBatch(exported);
  }
  return { target: "GOOGLE_SHEETS", exported, rowCount };
}
