import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineTaskType } from "../../tasks/contract.js";
import analyzeResumes from "../../tasks/recruiting/analyze_resumes.js";
import { type OpenAiServer, startOpenAiServer } from "../support/openai-server.js";
import { startWorkerProcess } from "../support/processes.js";
import { gqlUpload, resumeText, txt } from "../support/resumes.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const ANALYZE = `mutation($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {
  analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) { id status }
}`;
const SKILLS = ["TypeScript", "PostgreSQL", "GraphQL"];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await probe();
    if (v !== undefined) return v;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const finished = (app: TestTaskline, id: string, timeoutMs?: number) =>
  waitFor(`task ${id}`, async () => {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [id]);
    return ["completed", "failed", "cancelled"].includes(rows[0].status) ? rows[0] : undefined;
  }, timeoutMs);

async function ledger(app: TestTaskline, taskId: string) {
  const { rows } = await app.pool.query(`SELECT kind, held, item_key FROM credit_ledger WHERE task_id = $1 ORDER BY id`, [taskId]);
  return {
    reserved: rows.filter((r) => r.kind === "reserve").reduce((n, r) => n + r.held, 0),
    charged: rows.filter((r) => r.kind === "charge").length,
    chargedItems: new Set(rows.filter((r) => r.kind === "charge").map((r) => r.item_key)).size,
    released: rows.filter((r) => r.kind === "release").reduce((n, r) => n - r.held, 0),
    stillHeld: rows.reduce((n, r) => n + r.held, 0),
  };
}

async function seedPosting(app: TestTaskline, n: number, tag: string) {
  const posting = await app.services.recruiting.createPosting({ title: "Data engineer", description: "Pipelines", requiredSkills: SKILLS });
  const candidates = await app.services.recruiting.addCandidates(
    posting.id,
    Array.from({ length: n }, (_, i) => ({ name: `Cand ${tag} ${i}`, email: `${tag}${i}@example.com`, resumeText: resumeText(`Cand ${tag} ${i}`, `${tag}${i}@example.com`, SKILLS.slice(0, 1 + (i % 3))) })),
  );
  return { postingId: posting.id, candidateIds: candidates.map((c) => c.id) };
}

describe("resume analysis without an LLM key", () => {
  let app: TestTaskline;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskline-resumes-"));
  beforeAll(async () => {
    app = await startTaskline({ env: { TASKLINE_DATA_DIR: dataDir } });
    await app.gql(`mutation($u: ID!) { topUpCredits(userId: $u, amount: 100) { available } }`, { u: app.as.recruiter.viewer.userId });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves QUICK with the deterministic built-in scorer and says so; refuses DEEP with LLM_NOT_CONFIGURED", async () => {
    const { postingId, candidateIds } = await seedPosting(app, 3, "nokey");
    const deep = await app.as.recruiter.gql(ANALYZE, { jobPostingId: postingId, mode: "DEEP", candidateIds });
    expect(deep.errors?.[0]?.extensions?.code).toBe("LLM_NOT_CONFIGURED");
    const settings = await app.as.viewer.gql(`{ aiSettings { llmConfigured inlineThreshold maxFilesPerUpload defaultModel } }`);
    expect(settings.data.aiSettings).toEqual({ llmConfigured: false, inlineThreshold: 75, maxFilesPerUpload: 200, defaultModel: "gpt-4o-mini" });

    const runs = [];
    for (let i = 0; i < 2; i++) {
      const res = await gqlUpload(app.url, app.as.recruiter.key, ANALYZE, { jobPostingId: postingId, mode: "QUICK" }, [txt("x.txt", resumeText("Builtin Person", "builtin@example.com", SKILLS))]);
      const task = await finished(app, res.data.analyzeResumes.id);
      expect(task.status).toBe("completed");
      expect(task.result).toMatchObject({ engine: "builtin", model: null, usage: { promptTokens: 0, completionTokens: 0 }, estimatedCostUsd: 0 });
      runs.push(task.result.items[0].fitScore);
    }
    // Same resume, same posting: the same score.
    expect(runs[0]).toBe(runs[1]);
    const q = await app.as.viewer.gql(`query($p: ID!) { resumeAnalyses(jobPostingId: $p) { engine model matchedRequirements missingRequirements profile { skills yearsOfExperience education } } }`, { p: postingId });
    expect(q.data.resumeAnalyses[0]).toMatchObject({ engine: "builtin", model: null, matchedRequirements: SKILLS, missingRequirements: [], profile: { skills: SKILLS, yearsOfExperience: 8 } });
    expect(q.data.resumeAnalyses[0].profile.education[0]).toMatch(/BSc/);
    // Nothing was stored for the refused DEEP request, and the ledger shows two charged analyses.
    const own = await app.as.recruiter.gql(`{ credits { balance held available } }`);
    expect(own.data.credits).toEqual({ balance: 98, held: 0, available: 98 });
  });
});

describe("resume analysis limits and crashes", () => {
  let llm: OpenAiServer;
  let app: TestTaskline;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskline-resumes-"));
  const workers: Array<Awaited<ReturnType<typeof startWorkerProcess>>> = [];
  const WORKER_ENV = { WORKER_POOL_GRACE_SECONDS: "2", WORKER_HEARTBEAT_MS: "300" };

  beforeAll(async () => {
    llm = await startOpenAiServer();
    const env = { OPENAI_API_KEY: "sk-limits", OPENAI_BASE_URL: llm.url, OPENAI_TIMEOUT_MS: "20000", TASKLINE_DATA_DIR: dataDir, ...WORKER_ENV };
    app = await startTaskline({ env, worker: false });
    workers.push(await startWorkerProcess(app.databaseUrl, env), await startWorkerProcess(app.databaseUrl, env));
    await app.gql(`mutation($u: ID!) { topUpCredits(userId: $u, amount: 1000) { available } }`, { u: app.as.recruiter.viewer.userId });
  }, 90_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await app?.close();
    await llm?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("a worker killed mid-task: another one finishes it, no item is analysed or charged twice, and nothing stays held", async () => {
    const { postingId, candidateIds } = await seedPosting(app, 12, "crash");
    await app.gql(`mutation { updateAiSettings(input: { taskConcurrency: 2 }) { taskConcurrency } }`);
    llm.reset();
    llm.state.latencyMs = 250;
    const res = await app.as.recruiter.gql(ANALYZE, { jobPostingId: postingId, mode: "QUICK", candidateIds });
    const id = res.data.analyzeResumes.id;
    await waitFor("4 items done", async () => ((await app.pool.query(`SELECT success_count FROM task WHERE id = $1`, [id])).rows[0].success_count >= 4 ? true : undefined));
    const { rows } = await app.pool.query(`SELECT p.pid FROM task t JOIN worker_pool p ON p.id = t.worker_id WHERE t.id = $1`, [id]);
    const victim = workers.find((w) => w.child.pid === rows[0].pid)!;
    victim.child.kill("SIGKILL");
    const doneBeforeKill = (await app.pool.query(`SELECT count(*)::int AS n FROM resume_analysis WHERE task_id = $1`, [id])).rows[0].n;
    const task = await finished(app, id, 60_000);
    llm.state.latencyMs = 0;
    expect(task.status).toBe("completed");
    // 2, or more when a loaded machine makes the survivor miss a beat too: what matters is one charge per item.
    expect(task.attempts).toBeGreaterThanOrEqual(2);
    expect(task.result.analyzed).toBe(12);
    expect(await ledger(app, id)).toEqual({ reserved: 12, charged: 12, chargedItems: 12, released: 0, stillHeld: 0 });
    // Only the items not stored before the kill (plus the ones in flight at the kill) went to the model again.
    // (at most 2 in flight per lost attempt).
    expect(llm.state.calls).toBeLessThanOrEqual(12 + 2 * (task.attempts - 1));
    expect(doneBeforeKill).toBeGreaterThanOrEqual(4);
    const count = await app.pool.query(`SELECT count(*)::int AS n FROM resume_analysis WHERE task_id = $1`, [id]);
    expect(count.rows[0].n).toBe(12);
  }, 90_000);
});

describe("resume analysis time limit", () => {
  let llm: OpenAiServer;
  let app: TestTaskline;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskline-resumes-"));
  // The same task type with a 1.5 s time limit, to see the limit abort calls in flight.
  const shortLimit = defineTaskType({ ...analyzeResumes, name: "test.analyze_resumes_short", timeLimitMs: 1_500, abortGraceMs: 500 });

  beforeAll(async () => {
    llm = await startOpenAiServer();
    app = await startTaskline({ env: { OPENAI_API_KEY: "sk-limits", OPENAI_BASE_URL: llm.url, TASKLINE_DATA_DIR: dataDir }, extraTaskTypes: [shortLimit] });
    await app.gql(`mutation($u: ID!) { topUpCredits(userId: $u, amount: 1000) { available } }`, { u: app.as.recruiter.viewer.userId });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await llm?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("at the time limit aborts the calls in flight, fails the task and releases every credit", async () => {
    const { postingId, candidateIds } = await seedPosting(app, 4, "limit");
    llm.reset();
    llm.fail({ fault: { kind: "stall" } });
    const payload = { jobPostingId: postingId, mode: "deep", fileIds: [], candidateIds, notifyEmail: "recruiter@test.example" };
    const task = await app.services.db.transaction(async (m) => {
      const t = await app.services.tasks.enqueue("test.analyze_resumes_short", payload, { createdById: app.as.recruiter.viewer.userId }, m);
      await app.services.credits.reserve(m, app.as.recruiter.viewer.userId, t.id, 4);
      return t;
    });
    const done = await finished(app, task.id);
    llm.state.rules = [];
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Timed out after 1.5 s/);
    // The four stalled requests were all; their connections were dropped by the abort.
    expect(llm.state.calls).toBe(4);
    await waitFor("connections closed", async () => (llm.state.inFlight === 0 ? true : undefined), 5_000);
    expect(await ledger(app, task.id)).toEqual({ reserved: 4, charged: 0, chargedItems: 0, released: 4, stillHeld: 0 });
    const mail = await app.pool.query(`SELECT subject FROM outbox WHERE text LIKE $1`, [`%${task.id}%`]);
    expect(mail.rows.map((r) => r.subject)).toEqual([expect.stringMatching(/Failed: Resume analysis/)]);
  });

});

describe("the queue seen from waiting analyses", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    // No worker anywhere: every task stays where the queue put it.
    app = await startTaskline({ worker: false, env: { OPENAI_API_KEY: "sk-queue", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
    await app.gql(`mutation($u: ID!) { topUpCredits(userId: $u, amount: 1000) { available } }`, { u: app.as.recruiter.viewer.userId });
    await app.gql(`mutation { updateAiSettings(input: { inlineThreshold: 5 }) { inlineThreshold } }`);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("gives each waiting task its position; an inline analysis started last goes first", async () => {
    const { postingId, candidateIds } = await seedPosting(app, 10, "queue");
    const start = async (ids: string[]) => (await app.as.recruiter.gql(ANALYZE, { jobPostingId: postingId, mode: "QUICK", candidateIds: ids })).data.analyzeResumes.id as string;
    const big1 = await start(candidateIds);
    const big2 = await start(candidateIds.slice(0, 8));
    const small = await start(candidateIds.slice(0, 2));
    const place = async (id: string) =>
      (await app.as.recruiter.gql(`query($id: ID!) { task(id: $id) { status queuePlace { position estimatedStartAt } } }`, { id })).data.task;
    expect((await place(small)).queuePlace.position).toBe(0);
    expect((await place(big1)).queuePlace.position).toBe(1);
    expect((await place(big2)).queuePlace.position).toBe(2);
    // No finished task yet, so no history to estimate from.
    expect((await place(big2)).queuePlace.estimatedStartAt).toBeNull();
    await app.as.recruiter.gql(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id: small });
    expect(await place(small)).toEqual({ status: "CANCELLED", queuePlace: null });
    expect((await place(big1)).queuePlace.position).toBe(0);
    // Cancelled while queued: the reservation is released by the same trigger.
    const { rows } = await app.pool.query(`SELECT kind, held FROM credit_ledger WHERE task_id = $1 ORDER BY id`, [small]);
    expect(rows).toEqual([{ kind: "reserve", held: 2 }, { kind: "release", held: -2 }]);
  });
});
