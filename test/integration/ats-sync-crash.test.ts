import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AtsServer, startAtsServer } from "../support/ats-server.js";
import { startWorkerProcess } from "../support/processes.js";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

type TaskState = { id: string; status: string; attempts: number; error: string | null; result: any; progress: { current: number } };
type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;
const SUB = `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`;
const API_KEY = "crash-test-api-key-0123456789";
const ENV = {
  TASKLINE_SECRET_KEY: "crash-test-secret-key-0123456789",
  WORKER_POOL_GRACE_SECONDS: "2",
  WORKER_HEARTBEAT_MS: "300",
  ATS_RETRY_BASE_MS: "20",
};
const CANDIDATES = 40;

/**
 * The promise of the sync: a worker SIGKILLed mid-sync, the task retried elsewhere, and the ATS still holds exactly
 * one record per candidate. Pairs committed before the kill are skipped; calls the ATS took but whose answers died
 * with the worker are sent again with the same Idempotency-Key, and the ATS answers them from its replay store.
 */
describe("ATS sync across a worker crash", () => {
  let api: TestTaskline;
  let ats: AtsServer;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    ats = await startAtsServer({ apiKey: API_KEY });
    api = await startTaskline({ worker: false, env: ENV });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await api?.close();
    await ats?.close();
  });

  it("never creates a duplicate remote record when a worker is killed mid-sync and the task is retried", async () => {
    const gql = async (q: string, v?: Record<string, unknown>) => {
      const res = await api.gql(q, v);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data as any;
    };
    const { createJobPosting } = await gql(`mutation { createJobPosting(input: { title: "Ops", description: "x", requiredSkills: ["linux"] }) { id } }`);
    await gql(`mutation($p: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $p, candidates: $c) { id } }`, {
      p: createJobPosting.id,
      c: Array.from({ length: CANDIDATES }, (_, i) => ({ name: `Crash Test${i}`, email: `crash${i}@example.com`, resumeText: "linux" })),
    });
    // Hired before any source exists: no auto-sync, the one sync below is the only one.
    await api.pool.query(`UPDATE candidate SET hiring_status = 'hired', hiring_status_changed_at = now() WHERE job_posting_id = $1`, [createJobPosting.id]);
    await gql(`mutation($i: AtsSourceInput!) { createAtsSource(input: $i) { id } }`, {
      i: { name: "Generic", kind: "GENERIC_HTTP", baseUrl: ats.url, authKind: "API_KEY", credentials: { apiKey: API_KEY }, settings: { remoteIdPath: "data.id" }, concurrency: 4 },
    });
    ats.faults.latencyMs = 300;
    workers.push(await startWorkerProcess(api.databaseUrl, ENV));

    const { syncHiredCandidates: task } = await gql(`mutation($p: ID!) { syncHiredCandidates(jobPostingId: $p) { id } }`, { p: createJobPosting.id });
    const final = collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id: task.id }, (e) => ["COMPLETED", "FAILED"].includes(e.taskUpdated.status), 60_000);
    await collect<{ taskUpdated: TaskState }>(api.wsClient(), SUB, { id: task.id }, (e) => e.taskUpdated.progress.current >= 8, 30_000);
    workers[0]!.child.kill("SIGKILL");
    const createdAtKill = ats.counts.creates;
    const { rows: committed } = await api.pool.query(`SELECT count(*)::int AS n FROM ats_sync_pair WHERE synced_hash IS NOT NULL`);
    // Calls the ATS took whose success the dead worker never committed: the window the Idempotency-Key covers.
    expect(createdAtKill).toBeGreaterThan(committed[0].n);
    workers.push(await startWorkerProcess(api.databaseUrl, ENV));

    const events = await final;
    const last = events.at(-1)!.taskUpdated;
    expect(last).toMatchObject({ status: "COMPLETED", attempts: 2 });
    expect(last.result).toMatchObject({ total: CANDIDATES, failed: 0 });
    expect(last.result.synced + last.result.unchanged).toBe(CANDIDATES);
    // Counted at the server: one record per candidate, and the retried in-flight calls were answered as replays.
    expect(ats.records).toHaveLength(CANDIDATES);
    expect(new Set(ats.records.map((r) => r.email)).size).toBe(CANDIDATES);
    expect(ats.counts.replays).toBeGreaterThan(0);
    const { rows } = await api.pool.query(`SELECT count(DISTINCT remote_id)::int AS n FROM ats_sync_pair WHERE synced_hash IS NOT NULL`);
    expect(rows[0].n).toBe(CANDIDATES);
    const { rows: runs } = await api.pool.query(`SELECT attempts, status, synced FROM ats_sync_run WHERE task_id = $1`, [task.id]);
    expect(runs[0]).toMatchObject({ attempts: 2, status: "completed", synced: CANDIDATES });
  }, 90_000);
});
