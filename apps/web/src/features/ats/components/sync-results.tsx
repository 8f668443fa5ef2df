import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";

import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";

import { GetAtsSyncRunQuery } from "../api/sync";

const OUTCOME_TONE = { SYNCED: "success", UNCHANGED: "muted", FAILED: "danger" } as const;

/**
 * Per-pair results of an ATS sync task, under its live progress on the task page. The task's subscription bumps
 * `version` on every progress write; each bump refetches the results, so pairs appear as they finish (no polling).
 */
export function AtsSyncResults({ taskId, version }: { taskId: string; version: number }) {
  const { data, error, refetch } = useQuery(GetAtsSyncRunQuery, { variables: { taskId } });
  useEffect(() => {
    void refetch();
  }, [version, refetch]);

  if (error && !data) return <p className="form__error">{errorText(error)}</p>;
  const run = data?.atsSyncRun;
  if (!run) return null;
  return (
    <section className="section" aria-labelledby="ats-results-heading">
      <div className="section__head">
        <h2 id="ats-results-heading">Candidates and sources</h2>
        <span className="muted small" data-testid="ats-run-counts">
          {run.synced} synced · {run.unchanged} unchanged · {run.failed} failed · started by {run.startedByEmail ?? run.trigger.toLowerCase()}
        </span>
      </div>
      <Table caption="Per-pair sync results">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Source</th>
            <th scope="col">Outcome</th>
            <th scope="col">Remote</th>
            <th scope="col">Message</th>
            <th scope="col" className="col-hide-sm">
              Calls
            </th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r) => (
            <tr key={r.pairId}>
              <td className="strong">{r.candidateName}</td>
              <td>{r.sourceName}</td>
              <td>
                <span className={`badge badge--${OUTCOME_TONE[r.outcome]}`}>{r.outcome}</span>
              </td>
              <td className="muted small">
                {r.remoteStatus ?? "—"}
                {r.remoteId ? ` · #${r.remoteId}` : ""}
              </td>
              <td className="small">{r.message}</td>
              <td className="col-hide-sm muted small">{r.calls}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
