import { TasksList } from "@/features/tasks/components/tasks-list";

export function TasksRoute() {
  return <TasksList />;
}
