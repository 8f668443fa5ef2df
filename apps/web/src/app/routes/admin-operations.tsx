import { OperationsPage } from "@/features/operations/components/operations-page";

export function AdminOperationsRoute() {
  return <OperationsPage />;
}
