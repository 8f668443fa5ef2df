/** The `result` of a `recruiting.rank_candidates` task. */
export interface RankedCandidate {
  rank: number;
  candidateId: string;
  name: string;
  email: string;
  /** 0-100 */
  score: number;
  matchedSkills: string[];
  missingSkills: string[];
  rationale: string;
  /** The model's rationale, for the candidates it re-ranked (engine "llm"). */
  llmRationale: string | null;
}

export interface RankingResult {
  scorer: string;
  /** "llm" when the model re-ranked the top candidates, "builtin" otherwise. */
  engine: string;
  model: string | null;
  usage: { promptTokens: number; completionTokens: number };
  estimatedCostUsd: number | null;
  jobPostingId: string;
  ranked: RankedCandidate[];
}

export const RANK_CANDIDATES_TYPE = "recruiting.rank_candidates";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

/** `result` is JSON: read it defensively; null when it does not have the ranking's shape. */
export function parseRankingResult(result: unknown): RankingResult | null {
  if (!isRecord(result) || !Array.isArray(result.ranked)) return null;
  const ranked: RankedCandidate[] = [];
  for (const [index, row] of result.ranked.entries()) {
    if (!isRecord(row)) return null;
    ranked.push({
      rank: typeof row.rank === "number" ? row.rank : index + 1,
      candidateId: String(row.candidateId ?? ""),
      name: String(row.name ?? ""),
      email: String(row.email ?? ""),
      score: typeof row.score === "number" ? row.score : 0,
      matchedSkills: strings(row.matchedSkills),
      missingSkills: strings(row.missingSkills),
      rationale: typeof row.rationale === "string" ? row.rationale : "",
      llmRationale: typeof row.llmRationale === "string" ? row.llmRationale : null,
    });
  }
  return {
    scorer: typeof result.scorer === "string" ? result.scorer : "unknown",
    engine: typeof result.engine === "string" ? result.engine : "builtin",
    model: typeof result.model === "string" ? result.model : null,
    usage: isRecord(result.usage)
      ? { promptTokens: Number(result.usage.promptTokens) || 0, completionTokens: Number(result.usage.completionTokens) || 0 }
      : { promptTokens: 0, completionTokens: 0 },
    estimatedCostUsd: typeof result.estimatedCostUsd === "number" ? result.estimatedCostUsd : null,
    jobPostingId: typeof result.jobPostingId === "string" ? result.jobPostingId : "",
    ranked,
  };
}
