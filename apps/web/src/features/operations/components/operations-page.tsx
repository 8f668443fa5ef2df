import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { Table } from "@/components/ui/table";
import { useCancelTask } from "@/features/tasks/api/cancel-task";
import { useRetryTask } from "@/features/tasks/api/retry-task";
import { formatDuration, formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { usePauseQueue } from "../api/pause-queue";
import { usePauseTaskType } from "../api/pause-task-type";
import { useResumeQueue } from "../api/resume-queue";
import { useResumeTaskType } from "../api/resume-task-type";
import { useLiveOperations } from "../hooks/use-live-operations";
import { ThroughputChart } from "./throughput-chart";

/** Task types the pools run (the schedule engine's own jobs aside), those with work, and those paused. */
function pausableTypes(o: { workerPools: Array<{ state: string; taskTypes: string[] }>; queueDepth: Array<{ taskType: string }>; paused: Array<{ kind: string; name: string }> }): string[] {
  const types = new Set<string>();
  for (const p of o.workerPools) if (p.state === "ALIVE" || p.state === "SILENT") for (const t of p.taskTypes) if (!t.startsWith("taskline.")) types.add(t);
  for (const d of o.queueDepth) types.add(d.taskType);
  for (const p of o.paused) if (p.kind === "TASK_TYPE") types.add(p.name);
  return [...types].sort();
}

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`);

/** Admins' live operations dashboard: every figure comes from `operationsUpdated`, nothing polls. */
export function OperationsPage() {
  return (
    <div className="page">
      <h1>Operations</h1>
      <ErrorBoundary name="Operations dashboard">
        <Dashboard />
      </ErrorBoundary>
    </div>
  );
}

function Dashboard() {
  const { overview: o, error } = useLiveOperations();
  const [pauseType, pausingType] = usePauseTaskType();
  const [resumeType, resumingType] = useResumeTaskType();
  const [pauseQueue, pausingQueue] = usePauseQueue();
  const [resumeQueue, resumingQueue] = useResumeQueue();
  const [cancelTask, cancelling] = useCancelTask();
  const [retryTask, retrying] = useRetryTask();
  const actionError = pausingType.error ?? resumingType.error ?? pausingQueue.error ?? resumingQueue.error ?? cancelling.error ?? retrying.error;

  if (error && !o) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!o) return <p className="muted" aria-busy="true">Loading the live overview…</p>;
  const pausedTypes = new Set(o.paused.filter((p) => p.kind === "TASK_TYPE").map((p) => p.name));

  return (
    <>
      {actionError ? <Callout tone="danger">{errorText(actionError)}</Callout> : null}
      {error ? <Callout tone="warning">Live updates interrupted; showing the overview of {formatRelative(o.generatedAt)}.</Callout> : null}
      <dl className="stats" aria-label="Cluster">
        <div className="stat">
          <dt>Waiting</dt>
          <dd data-testid="ops-waiting">{o.waiting}</dd>
        </div>
        <div className="stat">
          <dt>Running</dt>
          <dd data-testid="ops-running">{o.running}</dd>
        </div>
        <div className="stat">
          <dt>Failure rate, 1 h</dt>
          <dd data-testid="ops-failure-hour">{percent(o.lastHour.failureRate)}</dd>
        </div>
        <div className="stat">
          <dt>Failure rate, 24 h</dt>
          <dd>{percent(o.lastDay.failureRate)}</dd>
        </div>
        <div className="stat">
          <dt>Worker pools alive</dt>
          <dd data-testid="ops-pools-alive">{o.workerPools.filter((p) => p.state === "ALIVE").length}</dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="ops-throughput">
        <h2 id="ops-throughput" className="card__title">
          Throughput
        </h2>
        <p className="muted small">
          Last hour: {o.lastHour.completed} completed · {o.lastHour.failed} failed · {o.lastHour.cancelled} cancelled. Last 24 h: {o.lastDay.completed} completed · {o.lastDay.failed} failed.
        </p>
        <div className="charts">
          <ThroughputChart title="Last hour (5 min)" buckets={o.lastHour.buckets} bucketSeconds={o.lastHour.bucketSeconds} />
          <ThroughputChart title="Last 24 hours (1 h)" buckets={o.lastDay.buckets} bucketSeconds={o.lastDay.bucketSeconds} />
        </div>
      </section>

      <section className="card" aria-labelledby="ops-queues">
        <h2 id="ops-queues" className="card__title">
          Queues
        </h2>
        {o.queueDepth.length === 0 ? (
          <p className="muted small">Nothing waiting or running.</p>
        ) : (
          <Table caption="Queue depth by task type and queue">
            <thead>
              <tr>
                <th>Task type</th>
                <th>Queue</th>
                <th>Pending</th>
                <th>Retrying</th>
                <th>Running</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {o.queueDepth.map((d) => (
                <tr key={`${d.taskType}/${d.queue ?? ""}`} data-testid="ops-queue-row">
                  <td>{d.taskType}</td>
                  <td>{d.queue ?? "—"}</td>
                  <td>{d.pending}</td>
                  <td>{d.retrying}</td>
                  <td>{d.running}</td>
                  <td>{d.paused ? <span className="chip">paused</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <h3 className="overview__subtitle">Pause</h3>
        <p className="muted small">A paused task type or queue keeps its tasks PENDING (no attempt used); running tasks finish.</p>
        <ul className="plain-list">
          {pausableTypes(o).map((t) => (
            <li key={t}>
              {t}{" "}
              {pausedTypes.has(t) ? (
                <Button size="sm" busy={resumingType.loading} onClick={() => void resumeType({ variables: { taskType: t } }).catch(() => {})}>
                  Resume
                </Button>
              ) : (
                <Button size="sm" variant="ghost" busy={pausingType.loading} onClick={() => void pauseType({ variables: { taskType: t } }).catch(() => {})}>
                  Pause
                </Button>
              )}
            </li>
          ))}
          {o.queues.map((q) => (
            <li key={`queue:${q.queue}`}>
              queue {q.queue} ({q.waiting} waiting, {q.running} running){" "}
              {q.paused ? (
                <Button size="sm" busy={resumingQueue.loading} onClick={() => void resumeQueue({ variables: { queue: q.queue } }).catch(() => {})}>
                  Resume
                </Button>
              ) : (
                <Button size="sm" variant="ghost" busy={pausingQueue.loading} onClick={() => void pauseQueue({ variables: { queue: q.queue } }).catch(() => {})}>
                  Pause
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="ops-running">
        <h2 id="ops-running" className="card__title">
          Running now
        </h2>
        {o.runningTasks.length === 0 ? (
          <p className="muted small">No task is running.</p>
        ) : (
          <Table caption="Longest-running tasks">
            <thead>
              <tr>
                <th>Task</th>
                <th>Started</th>
                <th>Progress</th>
                <th>Pool</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {o.runningTasks.map((t) => (
                <tr key={t.taskId}>
                  <td>
                    <Link to={`/tasks/${t.taskId}`}>{t.taskType}</Link>
                  </td>
                  <td>{t.startedAt ? formatRelative(t.startedAt) : "—"}</td>
                  <td>{t.percent === null || t.percent === undefined ? "—" : `${Math.round(t.percent)}%`}</td>
                  <td className="mono small">{t.workerPoolId?.slice(0, 12) ?? "—"}</td>
                  <td>
                    <ConfirmButton question="Cancel this task?" confirmLabel="Cancel task" busy={cancelling.loading} onConfirm={() => cancelTask({ variables: { id: t.taskId } }).then(() => {}, () => {})}>
                      Cancel
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section className="card" aria-labelledby="ops-durations">
        <h2 id="ops-durations" className="card__title">
          Durations, last 24 h
        </h2>
        {o.durations.length === 0 ? (
          <p className="muted small">No task completed in the last 24 hours.</p>
        ) : (
          <Table caption="Durations by task type">
            <thead>
              <tr>
                <th>Task type</th>
                <th>Completed</th>
                <th>Average</th>
                <th>p95</th>
              </tr>
            </thead>
            <tbody>
              {o.durations.map((d) => (
                <tr key={d.taskType}>
                  <td>{d.taskType}</td>
                  <td>{d.count}</td>
                  <td>{formatDuration(d.avgMs)}</td>
                  <td>{formatDuration(d.p95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section className="card" aria-labelledby="ops-pools">
        <h2 id="ops-pools" className="card__title">
          Worker pools
        </h2>
        {o.workerPools.length === 0 ? (
          <Callout tone="warning">No worker pool is registered: tasks are not running. Start one with `npm run worker`.</Callout>
        ) : (
          <Table caption="Worker pools">
            <thead>
              <tr>
                <th>Pool</th>
                <th>Host / pid</th>
                <th>State</th>
                <th>Heartbeat</th>
                <th>Load</th>
                <th>Version</th>
              </tr>
            </thead>
            <tbody>
              {o.workerPools.map((p) => (
                <tr key={p.id} data-testid="ops-pool-row">
                  <td className="mono small">{p.id.slice(0, 12)}</td>
                  <td>
                    {p.host} / {p.pid}
                  </td>
                  <td>
                    <span className={`chip chip--${p.state.toLowerCase()}`}>{p.state.toLowerCase()}</span>
                  </td>
                  <td>{p.heartbeatAgeSeconds < 1 ? "just now" : `${Math.round(p.heartbeatAgeSeconds)} s ago`}</td>
                  <td>
                    <meter min={0} max={1} value={p.load} aria-label={`Load of pool ${p.id.slice(0, 12)}`} /> {p.running}/{p.concurrency}
                  </td>
                  <td>{p.version}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section className="card" aria-labelledby="ops-schedules">
        <h2 id="ops-schedules" className="card__title">
          Schedules due next
        </h2>
        {o.schedulesDueNext.length === 0 ? (
          <p className="muted small">Nothing is scheduled.</p>
        ) : (
          <ol className="fire-list">
            {o.schedulesDueNext.map((f) => (
              <li key={`${f.schedule.id}/${f.at}`}>
                <Link to="/schedules">{f.schedule.name}</Link> ({f.schedule.taskType}) {formatRelative(f.at)}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="ops-failures">
        <h2 id="ops-failures" className="card__title">
          Recent failures
        </h2>
        {o.recentFailures.length === 0 ? (
          <p className="muted small">No failures.</p>
        ) : (
          <Table caption="Recent failures">
            <thead>
              <tr>
                <th>Task</th>
                <th>Error</th>
                <th>Attempts</th>
                <th>When</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {o.recentFailures.map((f) => (
                <tr key={f.taskId} data-testid="ops-failure-row">
                  <td>
                    <Link to={`/tasks/${f.taskId}`}>{f.taskType}</Link>
                  </td>
                  <td className="small">{f.error ?? "—"}</td>
                  <td>{f.attempts}</td>
                  <td>{formatRelative(f.finishedAt)}</td>
                  <td>
                    <Button size="sm" busy={retrying.loading} onClick={() => void retryTask({ variables: { id: f.taskId } }).catch(() => {})}>
                      Retry
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </>
  );
}
