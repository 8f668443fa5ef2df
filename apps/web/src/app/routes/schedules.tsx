import { SchedulesPage } from "@/features/schedules/components/schedules-page";

export function SchedulesRoute() {
  return <SchedulesPage />;
}
