import { Link } from "react-router";

import { ColumnChart } from "@/components/charts/column-chart";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { REPORTS_PAGE_SIZE, useReports } from "../api/get-reports";
import { formatPercent, formatWeek, formatWeekStart, overallSuccessRate, parseWeeklyFigures } from "./weekly-figures";

export function ReportsPage() {
  const { data, error, fetchMore, loading } = useReports();
  const reports = data?.reports.edges.map((edge) => ({ ...edge.node, figures: edge.node.kind === "weekly" ? parseWeeklyFigures(edge.node.data) : null }));
  // Oldest first, the way a trend reads.
  const trend = (reports ?? [])
    .filter((r) => r.figures !== null)
    .slice(0, REPORTS_PAGE_SIZE)
    .reverse()
    .map((r) => ({ label: formatWeekStart(r.periodStart, r.figures!.timeZone), value: r.figures!.newCandidates }));

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Reports</h1>
          <p className="muted small">The weekly analytics report, computed every Monday for the week before and emailed to the admins.</p>
        </div>
      </header>

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading reports…
        </p>
      ) : null}
      {reports && reports.length === 0 ? (
        <EmptyState title="No reports yet">The weekly report task stores one every Monday; an admin can trigger its schedule to make one now.</EmptyState>
      ) : null}
      {reports && reports.length > 0 ? (
        <>
          {trend.length > 1 ? (
            <section className="card">
              <ErrorBoundary name="Trend chart">
                <ColumnChart title="New candidates per week" categoryLabel="Week starting" valueLabel="Candidates" points={trend} />
              </ErrorBoundary>
            </section>
          ) : null}
          <Table caption="Reports">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col" className="col-num">
                  New candidates
                </th>
                <th scope="col" className="col-num">
                  Rankings run
                </th>
                <th scope="col" className="col-num">
                  Task success rate
                </th>
                <th scope="col" className="col-hide-sm">
                  Emailed
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id} data-report-id={report.id}>
                  <td>
                    <Link to={`/reports/${report.id}`} className="cell-title">
                      {formatWeek(report.periodStart, report.periodEnd, report.figures?.timeZone ?? "UTC")}
                    </Link>
                    {report.kind !== "weekly" ? <div className="muted small">{report.kind}</div> : null}
                  </td>
                  <td className="col-num">{report.figures?.newCandidates ?? "—"}</td>
                  <td className="col-num">{report.figures?.rankings.started ?? "—"}</td>
                  <td className="col-num">{report.figures ? formatPercent(overallSuccessRate(report.figures)) : "—"}</td>
                  <td className="col-hide-sm">{report.emailedAt ? formatDateTime(report.emailedAt) : <span className="muted">Not emailed</span>}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data?.reports.pageInfo.hasNextPage ? (
            <div className="list-footer">
              <Button busy={loading} onClick={() => fetchMore({ variables: { after: data.reports.pageInfo.endCursor } })}>
                Older reports
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
