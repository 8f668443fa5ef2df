import { BarChart } from "@/components/charts/bar-chart";
import { formatDuration } from "@/lib/format";

import { formatPercent, overallSuccessRate, type WeeklyFigures } from "./weekly-figures";

/** Sub-second runs are common (exports, reports): milliseconds say more than "0.0s". */
function durationText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : formatDuration(ms);
}

/** The week's figures: headline numbers, then one chart per question a reader asks. */
export function WeeklyReportCharts({ figures }: { figures: WeeklyFigures }) {
  const rankingsOther = Math.max(0, figures.rankings.started - figures.rankings.completed - figures.rankings.failed);
  const timed = figures.tasks.filter((t) => t.avgDurationMs !== null);
  const rated = figures.tasks.filter((t) => t.successRate !== null);
  return (
    <>
      <section className="card" aria-labelledby="report-figures">
        <h2 id="report-figures" className="card__title">
          The week in figures
        </h2>
        <dl className="stats">
          <div className="stat">
            <dt>New candidates</dt>
            <dd data-testid="figure-new-candidates">{figures.newCandidates}</dd>
          </div>
          <div className="stat">
            <dt>New job postings</dt>
            <dd>{figures.newJobPostings}</dd>
          </div>
          <div className="stat">
            <dt>Rankings run</dt>
            <dd>{figures.rankings.started}</dd>
          </div>
          <div className="stat">
            <dt>Rankings completed / failed</dt>
            <dd>
              {figures.rankings.completed} / {figures.rankings.failed}
            </dd>
          </div>
          <div className="stat">
            <dt>Task success rate</dt>
            <dd data-testid="figure-success-rate">{formatPercent(overallSuccessRate(figures))}</dd>
          </div>
          <div className="stat">
            <dt>Schedules</dt>
            <dd>{figures.schedules.length}</dd>
          </div>
        </dl>
      </section>

      <div className="charts">
        <BarChart
          title="Pipeline activity"
          valueLabel="Count in the week"
          integer
          series={[{ name: "Count", tone: "accent" }]}
          rows={[
            { label: "New candidates", values: [figures.newCandidates] },
            { label: "New job postings", values: [figures.newJobPostings] },
            { label: "Rankings run", values: [figures.rankings.started] },
          ]}
        />
        <BarChart
          title="Rankings by outcome"
          valueLabel="Rankings started in the week"
          integer
          series={[
            { name: "Completed", tone: "success" },
            { name: "Failed", tone: "danger" },
            { name: "Other (running or cancelled)", tone: "neutral" },
          ]}
          rows={figures.rankings.started > 0 ? [{ label: "Rankings", values: [figures.rankings.completed, figures.rankings.failed, rankingsOther] }] : []}
          empty="No rankings ran this week."
        />
        <BarChart
          title="Tasks finished, by task type"
          valueLabel="Tasks finished in the week"
          integer
          series={[
            { name: "Completed", tone: "success" },
            { name: "Failed", tone: "danger" },
            { name: "Cancelled", tone: "neutral" },
          ]}
          rows={figures.tasks.map((t) => ({ label: t.type, values: [t.completed, t.failed, t.cancelled] }))}
          empty="No task finished this week."
        />
        <BarChart
          title="Success rate, by task type"
          valueLabel="Completed of completed and failed"
          series={[{ name: "Success rate", tone: "success" }]}
          rows={rated.map((t) => ({ label: t.type, values: [t.successRate ?? 0] }))}
          max={1}
          format={(v) => `${Math.round(v * 100)}%`}
          empty="No task completed or failed this week."
        />
        <BarChart
          title="Duration of completed tasks, by task type"
          valueLabel="Run time of the last attempt"
          grouped
          series={[
            { name: "Average", tone: "accent" },
            { name: "95th percentile", tone: "info" },
          ]}
          rows={timed.map((t) => ({ label: t.type, values: [t.avgDurationMs ?? 0, t.p95DurationMs ?? t.avgDurationMs ?? 0] }))}
          format={durationText}
          empty="No task completed this week."
        />
        <BarChart
          title="Schedule health"
          valueLabel="Fires in the week"
          integer
          series={[
            { name: "Completed", tone: "success" },
            { name: "Failed", tone: "danger" },
            { name: "Skipped", tone: "warning" },
            { name: "Other (running or cancelled)", tone: "neutral" },
          ]}
          rows={figures.schedules.map((s) => ({
            label: s.paused ? `${s.name} (paused)` : s.name,
            values: [s.completed, s.failed, s.skipped, Math.max(0, s.fires - s.completed - s.failed)],
          }))}
          empty="No schedules."
        />
      </div>
    </>
  );
}
