import { ExportsPage } from "@/features/exports/components/exports-page";

export function ExportsRoute() {
  return <ExportsPage />;
}
