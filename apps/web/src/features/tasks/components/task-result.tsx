import { parseRankingResult, RANK_CANDIDATES_TYPE } from "./ranking-result";
import { RankingTable } from "./ranking-table";

export function TaskResult({ type, result }: { type: string; result: unknown }) {
  if (result === null || result === undefined) return null;
  if (type === RANK_CANDIDATES_TYPE) {
    const ranking = parseRankingResult(result);
    if (ranking) return <RankingTable ranking={ranking} />;
  }
  const usage = type === "recruiting.analyze_resumes" ? analysisSummary(result) : null;
  return (
    <section className="section" aria-labelledby="result-heading">
      {usage ? <p className="muted small">{usage}</p> : null}
      <div className="section__head">
        <h2 id="result-heading">Result</h2>
      </div>
      <pre className="json">{JSON.stringify(result, null, 2)}</pre>
    </section>
  );
}

/** Seed 004's figures for an analysis: engine, items, tokens and estimated cost. */
function analysisSummary(result: unknown): string | null {
  if (typeof result !== "object" || result === null) return null;
  const r = result as { engine?: string; model?: string | null; analyzed?: number; failed?: number; usage?: { promptTokens?: number; completionTokens?: number }; estimatedCostUsd?: number | null };
  const tokens = (r.usage?.promptTokens ?? 0) + (r.usage?.completionTokens ?? 0);
  const cost = typeof r.estimatedCostUsd === "number" ? `$${r.estimatedCostUsd.toFixed(4)}` : "no price";
  return `Engine ${r.engine ?? "?"}${r.model ? ` (${r.model})` : ""} · ${r.analyzed ?? 0} analysed, ${r.failed ?? 0} failed · ${tokens.toLocaleString()} tokens (${r.usage?.promptTokens ?? 0} prompt, ${r.usage?.completionTokens ?? 0} completion) · estimated ${cost}`;
}
