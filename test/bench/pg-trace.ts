import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";

/**
 * BENCH_TRACE=1: what Postgres and this process were doing while a burst ran, to explain a slow minute rather than
 * guess at it. Samples every 200 ms on a connection of its own: the wait events of active backends, vacuums in
 * progress, checkpoints, autovacuum counts; and this process's event-loop delay.
 */
type Sample = {
  at: number;
  waits: string[];
  vacuums: string[];
  checkpoints: number;
  loopMaxMs: number;
  jobs: string;
};

const SAMPLE_SQL = `
  SELECT
    coalesce((SELECT array_agg(coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' ' ||
        CASE WHEN backend_type = 'client backend' THEN '"' || left(regexp_replace(query, '\s+', ' ', 'g'), 48) || '"' ELSE backend_type END)
      FROM pg_stat_activity WHERE state IS DISTINCT FROM 'idle' AND pid <> pg_backend_pid()
        -- Background processes at rest wait on their main loop; a busy checkpointer or vacuum shows its own waits.
        AND coalesce(wait_event, '') NOT LIKE '%Main' AND coalesce(wait_event, '') NOT IN ('ClientRead', 'BgwriterHibernate', 'WalSummarizerWal')), '{}') AS waits,
    coalesce((SELECT array_agg(relid::regclass::text || ' ' || phase) FROM pg_stat_progress_vacuum), '{}') AS vacuums,
    (SELECT num_timed + num_requested FROM pg_stat_checkpointer) AS checkpoints,
    (SELECT n_dead_tup || ' dead, analyzed ' || autoanalyze_count FROM pg_stat_user_tables WHERE relid = 'graphile_worker._private_jobs'::regclass) AS jobs`;

export class PgTrace {
  private readonly samples: Sample[] = [];
  private readonly client: pg.Client;
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.loop.enable();
    this.timer = setInterval(() => void this.sample(), 200);
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const at = Date.now();
      const { rows } = await this.client.query(SAMPLE_SQL);
      const r = rows[0];
      this.samples.push({ at, waits: r.waits, vacuums: r.vacuums, checkpoints: Number(r.checkpoints), jobs: r.jobs, loopMaxMs: this.loop.max / 1e6 });
      this.loop.reset();
    } catch {
      // A missed sample only thins the trace.
    } finally {
      this.busy = false;
    }
  }

  /** One line per second around `due` (from 2 s before, for `seconds`): active backends by wait event, vacuums, checkpoints, loop delay. */
  report(due: number, seconds: number): string[] {
    const lines: string[] = [];
    const from = due - 2_000;
    for (let s = 0; s < seconds; s++) {
      const inSecond = this.samples.filter((x) => x.at >= from + s * 1000 && x.at < from + (s + 1) * 1000);
      if (!inSecond.length) continue;
      const waits = new Map<string, number>();
      for (const x of inSecond) for (const w of x.waits) waits.set(w, (waits.get(w) ?? 0) + 1);
      const top = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([w, n]) => `${w}×${(n / inSecond.length).toFixed(1)}`);
      const vacuums = [...new Set(inSecond.flatMap((x) => x.vacuums))];
      const checkpoint = inSecond.at(-1)!.checkpoints - inSecond[0]!.checkpoints;
      const loop = Math.max(...inSecond.map((x) => x.loopMaxMs));
      lines.push(`    ${String(s - 2).padStart(3)} s  loop ${loop.toFixed(0).padStart(4)} ms  ${vacuums.length ? `vacuum [${vacuums.join(", ")}] ` : ""}${checkpoint ? "CHECKPOINT " : ""}jobs ${inSecond.at(-1)!.jobs}  ${top.join("  ")}`);
    }
    return lines;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.loop.disable();
    await this.client.end().catch(() => undefined);
  }
}
