import type { TaskStatus } from "@taskline/schema/types";
import { useId } from "react";

import { ALL_STATUSES, presentStatus } from "@/components/ui/task-status";

import { useTaskTypes } from "../api/get-task-types";

interface Props {
  statuses: TaskStatus[];
  type: string | null;
  onChange: (next: { statuses: TaskStatus[]; type: string | null }) => void;
}

export function TaskFilters({ statuses, type, onChange }: Props) {
  const { data } = useTaskTypes();
  const typeId = useId();

  function toggle(status: TaskStatus) {
    const next = statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status];
    onChange({ statuses: next, type });
  }

  return (
    <div className="filters">
      <fieldset className="filters__statuses">
        <legend className="visually-hidden">Filter by status</legend>
        {ALL_STATUSES.map((status) => {
          const on = statuses.includes(status);
          return (
            <button
              key={status}
              type="button"
              className={`toggle${on ? " toggle--on" : ""}`}
              aria-pressed={on}
              onClick={() => toggle(status)}
            >
              {presentStatus(status).label}
            </button>
          );
        })}
        {statuses.length > 0 ? (
          <button type="button" className="toggle toggle--clear" onClick={() => onChange({ statuses: [], type })}>
            Clear
          </button>
        ) : null}
      </fieldset>
      <div className="filters__type">
        <label htmlFor={typeId} className="visually-hidden">
          Filter by task type
        </label>
        <select
          id={typeId}
          className="input input--select"
          value={type ?? ""}
          onChange={(e) => onChange({ statuses, type: e.target.value === "" ? null : e.target.value })}
        >
          <option value="">All task types</option>
          {data?.taskTypes.map((t) => (
            <option key={t.name} value={t.name}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
