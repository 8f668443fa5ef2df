import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Chip } from "@/components/ui/chip";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useJobPosting } from "../api/get-job-posting";
import { AddCandidatesForm } from "./add-candidates-form";
import { RankCandidatesButton } from "./rank-candidates-button";
import { ResumeAnalysisPanel } from "@/features/resume-analysis/components/resume-analysis-panel";
import { AnalysisTable } from "@/features/resume-analysis/components/analysis-table";
import { HiringSection } from "@/features/ats/components/hiring-section";

export function JobPostingDetail({ id }: { id: string }) {
  const { data, error, loading, fetchMore } = useJobPosting(id);
  const canWrite = useCan("recruiting:write");

  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!data) return <p className="muted" aria-busy="true">Loading job posting…</p>;
  const posting = data.jobPosting;
  if (!posting) {
    return (
      <EmptyState title="Job posting not found" action={<Link to="/job-postings">All job postings</Link>}>
        It may have been removed.
      </EmptyState>
    );
  }

  const { edges, pageInfo, totalCount } = posting.candidates;

  return (
    <div className="page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/job-postings">Job postings</Link> <span aria-hidden="true">/</span> <span>{posting.title}</span>
      </nav>
      <header className="page__head">
        <div>
          <h1 className="page__title">{posting.title}</h1>
          <p className="muted small">
            {posting.candidateCount} candidate{posting.candidateCount === 1 ? "" : "s"} · created {formatRelative(posting.createdAt)}
          </p>
        </div>
        <div className="page__head-actions">
          {posting.latestRanking ? (
            <Link to={`/tasks/${posting.latestRanking.id}`} className="latest-ranking" aria-label="Latest ranking">
              <span className="muted small">Latest ranking</span> <StatusBadge status={posting.latestRanking.status} />
            </Link>
          ) : null}
          {canWrite ? <RankCandidatesButton jobPostingId={posting.id} disabled={posting.candidateCount === 0} /> : null}
        </div>
      </header>

      <section className="card">
        <p className="prose">{posting.description}</p>
        <div className="skills">
          <div>
            <h2 className="label">Required</h2>
            <div className="chips">
              {posting.requiredSkills.map((s) => (
                <Chip key={s}>{s}</Chip>
              ))}
            </div>
          </div>
          {posting.niceToHaveSkills.length > 0 ? (
            <div>
              <h2 className="label">Nice to have</h2>
              <div className="chips">
                {posting.niceToHaveSkills.map((s) => (
                  <Chip key={s}>{s}</Chip>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      </section>

      {canWrite ? <ResumeAnalysisPanel jobPostingId={posting.id} /> : null}
      <section className="section" aria-labelledby="analyses-heading">
        <div className="section__head">
          <h2 id="analyses-heading">All analyses, best fit first</h2>
        </div>
        <AnalysisTable jobPostingId={posting.id} taskId={null} />
      </section>

      <div className={canWrite ? "split" : undefined}>
        <section className="section" aria-labelledby="candidates-heading">
          <div className="section__head">
            <h2 id="candidates-heading">Candidates</h2>
            <span className="muted small">{totalCount}</span>
          </div>
          {edges.length === 0 ? (
            <EmptyState title="No candidates yet">{canWrite ? "Add candidates to rank them against this posting." : "None have been added yet."}</EmptyState>
          ) : (
            <>
              <Table caption="Candidates">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col" className="col-hide-sm">
                      Added
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td className="strong">{node.name}</td>
                      <td className="muted">{node.email}</td>
                      <td className="col-hide-sm muted small">{formatRelative(node.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <div className="list-footer">
                <span className="muted small">
                  Showing {edges.length} of {totalCount}
                </span>
                {pageInfo.hasNextPage ? (
                  <Button busy={loading} onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}>
                    Load more
                  </Button>
                ) : null}
              </div>
            </>
          )}
        </section>
        {canWrite ? <AddCandidatesForm jobPostingId={posting.id} /> : null}
      </div>
      <HiringSection jobPostingId={posting.id} />
    </div>
  );
}
