import type { ScheduleStatus } from "@taskline/schema/types";

import { assertNever } from "@/lib/assert-never";

/** The one place that maps a schedule's status to how it looks. */
export function presentScheduleStatus(status: ScheduleStatus): { label: string; tone: "success" | "info" | "muted"; icon: string } {
  switch (status) {
    case "ACTIVE":
      return { label: "Active", tone: "success", icon: "●" };
    case "RUNNING":
      return { label: "Running", tone: "info", icon: "◐" };
    case "PAUSED":
      return { label: "Paused", tone: "muted", icon: "❚❚" };
    default:
      return assertNever(status);
  }
}

export function ScheduleStatusBadge({ status }: { status: ScheduleStatus }) {
  const { label, tone, icon } = presentScheduleStatus(status);
  return (
    <span className={`badge badge--${tone}`} data-schedule-status={status}>
      <span aria-hidden="true" className="badge__icon">
        {icon}
      </span>
      {label}
    </span>
  );
}
