import os from "node:os";
import type pg from "pg";
import type { Logger } from "../lib/logger.js";

export type PoolInfo = { id: string; concurrency: number; taskTypes: string[]; version: string };

const REGISTER_SQL = `
  INSERT INTO worker_pool (id, host, pid, concurrency, task_types, version) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), stopped_at = NULL, lost_at = NULL`;
// The database's clock, never this process's: the sweeper compares against now() too, so skew cannot kill a pool.
const BEAT_SQL = `UPDATE worker_pool SET heartbeat_at = now() WHERE id = $1 AND lost_at IS NULL RETURNING id`;
const STOP_SQL = `UPDATE worker_pool SET stopped_at = now(), heartbeat_at = now() WHERE id = $1`;

/**
 * Keeps one graphile-worker pool's row in `worker_pool` fresh, so the sweeper (sweeper.ts) can tell a silent pool
 * from a busy one. A failed beat is only logged: the next one may get through, and the sweeper's grace is several
 * beats long.
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly info: PoolInfo,
    private readonly log: Logger,
    /** WORKER_HEARTBEAT_MS */
    private readonly intervalMs = 5_000, // 5 seconds
  ) {}

  async start(): Promise<void> {
    const { id, concurrency, taskTypes, version } = this.info;
    await this.pool.query(REGISTER_SQL, [id, os.hostname(), process.pid, concurrency, taskTypes, version]);
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Marks the pool stopped (not lost): its jobs were released by graphile-worker's own graceful shutdown. */
  async stop(): Promise<void> {
    this.halt();
    await this.beating;
    await this.pool.query(STOP_SQL, [this.info.id]);
  }

  /** Stops beating without saying so: when a shutdown failed and jobs may still be locked, the sweeper takes over. */
  halt(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    try {
      const { rowCount } = await this.pool.query(BEAT_SQL, [this.info.id]);
      if (rowCount) return;
      // Silent past the grace (a long pause, a lost database): the sweeper already handed this pool's running
      // tasks to other workers, and their run_id fences off whatever these attempts still write. Jobs taken since
      // are still ours, so come back to life rather than be swept again.
      this.log.error({ poolId: this.info.id }, "this worker pool was declared lost; its running tasks were retried elsewhere; registering again");
      await this.pool.query(REGISTER_SQL, [this.info.id, os.hostname(), process.pid, this.info.concurrency, this.info.taskTypes, this.info.version]);
    } catch (err) {
      this.log.warn({ err, poolId: this.info.id }, "worker heartbeat failed");
    }
  }
}
