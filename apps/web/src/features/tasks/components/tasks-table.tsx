import type { TaskListItemFragment } from "@taskline/schema/types";
import { Link } from "react-router";

import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { presentStatus } from "@/components/ui/task-status";
import { formatRelative } from "@/lib/format";

import { TaskActions } from "./task-actions";

interface Props {
  tasks: TaskListItemFragment[];
  typeTitles: Map<string, string>;
}

export function TasksTable({ tasks, typeTitles }: Props) {
  return (
    <Table caption="Tasks">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Status</th>
          <th scope="col" className="col-progress">
            Progress
          </th>
          <th scope="col" className="col-hide-sm">
            Created
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const { tone, active } = presentStatus(task.status);
          return (
            <tr key={task.id} data-task-id={task.id} data-status={task.status}>
              <td>
                <Link to={`/tasks/${task.id}`} className="row-link">
                  {typeTitles.get(task.type) ?? task.type}
                </Link>
                <div className="muted mono small">{task.type}</div>
              </td>
              <td>
                <StatusBadge status={task.status} />
              </td>
              <td className="col-progress">
                <ProgressBar
                  size="sm"
                  label={`Progress of task ${task.id}`}
                  current={task.progress.current}
                  total={task.progress.total}
                  percent={task.progress.percent}
                  tone={tone}
                  active={active}
                />
                <div className="muted small truncate">
                  {task.progress.message ?? `${task.successCount} ok · ${task.failureCount} failed`}
                </div>
              </td>
              <td className="col-hide-sm muted small" title={task.createdAt}>
                {formatRelative(task.createdAt)}
              </td>
              <td className="col-actions">
                <TaskActions task={task} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
