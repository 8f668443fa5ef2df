import { MyTasksPage } from "@/features/my-tasks/components/my-tasks-page";

export function MyTasksRoute() {
  return <MyTasksPage />;
}
