import { CreditsPage } from "@/features/resume-analysis/components/credits-page";

export function CreditsRoute() {
  return <CreditsPage />;
}
