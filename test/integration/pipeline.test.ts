import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";

type TaskEvent = { taskUpdated: { id: string; status: string; version: number; progress: { current: number; total: number | null; percent: number | null }; result: unknown } };
const isFinal = (s: string) => ["COMPLETED", "FAILED", "CANCELLED"].includes(s);

describe("the live task pipeline", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline();
  });
  afterAll(async () => {
    await app.close();
  });

  it("moves a task PENDING -> RUNNING -> COMPLETED and a subscriber sees the snapshot first, then every version in order", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 8, stepMs: 40 });
    expect(task.status).toBe("pending");

    const events = await collect<TaskEvent>(app.wsClient(), `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`, { id: task.id }, (e) => isFinal(e.taskUpdated.status));

    const states = events.map((e) => e.taskUpdated);
    expect(states[0]!.version).toBeGreaterThanOrEqual(task.version);
    const versions = states.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(states.map((s) => s.status)).toContain("RUNNING");
    const last = states.at(-1)!;
    expect(last.status).toBe("COMPLETED");
    expect(last.progress).toMatchObject({ current: 8, total: 8, percent: 100 });
    expect(last.result).toEqual({ steps: 8, attempt: 1 });
    // Progress moved live: some event between start and end showed partial progress.
    expect(states.some((s) => s.status === "RUNNING" && s.progress.current > 0 && s.progress.current < 8)).toBe(true);
  });

  it("coalesces a flood of progress reports into a few row updates", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 20, stepMs: 25, reportsPerStep: 5_000 });
    const events = await collect<TaskEvent>(app.wsClient(), `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`, { id: task.id }, (e) => isFinal(e.taskUpdated.status));
    const final = events.at(-1)!.taskUpdated;
    expect(final.status).toBe("COMPLETED");
    // 100,000 reports over ~0.5 s; at one write per 50 ms flush that is about a dozen versions, never thousands.
    expect(final.version).toBeLessThan(40);
  });

  it("records per-item failures without failing the task", async () => {
    const task = await app.services.tasks.enqueue("test.steps", { steps: 5, failItems: [2, 4] });
    await collect<TaskEvent>(app.wsClient(), `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`, { id: task.id }, (e) => isFinal(e.taskUpdated.status));
    const { data } = await app.gql(`query($id: ID!) { task(id: $id) { status successCount failureCount errors { itemKey itemLabel message attempt } } }`, { id: task.id });
    expect(data.task).toMatchObject({ status: "COMPLETED", successCount: 3, failureCount: 2 });
    expect(data.task.errors).toEqual([
      { itemKey: "item-2", itemLabel: "Item 2", message: "item 2 is broken", attempt: 1 },
      { itemKey: "item-4", itemLabel: "Item 4", message: "item 4 is broken", attempt: 1 },
    ]);
  });

  it("pushes new and changed tasks to a list subscriber, filtered by type", async () => {
    const client = app.wsClient();
    const seen = collect<{ tasksUpdated: { id: string; type: string; status: string } }>(
      client,
      `subscription { tasksUpdated(filter: { type: ["test.steps"] }) { id type status } }`,
      {},
      (e) => e.tasksUpdated.status === "COMPLETED",
    );
    await new Promise((r) => setTimeout(r, 200)); // the subscription is registered
    const task = await app.services.tasks.enqueue("test.steps", { steps: 2 });
    const events = await seen;
    expect(events.every((e) => e.tasksUpdated.id === task.id && e.tasksUpdated.type === "test.steps")).toBe(true);
    expect(events.map((e) => e.tasksUpdated.status)[0]).toBe("PENDING");
  });

  it("lists tasks newest first as a connection, filtered by status", async () => {
    const page1 = await app.gql(`{ tasks(first: 2) { totalCount edges { node { id createdAt } } pageInfo { hasNextPage endCursor } } }`);
    expect(page1.data.tasks.edges).toHaveLength(2);
    expect(page1.data.tasks.pageInfo.hasNextPage).toBe(true);
    const page2 = await app.gql(`query($after: String) { tasks(first: 2, after: $after) { edges { node { id createdAt } } } }`, { after: page1.data.tasks.pageInfo.endCursor });
    const all = [...page1.data.tasks.edges, ...page2.data.tasks.edges].map((e: any) => e.node);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(all.length);
    const times = all.map((n: any) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const completed = await app.gql(`{ tasks(first: 50, filter: { status: [COMPLETED] }) { edges { node { status } } } }`);
    expect(completed.data.tasks.edges.every((e: any) => e.node.status === "COMPLETED")).toBe(true);
  });

  it("refuses bad input with a code and keeps serving", async () => {
    const bad = await app.gql(`mutation { rankCandidates(jobPostingId: "not-a-uuid") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const badCursor = await app.gql(`{ tasks(after: "garbage") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await app.gql(`{ tasks(first: 1000) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const missing = await app.gql(`subscription { taskUpdated(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(missing.errors?.[0]).toBeDefined();
    const ok = await app.gql(`{ taskTypes { name } }`);
    expect(ok.data.taskTypes.map((t: any) => t.name)).toContain("recruiting.rank_candidates");
  });
});
