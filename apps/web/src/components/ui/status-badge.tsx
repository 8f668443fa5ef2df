import type { TaskStatus } from "@taskline/schema/types";

import { presentStatus } from "@/components/ui/task-status";

export function StatusBadge({ status }: { status: TaskStatus }) {
  const { label, tone, icon } = presentStatus(status);
  return (
    <span className={`badge badge--${tone}`} data-status={status}>
      <span aria-hidden="true" className="badge__icon">
        {icon}
      </span>
      {label}
    </span>
  );
}
