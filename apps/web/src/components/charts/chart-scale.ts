/** Colours the charts share with the rest of the UI (styles.css: .chart__fill--<tone>). */
export type ChartTone = "accent" | "success" | "danger" | "warning" | "neutral" | "info";

/** A "nice" upper bound for an axis (1, 2, 2.5 or 5 times a power of ten) and the ticks up to it. */
export function niceScale(max: number, tickCount = 4): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { top, ticks };
}
