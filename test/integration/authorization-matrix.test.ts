import { getNamedType, type GraphQLObjectType } from "graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTasklineSchema } from "../../apps/api/src/graphql/schema.js";
import { startTaskline, TEST_PASSWORD, type TestTaskline } from "../support/taskline.js";

/**
 * The access table: every Query, Mutation and Subscription field and what it needs. PUBLIC: anyone; SIGNED_IN: any
 * user or key; otherwise a scope. A field missing here fails the test, so nothing ships without a decision.
 */
type Need = "PUBLIC" | "SIGNED_IN" | "tasks:read" | "tasks:write" | "recruiting:read" | "recruiting:write" | "schedules:read" | "schedules:write" | "devices:read" | "devices:write" | "admin";
const NOBODY = "00000000-0000-4000-8000-000000000000";

const TABLE: Record<string, { need: Need; doc: string }> = {
  "Query.me": { need: "PUBLIC", doc: `{ me { id } }` },
  "Query.scopes": { need: "SIGNED_IN", doc: `{ scopes }` },
  "Query.apiKeys": { need: "SIGNED_IN", doc: `{ apiKeys { id } }` },
  "Query.users": { need: "admin", doc: `{ users { id } }` },
  "Query.auditLog": { need: "admin", doc: `{ auditLog(first: 1) { totalCount } }` },
  "Query.outbox": { need: "admin", doc: `{ outbox(first: 1) { totalCount } }` },
  "Query.task": { need: "tasks:read", doc: `{ task(id: "${NOBODY}") { id } }` },
  "Query.tasks": { need: "tasks:read", doc: `{ tasks(first: 1) { totalCount } }` },
  "Query.taskTypes": { need: "tasks:read", doc: `{ taskTypes { name } }` },
  "Query.jobPosting": { need: "recruiting:read", doc: `{ jobPosting(id: "${NOBODY}") { id } }` },
  "Query.jobPostings": { need: "recruiting:read", doc: `{ jobPostings(first: 1) { totalCount } }` },
  "Query.candidateExport": { need: "recruiting:read", doc: `{ candidateExport { rowCount } }` },
  "Mutation.signIn": { need: "PUBLIC", doc: `mutation { signIn(email: "viewer@test.example", password: "${TEST_PASSWORD}") { expiresAt } }` },
  "Mutation.signOut": { need: "SIGNED_IN", doc: `mutation { signOut }` },
  "Mutation.changePassword": { need: "SIGNED_IN", doc: `mutation { changePassword(currentPassword: "x", newPassword: "short") }` },
  "Mutation.createApiKey": { need: "SIGNED_IN", doc: `mutation { createApiKey(input: { name: "m", scopes: [] }) { secret } }` },
  "Mutation.revokeApiKey": { need: "SIGNED_IN", doc: `mutation { revokeApiKey(id: "${NOBODY}") { id } }` },
  "Mutation.createUser": { need: "admin", doc: `mutation { createUser(input: { email: "not-an-email", name: "x", role: VIEWER }) { temporaryPassword } }` },
  "Mutation.changeUserRole": { need: "admin", doc: `mutation { changeUserRole(id: "${NOBODY}", role: VIEWER) { id } }` },
  "Mutation.deactivateUser": { need: "admin", doc: `mutation { deactivateUser(id: "${NOBODY}") { id } }` },
  "Mutation.reactivateUser": { need: "admin", doc: `mutation { reactivateUser(id: "${NOBODY}") { id } }` },
  "Mutation.cancelTask": { need: "tasks:write", doc: `mutation { cancelTask(id: "${NOBODY}") { id } }` },
  "Mutation.retryTask": { need: "tasks:write", doc: `mutation { retryTask(id: "${NOBODY}") { id } }` },
  "Mutation.createJobPosting": { need: "recruiting:write", doc: `mutation { createJobPosting(input: { title: "", description: "", requiredSkills: [] }) { id } }` },
  "Mutation.addCandidates": { need: "recruiting:write", doc: `mutation { addCandidates(jobPostingId: "${NOBODY}", candidates: []) { id } }` },
  "Mutation.rankCandidates": { need: "recruiting:write", doc: `mutation { rankCandidates(jobPostingId: "${NOBODY}") { id } }` },
  "Mutation.createDemoData": { need: "recruiting:write", doc: `mutation { createDemoData { id } }` },
  "Query.interviews": { need: "recruiting:read", doc: `{ interviews { id } }` },
  "Mutation.scheduleInterview": { need: "recruiting:write", doc: `mutation { scheduleInterview(input: { candidateId: "${NOBODY}", jobPostingId: "${NOBODY}", startsAt: "2000-01-01T00:00:00Z", interviewerEmails: [] }) { id } }` },
  "Mutation.updateInterview": { need: "recruiting:write", doc: `mutation { updateInterview(id: "${NOBODY}", input: {}) { id } }` },
  "Mutation.cancelInterview": { need: "recruiting:write", doc: `mutation { cancelInterview(id: "${NOBODY}") { id } }` },
  "Query.reports": { need: "recruiting:read", doc: `{ reports(first: 1) { totalCount } }` },
  "Query.report": { need: "recruiting:read", doc: `{ report(id: "${NOBODY}") { id } }` },
  "Query.schedules": { need: "schedules:read", doc: `{ schedules { id } }` },
  "Query.schedule": { need: "schedules:read", doc: `{ schedule(id: "${NOBODY}") { id } }` },
  "Query.schedulerOverview": { need: "schedules:read", doc: `{ schedulerOverview { schedules } }` },
  "Query.previewSchedule": { need: "schedules:read", doc: `{ previewSchedule(cron: "0 8 * * 1") { description } }` },
  "Mutation.createSchedule": { need: "schedules:write", doc: `mutation { createSchedule(input: { name: "", taskType: "test.steps", cron: "bad" }) { id } }` },
  "Mutation.updateSchedule": { need: "schedules:write", doc: `mutation { updateSchedule(id: "${NOBODY}", input: {}) { id } }` },
  "Mutation.deleteSchedule": { need: "schedules:write", doc: `mutation { deleteSchedule(id: "${NOBODY}") { id } }` },
  "Mutation.pauseSchedule": { need: "schedules:write", doc: `mutation { pauseSchedule(id: "${NOBODY}") { id } }` },
  "Mutation.resumeSchedule": { need: "schedules:write", doc: `mutation { resumeSchedule(id: "${NOBODY}") { id } }` },
  "Mutation.triggerSchedule": { need: "schedules:write", doc: `mutation { triggerSchedule(id: "${NOBODY}") { id } }` },
  "Query.operationsOverview": { need: "admin", doc: `{ operationsOverview { running } }` },
  "Query.workerPools": { need: "admin", doc: `{ workerPools { id } }` },
  "Mutation.pauseTaskType": { need: "admin", doc: `mutation { pauseTaskType(taskType: "no.such_type") { name } }` },
  "Mutation.resumeTaskType": { need: "admin", doc: `mutation { resumeTaskType(taskType: "no.such_type") { name } }` },
  "Mutation.pauseQueue": { need: "admin", doc: `mutation { pauseQueue(queue: "") { name } }` },
  "Mutation.resumeQueue": { need: "admin", doc: `mutation { resumeQueue(queue: "") { name } }` },
  "Subscription.operationsUpdated": { need: "admin", doc: `subscription { operationsUpdated { running } }` },
  "Query.devices": { need: "devices:read", doc: `{ devices { id } }` },
  "Query.device": { need: "devices:read", doc: `{ device(id: "${NOBODY}") { id } }` },
  "Query.employees": { need: "devices:read", doc: `{ employees(first: 1) { totalCount } }` },
  "Query.employeeDepartments": { need: "devices:read", doc: `{ employeeDepartments }` },
  "Query.attendanceEvents": { need: "devices:read", doc: `{ attendanceEvents(first: 1) { totalCount } }` },
  "Mutation.createDevice": { need: "devices:write", doc: `mutation { createDevice(input: { name: "", address: "" }) { id } }` },
  "Mutation.updateDevice": { need: "devices:write", doc: `mutation { updateDevice(id: "${NOBODY}", input: {}) { id } }` },
  "Mutation.deleteDevice": { need: "devices:write", doc: `mutation { deleteDevice(id: "${NOBODY}") { id } }` },
  "Mutation.testDeviceConnection": { need: "devices:write", doc: `mutation { testDeviceConnection(id: "${NOBODY}") { ok } }` },
  "Mutation.syncEmployeesToDevice": { need: "devices:write", doc: `mutation { syncEmployeesToDevice(deviceId: "${NOBODY}") { id } }` },
  "Mutation.syncEmployeesFromDevice": { need: "devices:write", doc: `mutation { syncEmployeesFromDevice(deviceId: "${NOBODY}") { id } }` },
  "Mutation.downloadAttendance": { need: "devices:write", doc: `mutation { downloadAttendance(deviceId: "${NOBODY}") { id } }` },
  "Mutation.saveEmployee": { need: "devices:write", doc: `mutation { saveEmployee(input: { employeeNumber: "", name: "" }) { id } }` },
  "Subscription.scheduleUpdated": { need: "schedules:read", doc: `subscription { scheduleUpdated { id } }` },
  "Subscription.taskUpdated": { need: "tasks:read", doc: `subscription { taskUpdated(id: "${NOBODY}") { id } }` },
  "Subscription.tasksUpdated": { need: "tasks:read", doc: `subscription { tasksUpdated { id } }` },
  "Mutation.analyzeResumes": { need: "recruiting:write", doc: `mutation { analyzeResumes(jobPostingId: "${NOBODY}", mode: QUICK, candidateIds: []) { id } }` },
  "Query.resumeAnalyses": { need: "recruiting:read", doc: `{ resumeAnalyses(jobPostingId: "${NOBODY}") { id } }` },
  "Query.aiSettings": { need: "recruiting:read", doc: `{ aiSettings { inlineThreshold } }` },
  "Mutation.updateAiSettings": { need: "admin", doc: `mutation { updateAiSettings(input: { inlineThreshold: -1 }) { inlineThreshold } }` },
  "Query.credits": { need: "SIGNED_IN", doc: `{ credits { available } }` },
  "Query.creditLedger": { need: "SIGNED_IN", doc: `{ creditLedger(first: 1) { totalCount } }` },
  "Mutation.topUpCredits": { need: "admin", doc: `mutation { topUpCredits(userId: "${NOBODY}", amount: 0) { available } }` },
  "Query.atsSources": { need: "recruiting:read", doc: `{ atsSources { id } }` },
  "Query.atsSource": { need: "recruiting:read", doc: `{ atsSource(id: "${NOBODY}") { id } }` },
  "Query.atsSyncRuns": { need: "recruiting:read", doc: `{ atsSyncRuns(first: 1) { id } }` },
  "Query.atsSyncRun": { need: "recruiting:read", doc: `{ atsSyncRun(taskId: "${NOBODY}") { id } }` },
  "Query.atsSyncStats": { need: "recruiting:read", doc: `{ atsSyncStats(days: 1) { day } }` },
  "Mutation.createAtsSource": { need: "admin", doc: `mutation { createAtsSource(input: { name: "", kind: GENERIC_HTTP, baseUrl: "x" }) { id } }` },
  "Mutation.updateAtsSource": { need: "admin", doc: `mutation { updateAtsSource(id: "${NOBODY}", input: {}) { id } }` },
  "Mutation.deleteAtsSource": { need: "admin", doc: `mutation { deleteAtsSource(id: "${NOBODY}") { id } }` },
  "Mutation.testAtsSource": { need: "admin", doc: `mutation { testAtsSource(id: "${NOBODY}") { ok } }` },
  "Mutation.moveCandidate": { need: "recruiting:write", doc: `mutation { moveCandidate(id: "${NOBODY}", status: HIRED) { id } }` },
  "Mutation.syncHiredCandidates": { need: "recruiting:write", doc: `mutation { syncHiredCandidates(jobPostingId: "${NOBODY}") { id } }` },
  "Query.webhookEndpoints": { need: "admin", doc: `{ webhookEndpoints { id } }` },
  "Mutation.createWebhookEndpoint": { need: "admin", doc: `mutation { createWebhookEndpoint(input: { url: "not a url", events: [TASK_FAILED] }) { secret } }` },
  "Mutation.updateWebhookEndpoint": { need: "admin", doc: `mutation { updateWebhookEndpoint(id: "${NOBODY}", input: {}) { id } }` },
  "Mutation.deleteWebhookEndpoint": { need: "admin", doc: `mutation { deleteWebhookEndpoint(id: "${NOBODY}") { id } }` },
  "Mutation.redeliverWebhook": { need: "admin", doc: `mutation { redeliverWebhook(deliveryId: "${NOBODY}") { id } }` },
};

type Caller = "anonymous" | "viewer" | "recruiter" | "admin" | "weakKey";
const CALLERS: Caller[] = ["anonymous", "viewer", "recruiter", "admin", "weakKey"];
/** Written out, not derived from the code under test. */
const GRANTS: Record<Caller, Need[]> = {
  anonymous: ["PUBLIC"],
  viewer: ["PUBLIC", "SIGNED_IN", "tasks:read", "recruiting:read", "schedules:read", "devices:read"],
  recruiter: ["PUBLIC", "SIGNED_IN", "tasks:read", "tasks:write", "recruiting:read", "recruiting:write", "schedules:read", "devices:read", "devices:write"],
  admin: ["PUBLIC", "SIGNED_IN", "tasks:read", "tasks:write", "recruiting:read", "recruiting:write", "schedules:read", "schedules:write", "devices:read", "devices:write", "admin"],
  weakKey: ["PUBLIC", "SIGNED_IN", "tasks:read"],
};

describe("the authorization matrix", () => {
  let app: TestTaskline;
  let keys: Record<Caller, string | undefined>;
  beforeAll(async () => {
    app = await startTaskline({ worker: false });
    const weak = await app.services.apiKeys.create(app.admin, { name: "weak", scopes: ["tasks:read"] }, { ip: "127.0.0.1" });
    keys = { anonymous: undefined, viewer: app.as.viewer.key, recruiter: app.as.recruiter.key, admin: app.as.admin.key, weakKey: weak.secret };
  });
  afterAll(async () => {
    await app.close();
  });

  it("has an entry for every field of Query, Mutation and Subscription in the schema", async () => {
    const schema = await buildTasklineSchema();
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) =>
      Object.keys((t as GraphQLObjectType).getFields()).map((f) => `${getNamedType(t as GraphQLObjectType).name}.${f}`),
    );
    expect(fields.filter((f) => !TABLE[f])).toEqual([]);
    expect(Object.keys(TABLE).filter((f) => !fields.includes(f))).toEqual([]);
  });

  for (const caller of CALLERS) {
    it(`allows and denies each operation as the table says for ${caller}`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [field, { need, doc }] of Object.entries(TABLE)) {
        expected[field] = GRANTS[caller].includes(need) ? "allowed" : "denied";
        const code = field.startsWith("Subscription.") ? await subscriptionCode(app.url, keys[caller], doc) : await httpCode(app.url, keys[caller], doc);
        outcomes[field] = code === "UNAUTHENTICATED" || code === "FORBIDDEN" ? "denied" : "allowed";
        if (outcomes[field] === "denied" && caller === "anonymous") expect(code, field).toBe("UNAUTHENTICATED");
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

async function httpCode(url: string, key: string | undefined, query: string): Promise<string | undefined> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return body.errors?.[0]?.extensions?.code;
}

/** A refused socket counts as UNAUTHENTICATED; otherwise the first error's code, or none within 300 ms. */
async function subscriptionCode(url: string, key: string | undefined, query: string): Promise<string | undefined> {
  const client = createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 300);
      client.subscribe(
        { query },
        {
          next: (msg) => {
            clearTimeout(timer);
            resolve((msg.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code);
          },
          error: (err) => {
            clearTimeout(timer);
            const close = err as { code?: number };
            if (close?.code === 4403) return resolve("UNAUTHENTICATED");
            const errors = err as Array<{ extensions?: { code?: string } }>;
            resolve(Array.isArray(errors) ? errors[0]?.extensions?.code : "ERROR");
          },
          complete: () => {},
        },
      );
    });
  } finally {
    await client.dispose();
  }
}
