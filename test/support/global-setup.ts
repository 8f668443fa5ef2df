import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDataSource } from "../../apps/api/src/db/data-source.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { migrate } from "../../apps/api/src/db/migrate.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import pg from "pg";

export const TEMPLATE_DB = "taskline_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One Postgres for the whole run (embedded unless TEST_DATABASE_URL names one) and one migrated template database;
 * each test file clones its own database from the template (test/support/database.ts), as graphile-worker's own
 * suite does, so files cannot see each other's rows or jobs.
 */
export default async function setup(project: TestProject) {
  const log = createLogger("warn");
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-test-"));
    const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
    adminUrl = db.url;
    stopEmbedded = db.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const ds = createDataSource(templateUrl, 2);
  await ds.initialize();
  const pool = new pg.Pool({ connectionString: templateUrl, max: 2 });
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  await migrate(ds, pool, log);
  await pool.end();
  await ds.destroy();

  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await stopEmbedded?.();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
