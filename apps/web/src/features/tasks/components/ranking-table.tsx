import { Link } from "react-router";

import { Chip } from "@/components/ui/chip";
import { Table } from "@/components/ui/table";

import type { RankingResult } from "./ranking-result";

export function RankingTable({ ranking }: { ranking: RankingResult }) {
  return (
    <section className="section" aria-labelledby="ranking-heading">
      <div className="section__head">
        <h2 id="ranking-heading">Ranked candidates</h2>
        <span className="muted small">
          {ranking.ranked.length} candidates · scorer <span className="mono">{ranking.scorer}</span> · engine{" "}
          <span className="mono">{ranking.engine}</span>
          {ranking.model ? ` (${ranking.model})` : ""}
          {ranking.engine === "llm"
            ? ` · ${(ranking.usage.promptTokens + ranking.usage.completionTokens).toLocaleString()} tokens · ${ranking.estimatedCostUsd === null ? "no price" : `$${ranking.estimatedCostUsd.toFixed(4)}`}`
            : null}
          {ranking.jobPostingId ? (
            <>
              {" · "}
              <Link to={`/job-postings/${ranking.jobPostingId}`}>open posting</Link>
            </>
          ) : null}
        </span>
      </div>
      {ranking.ranked.length === 0 ? (
        <p className="muted">No candidates were ranked.</p>
      ) : (
        <Table caption="Ranked candidates">
          <thead>
            <tr>
              <th scope="col" className="col-rank">
                #
              </th>
              <th scope="col">Candidate</th>
              <th scope="col" className="col-score">
                Score
              </th>
              <th scope="col">Skills</th>
              <th scope="col" className="col-hide-sm">
                Rationale
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.ranked.map((row) => (
              <tr key={row.candidateId || row.rank} data-testid="ranked-row">
                <td className="col-rank mono">{row.rank}</td>
                <td>
                  <div className="strong">{row.name}</div>
                  <div className="muted small">{row.email}</div>
                </td>
                <td className="col-score">
                  <div className="score">
                    {/* A static measure of a finished result, not live progress: a meter, not a progressbar. */}
                    <meter className="score__meter" min={0} max={100} low={40} high={70} optimum={100} value={row.score} aria-label={`Score of ${row.name}`}>
                      {row.score.toFixed(1)}
                    </meter>
                    <span className="score__value mono">{row.score.toFixed(1)}</span>
                  </div>
                </td>
                <td>
                  <div className="chips" aria-label="Matched skills">
                    {row.matchedSkills.map((s) => (
                      <Chip key={`m-${s}`} tone="success">
                        {s}
                      </Chip>
                    ))}
                  </div>
                  {row.missingSkills.length > 0 ? (
                    <div className="chips" aria-label="Missing skills">
                      {row.missingSkills.map((s) => (
                        <Chip key={`x-${s}`} tone="danger">
                          {s}
                        </Chip>
                      ))}
                    </div>
                  ) : null}
                </td>
                <td className="col-hide-sm small">{row.llmRationale ?? row.rationale}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
