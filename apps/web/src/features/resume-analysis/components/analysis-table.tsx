import { useApolloClient } from "@apollo/client/react";
import { useEffect } from "react";

import { Chip } from "@/components/ui/chip";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";

import { ResumeAnalysesQuery, useResumeAnalyses } from "../api/get-resume-analyses";

type ItemError = { itemKey: string; itemLabel?: string | null; message: string };

/** Analyses best fit first, with what each cost; failed items below with their reason. */
export function AnalysisTable({ jobPostingId, taskId, refreshKey, errors = [] }: { jobPostingId: string; taskId: string | null; refreshKey?: number; errors?: ItemError[] }) {
  const { data } = useResumeAnalyses(jobPostingId, taskId);
  const client = useApolloClient();
  // Another item done: re-read this table and the posting's overall one.
  useEffect(() => {
    if (refreshKey) void client.refetchQueries({ include: [ResumeAnalysesQuery] });
  }, [refreshKey, client]);
  const rows = data?.resumeAnalyses ?? [];
  if (!rows.length && !errors.length) return <EmptyState title="No analyses yet">Results appear here as each resume is done.</EmptyState>;
  const tokens = rows.reduce((n, r) => n + r.promptTokens + r.completionTokens, 0);
  const cost = rows.reduce((n, r) => n + (r.estimatedCostUsd ?? 0), 0);
  return (
    <>
      <p className="muted small">
        {rows.length} analysed · {tokens.toLocaleString()} tokens · estimated ${cost.toFixed(4)} · engine {[...new Set(rows.map((r) => r.engine))].join(", ") || "–"}
      </p>
      <Table caption="Resume analyses">
        <thead>
          <tr>
            <th scope="col">Fit</th>
            <th scope="col">Profile</th>
            <th scope="col">Requirements</th>
            <th scope="col">Strengths / concerns</th>
            <th scope="col" className="col-hide-sm">
              Engine · tokens · cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="strong">{r.fitScore.toFixed(0)}</td>
              <td>
                <div className="small">
                  {r.profile.yearsOfExperience} yrs · {r.profile.recentRoles.map((x) => [x.title, x.company].filter(Boolean).join(" at ")).join("; ") || "no roles found"}
                </div>
                <div className="chips">
                  {r.profile.skills.slice(0, 8).map((s) => (
                    <Chip key={s}>{s}</Chip>
                  ))}
                </div>
                {r.assessment ? (
                  <details>
                    <summary className="small">Assessment and interview questions</summary>
                    <p className="prose small">{r.assessment}</p>
                    <ol className="small">
                      {r.interviewQuestions.map((q) => (
                        <li key={q}>{q}</li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </td>
              <td className="small">
                <div>✓ {r.matchedRequirements.join(", ") || "none"}</div>
                <div className="muted">✗ {r.missingRequirements.join(", ") || "none"}</div>
              </td>
              <td className="small">
                <div>{r.strengths.join("; ")}</div>
                <div className="muted">{r.concerns.join("; ")}</div>
              </td>
              <td className="col-hide-sm small muted">
                {r.engine}
                {r.model ? ` (${r.model})` : ""} · {r.promptTokens + r.completionTokens} · {r.estimatedCostUsd === null ? "no price" : `$${r.estimatedCostUsd.toFixed(5)}`}
              </td>
            </tr>
          ))}
          {errors.map((e) => (
            <tr key={e.itemKey}>
              <td className="muted">–</td>
              <td colSpan={4} className="small">
                <span className="strong">{e.itemLabel ?? e.itemKey}</span>: <span role="status">{e.message}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
