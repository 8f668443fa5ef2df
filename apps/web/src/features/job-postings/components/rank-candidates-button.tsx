import { useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { errorText } from "@/lib/graphql-errors";

import { useRankCandidates } from "../api/rank-candidates";

/** Starts a ranking task and goes straight to its live page. */
export function RankCandidatesButton({ jobPostingId, disabled }: { jobPostingId: string; disabled?: boolean }) {
  const [rankCandidates, { loading }] = useRankCandidates();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  async function rank() {
    setError(null);
    try {
      const { data } = await rankCandidates({ variables: { jobPostingId } });
      if (data) navigate(`/tasks/${data.rankCandidates.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="actions">
      <Button variant="primary" onClick={rank} busy={loading} disabled={disabled}>
        Rank candidates
      </Button>
      {error ? (
        <span className="actions__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
