import path from "node:path";
import type { DataSource } from "typeorm";
import type { SheetsConfig } from "../../config.js";
import { CSV_TARGET, syncCsv } from "./csv-export.js";
import { readState } from "./export-state.js";
import { GoogleServiceAccountAuth } from "./google-auth.js";
import { SheetsClient } from "./sheets-client.js";
import { sheetsTarget, syncSheets } from "./sheets-export.js";

export type ExportTarget = "CSV" | "GOOGLE_SHEETS";
export type SyncResult = { target: ExportTarget; exported: number; rowCount: number };
export type ExportStatus = { target: ExportTarget; updatedAt: Date | null; rowCount: number; downloadUrl: string | null };

/** The path the SPA downloads the CSV from (graphql/server.ts serves it). */
export const CSV_DOWNLOAD_PATH = "/exports/candidates.csv";

/** Where candidates are exported: Google Sheets when configured, else a CSV under the data directory. */
export class ExportService {
  readonly csvFile: string;
  private readonly sheets: { client: SheetsClient; config: SheetsConfig } | undefined;

  constructor(
    private readonly ds: DataSource,
    opts: { dataDir: string; sheets: SheetsConfig | undefined },
  ) {
    this.csvFile = path.join(opts.dataDir, "exports", "candidates.csv");
    if (opts.sheets) {
      const auth = new GoogleServiceAccountAuth(opts.sheets.credentials, opts.sheets.tokenUrl);
      this.sheets = { config: opts.sheets, client: new SheetsClient({ apiUrl: opts.sheets.apiUrl, spreadsheetId: opts.sheets.sheetId, auth }) };
    }
  }

  sync(signal: AbortSignal, onBatch?: (exported: number) => void): Promise<SyncResult> {
    if (!this.sheets) return syncCsv(this.ds, this.csvFile, signal);
    return syncSheets(this.ds, this.sheets.client, { spreadsheetId: this.sheets.config.sheetId, tab: this.sheets.config.tab }, signal, onBatch);
  }

  async status(): Promise<ExportStatus> {
    if (this.sheets) {
      const { sheetId } = this.sheets.config;
      const state = await readState(this.ds, sheetsTarget(sheetId));
      return { target: "GOOGLE_SHEETS", updatedAt: state.syncedAt, rowCount: state.rowCount, downloadUrl: `https://docs.google.com/spreadsheets/d/${encodeURIComponent(sheetId)}` };
    }
    const state = await readState(this.ds, CSV_TARGET);
    return { target: "CSV", updatedAt: state.syncedAt, rowCount: state.rowCount, downloadUrl: state.syncedAt ? CSV_DOWNLOAD_PATH : null };
  }
}
