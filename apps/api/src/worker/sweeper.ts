import type { WorkerUtils } from "graphile-worker";
import type pg from "pg";
import type { Logger } from "../lib/logger.js";

/** Any constant, as long as every Taskline process uses the same one (migrate.ts uses another). */
export const SWEEPER_LOCK = 7_215_402_332;

export const WORKER_LOST = "worker lost";
export const WORKER_LOST_OUT_OF_ATTEMPTS = "worker lost; out of attempts";

// FOR UPDATE: a pool that beats again while we sweep waits for our verdict instead of racing it.
const FIND_DEAD_SQL = `
  SELECT id FROM worker_pool
  WHERE stopped_at IS NULL AND lost_at IS NULL AND heartbeat_at < now() - make_interval(secs => $1)
  FOR UPDATE`;

/**
 * The dead pools' RUNNING attempts. Matching on worker_id fences the sweep: a task that a live pool claimed again
 * meanwhile carries that pool's id and is left alone. Clearing run_id fences the dead attempt off instead: if its
 * process was only paused, nothing it writes lands (progress-writer.ts writes WHERE run_id matches). A RETRYING task
 * keeps its job, which force_unlock_workers makes runnable at once; a FAILED one loses it.
 */
const HAND_BACK_SQL = `
  WITH lost AS (
    UPDATE task SET
      status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'retrying' END,
      error = CASE WHEN attempts >= max_attempts THEN '${WORKER_LOST_OUT_OF_ATTEMPTS}' ELSE '${WORKER_LOST}' END,
      finished_at = CASE WHEN attempts >= max_attempts THEN now() ELSE NULL END,
      run_at = CASE WHEN attempts >= max_attempts THEN NULL ELSE now() END,
      run_id = NULL
    WHERE status = 'running' AND worker_id = ANY($1::text[])
    RETURNING id, status
  )
  SELECT id, status FROM lost`;

/** After the unlock: remove_job deletes an unlocked job, but only disarms a locked one (it would run out of attempts). */
const REMOVE_JOBS_SQL = `SELECT graphile_worker.remove_job(id::text) FROM unnest($1::uuid[]) AS id`;

const MARK_LOST_SQL = `UPDATE worker_pool SET lost_at = now() WHERE id = ANY($1::text[])`;

export type SweepResult = { pools: string[]; retrying: number; failed: number };

/**
 * Declares worker pools that went silent lost and hands their work back. Every worker process runs one; a
 * transaction-scoped advisory lock lets only one act per round, and the others skip it rather than wait.
 */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<unknown> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly workerUtils: WorkerUtils,
    private readonly log: Logger,
    private readonly opts: {
      /** WORKER_POOL_GRACE_SECONDS: how long a pool may stay silent before it is declared lost. */
      graceSeconds: number;
      /** How often to look; well under the grace, so recovery takes about grace + one interval. */
      intervalMs: number;
      /** Told the pools each round declared lost (metrics). */
      onSwept?: (pools: string[]) => void;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((err) => this.log.error({ err }, "sweeping lost worker pools failed; trying again next round"))
        .finally(() => (this.sweeping = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One round. Returns undefined when another process holds the lock. */
  async sweep(): Promise<SweepResult | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows: locked } = await client.query(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [SWEEPER_LOCK]);
      if (!locked[0].ok) {
        await client.query("ROLLBACK");
        return undefined;
      }
      const { rows: dead } = await client.query<{ id: string }>(FIND_DEAD_SQL, [this.opts.graceSeconds]);
      const pools = dead.map((r) => r.id);
      if (!pools.length) {
        await client.query("COMMIT");
        return { pools, retrying: 0, failed: 0 };
      }
      const { rows: tasks } = await client.query<{ id: string; status: string }>(HAND_BACK_SQL, [pools]);
      // On its own connection, so it commits before we do: a worker that takes an unlocked job then waits on the
      // task row we hold, and claims it once we commit. Should we fail after this, the next round finds the same
      // pools (not yet marked lost) and unlocking again is harmless.
      await this.workerUtils.forceUnlockWorkers(pools);
      const failed = tasks.filter((t) => t.status === "failed").map((t) => t.id);
      if (failed.length) await client.query(REMOVE_JOBS_SQL, [failed]);
      await client.query(MARK_LOST_SQL, [pools]);
      await client.query("COMMIT");
      const result = { pools, retrying: tasks.filter((t) => t.status === "retrying").length, failed: failed.length };
      this.opts.onSwept?.(pools);
      this.log.warn({ ...result, taskIds: tasks.map((t) => t.id) }, "worker pools went silent: their jobs were unlocked and their tasks handed back");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw new Error("Sweeping lost worker pools failed; the next round retries it", { cause: err });
    } finally {
      client.release();
    }
  }
}
