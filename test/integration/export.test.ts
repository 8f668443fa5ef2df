import { generateKeyPairSync, verify } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const HEADER = ["id", "name", "email", "job_posting", "github", "linkedin", "website", "top_languages", "created_at", "updated_at"];

async function runExport(app: TestTaskline) {
  const task = await app.services.tasks.enqueue("recruiting.export_candidates", {});
  for (let i = 0; i < 400; i++) {
    const { rows } = await app.pool.query(`SELECT status, result, error FROM task WHERE id = $1`, [task.id]);
    if (["completed", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await sleep(50);
  }
  throw new Error("the export did not finish");
}

/** RFC 4180, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += ch;
  }
  return rows;
}

async function addCandidate(app: TestTaskline, postingId: string, name: string, email: string) {
  const [c] = await app.services.recruiting.addCandidates(postingId, [{ name, email, resumeText: "Resume, with a comma\nand a line break" }]);
  return c!;
}

describe("candidate export to CSV (no Sheets credentials)", () => {
  let app: TestTaskline;
  let dataDir: string;
  let file: string;
  let postingId: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-export-"));
    file = path.join(dataDir, "exports", "candidates.csv");
    app = await startTaskline({ env: { TASKLINE_DATA_DIR: dataDir } });
    postingId = (await app.services.recruiting.createPosting({ title: "Data, \"Senior\"", description: "d", requiredSkills: ["SQL"] })).id;
  });
  afterAll(async () => {
    await app?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("writes every candidate with proper escaping and formulas turned into text", async () => {
    const ada = await addCandidate(app, postingId, "Lovelace, Ada", "ada@test.example");
    const bob = await addCandidate(app, postingId, 'Bob "the builder"\nJr', "bob@test.example");
    const evil = await addCandidate(app, postingId, '=HYPERLINK("http://evil.example","click")', "evil@test.example");
    const minus = await addCandidate(app, postingId, "-2+3", "minus@test.example");

    const task = await runExport(app);

    expect(task.status).toBe("completed");
    expect(task.result).toEqual({ target: "CSV", exported: 4, rowCount: 4 });
    const rows = parseCsv(await fs.readFile(file, "utf8"));
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [ada.id, "Lovelace, Ada", "ada@test.example", 'Data, "Senior"'],
      [bob.id, 'Bob "the builder"\nJr', "bob@test.example", 'Data, "Senior"'],
      [evil.id, `'=HYPERLINK("http://evil.example","click")`, "evil@test.example", 'Data, "Senior"'],
      [minus.id, "'-2+3", "minus@test.example", 'Data, "Senior"'],
    ]);
    expect(rows.every((r) => r.length === HEADER.length)).toBe(true);
  });

  it("writes nothing when nothing changed, and rewrites the file when a candidate changes", async () => {
    const before = await fs.stat(file);

    const idle = await runExport(app);

    expect(idle.result).toEqual({ target: "CSV", exported: 0, rowCount: 4 });
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);

    await addCandidate(app, postingId, "Ada King", "ada@test.example"); // same email: an update
    const changed = await runExport(app);

    expect(changed.result).toEqual({ target: "CSV", exported: 1, rowCount: 4 });
    const names = parseCsv(await fs.readFile(file, "utf8")).map((r) => r[1]);
    expect(names).toContain("Ada King");
    expect(names).not.toContain("Lovelace, Ada");
  });

  it("offers the CSV for download to recruiters and refuses anonymous callers and keys without recruiting:read", async () => {
    const anonymous = await fetch(`${app.url}/exports/candidates.csv`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    const weak = await app.services.apiKeys.create(app.admin, { name: "tasks only", scopes: ["tasks:read"] }, { ip: "127.0.0.1" });
    const forbidden = await fetch(`${app.url}/exports/candidates.csv`, { headers: { authorization: `Bearer ${weak.secret}` } });
    expect(forbidden.status).toBe(403);
    await forbidden.body?.cancel();

    const res = await fetch(`${app.url}/exports/candidates.csv`, { headers: { authorization: `Bearer ${app.as.recruiter.key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?candidates\.csv"?$/);
    expect(await res.text()).toBe(await fs.readFile(file, "utf8"));
  });

  it("reports the export in GraphQL with its download path", async () => {
    const res = await app.as.viewer.gql(`{ candidateExport { target updatedAt rowCount downloadUrl } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.candidateExport).toEqual({ target: "CSV", updatedAt: expect.any(String), rowCount: 4, downloadUrl: "/exports/candidates.csv" });
  });
});

type BatchUpdate = { valueInputOption: string; data: Array<{ range: string; values: string[][]; majorDimension: string }> };

/** Google's token endpoint and `values:batchUpdate` on loopback; checks the service account's JWT like Google does. */
async function startFakeGoogle(publicKey: string, clientEmail: string) {
  const state = { tokens: 0, batches: [] as BatchUpdate[], grid: new Map<number, string[]>(), problems: [] as string[], failNext: 0 };
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.method === "POST" && req.url === "/token") {
      const form = new URLSearchParams(body);
      const [h, c, s] = (form.get("assertion") ?? "").split(".");
      const claims = JSON.parse(Buffer.from(c ?? "", "base64url").toString() || "{}");
      const signed = verify("RSA-SHA256", Buffer.from(`${h}.${c}`), publicKey, Buffer.from(s ?? "", "base64url"));
      const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
      if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer" || !signed || claims.iss !== clientEmail || claims.aud !== tokenUrl || claims.scope !== "https://www.googleapis.com/auth/spreadsheets") {
        state.problems.push(`bad assertion ${JSON.stringify(claims)} signed=${signed}`);
        return reply(400, { error: "invalid_grant" });
      }
      state.tokens++;
      return reply(200, { access_token: "ya29.loopback", expires_in: 3600, token_type: "Bearer" });
    }
    const m = /^\/v4\/spreadsheets\/([^/]+)\/values:batchUpdate$/.exec(req.url ?? "");
    if (req.method === "POST" && m) {
      if (state.failNext > 0) {
        state.failNext--;
        return reply(503, { error: { message: "The service is currently unavailable." } });
      }
      if (req.headers.authorization !== "Bearer ya29.loopback") return reply(401, { error: { message: "Request had invalid authentication credentials." } });
      if (m[1] !== "sheet-123") return reply(404, { error: { message: "Requested entity was not found." } });
      const update = JSON.parse(body) as BatchUpdate;
      state.batches.push(update);
      for (const d of update.data) {
        const row = Number(/!A(\d+):J\1$/.exec(d.range)?.[1]);
        if (!row || !d.range.startsWith("'Candidates'!")) state.problems.push(`bad range ${d.range}`);
        state.grid.set(row, d.values[0]!);
      }
      return reply(200, { spreadsheetId: m[1], totalUpdatedRows: update.data.length });
    }
    reply(404, { error: { message: "not found" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("candidate export to Google Sheets", () => {
  let google: Awaited<ReturnType<typeof startFakeGoogle>>;
  let app: TestTaskline;
  let postingId: string;
  let dataDir: string;

  beforeAll(async () => {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
    const clientEmail = "taskline@project.iam.gserviceaccount.com";
    google = await startFakeGoogle(publicKey, clientEmail);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-sheets-"));
    const credentials = JSON.stringify({ type: "service_account", client_email: clientEmail, private_key: privateKey, token_uri: `${google.url}/token` });
    app = await startTaskline({
      env: { TASKLINE_DATA_DIR: dataDir, GOOGLE_SHEETS_CREDENTIALS: credentials, GOOGLE_SHEET_ID: "sheet-123", GOOGLE_SHEETS_API_URL: google.url, GOOGLE_SHEET_TAB: "Candidates" },
    });
    postingId = (await app.services.recruiting.createPosting({ title: "Analyst", description: "d", requiredSkills: ["SQL"] })).id;
  });
  afterAll(async () => {
    await app?.close();
    await google?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("writes the header and every candidate to its own row, raw, after a signed service-account token exchange", async () => {
    const a = await addCandidate(app, postingId, "Ada", "ada@test.example");
    const b = await addCandidate(app, postingId, "=1+1", "formula@test.example");
    const c = await addCandidate(app, postingId, "Cy", "cy@test.example");

    const task = await runExport(app);

    expect(task.status).toBe("completed");
    expect(task.result).toEqual({ target: "GOOGLE_SHEETS", exported: 3, rowCount: 3 });
    expect(google.state.problems).toEqual([]);
    expect(google.state.tokens).toBe(1);
    expect(google.state.batches.map((u) => u.valueInputOption)).toEqual(["RAW"]);
    expect([...google.state.grid.entries()].sort((x, y) => x[0] - y[0]).map(([row, v]) => [row, v[0], v[1]])).toEqual([
      [1, "id", "name"],
      [2, a.id, "Ada"],
      [3, b.id, "=1+1"],
      [4, c.id, "Cy"],
    ]);
    await expect(fs.stat(path.join(dataDir, "exports", "candidates.csv"))).rejects.toThrow();
  });

  it("sends only what changed since the last sync: updates in place, new candidates below", async () => {
    await addCandidate(app, postingId, "Ada Byron", "ada@test.example");
    const d = await addCandidate(app, postingId, "Dee", "dee@test.example");
    google.state.batches.length = 0;

    const task = await runExport(app);

    expect(task.result).toEqual({ target: "GOOGLE_SHEETS", exported: 2, rowCount: 4 });
    expect(google.state.batches).toHaveLength(1);
    expect(google.state.batches[0]!.data.map((r) => [r.range, r.values[0]![1]])).toEqual([
      ["'Candidates'!A1:J1", "name"],
      ["'Candidates'!A2:J2", "Ada Byron"],
      ["'Candidates'!A5:J5", "Dee"],
    ]);
    expect(google.state.grid.get(5)![0]).toBe(d.id);

    google.state.batches.length = 0;
    const idle = await runExport(app);
    expect(idle.result).toEqual({ target: "GOOGLE_SHEETS", exported: 0, rowCount: 4 });
    expect(google.state.batches).toEqual([]);
    expect(google.state.tokens).toBe(1);
  });

  it("keeps the mark when a write fails, so the next sync rewrites the same rows instead of appending duplicates", async () => {
    const e = await addCandidate(app, postingId, "Eve", "eve@test.example");
    google.state.failNext = 1;

    await expect(app.services.exports.sync(new AbortController().signal)).rejects.toThrow(/Google Sheets refused the update \(503: The service is currently unavailable.\)/);
    google.state.batches.length = 0;
    const retried = await app.services.exports.sync(new AbortController().signal);

    expect(retried).toEqual({ target: "GOOGLE_SHEETS", exported: 1, rowCount: 5 });
    expect(google.state.batches[0]!.data.map((r) => r.range)).toEqual(["'Candidates'!A1:J1", "'Candidates'!A6:J6"]);
    expect(google.state.grid.get(6)![0]).toBe(e.id);
    expect(google.state.grid.size).toBe(6);
  });

  it("reports the sheet in GraphQL", async () => {
    const res = await app.as.recruiter.gql(`{ candidateExport { target updatedAt rowCount downloadUrl } }`);
    expect(res.data.candidateExport).toEqual({ target: "GOOGLE_SHEETS", updatedAt: expect.any(String), rowCount: 5, downloadUrl: "https://docs.google.com/spreadsheets/d/sheet-123" });
  });
});
