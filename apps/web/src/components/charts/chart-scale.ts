/** Colours the charts share with the rest of the UI (styles.css: .chart__fill--<tone>). */
export type ChartTone = "accent" | "success" | "danger" | "warning" | "neutral" | "info";

/**
 * A "nice" upper bound for an axis (1, 2, 2.5 or 5 times a power of ten) and the ticks up to it. Counts get whole
 * ticks only: "0.25 rankings" means nothing.
 */
export function niceScale(max: number, { tickCount = 4, integer = false }: { tickCount?: number; integer?: boolean } = {}): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { top, ticks };
}
