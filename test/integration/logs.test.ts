import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { defineTaskType } from "../../tasks/contract.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const API_KEY = "sk-live-THIS-MUST-NEVER-BE-LOGGED-1";
const PASSWORD = "hunter2-THIS-MUST-NEVER-BE-LOGGED-2";

/** A task type that logs its payload, as a careless task author would, and fails once. */
const careless = defineTaskType({
  name: "test.logs_payload",
  title: "Test: logs its payload",
  payload: z.object({ apiKey: z.string(), account: z.object({ user: z.string(), credentials: z.object({ password: z.string() }) }) }),
  maxAttempts: 2,
  backoff: { initialMs: 50, factor: 1, maxMs: 50 },
  timeLimitMs: 10_000,
  async run(ctx) {
    ctx.log.info({ payload: ctx.payload }, "payload received");
    ctx.log.warn({ apiKey: ctx.payload.apiKey, token: ctx.payload.apiKey }, "calling the remote API");
    if (ctx.attempt === 1) throw new Error("remote API said 503");
    return { user: ctx.payload.account.user };
  },
});

describe("structured logs", () => {
  let app: TestTaskline;
  const lines: string[] = [];
  const entries = () => lines.flatMap((l) => l.split("\n").filter(Boolean)).map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    const log = createLogger("trace", { destination: { write: (chunk: string) => void lines.push(chunk) } });
    app = await startTaskline({ log, extraTaskTypes: [careless] });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("never writes a secret from a task's payload, and puts the task id on every line of its run", async () => {
    const task = await app.services.tasks.enqueue("test.logs_payload", { apiKey: API_KEY, account: { user: "ada", credentials: { password: PASSWORD } } });
    await expect.poll(async () => (await app.pool.query(`SELECT status FROM task WHERE id = $1`, [task.id])).rows[0].status, { timeout: 15_000 }).toBe("completed");

    const all = lines.join("");
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(PASSWORD);
    const ofTask = entries().filter((e) => e.taskId === task.id);
    const messages = ofTask.map((e) => e.msg);
    // Both attempts, each from start to outcome.
    expect(messages.filter((m) => m === "payload received")).toHaveLength(2);
    expect(messages).toContain("task attempt failed");
    expect(messages.filter((m) => m === "task attempt finished")).toHaveLength(2);
    const received = ofTask.find((e) => e.msg === "payload received") as { payload: { apiKey: string; account: { user: string; credentials: unknown } } };
    expect(received.payload).toEqual({ apiKey: "[redacted]", account: { user: "ada", credentials: "[redacted]" } });
    expect(ofTask.find((e) => e.msg === "calling the remote API")).toMatchObject({ apiKey: "[redacted]", token: "[redacted]", taskType: "test.logs_payload" });
    // No line about this task's run lacks its id.
    const aboutTask = entries().filter((e) => JSON.stringify(e).includes(task.id));
    expect(aboutTask.filter((e) => e.taskId !== task.id && !("jobPayload" in e) && !("job" in e))).toEqual([]);
  }, 30_000);

  it("tags every line of a GraphQL request with its request id, the caller's X-Request-Id when it sends one", async () => {
    const query = `query { me { email } }`;
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${app.as.admin.key}`, "x-request-id": "req-from-the-gateway-42" },
      body: JSON.stringify({ query }),
    });
    expect(res.headers.get("x-request-id")).toBe("req-from-the-gateway-42");
    await res.json();
    expect(entries().filter((e) => e.requestId === "req-from-the-gateway-42").map((e) => e.msg)).toContain("GraphQL operation done");

    const anonymous = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "bad id with spaces" }, body: JSON.stringify({ query }) });
    const generated = anonymous.headers.get("x-request-id");
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await anonymous.json();
    expect(entries().some((e) => e.requestId === generated)).toBe(true);
    // The bearer key reached no line.
    expect(lines.join("")).not.toContain(app.as.admin.key);
  });
});
