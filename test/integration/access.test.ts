import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTaskline, TEST_PASSWORD, type TestTaskline } from "../support/taskline.js";

const isFinal = (s: string) => ["COMPLETED", "FAILED", "CANCELLED"].includes(s);

async function signIn(app: TestTaskline, email: string, password = TEST_PASSWORD) {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { email role } } }`, variables: { e: email, p: password } }),
  });
  const body = (await res.json()) as any;
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  return { body, cookie, setCookie: res.headers.get("set-cookie") };
}

function withCookie(app: TestTaskline, cookie: string, query: string) {
  return fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query }) }).then((r) => r.json() as Promise<any>);
}

describe("identity and access", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline({ env: { SIGNIN_MAX_FAILURES_PER_ACCOUNT: "5" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("signs in with an HttpOnly SameSite session cookie and gives the same error for an unknown user and a wrong password", async () => {
    const ok = await signIn(app, "recruiter@test.example");
    expect(ok.body.data.signIn.user).toEqual({ email: "recruiter@test.example", role: "RECRUITER" });
    expect(ok.setCookie).toMatch(/HttpOnly/i);
    expect(ok.setCookie).toMatch(/SameSite=Lax/i);
    expect((await withCookie(app, ok.cookie!, `{ me { email } }`)).data.me.email).toBe("recruiter@test.example");
    const wrong = await signIn(app, "viewer@test.example", "wrong password!!");
    const unknown = await signIn(app, "nobody@test.example", "wrong password!!");
    expect(wrong.body.errors[0]).toMatchObject({ message: "Invalid email or password", extensions: { code: "UNAUTHENTICATED" } });
    expect(unknown.body.errors[0]).toEqual(wrong.body.errors[0]);
  });

  it("refuses sign-ins for an account after repeated failures, even with the right password", async () => {
    for (let i = 0; i < 5; i++) await signIn(app, "recruiter2@test.example", "not the password");
    const refused = await signIn(app, "recruiter2@test.example");
    expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("does not deliver another recruiter's private task events to a recruiter's tasksUpdated", async () => {
    const seenByOther: string[] = [];
    const other = app.as.recruiter2.wsClient();
    const stop = other.subscribe({ query: `subscription { tasksUpdated { id } }` }, { next: (m: any) => seenByOther.push(m.data.tasksUpdated.id), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));
    const privateTask = await app.services.tasks.enqueue("test.steps", { steps: 3 }, { createdById: app.as.recruiter.viewer.userId });
    const owner = await collect<any>(app.as.recruiter.wsClient(), `subscription($id: ID!) { taskUpdated(id: $id) { status } }`, { id: privateTask.id }, (e) => isFinal(e.taskUpdated.status));
    expect(owner.at(-1).taskUpdated.status).toBe("COMPLETED");
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(seenByOther).not.toContain(privateTask.id);
    const direct = await app.as.recruiter2.gql(`query($id: ID!) { task(id: $id) { id } }`, { id: privateTask.id });
    expect(direct.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const cancel = await app.as.recruiter2.gql(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id: privateTask.id });
    expect(cancel.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const list = await app.as.recruiter2.gql(`{ tasks(first: 100) { edges { node { id } } } }`);
    expect(list.data!.tasks.edges.map((e: any) => e.node.id)).not.toContain(privateTask.id);
  });

  it("closes a key's open graphql-ws connection when the key is revoked", async () => {
    const { apiKey, secret } = await app.services.apiKeys.create(app.as.recruiter.viewer, { name: "to revoke", scopes: ["tasks:read"] }, { ip: "127.0.0.1" });
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${app.url.replace("http", "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${secret}` },
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
      client.subscribe({ query: `subscription { tasksUpdated { id } }` }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    await new Promise((r) => setTimeout(r, 300));
    const revoked = await app.as.recruiter.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
    expect(revoked.data!.revokeApiKey.revokedAt).toBeTruthy();
    expect(await closed).toBe(4403);
    const after = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: `{ tasks { totalCount } }` }) }).then((r) => r.json() as Promise<any>);
    expect(after.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("stops a deactivated user's session at once", async () => {
    const { cookie } = await signIn(app, "viewer@test.example");
    expect((await withCookie(app, cookie!, `{ tasks { totalCount } }`)).data.tasks.totalCount).toBeGreaterThanOrEqual(0);
    const done = await app.gql(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: app.as.viewer.viewer.userId });
    expect(done.data.deactivateUser.active).toBe(false);
    const after = await withCookie(app, cookie!, `{ tasks { totalCount } }`);
    expect(after.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const audit = await app.gql(`{ auditLog(first: 50) { edges { node { action actorEmail targetId } } } }`);
    expect(audit.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(expect.arrayContaining(["USER_DEACTIVATED", "SIGN_IN", "SIGN_IN_FAILED", "API_KEY_REVOKED"]));
    await app.gql(`mutation($id: ID!) { reactivateUser(id: $id) { active } }`, { id: app.as.viewer.viewer.userId });
  });

  it("refuses a cross-site form POST that carries the session cookie (CSRF)", async () => {
    const { cookie } = await signIn(app, "recruiter@test.example");
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie!, origin: "https://evil.example" },
      body: `query=${encodeURIComponent(`mutation { createDemoData { id } }`)}`,
    });
    expect(res.status).toBe(400);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM job_posting WHERE created_by = $1`, [app.as.recruiter.viewer.userId]);
    expect(rows[0].n).toBe(0);
  });

  it("refuses unauthenticated sockets and cookie-authenticated sockets from a foreign origin, with 4403", async () => {
    const { cookie } = await signIn(app, "recruiter@test.example");
    const closeCode = (headers: Record<string, string>, params: Record<string, unknown> = {}) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${app.url.replace("http", "ws")}/graphql`, "graphql-transport-ws", { headers });
        ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: params })));
        ws.on("message", (m) => JSON.parse(String(m)).type === "connection_ack" && resolve(1000) && ws.close());
        ws.on("close", (code) => resolve(code));
      });
    expect(await closeCode({})).toBe(4403);
    expect(await closeCode({ cookie: cookie!, origin: "https://evil.example" })).toBe(4403);
    expect(await closeCode({ cookie: cookie!, origin: app.url })).toBe(1000);
    expect(await closeCode({ cookie: cookie! })).toBe(1000);
  });

  it("refuses deeply nested and oversized documents with a clear code", async () => {
    const nested = `{ tasks { edges { node { createdBy { id } } } pageInfo { endCursor } } }`.replace("createdBy { id }", "id");
    expect((await app.gql(nested)).errors).toBeUndefined();
    let deep = "id";
    for (let i = 0; i < 12; i++) deep = `jobPosting { candidates { edges { node { ${deep} } } } }`;
    const tooDeep = await app.gql(`{ jobPostings { edges { node { candidates { edges { node { ${deep} } } } } } } }`);
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooDeep.errors?.map((e) => e.message).join("\n")).toMatch(/depth limit of 10 exceeded/i);
    const huge = `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    const tooBig = await app.gql(huge);
    expect(tooBig.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
    const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ me { id } }`, pad: "x".repeat(2_000_000) }) });
    expect(res.status).toBe(413);
  });
});
