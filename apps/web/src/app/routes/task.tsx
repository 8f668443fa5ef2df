import { useParams } from "react-router";

import { TaskDetail } from "@/features/tasks/components/task-detail";

export function TaskRoute() {
  const { taskId = "" } = useParams();
  // Keyed by id: a different task starts from a clean slate (its own subscription and state).
  return <TaskDetail key={taskId} id={taskId} />;
}
