import { Link } from "react-router";

import { Callout } from "@/components/ui/callout";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useLiveSchedulerOverview } from "../hooks/use-live-scheduler-overview";
import { FireTime } from "./fire-times";

/** The tick runs every minute; older than this means no worker is scheduling. */
const TICK_STALE_MS = 3 * 60_000;

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** Counts by state, the next fires across schedules and the last 24 hours, refreshed on every schedule change. */
export function SchedulerOverview() {
  const { data, error } = useLiveSchedulerOverview();
  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!data) {
    return (
      <section className="card" aria-busy="true" aria-label="Scheduler overview">
        <p className="muted">Loading the overview…</p>
      </section>
    );
  }
  const overview = data.schedulerOverview;
  const day = overview.last24h;
  const tickStale = overview.lastTickAt === null || Date.now() - Date.parse(overview.lastTickAt) > TICK_STALE_MS;

  return (
    <section className="card overview" aria-labelledby="overview-heading">
      <div className="card__head">
        <h2 id="overview-heading" className="card__title">
          Overview
        </h2>
        <span className="muted small" data-testid="last-tick">
          {overview.lastTickAt ? `Last tick ${formatRelative(overview.lastTickAt)}` : "No tick yet"}
        </span>
      </div>
      {overview.workerPoolsAlive === 0 ? <Callout tone="warning">No worker process is running: fires wait in the queue until one starts.</Callout> : null}
      {tickStale && overview.active + overview.running > 0 ? (
        <Callout tone="warning">No worker has run the scheduler tick in the last few minutes; schedules are not firing.</Callout>
      ) : null}
      <dl className="stats" aria-label="Schedules by state">
        <div className="stat">
          <dt>Schedules</dt>
          <dd data-testid="overview-schedules">{overview.schedules}</dd>
        </div>
        <div className="stat">
          <dt>Active</dt>
          <dd data-testid="overview-active">{overview.active}</dd>
        </div>
        <div className="stat">
          <dt>Running</dt>
          <dd data-testid="overview-running">{overview.running}</dd>
        </div>
        <div className="stat">
          <dt>Paused</dt>
          <dd data-testid="overview-paused">{overview.paused}</dd>
        </div>
        <div className="stat">
          <dt>Worker pools alive</dt>
          <dd data-testid="overview-pools">{overview.workerPoolsAlive}</dd>
        </div>
        <div className="stat">
          <dt>Fires, last 24 h</dt>
          <dd data-testid="overview-fires">{day.fires}</dd>
        </div>
        <div className="stat">
          <dt>Success rate</dt>
          <dd data-testid="overview-success-rate" title={`${day.completed} completed, ${day.failed} failed, ${day.cancelled} cancelled, ${day.inProgress} in progress, ${day.skipped} skipped`}>
            {percent(day.successRate)}
          </dd>
        </div>
      </dl>
      <p className="muted small">
        Last 24 h: {day.completed} completed · {day.failed} failed · {day.cancelled} cancelled · {day.inProgress} in progress · {day.skipped} skipped
      </p>
      <h3 className="overview__subtitle">Next fires</h3>
      {overview.nextFires.length === 0 ? (
        <p className="muted small">Nothing is scheduled.</p>
      ) : (
        <ol className="fire-list" aria-label="Next fires across schedules">
          {overview.nextFires.map((fire) => (
            <li key={`${fire.schedule.id}:${fire.at}`}>
              <span className="overview__name">{fire.schedule.name}</span> <FireTime at={fire.at} timeZone={fire.schedule.timezone} />
            </li>
          ))}
        </ol>
      )}
      <Link to="/schedules" className="visually-hidden">
        All schedules
      </Link>
    </section>
  );
}
