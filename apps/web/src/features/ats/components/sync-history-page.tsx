import { useSubscription } from "@apollo/client/react";
import { Link } from "react-router";

import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { OnTasksUpdatedSubscription } from "@/features/tasks/api/on-tasks-updated";

import { useAtsSyncHistory } from "../api/sync";

const DAYS = 30;
const pct = (r: number) => `${Math.round(r * 100)}%`;

/** Every sync run, and success rates per source (overall and per day); refetched when a sync task changes state. */
export function SyncHistoryPage() {
  const { data, error, refetch } = useAtsSyncHistory(DAYS);
  useSubscription(OnTasksUpdatedSubscription, {
    variables: { filter: { type: ["ats.sync_hired_candidates", "ats.sync_pending"], status: ["RUNNING", "COMPLETED", "FAILED"] } },
    onData: () => void refetch(),
  });

  const perSource = new Map<string, { name: string; ok: number; all: number }>();
  for (const s of data?.atsSyncStats ?? []) {
    const cur = perSource.get(s.sourceId) ?? { name: s.sourceName, ok: 0, all: 0 };
    cur.ok += s.synced + s.unchanged;
    cur.all += s.synced + s.unchanged + s.failed;
    perSource.set(s.sourceId, cur);
  }

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">ATS sync history</h1>
          <p className="muted small">
            Last {DAYS} days · <Link to="/ats/sources">Sources</Link>
          </p>
        </div>
      </header>
      {error ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {perSource.size > 0 ? (
        <section className="section" aria-labelledby="rates-heading">
          <h2 id="rates-heading">Success rate per source</h2>
          <Table caption="Success rate per source">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Success rate</th>
                <th scope="col">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {[...perSource.entries()].map(([id, s]) => (
                <tr key={id}>
                  <td className="strong">{s.name}</td>
                  <td data-testid="source-rate">{pct(s.all ? s.ok / s.all : 0)}</td>
                  <td className="muted">{s.all}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <h2>Per day</h2>
          <Table caption="Success rate per source and day">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Source</th>
                <th scope="col">Synced</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Failed</th>
                <th scope="col">Success rate</th>
              </tr>
            </thead>
            <tbody>
              {data!.atsSyncStats.map((s) => (
                <tr key={`${s.day}-${s.sourceId}`}>
                  <td>{s.day}</td>
                  <td>{s.sourceName}</td>
                  <td>{s.synced}</td>
                  <td>{s.unchanged}</td>
                  <td>{s.failed}</td>
                  <td>{pct(s.successRate)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
      <section className="section" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        {data && data.atsSyncRuns.length === 0 ? <EmptyState title="No syncs yet">Hire candidates and sync them from their posting.</EmptyState> : null}
        {data && data.atsSyncRuns.length > 0 ? (
          <Table caption="Sync runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">Synced</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {data.atsSyncRuns.map((r) => (
                <tr key={r.id}>
                  <td>{r.taskId ? <Link to={`/tasks/${r.taskId}`}>{formatDateTime(r.startedAt)}</Link> : formatDateTime(r.startedAt)}</td>
                  <td className="small">{r.startedByEmail ?? r.trigger.toLowerCase()}</td>
                  <td>
                    <span className={`badge badge--${r.status === "COMPLETED" ? (r.failed ? "warning" : "success") : r.status === "FAILED" ? "danger" : "info"}`}>{r.status.toLowerCase()}</span>
                  </td>
                  <td>{r.synced}</td>
                  <td>{r.unchanged}</td>
                  <td>{r.failed}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </section>
    </div>
  );
}
