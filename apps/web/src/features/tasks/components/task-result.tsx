import { parseRankingResult, RANK_CANDIDATES_TYPE } from "./ranking-result";
import { RankingTable } from "./ranking-table";

export function TaskResult({ type, result }: { type: string; result: unknown }) {
  if (result === null || result === undefined) return null;
  if (type === RANK_CANDIDATES_TYPE) {
    const ranking = parseRankingResult(result);
    if (ranking) return <RankingTable ranking={ranking} />;
  }
  return (
    <section className="section" aria-labelledby="result-heading">
      <div className="section__head">
        <h2 id="result-heading">Result</h2>
      </div>
      <pre className="json">{JSON.stringify(result, null, 2)}</pre>
    </section>
  );
}
