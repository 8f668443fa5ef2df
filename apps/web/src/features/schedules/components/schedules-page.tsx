import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useLiveSchedules } from "../hooks/use-live-schedules";
import { ScheduleForm } from "./schedule-form";
import { ScheduleRow } from "./schedule-row";
import { SchedulerOverview } from "./scheduler-overview";

/** `null`: no form; "new": the create form; an id: that schedule's edit form. */
type Editing = null | "new" | string;

export function SchedulesPage() {
  const { data, error } = useLiveSchedules();
  const canWrite = useCan("schedules:write");
  const [editing, setEditing] = useState<Editing>(null);
  const edited = editing && editing !== "new" ? data?.schedules.find((s) => s.id === editing) : undefined;

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Schedules</h1>
          <p className="muted small">Recurring tasks, fired by cron expression or interval.</p>
        </div>
        <div className="page__head-actions">
          {canWrite && editing === null ? (
            <Button variant="primary" onClick={() => setEditing("new")}>
              New schedule
            </Button>
          ) : null}
        </div>
      </header>

      <ErrorBoundary name="Scheduler overview">
        <SchedulerOverview />
      </ErrorBoundary>

      {canWrite && editing === "new" ? <ScheduleForm onClose={() => setEditing(null)} /> : null}
      {canWrite && edited ? <ScheduleForm key={edited.id} schedule={edited} onClose={() => setEditing(null)} /> : null}

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading schedules…
        </p>
      ) : null}
      {data && data.schedules.length === 0 ? <EmptyState title="No schedules yet">{canWrite ? "Create one to run a task on a timetable." : null}</EmptyState> : null}
      {data && data.schedules.length > 0 ? (
        <ErrorBoundary name="Schedules">
          <Table caption="Schedules">
            <thead>
              <tr>
                <th scope="col">Schedule</th>
                <th scope="col">Timing</th>
                <th scope="col">Status</th>
                <th scope="col" className="col-hide-sm">
                  Next fires
                </th>
                <th scope="col">Last fire</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.schedules.map((schedule) => (
                <ScheduleRow key={schedule.id} schedule={schedule} onEdit={() => setEditing(schedule.id)} />
              ))}
            </tbody>
          </Table>
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
