import "reflect-metadata";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startTaskline as start, type Taskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { createLogger, type Logger } from "../../apps/api/src/lib/logger.js";
import type { TaskType } from "../../tasks/contract.js";
import { hashPassword } from "../../apps/api/src/modules/identity/passwords.js";
import { Role } from "../../apps/api/src/modules/identity/roles.js";
import type { Clock } from "../../apps/api/src/modules/schedules/clock.js";
import { effectiveScopes, type Viewer } from "../../apps/api/src/modules/identity/viewer.js";
import { createTestDatabase } from "./database.js";
import { testTaskTypes } from "./task-types.js";

export type Caller = {
  viewer: Viewer;
  key: string;
  gql: TestTaskline["gql"];
  wsClient(): Client;
};

export type TestRole = "admin" | "recruiter" | "recruiter2" | "viewer";
export const TEST_PASSWORD = "correct horse battery staple";

export type TestTaskline = Taskline & {
  url: string;
  /** Signed-in callers by role, each with an API key carrying every scope of its role. `gql`/`wsClient` are the admin's. */
  as: Record<TestRole, Caller>;
  admin: Viewer;
  /** POSTs a GraphQL document; returns the whole response body (data and errors). */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
  /** A graphql-ws client in this process (Node 20 has no global WebSocket). */
  wsClient(): Client;
  close(): Promise<void>;
};

/**
 * A whole Taskline (API on a free port, worker, test task types) on a database of its own.
 * `worker: false` gives an API-only process, e.g. to run the worker elsewhere.
 */
export async function startTaskline(
  opts: { worker?: boolean; env?: Record<string, string>; clock?: Clock; log?: Logger; extraTaskTypes?: TaskType<any, unknown>[] } = {},
): Promise<TestTaskline> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: db.url, PORT: "0", HOST: "127.0.0.1", PROGRESS_FLUSH_MS: "50", TASKLINE_DEFAULT_SCHEDULES: "false", ...opts.env });
  const app = await start({ config, log: opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), api: true, worker: opts.worker ?? true, extraTaskTypes: [...testTaskTypes, ...(opts.extraTaskTypes ?? [])], clock: opts.clock });
  const url = app.url!;
  const clients: Client[] = [];
  const gqlWith =
    (headers: Record<string, string>) =>
    async (query: string, variables?: Record<string, unknown>) => {
      const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as never;
    };
  const wsWith = (connectionParams: Record<string, unknown>) => () => {
    const client = createClient({ url: `${url.replace("http", "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams });
    clients.push(client);
    return client;
  };

  const roles: Record<TestRole, Role> = { admin: Role.ADMIN, recruiter: Role.RECRUITER, recruiter2: Role.RECRUITER, viewer: Role.VIEWER };
  const hash = await hashPassword(TEST_PASSWORD);
  const as = {} as Record<TestRole, Caller>;
  for (const [name, role] of Object.entries(roles) as [TestRole, Role][]) {
    const email = `${name}@test.example`;
    const [{ id }] = (await app.pool.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [email, name, hash, role])).rows;
    const viewer: Viewer = { userId: id, email, role, scopes: effectiveScopes(role), via: "session" };
    const { secret } = await app.services.apiKeys.create(viewer, { name: `${name} test key`, scopes: [...effectiveScopes(role)] }, { ip: "127.0.0.1" });
    as[name] = { viewer, key: secret, gql: gqlWith({ authorization: `Bearer ${secret}` }), wsClient: wsWith({ authorization: `Bearer ${secret}` }) };
  }

  return {
    ...app,
    url,
    as,
    admin: as.admin.viewer,
    gql: as.admin.gql,
    wsClient: as.admin.wsClient,
    async close() {
      for (const c of clients) await c.dispose();
      await app.stop();
      await db.drop();
    },
  };
}

/** Collects a subscription's events until `until` says stop (or the timeout passes). */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, until: (event: T, all: T[]) => boolean, timeoutMs = 20_000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const events: T[] = [];
    const timer = setTimeout(() => {
      dispose();
      reject(new Error(`subscription timed out after ${timeoutMs} ms with ${events.length} events: ${JSON.stringify(events.at(-1))}`));
    }, timeoutMs);
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (msg) => {
          if (msg.errors) {
            clearTimeout(timer);
            dispose();
            reject(new Error(JSON.stringify(msg.errors)));
            return;
          }
          events.push(msg.data as T);
          if (until(msg.data as T, events)) {
            clearTimeout(timer);
            dispose();
            resolve(events);
          }
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
        },
        complete: () => {},
      },
    );
  });
}

export const TASK_FIELDS = `id type status version attempts maxAttempts error successCount failureCount progress { current total percent message } result`;
