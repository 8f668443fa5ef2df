import { InterviewsPage } from "@/features/interviews/components/interviews-page";

export function InterviewsRoute() {
  return <InterviewsPage />;
}
