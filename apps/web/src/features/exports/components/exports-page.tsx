import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { StatusBadge } from "@/components/ui/status-badge";
import { isTerminal } from "@/components/ui/task-status";
import { env } from "@/config/env";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeError, errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useCandidateExport } from "../api/get-candidate-export";
import { EXPORT_TASK_TYPE, useExportSchedules } from "../api/get-export-schedules";
import { useSyncCandidateExport } from "../api/sync-candidate-export";
import { useSyncTask } from "../hooks/use-sync-task";

/** The API serves the download next to /graphql; a dev build pointed elsewhere must ask that server. */
function absoluteDownloadUrl(path: string): string {
  return new URL(path, env.graphqlHttpUrl).toString();
}

export function ExportsPage() {
  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Exports</h1>
          <p className="muted small">The candidate table, kept in sync every 30 minutes by the candidate export schedule.</p>
        </div>
      </header>
      <ErrorBoundary name="Candidate export">
        <CandidateExportCard />
      </ErrorBoundary>
    </div>
  );
}

function CandidateExportCard() {
  const { data, error } = useCandidateExport();
  const canReadSchedules = useCan("schedules:read");
  const canSync = useCan("schedules:write");
  const schedules = useExportSchedules(canReadSchedules);
  const schedule = schedules.schedules?.find((s) => !s.paused) ?? schedules.schedules?.[0];
  const [sync, syncing] = useSyncCandidateExport();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const live = useSyncTask(taskId);

  async function syncNow() {
    if (!schedule) return;
    setSyncError(null);
    try {
      const result = await sync({ variables: { scheduleId: schedule.id } });
      setTaskId(result.data?.triggerSchedule.id ?? null);
    } catch (e) {
      setSyncError(describeError(e).code === "SCHEDULE_BUSY" ? "A sync is already running; its result will show here when it ends." : errorText(e));
    }
  }

  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!data) {
    return (
      <p className="muted" aria-busy="true">
        Loading the export…
      </p>
    );
  }
  const exp = data.candidateExport;
  const target = exp.target === "CSV" ? "CSV file" : "Google Sheet";
  const task = live.task;

  return (
    <section className="card" aria-labelledby="candidate-export-heading" data-export-target={exp.target}>
      <div className="card__head">
        <h2 id="candidate-export-heading" className="card__title">
          Candidate export
        </h2>
        {canSync && schedule ? (
          <Button variant="primary" busy={syncing.loading || (task !== null && !isTerminal(task.status))} onClick={syncNow}>
            Sync now
          </Button>
        ) : null}
      </div>
      <dl className="stats" aria-label="Candidate export">
        <div className="stat">
          <dt>Target</dt>
          <dd data-testid="export-target">{target}</dd>
        </div>
        <div className="stat">
          <dt>Last synced</dt>
          <dd data-testid="export-updated-at" title={exp.updatedAt ?? undefined}>
            {exp.updatedAt ? `${formatDateTime(exp.updatedAt)} (${formatRelative(exp.updatedAt)})` : "Never"}
          </dd>
        </div>
        <div className="stat">
          <dt>Rows</dt>
          <dd data-testid="export-row-count">{exp.rowCount}</dd>
        </div>
      </dl>

      {exp.downloadUrl && exp.target === "CSV" ? (
        <p>
          {/* A plain link: the download route reads the session cookie, as the SPA's own requests do. */}
          <a className="button button--secondary button--md" href={absoluteDownloadUrl(exp.downloadUrl)} download="candidates.csv">
            Download CSV
          </a>
        </p>
      ) : null}
      {exp.downloadUrl && exp.target === "GOOGLE_SHEETS" ? (
        <p>
          <a href={exp.downloadUrl} target="_blank" rel="noreferrer noopener">
            Open the Google Sheet
          </a>
        </p>
      ) : null}
      {!exp.downloadUrl && exp.target === "CSV" ? <p className="muted small">No CSV yet: the next sync writes it.</p> : null}

      {task ? (
        <p className="small" role="status" data-testid="sync-status">
          Sync <Link to={`/tasks/${task.id}`}>task</Link> <StatusBadge status={task.status} />
          {task.progress.message ? ` ${task.progress.message}` : null}
          {task.status === "FAILED" && task.error ? <span className="text-danger"> {task.error}</span> : null}
        </p>
      ) : null}
      {syncError ? (
        <p className="form__error" role="alert">
          {syncError}
        </p>
      ) : null}
      {live.error ? <p className="form__error">{errorText(live.error)}</p> : null}

      {canReadSchedules ? (
        schedule ? (
          <p className="muted small">
            Schedule <Link to="/schedules">{schedule.name}</Link>: {schedule.description}
            {schedule.paused ? " (paused)" : schedule.nextFires[0] ? `, next ${formatRelative(schedule.nextFires[0])}` : ""}.
            {schedule.lastFire?.task ? (
              <>
                {" "}
                Last run <StatusBadge status={schedule.lastFire.task.status} /> {formatRelative(schedule.lastFire.at)}.
              </>
            ) : null}
          </p>
        ) : schedules.data ? (
          <p className="muted small">
            No schedule runs <span className="mono">{EXPORT_TASK_TYPE}</span>, so the export is not kept in sync.{" "}
            {canSync ? <Link to="/schedules">Create one on the Schedules page.</Link> : "Ask an administrator to create one."}
          </p>
        ) : null
      ) : null}
    </section>
  );
}
