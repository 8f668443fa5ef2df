import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useJobPostings } from "../api/get-job-postings";
import { CreateJobPostingForm } from "./create-job-posting-form";
import { LoadDemoDataButton } from "./load-demo-data-button";

export function JobPostingsList() {
  const { data, error, loading, fetchMore } = useJobPostings();
  const [creating, setCreating] = useState(false);
  const canWrite = useCan("recruiting:write");

  const edges = data?.jobPostings.edges ?? [];

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Job postings</h1>
          <p className="muted small">Openings, their candidates, and how they rank.</p>
        </div>
        {canWrite && !creating ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New posting
          </Button>
        ) : null}
      </header>

      {creating ? <CreateJobPostingForm onCancel={() => setCreating(false)} /> : null}

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? <p className="muted" aria-busy="true">Loading job postings…</p> : null}

      {data && edges.length === 0 ? (
        <EmptyState title="No job postings yet" action={canWrite ? <LoadDemoDataButton /> : undefined}>
          {canWrite
            ? "Create a posting, or load a demo posting with a few dozen candidates to see ranking run live."
            : "Postings appear here once a recruiter creates them."}
        </EmptyState>
      ) : null}

      {edges.length > 0 ? (
        <>
          <Table caption="Job postings">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="col-num">
                  Candidates
                </th>
                <th scope="col">Latest ranking</th>
                <th scope="col" className="col-hide-sm">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link to={`/job-postings/${node.id}`} className="row-link">
                      {node.title}
                    </Link>
                    <div className="muted small truncate">{node.requiredSkills.join(", ")}</div>
                  </td>
                  <td className="col-num mono">{node.candidateCount}</td>
                  <td>
                    {node.latestRanking ? (
                      <Link to={`/tasks/${node.latestRanking.id}`} aria-label={`Latest ranking of ${node.title}`}>
                        <StatusBadge status={node.latestRanking.status} />
                      </Link>
                    ) : (
                      <span className="muted small">Not ranked yet</span>
                    )}
                  </td>
                  <td className="col-hide-sm muted small">{formatRelative(node.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="list-footer">
            <span className="muted small">
              Showing {edges.length} of {data?.jobPostings.totalCount ?? edges.length}
            </span>
            {data?.jobPostings.pageInfo.hasNextPage ? (
              <Button busy={loading} onClick={() => void fetchMore({ variables: { after: data.jobPostings.pageInfo.endCursor } })}>
                Load more
              </Button>
            ) : canWrite ? (
              <LoadDemoDataButton variant="secondary" />
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
