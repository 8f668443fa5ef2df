import fs from "node:fs/promises";
import path from "node:path";
import type { DataSource } from "typeorm";
import { allRowsPage, changedSince, EXPORT_COLUMNS, latestMark } from "./candidate-rows.js";
import { csvLine } from "./csv.js";
import { readState, saveSync } from "./export-state.js";
import type { SyncResult } from "./export.service.js";

export const CSV_TARGET = "csv";
const PAGE = 1_000;

/**
 * The CSV fallback. A CSV has no row addresses to update in place, so "incremental" means: nothing changed since
 * the mark, nothing is written; otherwise the file is rewritten from the table, into a temporary file renamed over
 * the old one, so a download never sees half a file.
 */
export async function syncCsv(ds: DataSource, file: string, signal: AbortSignal): Promise<SyncResult> {
  const state = await readState(ds, CSV_TARGET);
  const exists = await fs.stat(file).then(() => true, () => false);
  const changed = (await changedSince(ds, state.mark, PAGE)).length;
  if (exists && changed === 0) return { target: "CSV", exported: 0, rowCount: state.rowCount };

  // Read before the rows: anything changing meanwhile is in the file or comes again next time, never lost.
  const mark = await latestMark(ds);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = await fs.open(tmp, "w");
  let rowCount = 0;
  try {
    await out.write(csvLine([...EXPORT_COLUMNS]));
    for (let after: { createdAt: Date; id: string } | null = null; ; ) {
      signal.throwIfAborted();
      const page = await allRowsPage(ds, after, PAGE);
      if (!page.length) break;
      await out.write(page.map((r) => csvLine(r.cells)).join(""));
      rowCount += page.length;
      const last = page.at(-1)!;
      after = { createdAt: last.createdAt, id: last.id };
    }
    await out.close();
    await fs.rename(tmp, file);
  } catch (err) {
    await out.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await saveSync(ds, CSV_TARGET, mark, rowCount);
  return { target: "CSV", exported: changed, rowCount };
}
