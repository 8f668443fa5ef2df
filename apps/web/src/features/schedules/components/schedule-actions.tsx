import type { ScheduleRowFragment } from "@taskline/schema/types";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { describeError, errorText } from "@/lib/graphql-errors";

import { useDeleteSchedule } from "../api/delete-schedule";
import { usePauseSchedule } from "../api/pause-schedule";
import { useResumeSchedule } from "../api/resume-schedule";
import { useTriggerSchedule } from "../api/trigger-schedule";

/**
 * An admin's buttons for one schedule. A trigger stays on the page: the row's last fire then links to the task.
 * A SCHEDULE_BUSY trigger offers to run it anyway (force).
 */
export function ScheduleActions({ schedule, onEdit }: { schedule: ScheduleRowFragment; onEdit: () => void }) {
  const [pause, pausing] = usePauseSchedule();
  const [resume, resuming] = useResumeSchedule();
  const [trigger, triggering] = useTriggerSchedule();
  const [remove, removing] = useDeleteSchedule();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const variables = { id: schedule.id };

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function fire(force: boolean) {
    setError(null);
    setBusy(false);
    try {
      await trigger({ variables: { id: schedule.id, force } });
    } catch (e) {
      if (describeError(e).code === "SCHEDULE_BUSY") setBusy(true);
      else setError(errorText(e));
    }
  }

  return (
    <div className="schedule-actions">
      <div className="row-actions">
        {schedule.paused ? (
          <Button size="sm" busy={resuming.loading} onClick={() => run(() => resume({ variables }))}>
            Resume
          </Button>
        ) : (
          <Button size="sm" busy={pausing.loading} onClick={() => run(() => pause({ variables }))}>
            Pause
          </Button>
        )}
        <Button size="sm" busy={triggering.loading} onClick={() => fire(false)}>
          Trigger now
        </Button>
        <Button size="sm" variant="ghost" onClick={onEdit}>
          Edit
        </Button>
        <ConfirmButton question={`Delete “${schedule.name}”?`} confirmLabel="Delete" busy={removing.loading} onConfirm={() => run(() => remove({ variables }))}>
          Delete
        </ConfirmButton>
      </div>
      {busy ? (
        <p className="form__error" role="alert">
          A task of this schedule is still running.{" "}
          <Button size="sm" variant="danger" busy={triggering.loading} onClick={() => fire(true)}>
            Run anyway (force)
          </Button>
        </p>
      ) : null}
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
