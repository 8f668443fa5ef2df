import { Link } from "react-router";

import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useReport } from "../api/get-report";
import { formatWeek, parseWeeklyFigures } from "./weekly-figures";
import { WeeklyReportCharts } from "./weekly-report-charts";

export function ReportView({ id }: { id: string }) {
  const { data, error } = useReport(id);
  const crumbs = (
    <nav className="crumbs" aria-label="Breadcrumb">
      <Link to="/reports">Reports</Link>
    </nav>
  );
  if (error && !data) {
    return (
      <div className="page">
        {crumbs}
        <Callout tone="danger">{errorText(error)}</Callout>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page">
        {crumbs}
        <p className="muted" aria-busy="true">
          Loading the report…
        </p>
      </div>
    );
  }
  const report = data.report;
  if (!report) {
    return (
      <div className="page">
        {crumbs}
        <EmptyState title="Report not found" action={<Link to="/reports">All reports</Link>}>
          It may have been removed.
        </EmptyState>
      </div>
    );
  }
  const figures = report.kind === "weekly" ? parseWeeklyFigures(report.data) : null;
  const timeZone = figures?.timeZone ?? "UTC";
  return (
    <div className="page">
      {crumbs}
      <header className="page__head">
        <div>
          <h1 className="page__title">Weekly report: {formatWeek(report.periodStart, report.periodEnd, timeZone)}</h1>
          <p className="muted small">
            Weeks run Monday to Sunday in {timeZone}. Last computed {formatDateTime(report.updatedAt)};{" "}
            {report.emailedAt ? `emailed to the admins ${formatDateTime(report.emailedAt)}` : "not emailed"}.
          </p>
        </div>
      </header>
      {figures ? (
        <ErrorBoundary name="Report charts" resetKey={report.id}>
          <WeeklyReportCharts figures={figures} />
        </ErrorBoundary>
      ) : (
        <Callout tone="warning">This report's figures are in a shape this page cannot read ({report.kind}).</Callout>
      )}
    </div>
  );
}
