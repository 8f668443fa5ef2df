import type { ScheduleRowFragment } from "@taskline/schema/types";
import { Link } from "react-router";

import { StatusBadge } from "@/components/ui/status-badge";
import { useCan } from "@/lib/permissions";

import { useFollowLastFire } from "../hooks/use-follow-last-fire";
import { FireTime, FireTimes } from "./fire-times";
import { ScheduleActions } from "./schedule-actions";
import { ScheduleStatusBadge } from "./schedule-status-badge";

function LastFire({ schedule }: { schedule: ScheduleRowFragment }) {
  const fire = schedule.lastFire;
  useFollowLastFire(fire?.task);
  if (!fire) return <span className="muted small">Never fired</span>;
  return (
    <div className="last-fire">
      <FireTime at={fire.at} timeZone={schedule.timezone} />
      {fire.task ? (
        <Link to={`/tasks/${fire.task.id}`} className="last-fire__task" aria-label={`Last task of ${schedule.name}`}>
          <StatusBadge status={fire.task.status} />
        </Link>
      ) : (
        <span className="muted small">{fire.skippedReason ? `Skipped: ${fire.skippedReason}` : "Task not visible"}</span>
      )}
    </div>
  );
}

export function ScheduleRow({ schedule, onEdit }: { schedule: ScheduleRowFragment; onEdit: () => void }) {
  const canWrite = useCan("schedules:write");
  return (
    <tr data-schedule-id={schedule.id} data-schedule-name={schedule.name} data-schedule-status={schedule.status}>
      <td>
        <div className="cell-title">{schedule.name}</div>
        <div className="muted small mono">{schedule.taskType}</div>
      </td>
      <td>
        <div>{schedule.description}</div>
        {schedule.description.includes(schedule.timezone) ? null : <div className="muted small">{schedule.timezone}</div>}
      </td>
      <td>
        <ScheduleStatusBadge status={schedule.status} />
      </td>
      <td className="col-hide-sm">
        <FireTimes fires={schedule.nextFires} timeZone={schedule.timezone} empty={schedule.paused ? "None while paused" : "None"} />
      </td>
      <td>
        <LastFire schedule={schedule} />
      </td>
      {canWrite ? (
        <td>
          <ScheduleActions schedule={schedule} onEdit={onEdit} />
        </td>
      ) : null}
    </tr>
  );
}
