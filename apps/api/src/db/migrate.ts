import { runMigrations as runWorkerMigrations } from "graphile-worker";
import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import { graphileLogger } from "../lib/graphile-logger.js";
import type { Logger } from "../lib/logger.js";

/** Any constant, as long as every Taskline process uses the same one. */
const MIGRATION_LOCK = 7_215_402_331;

/**
 * graphile-worker's schema first (Taskline's SQL calls its functions), then Taskline's own, under one advisory
 * lock so an API and its workers starting together do not race each other.
 */
export async function migrate(ds: DataSource, pgPool: Pool, log: Logger): Promise<void> {
  const client = await pgPool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await runWorkerMigrations({ pgPool, logger: graphileLogger(log.child({ component: "graphile-worker" })) });
    const applied = await ds.runMigrations({ transaction: "each" });
    for (const m of applied) log.info({ migration: m.name }, "migration applied");
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
