import type { GoogleServiceAccountAuth } from "./google-auth.js";

export type ValueRange = { range: string; values: string[][] };

/** The one Sheets API v4 call the export needs: `spreadsheets.values.batchUpdate`. */
export class SheetsClient {
  constructor(
    private readonly opts: { apiUrl: string; spreadsheetId: string; auth: GoogleServiceAccountAuth; timeoutMs?: number },
  ) {}

  /**
   * Writes each range as given. RAW: values are stored as typed, never parsed, so a cell starting with "=" stays
   * text (the Sheets side of the formula-injection guard).
   */
  async batchUpdate(data: ValueRange[], signal: AbortSignal): Promise<void> {
    const url = `${this.opts.apiUrl}/v4/spreadsheets/${encodeURIComponent(this.opts.spreadsheetId)}/values:batchUpdate`;
    const body = JSON.stringify({ valueInputOption: "RAW", data: data.map((d) => ({ ...d, majorDimension: "ROWS" })) });
    for (let attempt = 1; ; attempt++) {
      const token = await this.opts.auth.accessToken(signal);
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)]),
      });
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const detail = ((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message;
      // A token can be revoked before it expires: one fresh token, then give up (the task's retry takes over).
      if (res.status === 401 && attempt === 1) {
        this.opts.auth.forget();
        continue;
      }
      throw new Error(`Google Sheets refused the update (${res.status}${detail ? `: ${detail}` : ""})`);
    }
  }
}

/** `'Tab name'!A2:J2`: A1 notation with the tab quoted, as Sheets wants for names with spaces or quotes. */
export function a1Row(tab: string, row: number, columns: number): string {
  return `'${tab.replace(/'/g, "''")}'!A${row}:${columnLetter(columns)}${row}`;
}

function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
