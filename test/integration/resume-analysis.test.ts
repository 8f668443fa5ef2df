import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fromSchema, type OpenAiServer, startOpenAiServer } from "../support/openai-server.js";
import { docx, gqlUpload, pdf, resumeText, txt, type UploadFile, zip } from "../support/resumes.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const ANALYZE = `mutation($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {
  analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) { id status }
}`;
const SKILLS = ["TypeScript", "PostgreSQL", "GraphQL"];

export async function waitForTask(app: TestTaskline, id: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [id]);
    if (["completed", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await sleep(50);
  }
  throw new Error(`task ${id} did not finish`);
}

async function ledger(app: TestTaskline, taskId: string) {
  const { rows } = await app.pool.query(`SELECT kind, amount, held, item_key FROM credit_ledger WHERE task_id = $1 ORDER BY id`, [taskId]);
  return {
    reserved: rows.filter((r) => r.kind === "reserve").reduce((n, r) => n + r.held, 0),
    charged: rows.filter((r) => r.kind === "charge").length,
    released: rows.filter((r) => r.kind === "release").reduce((n, r) => n - r.held, 0),
    stillHeld: rows.reduce((n, r) => n + r.held, 0),
  };
}

describe("resume analysis against an OpenAI-compatible server", () => {
  let llm: OpenAiServer;
  let app: TestTaskline;
  let postingId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskline-resumes-"));

  const analyze = (files: UploadFile[], mode = "QUICK", caller: "recruiter" | "recruiter2" = "recruiter") =>
    gqlUpload(app.url, app.as[caller].key, ANALYZE, { jobPostingId: postingId, mode }, files);
  const topUp = (userId: string, amount: number) => app.gql(`mutation($u: ID!, $a: Int!) { topUpCredits(userId: $u, amount: $a) { available } }`, { u: userId, a: amount });
  const setSettings = (input: Record<string, unknown>) => app.gql(`mutation($i: AiSettingsInput!) { updateAiSettings(input: $i) { inlineThreshold maxFilesPerUpload taskConcurrency } }`, { i: input });
  const priority = async (id: string) => (await app.pool.query(`SELECT priority FROM task WHERE id = $1`, [id])).rows[0].priority as number;
  const batch = (n: number, tag = "r") => Array.from({ length: n }, (_, i) => txt(`${tag}${i}.txt`, resumeText(`Person ${tag} ${i}`, `${tag}${i}@example.com`, SKILLS)));

  beforeAll(async () => {
    llm = await startOpenAiServer({
      // Rankings name real candidates: the best-first order is the reverse of the first pass's.
      reply: (req) =>
        req.response_format?.json_schema?.name === "candidate_ranking"
          ? { ranking: [...req.messages.at(-1)!.content.matchAll(/CANDIDATE ([0-9a-f-]{36})/g)].map((m) => m[1]).reverse().map((id, i) => ({ candidateId: id, score: 95 - i, rationale: `Reason ${i}` })) }
          : fromSchema(req.response_format!.json_schema!.schema),
    });
    app = await startTaskline({ env: { OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: llm.url, OPENAI_MODEL: "gpt-4o-mini", TASKLINE_DATA_DIR: dataDir, START_WORK_PER_MINUTE: "1000" } });
    const posting = await app.services.recruiting.createPosting({ title: "Backend engineer", description: "Builds APIs", requiredSkills: SKILLS, niceToHaveSkills: ["Kubernetes"] });
    postingId = posting.id;
    await topUp(app.as.recruiter.viewer.userId, 100_000);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await llm?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => llm.reset());

  it("analyses uploaded resumes with the model, stores each result and sums tokens and cost per item and per task", async () => {
    const res = await analyze(batch(5, "ok"));
    expect(res.errors).toBeUndefined();
    const task = await waitForTask(app, res.data.analyzeResumes.id);
    expect(task.status).toBe("completed");
    expect(task.success_count).toBe(5);
    const result = task.result;
    expect(result).toMatchObject({ engine: "llm", model: "gpt-4o-mini", mode: "quick", analyzed: 5, failed: 0 });
    // Every token the server reported, and nothing else.
    expect(result.usage).toEqual(llm.state.usage);
    expect(llm.state.authorizations).toEqual(new Set(["Bearer sk-test-key"]));
    const sumPrompt = result.items.reduce((n: number, i: any) => n + i.promptTokens, 0);
    expect(sumPrompt).toBe(result.usage.promptTokens);
    // gpt-4o-mini at the default prices: $0.15 / $0.60 per million tokens.
    const expected = (result.usage.promptTokens * 0.15 + result.usage.completionTokens * 0.6) / 1e6;
    expect(result.estimatedCostUsd).toBeCloseTo(expected, 6);

    const q = await app.as.viewer.gql(`query($p: ID!, $t: ID) { resumeAnalyses(jobPostingId: $p, taskId: $t) { engine mode fitScore profile { skills } strengths estimatedCostUsd promptTokens } }`, { p: postingId, t: task.id });
    expect(q.data.resumeAnalyses).toHaveLength(5);
    expect(q.data.resumeAnalyses[0]).toMatchObject({ engine: "llm", mode: "QUICK" });
    expect(await ledger(app, task.id)).toEqual({ reserved: 5, charged: 5, released: 0, stillHeld: 0 });
  });

  it("DEEP adds an assessment and interview questions", async () => {
    const res = await analyze(batch(2, "deep"), "DEEP");
    const task = await waitForTask(app, res.data.analyzeResumes.id);
    expect(task.status).toBe("completed");
    const q = await app.gql(`query($p: ID!, $t: ID) { resumeAnalyses(jobPostingId: $p, taskId: $t) { mode assessment interviewQuestions } }`, { p: postingId, t: task.id });
    expect(q.data.resumeAnalyses.every((a: any) => a.mode === "DEEP" && a.assessment && a.interviewQuestions.length > 0)).toBe(true);
    expect(llm.state.requests[0]!.response_format?.json_schema?.name).toBe("deep_resume_analysis");
  });

  it("retries a 429 after the server's Retry-After and the item succeeds", async () => {
    llm.fail({ match: "rate-me@example.com", fault: { kind: "429", retryAfterSeconds: 1 }, times: 1 });
    const started = Date.now();
    const res = await analyze([txt("rate.txt", resumeText("Rate Me", "rate-me@example.com", SKILLS))]);
    const task = await waitForTask(app, res.data.analyzeResumes.id);
    expect(task.status).toBe("completed");
    expect(task.success_count).toBe(1);
    expect(llm.state.calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("records an item whose reply is invalid twice as that item's failure, charges only the others and releases its credit", async () => {
    llm.fail({ match: "broken@example.com", fault: { kind: "invalid-json" } });
    const files = [...batch(3, "inv"), txt("broken.txt", resumeText("Broken Reply", "broken@example.com", SKILLS))];
    const res = await analyze(files);
    const task = await waitForTask(app, res.data.analyzeResumes.id);
    expect(task.status).toBe("completed");
    expect([task.success_count, task.failure_count]).toEqual([3, 1]);
    // Three good answers, and the broken one asked twice.
    expect(llm.state.calls).toBe(5);
    const { rows } = await app.pool.query(`SELECT item_label, message FROM task_item_error WHERE task_id = $1`, [task.id]);
    expect(rows[0].message).toMatch(/invalid twice/);
    expect(rows[0].item_label).toMatch(/Broken Reply/);
    expect(await ledger(app, task.id)).toEqual({ reserved: 4, charged: 3, released: 1, stillHeld: 0 });
    // The failed item's tokens were spent all the same: they count in the task's usage.
    expect(task.result.usage).toEqual(llm.state.usage);
  });

  it("reads real PDF and DOCX files; a corrupt PDF is an item failure with its reason", async () => {
    const files = [
      await pdf("ada.pdf", resumeText("Ada Pdf", "ada.pdf@example.com", SKILLS)),
      docx("grace.docx", resumeText("Grace Docx", "grace.docx@example.com", SKILLS)),
      { name: "corrupt.pdf", bytes: strToU8("%PDF-1.7\nthis is not really a PDF"), type: "application/pdf" },
    ];
    const res = await analyze(files);
    const task = await waitForTask(app, res.data.analyzeResumes.id);
    expect([task.status, task.success_count, task.failure_count]).toEqual(["completed", 2, 1]);
    const { rows } = await app.pool.query(`SELECT message FROM task_item_error WHERE task_id = $1`, [task.id]);
    expect(rows[0].message).toMatch(/PDF could not be read/);
    const names = (await app.pool.query(`SELECT c.name, c.resume_text FROM candidate c JOIN resume_file f ON f.candidate_id = c.id WHERE f.job_posting_id = $1 AND f.file_name IN ('ada.pdf', 'grace.docx') ORDER BY c.name`, [postingId])).rows;
    expect(names.map((n) => n.name)).toEqual(["Ada Pdf", "Grace Docx"]);
    expect(names[0].resume_text).toContain("PostgreSQL");
    const file = await app.pool.query(`SELECT parse_error FROM resume_file WHERE file_name = 'corrupt.pdf'`);
    expect(file.rows[0].parse_error).toMatch(/PDF could not be read/);
    expect(await ledger(app, task.id)).toMatchObject({ charged: 2, released: 1, stillHeld: 0 });
  });

  it("keeps the originals, downloadable with recruiting:read and never anonymously", async () => {
    const original = docx("keep.docx", resumeText("Keep Original", "keep@example.com", SKILLS));
    const task = await waitForTask(app, (await analyze([original])).data.analyzeResumes.id);
    const { rows } = await app.pool.query(`SELECT candidate_id FROM resume_file WHERE file_name = 'keep.docx'`);
    const q = await app.as.viewer.gql(`query($p: ID!) { jobPosting(id: $p) { candidates(first: 50) { edges { node { id resumeFiles { downloadUrl } analysis { taskId } } } } } }`, { p: postingId });
    if (q.errors) throw new Error(JSON.stringify(q.errors));
    const node = q.data.jobPosting.candidates.edges.map((e: any) => e.node).find((n: any) => n.id === rows[0].candidate_id);
    expect(node.analysis.taskId).toBe(task.id);
    const url = `${app.url}${node.resumeFiles[0].downloadUrl}`;
    const ok = await fetch(url, { headers: { authorization: `Bearer ${app.as.viewer.key}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain("keep.docx");
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(original.bytes);
    expect((await fetch(url)).status).toBe(401);
  });

  it("links a resume with the same content or the same email to the existing candidate", async () => {
    const first = txt("dup.txt", resumeText("Dup Licate", "dup@example.com", SKILLS));
    const sameEmail = txt("dup-v2.txt", resumeText("Dup Licate", "dup@example.com", SKILLS, "Now also Kubernetes"));
    await waitForTask(app, (await analyze([first])).data.analyzeResumes.id);
    await waitForTask(app, (await analyze([{ ...first, name: "renamed.txt" }, sameEmail])).data.analyzeResumes.id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM candidate WHERE job_posting_id = $1 AND lower(email) = 'dup@example.com'`, [postingId]);
    expect(rows[0].n).toBe(1);
    const files = await app.pool.query(`SELECT DISTINCT candidate_id FROM resume_file WHERE file_name IN ('dup.txt', 'renamed.txt', 'dup-v2.txt')`);
    expect(files.rows).toHaveLength(1);
  });

  it("routes 75 resumes inline (highest priority, no email) and 76 to the queue with an email, then follows a changed threshold", async () => {
    const inline = await analyze(batch(75, "in"));
    const queued = await analyze(batch(76, "q"));
    expect(await priority(inline.data.analyzeResumes.id)).toBeLessThan(await priority(queued.data.analyzeResumes.id));
    const [a, b] = [await waitForTask(app, inline.data.analyzeResumes.id, 60_000), await waitForTask(app, queued.data.analyzeResumes.id, 60_000)];
    expect([a.status, b.status]).toEqual(["completed", "completed"]);
    expect(a.payload.notifyEmail).toBeNull();
    expect(b.payload.notifyEmail).toBe("recruiter@test.example");
    const mail = await app.pool.query(`SELECT "to", subject, text FROM outbox WHERE text LIKE $1`, [`%${b.id}%`]);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0].subject).toMatch(/Completed: Resume analysis/);
    expect(mail.rows[0].text).toContain("76 item(s) done");

    expect((await setSettings({ inlineThreshold: 3 })).errors).toBeUndefined();
    const four = await analyze(batch(4, "t4"));
    const three = await analyze(batch(3, "t3"));
    expect(await priority(four.data.analyzeResumes.id)).toBe(0);
    expect(await priority(three.data.analyzeResumes.id)).toBeLessThan(0);
    await waitForTask(app, four.data.analyzeResumes.id);
    await waitForTask(app, three.data.analyzeResumes.id);
    await setSettings({ inlineThreshold: 75 });
    const audit = await app.pool.query(`SELECT details FROM audit_log WHERE action = 'AI_SETTINGS_UPDATED' ORDER BY id`);
    expect(audit.rows[0].details.changes.inlineThreshold).toEqual({ from: 75, to: 3 });
  }, 120_000);

  it("refuses 201 files before storing anything, and follows the admin's maximum", async () => {
    const before = await app.pool.query(`SELECT (SELECT count(*) FROM resume_file)::int AS files, (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM credit_ledger)::int AS ledger`);
    const storedBefore = await app.services.resumeAnalysis["deps"].store.count();
    const res = await analyze(batch(201, "max"));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "UPLOAD_REJECTED", reason: "TOO_MANY_FILES", limit: 200, sent: 201 });
    const after = await app.pool.query(`SELECT (SELECT count(*) FROM resume_file)::int AS files, (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM credit_ledger)::int AS ledger`);
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(await app.services.resumeAnalysis["deps"].store.count()).toBe(storedBefore);

    await setSettings({ maxFilesPerUpload: 2 });
    expect((await analyze(batch(3, "m3"))).errors?.[0]?.extensions?.reason).toBe("TOO_MANY_FILES");
    // A ZIP's entries count one by one.
    const archive = zip("three.zip", Object.fromEntries(batch(3, "z").map((f) => [f.name, f.bytes])));
    expect((await analyze([archive])).errors?.[0]?.extensions?.reason).toBe("TOO_MANY_FILES");
    await setSettings({ maxFilesPerUpload: 200 });
    expect((await setSettings({ maxFilesPerUpload: 0 })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await app.as.recruiter.gql(`mutation { updateAiSettings(input: { inlineThreshold: 1 }) { inlineThreshold } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("takes a ZIP of resumes and refuses path tricks, bombs and files that are not resumes", async () => {
    const ok = zip("batch.zip", { "a/one.txt": batch(1, "zipa")[0]!.bytes, "two.docx": docx("two.docx", resumeText("Zip Docx", "zipdocx@example.com", SKILLS)).bytes, "__MACOSX/._one.txt": strToU8("junk") });
    const task = await waitForTask(app, (await analyze([ok])).data.analyzeResumes.id);
    expect([task.status, task.success_count]).toEqual(["completed", 2]);

    const slip = zip("slip.zip", { "../../etc/evil.txt": strToU8("x") });
    expect((await analyze([slip])).errors?.[0]?.extensions).toMatchObject({ code: "UPLOAD_REJECTED", reason: "UNSAFE_ARCHIVE" });
    // 12 MB of zeros compresses to a few KB: over the per-file limit and the ratio.
    const bomb = zip("bomb.zip", { "big.txt": new Uint8Array(12 * 1024 * 1024) });
    expect((await analyze([bomb])).errors?.[0]?.extensions).toMatchObject({ code: "UPLOAD_REJECTED", reason: "UNSAFE_ARCHIVE" });
    const png = { name: "resume.pdf", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) };
    expect((await analyze([png])).errors?.[0]?.extensions).toMatchObject({ code: "UPLOAD_REJECTED", reason: "UNSUPPORTED_TYPE" });
  });

  it("cancel mid-batch stops further calls at the server and charges only the finished items", async () => {
    await setSettings({ taskConcurrency: 2 });
    llm.state.latencyMs = 300;
    try {
      const res = await analyze(batch(20, "cancel"));
      const id = res.data.analyzeResumes.id;
      for (let i = 0; i < 100; i++) {
        const { rows } = await app.pool.query(`SELECT success_count FROM task WHERE id = $1`, [id]);
        if (rows[0].success_count >= 3) break;
        await sleep(50);
      }
      expect((await app.as.recruiter.gql(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id })).errors).toBeUndefined();
      const task = await waitForTask(app, id);
      expect(task.status).toBe("cancelled");
      const callsAtCancel = llm.state.calls;
      await sleep(1_000);
      expect(llm.state.calls).toBe(callsAtCancel);
      expect(llm.state.calls).toBeLessThan(20);
      const credits = await ledger(app, id);
      const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM resume_analysis WHERE task_id = $1`, [id]);
      expect(credits.charged).toBe(rows[0].n);
      expect(credits).toEqual({ reserved: 20, charged: rows[0].n, released: 20 - rows[0].n, stillHeld: 0 });
    } finally {
      llm.state.latencyMs = 0;
      await setSettings({ taskConcurrency: 16 });
    }
  });

  it("refuses an analysis the user cannot pay for with INSUFFICIENT_CREDITS, storing and queueing nothing", async () => {
    await topUp(app.as.recruiter2.viewer.userId, 2);
    const before = await app.pool.query(`SELECT (SELECT count(*) FROM resume_file)::int AS files, (SELECT count(*) FROM task)::int AS tasks`);
    const res = await analyze(batch(3, "poor"), "QUICK", "recruiter2");
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "INSUFFICIENT_CREDITS", needed: 3, available: 2 });
    expect((await app.pool.query(`SELECT (SELECT count(*) FROM resume_file)::int AS files, (SELECT count(*) FROM task)::int AS tasks`)).rows[0]).toEqual(before.rows[0]);
    const own = await app.as.recruiter2.gql(`{ credits { balance held available } creditLedger { edges { node { kind amount } } } }`);
    expect(own.data.credits).toEqual({ balance: 2, held: 0, available: 2 });
    expect(own.data.creditLedger.edges.map((e: any) => e.node.kind)).toEqual(["TOP_UP"]);
    const other = await app.as.recruiter2.gql(`query($u: ID!) { credits(userId: $u) { balance } }`, { u: app.as.recruiter.viewer.userId });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ranks candidates with the LLM engine: BM25 first, the model re-ranks the top with rationale, usage and cost in the result", async () => {
    const res = await app.as.recruiter.gql(`mutation($p: ID!) { rankCandidates(jobPostingId: $p) { id } }`, { p: postingId });
    llm.reset();
    const task = await waitForTask(app, res.data.rankCandidates.id);
    expect(task.status).toBe("completed");
    expect(task.result).toMatchObject({ engine: "llm", scorer: "builtin-bm25", model: "gpt-4o-mini" });
    expect(llm.state.calls).toBe(1);
    const firstPass = llm.state.requests[0]!.messages.at(-1)!.content.match(/CANDIDATE ([0-9a-f-]{36})/g)!.map((m) => m.slice(10));
    expect(task.result.ranked.slice(0, 20).map((r: any) => r.candidateId)).toEqual([...firstPass].reverse());
    expect(task.result.usage.promptTokens).toBeGreaterThan(0);
    expect(task.result.estimatedCostUsd).toBeGreaterThan(0);
    expect(task.result.ranked.length).toBeGreaterThan(20);
    expect(task.result.ranked.slice(0, 20).every((r: any) => r.llmRationale)).toBe(true);
  });
});
