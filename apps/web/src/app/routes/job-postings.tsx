import { JobPostingsList } from "@/features/job-postings/components/job-postings-list";

export function JobPostingsRoute() {
  return <JobPostingsList />;
}
