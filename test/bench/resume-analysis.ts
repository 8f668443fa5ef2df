import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import OpenAI from "openai";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { taskLimit } from "../../apps/api/src/modules/ai/llm-client.js";
import { effectiveScopes, type Viewer } from "../../apps/api/src/modules/identity/viewer.js";
import { Role } from "../../apps/api/src/modules/identity/roles.js";
import { startOpenAiServer } from "../support/openai-server.js";
import { resumeText } from "../support/resumes.js";

/**
 * `npm run bench:ai`: RESUMES (default 200) resumes analysed in DEEP mode against the loopback OpenAI-compatible
 * server answering every request after LATENCY_MS (default 1,000). Measures, in the same run:
 *  - bare SDK: the same number of chat completions through the openai SDK at the same concurrency (the floor);
 *  - Taskline: analyzeResumes end to end (uploads read, typed and stored, task queued, files parsed into candidates,
 *    the model called, results stored and charged, progress written), from the call to the task COMPLETED.
 * Embedded Postgres unless BENCH_DATABASE_URL is set.
 */
const RESUMES = Number(process.env.RESUMES ?? 200);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 1_000);
const log = createLogger("warn");
const SKILLS = ["TypeScript", "PostgreSQL", "GraphQL", "Kubernetes"];

const llm = await startOpenAiServer({ latencyMs: LATENCY_MS });
let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-ai-"));
// The embedded server runs as the `postgres` user, which must be able to enter it.
await fs.chmod(dataDir, 0o755);
if (!databaseUrl) {
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: 0, log });
  databaseUrl = db.url;
  stopDb = db.stop;
}
const config = loadConfig({
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  PORT: "0",
  HOST: "127.0.0.1",
  TASKLINE_DEFAULT_SCHEDULES: "false",
  TASKLINE_DATA_DIR: dataDir,
  OPENAI_API_KEY: "sk-bench",
  OPENAI_BASE_URL: llm.url,
});
const app = await startTaskline({ config, log, api: false, worker: true });
try {
  const settings = await app.services.aiSettings.get();
  const concurrency = settings.taskConcurrency;
  console.log(`Resume analysis bench — ${RESUMES} resumes, DEEP, server latency ${LATENCY_MS} ms, task concurrency ${concurrency}, ${os.cpus().length} cores\n`);
  const posting = await app.services.recruiting.createPosting({ title: "Platform engineer", description: "Runs the platform", requiredSkills: SKILLS.slice(0, 3), niceToHaveSkills: ["Kubernetes"] });
  const texts = Array.from({ length: RESUMES }, (_, i) => resumeText(`Bench Person ${i}`, `bench${i}@example.com`, SKILLS.slice(0, 1 + (i % 4)), "Led a migration to event-driven services.\n".repeat(20)));

  // Baseline: the bare SDK, same prompts' size, same concurrency, same server.
  const client = new OpenAI({ apiKey: "sk-bench", baseURL: llm.url, maxRetries: 0 });
  const limit = taskLimit(concurrency);
  const schema = { type: "object", properties: { fitScore: { type: "number", minimum: 0, maximum: 100 }, assessment: { type: "string" }, interviewQuestions: { type: "array", items: { type: "string" } } } };
  llm.reset();
  const bareStart = performance.now();
  await Promise.all(
    texts.map((t) =>
      limit(async () => {
        const r = await client.chat.completions.create({
          model: settings.defaultModel,
          messages: [{ role: "system", content: "You are a recruiting assistant." }, { role: "user", content: t }],
          response_format: { type: "json_schema", json_schema: { name: "bench", schema } },
        });
        JSON.parse(r.choices[0]!.message.content!);
      }),
    ),
  );
  const bareMs = performance.now() - bareStart;

  // Taskline, end to end.
  const [{ id: userId }] = (await app.pool.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bench@example.com', 'Bench', 'x', 'recruiter') RETURNING id`)).rows;
  const viewer: Viewer = { userId, email: "bench@example.com", role: Role.RECRUITER, scopes: effectiveScopes(Role.RECRUITER), via: "session" };
  await app.services.credits.topUp({ ...viewer, role: Role.ADMIN }, userId, RESUMES, "bench");
  const uploads = texts.map((t, i) => ({ filename: `resume-${i}.txt`, mimetype: "text/plain", encoding: "7bit", createReadStream: () => Readable.from([Buffer.from(t)]) }));
  llm.reset();
  const start = performance.now();
  const { task, inline } = await app.services.resumeAnalysis.start(viewer, { jobPostingId: posting.id, mode: "deep", files: uploads });
  const acceptedMs = performance.now() - start;
  let final: Record<string, any>;
  for (;;) {
    final = (await app.pool.query(`SELECT status, success_count, failure_count, started_at, result FROM task WHERE id = $1`, [task.id])).rows[0];
    if (["completed", "failed", "cancelled"].includes(final.status)) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const totalMs = performance.now() - start;
  if (final.status !== "completed" || final.success_count !== RESUMES) throw new Error(`bench task ended ${final.status} with ${final.success_count} done`);

  const ideal = Math.ceil(RESUMES / concurrency) * LATENCY_MS;
  const f = (n: number) => n.toFixed(1);
  console.log(`| figure | bare SDK | Taskline |`);
  console.log(`|---|---|---|`);
  console.log(`| end-to-end time | ${f(bareMs / 1000)} s | ${f(totalMs / 1000)} s (mutation returned in ${f(acceptedMs)} ms, ${inline ? "inline" : "queued"}) |`);
  console.log(`| items/s | ${f((RESUMES / bareMs) * 1000)} | ${f((RESUMES / totalMs) * 1000)} |`);
  console.log(`| requests at the server (most at once) | ${RESUMES} | ${llm.state.calls} (${llm.state.maxInFlight}) |`);
  console.log(`\nideal at concurrency ${concurrency}: ${f(ideal / 1000)} s (${f((RESUMES / ideal) * 1000)} items/s)`);
  console.log(`Taskline overhead: ${f(totalMs - bareMs)} ms in all, ${f((totalMs - bareMs) / RESUMES)} ms per item of wall time, ${f(((totalMs - bareMs) * concurrency) / RESUMES)} ms per item per slot; ratio ${(totalMs / bareMs).toFixed(3)}`);
  console.log(`tokens: ${final.result.usage.promptTokens} prompt, ${final.result.usage.completionTokens} completion; estimated cost $${final.result.estimatedCostUsd}`);
} finally {
  await app.stop();
  await stopDb?.();
  await llm.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
