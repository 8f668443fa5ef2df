import type { HiringStatus } from "@taskline/schema/types";
import { useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useMoveCandidate, usePostingHiring, useSyncHiredCandidates } from "../api/sync";

const STATUSES: HiringStatus[] = ["APPLIED", "SCREENING", "INTERVIEW", "OFFER", "HIRED", "REJECTED"];

/**
 * The posting's hiring funnel: each candidate's status (moving one to HIRED queues a debounced auto-sync), where
 * hired candidates stand with each ATS source, and "Sync to sources", which opens the live sync task.
 */
export function HiringSection({ jobPostingId }: { jobPostingId: string }) {
  const { data, error, refetch } = usePostingHiring(jobPostingId);
  const [move] = useMoveCandidate();
  const [sync, { loading: syncing }] = useSyncHiredCandidates();
  const canWrite = useCan("recruiting:write");
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [onlySources, setOnlySources] = useState<string[]>([]);

  if (error && !data) return <p className="form__error">{errorText(error)}</p>;
  if (!data?.jobPosting) return null;
  const candidates = data.jobPosting.candidates.edges.map((e) => e.node);
  const hired = data.jobPosting.hiredCandidates;
  const syncState = new Map(hired.map((h) => [h.id, h.atsSync]));
  const sources = data.atsSources.filter((s) => s.enabled && (!s.jobPostingIds || s.jobPostingIds.includes(jobPostingId)));

  async function changeStatus(id: string, status: HiringStatus) {
    setProblem(null);
    try {
      await move({ variables: { id, status } });
    } catch (e) {
      setProblem(errorText(e));
    }
  }

  async function startSync() {
    setProblem(null);
    try {
      const { data: started } = await sync({ variables: { jobPostingId, sourceIds: onlySources.length ? onlySources : null } });
      if (started) navigate(`/tasks/${started.syncHiredCandidates.id}`);
    } catch (e) {
      setProblem(errorText(e));
      void refetch();
    }
  }

  return (
    <section className="section" aria-labelledby="hiring-heading">
      <div className="section__head">
        <h2 id="hiring-heading">Hiring and ATS sync</h2>
        <span className="muted small">
          {hired.length} hired · {sources.length} source{sources.length === 1 ? "" : "s"} receive this posting
          {data.jobPosting.candidates.totalCount > candidates.length ? ` · first ${candidates.length} of ${data.jobPosting.candidates.totalCount} candidates` : ""}
        </span>
      </div>
      {canWrite && sources.length > 0 ? (
        <div className="actions">
          <fieldset className="chips" aria-label="Sources to sync to">
            {sources.map((s) => (
              <label key={s.id} className="small">
                <input
                  type="checkbox"
                  checked={onlySources.includes(s.id)}
                  onChange={(e) => setOnlySources((cur) => (e.target.checked ? [...cur, s.id] : cur.filter((x) => x !== s.id)))}
                />{" "}
                {s.name}
              </label>
            ))}
          </fieldset>
          <Button variant="primary" onClick={startSync} busy={syncing} disabled={hired.length === 0}>
            Sync to sources{onlySources.length ? ` (${onlySources.length})` : " (all)"}
          </Button>
        </div>
      ) : null}
      {problem ? (
        <p className="form__error" role="alert">
          {problem}
        </p>
      ) : null}
      <Table caption="Hiring status and sync state">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Status</th>
            <th scope="col">ATS sources</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id}>
              <td className="strong">{c.name}</td>
              <td>
                {canWrite ? (
                  <select
                    className="input input--select"
                    aria-label={`Hiring status of ${c.name}`}
                    value={c.hiringStatus}
                    onChange={(e) => void changeStatus(c.id, e.target.value as HiringStatus)}
                  >
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s.toLowerCase()}
                      </option>
                    ))}
                  </select>
                ) : (
                  c.hiringStatus.toLowerCase()
                )}
              </td>
              <td className="small">
                {(syncState.get(c.id) ?? []).length === 0
                  ? c.hiringStatus === "HIRED"
                    ? "pending"
                    : "—"
                  : (syncState.get(c.id) ?? []).map((p) => (
                      <span key={p.sourceId} className={`badge badge--${p.lastOutcome === "FAILED" ? "danger" : p.remoteId ? "success" : "muted"}`} title={p.lastMessage ?? undefined}>
                        {p.sourceName}
                        {p.remoteId ? ` #${p.remoteId}` : ""}
                        {p.lastOutcome === "FAILED" ? ` · ${p.lastStatus ?? "error"}` : ""}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
