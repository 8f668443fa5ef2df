/** Tokens one LLM exchange (or a sum of them) used. */
export type TokenUsage = { promptTokens: number; completionTokens: number };

/** USD per million tokens, per model; admins edit them in the AI settings. */
export type ModelPrice = { model: string; inputPerMillion: number; outputPerMillion: number };

export const NO_USAGE: TokenUsage = Object.freeze({ promptTokens: 0, completionTokens: 0 });

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}

/** Estimated USD cost, rounded to a millionth of a dollar; null when the model has no price (unknown, not free). */
export function estimateCost(usage: TokenUsage, model: string, prices: ModelPrice[]): number | null {
  const price = prices.find((p) => p.model === model);
  if (!price) return null;
  const usd = (usage.promptTokens * price.inputPerMillion + usage.completionTokens * price.outputPerMillion) / 1_000_000;
  return Math.round(usd * 1_000_000) / 1_000_000;
}
