import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { type AtsServer, startAtsServer } from "../support/ats-server.js";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

const API_KEY = "gh_live_3f9c2a7be41d48e6a0c5SECRETKEY";
const SECRET_KEY = "test-secret-key-0123456789abcdef";
const ENV = {
  TASKLINE_SECRET_KEY: SECRET_KEY,
  ATS_RETRY_BASE_MS: "20",
  ATS_TIMEOUT_MS: "1500",
  ATS_BREAKER_THRESHOLD: "2",
  ATS_BREAKER_COOLDOWN_SECONDS: "600",
  ATS_AUTO_SYNC_DELAY_MS: "700",
  LOG_LEVEL: "debug",
  NODE_ENV: "development",
};

type Task = { id: string; status: string; successCount: number; failureCount: number; result: any; error: string | null };
const SUB = `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`;
const RUN = `query($taskId: ID!) { atsSyncRun(taskId: $taskId) { id trigger status attempts pairsTotal synced unchanged failed startedByEmail
  results { candidateName sourceName outcome remoteStatus remoteId message calls } } }`;

describe("hired-candidate sync to ATS sources", () => {
  let app: TestTaskline;
  let ats: AtsServer;
  const logLines: string[] = [];
  let postingId: string;
  let candidates: Array<{ id: string; email: string }>;
  let greenhouseId: string;
  let genericId: string;

  const gql = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await app.gql<T>(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const finished = (id: string) =>
    collect<{ taskUpdated: Task }>(app.wsClient(), SUB, { id }, (e) => ["COMPLETED", "FAILED", "CANCELLED"].includes(e.taskUpdated.status), 30_000).then((ev) => ev.at(-1)!.taskUpdated);
  const sync = async (sourceIds?: string[]) => {
    const { syncHiredCandidates } = await gql(`mutation($p: ID!, $s: [ID!]) { syncHiredCandidates(jobPostingId: $p, sourceIds: $s) { id status } }`, { p: postingId, s: sourceIds });
    const task = await finished(syncHiredCandidates.id);
    const { atsSyncRun } = await gql(RUN, { taskId: task.id });
    return { task, run: atsSyncRun };
  };
  /** Until no sync task waits or runs (auto-syncs queued by earlier hires). */
  const settled = async () => {
    const { rows } = await app.pool.query(`SELECT id FROM task WHERE type LIKE 'ats.sync_%' AND status IN ('pending', 'running', 'retrying')`);
    for (const r of rows) {
      await app.pool.query(`UPDATE task SET run_at = now() WHERE id = $1 AND status = 'pending'`, [r.id]);
      await app.pool.query(`SELECT graphile_worker.reschedule_jobs(array_agg(id), run_at := now()) FROM graphile_worker.jobs WHERE key = $1`, [r.id]);
      await finished(r.id);
    }
  };
  const hire = (id: string, status = "HIRED") => gql(`mutation($id: ID!, $s: HiringStatus!) { moveCandidate(id: $id, status: $s) { id hiringStatus } }`, { id, s: status });

  beforeAll(async () => {
    ats = await startAtsServer({ apiKey: API_KEY, oauth: { clientId: "taskline-client", clientSecret: "oauth-client-secret-value-XYZ" } });
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logLines.push(chunk.toString());
        cb();
      },
    });
    app = await startTaskline({ env: ENV, log: createLogger("debug", { destination: sink }) });
    const { createJobPosting } = await gql(`mutation { createJobPosting(input: { title: "Backend engineer", description: "Go", requiredSkills: ["go"] }) { id } }`);
    postingId = createJobPosting.id;
    const { addCandidates } = await gql(`mutation($p: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $p, candidates: $c) { id email } }`, {
      p: postingId,
      c: Array.from({ length: 8 }, (_, i) => ({ name: `Candidate Number${i}`, email: `c${i}@example.com`, resumeText: "Go" })),
    });
    candidates = addCandidates;
  }, 60_000);
  afterAll(async () => {
    if (process.env.ATS_TEST_LOG) (await import("node:fs")).writeFileSync(process.env.ATS_TEST_LOG, logLines.join(""));
    await app?.close();
    await ats?.close();
  });
  beforeEach(() => ats.reset());

  it("refuses to store credentials without TASKLINE_SECRET_KEY (SECRET_KEY_MISSING)", async () => {
    const bare = await startTaskline({ worker: false });
    try {
      const res = await bare.gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
        i: { name: "x", kind: "GENERIC_HTTP", baseUrl: ats.url, authKind: "API_KEY", credentials: { apiKey: API_KEY } },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe("SECRET_KEY_MISSING");
      const { rows } = await bare.pool.query(`SELECT count(*)::int AS n FROM ats_source`);
      expect(rows[0].n).toBe(0);
    } finally {
      await bare.close();
    }
  });

  it("creates sources with credentials encrypted at rest and never returned; validates input", async () => {
    const gh = await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id kind authKind credentialsSet credentialsLast4 settings } }`, {
      i: { name: "Greenhouse", kind: "GREENHOUSE", baseUrl: ats.url, authKind: "API_KEY", credentials: { apiKey: API_KEY }, settings: { onBehalfOf: "4080" }, concurrency: 3 },
    });
    greenhouseId = gh.createAtsSource.id;
    expect(gh.createAtsSource).toMatchObject({ kind: "GREENHOUSE", authKind: "API_KEY", credentialsSet: true, credentialsLast4: API_KEY.slice(-4) });
    const generic = await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
      i: {
        name: "HR system",
        kind: "GENERIC_HTTP",
        baseUrl: ats.url,
        authKind: "OAUTH2_CLIENT_CREDENTIALS",
        credentials: { clientId: "taskline-client", clientSecret: "oauth-client-secret-value-XYZ" },
        settings: { path: "/candidates", tokenUrl: `${ats.url}/oauth/token`, bodyTemplate: { email: "{{mail}}", person: { fullName: "{{full}}" }, origin: "taskline:{{posting}}" }, remoteIdPath: "data.id", successStatuses: [200, 201], testPath: "/health" },
        fieldMapping: { mail: "email", full: "name", posting: "jobPostingTitle" },
      },
    });
    genericId = generic.createAtsSource.id;
    const { rows } = await app.pool.query(`SELECT credentials_box FROM ats_source`);
    for (const r of rows) {
      expect(r.credentials_box).toMatch(/^v1\./);
      expect(r.credentials_box).not.toContain(API_KEY);
      expect(r.credentials_box).not.toContain("oauth-client-secret");
    }
    const bad = await app.gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
      i: { name: "Bad", kind: "GREENHOUSE", baseUrl: "ftp://x", authKind: "API_KEY", credentials: { apiKey: API_KEY }, settings: { onBehalfOf: "1" } },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseUrl" });
    const badMap = await app.gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
      i: { name: "Bad2", kind: "GENERIC_HTTP", baseUrl: ats.url, fieldMapping: { x: "salary" } },
    });
    expect(badMap.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const viewer = await app.as.viewer.gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, { i: { name: "v", kind: "GENERIC_HTTP", baseUrl: ats.url } });
    expect(viewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("testAtsSource reports success, 401, DNS, TLS and timeout with clear reasons", async () => {
    const test = async (id: string) => (await gql(`mutation($id: ID!) { testAtsSource(id: $id) { ok reason status message } }`, { id })).testAtsSource;
    expect(await test(greenhouseId)).toMatchObject({ ok: true, status: 200 });
    expect(ats.lastHeaders?.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:`).toString("base64")}`);
    expect(await test(genericId)).toMatchObject({ ok: true }); // through the OAuth2 token endpoint

    const make = async (name: string, baseUrl: string, apiKey = API_KEY) =>
      (await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, { i: { name, kind: "GREENHOUSE", baseUrl, authKind: "API_KEY", credentials: { apiKey }, settings: { onBehalfOf: "1" }, enabled: false } })).createAtsSource.id;
    expect(await test(await make("wrong key", ats.url, "wrong-key-0000000000"))).toMatchObject({ ok: false, reason: "UNAUTHORIZED", status: 401 });
    expect(await test(await make("no dns", "http://ats.invalid"))).toMatchObject({ ok: false, reason: "DNS" });
    const tls = await test(await make("tls", ats.url.replace("http:", "https:")));
    expect(tls).toMatchObject({ ok: false, reason: "TLS" });
    ats.faults.latencyMs = 2_500;
    const slow = await test(greenhouseId);
    expect(slow).toMatchObject({ ok: false, reason: "TIMEOUT", message: "Timed out after 1500 ms" });
  });

  it("syncs every hired candidate to every source, retrying 500s and dropped connections, with per-pair outcomes", async () => {
    for (const c of candidates.slice(0, 5)) await hire(c.id);
    await hire(candidates[5]!.id, "OFFER"); // not hired: not synced
    await app.pool.query(`DELETE FROM task WHERE type = 'ats.sync_hired_candidates'`); // the auto-syncs: this test syncs by hand
    await app.pool.query(`SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE task_identifier = 'ats.sync_hired_candidates'`);
    ats.faults.fail5xx = 2;
    ats.faults.drop = 1;
    const { task, run } = await sync();
    expect(task).toMatchObject({ status: "COMPLETED", successCount: 10, failureCount: 0 });
    expect(task.result).toMatchObject({ total: 10, synced: 10, unchanged: 0, failed: 0 });
    expect(run).toMatchObject({ trigger: "MANUAL", status: "COMPLETED", pairsTotal: 10, synced: 10, startedByEmail: "admin@test.example" });
    expect(run.results.every((r: any) => r.outcome === "SYNCED" && r.remoteStatus === 201 && r.remoteId)).toBe(true);
    // Three calls failed and were retried: the pairs that met them needed more than one call, the rest one.
    expect(run.results.reduce((n: number, r: any) => n + r.calls, 0)).toBe(13);
    expect(ats.records.filter((r) => r.kind === "greenhouse").map((r) => r.email).sort()).toEqual(candidates.slice(0, 5).map((c) => c.email).sort());
    expect(ats.records.filter((r) => r.kind === "generic")).toHaveLength(5);
    // Harvest's request shape, and the generic template filled from the mapping.
    const gh = ats.records.find((r) => r.kind === "greenhouse")!.body;
    expect(gh).toMatchObject({ first_name: "Candidate", last_name: expect.stringMatching(/^Number\d$/), email_addresses: [{ value: expect.any(String), type: "personal" }] });
    const generic = ats.records.find((r) => r.kind === "generic")!.body;
    expect(generic).toEqual({ email: expect.any(String), person: { fullName: expect.stringMatching(/^Candidate/) }, origin: "taskline:Backend engineer" });
    expect(ats.records.every((r) => r.key && /^[0-9a-f-]{36}:[0-9a-f]{64}$/.test(r.key))).toBe(true);
    // Remote ids per pair.
    const { rows } = await app.pool.query(`SELECT remote_id FROM ats_sync_pair WHERE source_id = $1 ORDER BY remote_id`, [genericId]);
    expect(rows.every((r) => String(r.remote_id).startsWith("gen-"))).toBe(true);

    // A rerun sends nothing: every pair is unchanged.
    ats.reset();
    const again = await sync();
    expect(again.task.result).toMatchObject({ total: 10, synced: 0, unchanged: 10, failed: 0 });
    expect(ats.counts.creates + ats.counts.replays).toBe(0);

    // A changed candidate is sent again (same pair, new content hash → new idempotency key).
    await app.pool.query(`UPDATE candidate SET name = 'Renamed Person' WHERE id = $1`, [candidates[0]!.id]);
    const third = await sync([greenhouseId]);
    expect(third.task.result).toMatchObject({ total: 5, synced: 1, unchanged: 4 });
  });

  it("fails a pair at once on 4xx with the remote's message, and the others go on", async () => {
    await hire(candidates[6]!.id);
    ats.faults.rejectEmails.add(candidates[6]!.email);
    const { task, run } = await sync([greenhouseId]);
    expect(task).toMatchObject({ status: "COMPLETED", failureCount: 1 });
    const failed = run.results.find((r: any) => r.outcome === "FAILED");
    expect(failed).toMatchObject({ remoteStatus: 422, calls: 1, message: "HTTP 422: Validation error; email_addresses: Email address is invalid" });
    expect(ats.callsByEmail.get(candidates[6]!.email)).toBe(1);
    const items = await gql(`query($id: ID!) { task(id: $id) { errors { itemLabel message } } }`, { id: task.id });
    expect(items.task.errors).toEqual([{ itemLabel: "Candidate Number6 → Greenhouse", message: "HTTP 422: Validation error; email_addresses: Email address is invalid" }]);
  });

  it("trips the circuit breaker of a source that keeps failing: the remaining pairs fail fast", async () => {
    await gql(`mutation($id: ID!) { updateAtsSource(id: $id, input: { concurrency: 1 }) { id } }`, { id: genericId });
    for (const c of candidates) await hire(c.id);
    await app.pool.query(`UPDATE candidate SET name = name || ' Jr' WHERE job_posting_id = $1`, [postingId]); // all pending again
    ats.faults.down = true;
    const { task, run } = await sync([genericId]);
    expect(task).toMatchObject({ status: "COMPLETED", successCount: 0, failureCount: 8 });
    const results = run.results as any[];
    const called = results.filter((r) => r.calls > 0);
    // Threshold 2: two pairs used their 1 + 3 retries, then the breaker opened.
    expect(called).toHaveLength(2);
    expect(called.every((r) => r.calls === 4 && r.remoteStatus === 503)).toBe(true);
    const fast = results.filter((r) => r.calls === 0);
    expect(fast).toHaveLength(6);
    expect(fast[0].message).toMatch(/^HR system: Circuit open: 2 consecutive failures; the source is not called again before /);
    expect(ats.counts.failed).toBe(8);
  });

  it("a slow source times out and trips its own breaker while another source's pairs go through unharmed", async () => {
    const slow = await startAtsServer({ apiKey: API_KEY });
    try {
      slow.faults.latencyMs = 5_000; // past ATS_TIMEOUT_MS (1.5 s)
      await settled(); // the previous test's hire queued an auto-sync: let it finish before adding the source
      const src = await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
        i: { name: "Slow ATS", kind: "GREENHOUSE", baseUrl: slow.url, authKind: "API_KEY", credentials: { apiKey: API_KEY }, settings: { onBehalfOf: "7" }, concurrency: 2, enabled: true },
      });
      await app.pool.query(`UPDATE candidate SET name = name || ' II' WHERE job_posting_id = $1 AND hiring_status = 'hired'`, [postingId]);
      const { task, run } = await sync([greenhouseId, src.createAtsSource.id]);
      const bySource = (name: string) => (run.results as any[]).filter((r) => r.sourceName === name);
      // The fast source: every changed candidate synced.
      expect(bySource("Greenhouse").filter((r) => r.outcome === "SYNCED")).toHaveLength(8);
      // Concurrency 2, threshold 2: the two first pairs, and at most one a lane took up before the second failure
      // opened the breaker, used their four calls each.
      const timedOut = bySource("Slow ATS").filter((r) => r.calls > 0);
      expect(timedOut.length).toBeGreaterThanOrEqual(2);
      expect(timedOut.length).toBeLessThanOrEqual(3);
      expect(timedOut.every((r) => r.calls === 4 && r.message === "Timed out after 1500 ms" && r.remoteStatus === null)).toBe(true);
      expect(bySource("Slow ATS").filter((r) => r.calls === 0).every((r) => /Circuit open/.test(r.message))).toBe(true);
      expect(task.result.sources.find((s: any) => s.name === "Slow ATS")).toMatchObject({ synced: 0, failed: 8 });
      await gql(`mutation($id: ID!) { deleteAtsSource(id: $id) { id } }`, { id: src.createAtsSource.id });
    } finally {
      await slow.close();
    }
  }, 40_000);

  it("auto-syncs a posting after a burst of hires, debounced into one task", async () => {
    const { createJobPosting } = await gql(`mutation { createJobPosting(input: { title: "Designer", description: "UI", requiredSkills: ["figma"] }) { id } }`);
    const { addCandidates } = await gql(`mutation($p: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $p, candidates: $c) { id } }`, {
      p: createJobPosting.id,
      c: [1, 2, 3].map((i) => ({ name: `Des Igner${i}`, email: `d${i}@example.com`, resumeText: "figma" })),
    });
    for (const c of addCandidates) await hire(c.id);
    const { rows } = await app.pool.query(`SELECT id FROM task WHERE type = 'ats.sync_hired_candidates' AND payload->>'jobPostingId' = $1`, [createJobPosting.id]);
    expect(rows).toHaveLength(1);
    const task = await finished(rows[0].id);
    // The HR system's breaker is still open from the previous test (cool-down 600 s): its pairs fail fast.
    expect(task.result).toMatchObject({ total: 6, synced: 3, failed: 3 });
    const { atsSyncRun } = await gql(RUN, { taskId: task.id });
    expect(atsSyncRun.trigger).toBe("AUTO");
    expect(ats.records.filter((r) => r.kind === "greenhouse" && r.email.startsWith("d")).map((r) => r.email).sort()).toEqual(["d1@example.com", "d2@example.com", "d3@example.com"]);
  });

  it("the nightly sync (ats.sync_pending) sends only pending pairs; the schedule is a default", async () => {
    const { DEFAULT_SCHEDULES } = await import("../../apps/api/src/modules/schedules/default-schedules.js");
    expect(DEFAULT_SCHEDULES.find((d) => d.taskType === "ats.sync_pending")).toMatchObject({ cron: "15 2 * * *" });
    await gql(`mutation($id: ID!) { updateAtsSource(id: $id, input: { enabled: false }) { id } }`, { id: genericId });
    await app.pool.query(`UPDATE candidate SET name = 'Changed Again' WHERE id = $1`, [candidates[1]!.id]);
    const task = await app.services.tasks.enqueue("ats.sync_pending", {});
    const done = await finished(task.id);
    // Greenhouse: 7 of 8 hired of the first posting + 3 of the second are unchanged; the renamed one is sent; the
    // rejected one (still 422) fails again.
    expect(done.result).toMatchObject({ synced: 1, failed: 0, unchanged: 10, total: 11 });
  });

  it("keeps every sync in the history (success rates per source and day) and the audit log", async () => {
    const { atsSyncRuns, atsSyncStats, auditLog } = await gql(`{ atsSyncRuns(first: 20) { trigger status pairsTotal }
      atsSyncStats(days: 7) { day sourceName synced unchanged failed successRate }
      auditLog(first: 100) { edges { node { action details } } } }`);
    expect(atsSyncRuns.map((r: any) => r.trigger)).toEqual(expect.arrayContaining(["MANUAL", "AUTO", "SCHEDULE"]));
    const today = new Date().toISOString().slice(0, 10);
    const hr = atsSyncStats.find((s: any) => s.sourceName === "HR system" && s.day === today);
    expect(hr.failed).toBeGreaterThanOrEqual(8);
    expect(hr.successRate).toBeGreaterThan(0);
    expect(hr.successRate).toBeLessThan(1);
    const actions = auditLog.edges.map((e: any) => e.node.action);
    expect(actions.filter((a: string) => a === "ATS_SYNC_RUN").length).toBe(atsSyncRuns.length);
    expect(actions).toEqual(expect.arrayContaining(["ATS_SOURCE_CREATED", "ATS_SOURCE_TESTED", "CANDIDATE_STATUS_CHANGED"]));
  });

  it("never logs or returns a secret, even when a failing source echoes it back", async () => {
    await gql(`mutation($id: ID!) { updateAtsSource(id: $id, input: { enabled: true }) { id } }`, { id: genericId });
    const wrong = "wrong-but-secret-key-7788ZZ";
    const src = await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
      i: { name: "Echoing", kind: "GREENHOUSE", baseUrl: ats.url, authKind: "API_KEY", credentials: { apiKey: wrong }, settings: { onBehalfOf: "9" } },
    });
    ats.faults.echoAuthOn401 = true;
    logLines.length = 0;
    const { task, run } = await sync([src.createAtsSource.id]);
    expect(task.failureCount).toBeGreaterThan(0);
    expect(run.results[0].message).toMatch(/^HTTP 401: credentials rejected \(Invalid credentials: Basic \[redacted\]\)$/);
    const all = logLines.join("\n") + JSON.stringify(run) + JSON.stringify(await gql(`{ atsSources { name credentialsLast4 settings } }`));
    expect(logLines.some((l) => l.includes("ATS pair failed"))).toBe(true);
    for (const secret of [wrong, Buffer.from(`${wrong}:`).toString("base64"), API_KEY, "oauth-client-secret-value-XYZ", SECRET_KEY]) expect(all).not.toContain(secret);
  });
});
