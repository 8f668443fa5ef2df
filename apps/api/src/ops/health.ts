import type pg from "pg";
import type { PgListener } from "../realtime/pg-listener.js";

export type Check = { ok: boolean; detail?: string; ms?: number };
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; listen: Check } };

/** A dead database must not hang a probe for the orchestrator's whole timeout. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * Readiness: can this process do its work now? The database answers, every migration this build knows is applied
 * (a new release started against an old schema is not ready), and the LISTEN connection is up (without it, no
 * progress reaches subscribers and no cancel reaches a worker). Liveness is only "the event loop answers": a
 * database outage must not make an orchestrator restart every process, that would not fix it.
 */
export async function checkReadiness(deps: { pool: pg.Pool; listener: PgListener; migrationNames: string[] }): Promise<Readiness> {
  const started = performance.now();
  const database: Check = { ok: false };
  const migrations: Check = { ok: false };
  try {
    const { rows } = await withTimeout(deps.pool.query<{ name: string }>(`SELECT name FROM taskline_migrations`), DATABASE_CHECK_TIMEOUT_MS);
    database.ok = true;
    const applied = new Set(rows.map((r) => r.name));
    const pending = deps.migrationNames.filter((n) => !applied.has(n));
    migrations.ok = pending.length === 0;
    migrations.detail = pending.length ? `pending: ${pending.join(", ")}` : `${applied.size} applied`;
  } catch (err) {
    database.detail = (err as Error).message;
    migrations.detail = "unknown: the database did not answer";
  }
  database.ms = Math.round(performance.now() - started);
  const listen: Check = { ok: deps.listener.connected, detail: deps.listener.connected ? `up; ${deps.listener.reconnects} reconnects` : "down; reconnecting" };
  return { ready: database.ok && migrations.ok && listen.ok, checks: { database, migrations, listen } };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
