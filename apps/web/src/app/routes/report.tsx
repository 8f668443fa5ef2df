import { useParams } from "react-router";

import { ReportView } from "@/features/reports/components/report-view";

export function ReportRoute() {
  const { reportId = "" } = useParams();
  return <ReportView key={reportId} id={reportId} />;
}
