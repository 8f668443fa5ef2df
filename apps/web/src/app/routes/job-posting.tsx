import { useParams } from "react-router";

import { JobPostingDetail } from "@/features/job-postings/components/job-posting-detail";

export function JobPostingRoute() {
  const { jobPostingId = "" } = useParams();
  return <JobPostingDetail key={jobPostingId} id={jobPostingId} />;
}
