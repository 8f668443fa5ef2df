import { useId } from "react";

import { niceScale, type ChartTone } from "./chart-scale";
import { Legend } from "./legend";

export interface BarSeries {
  name: string;
  tone: ChartTone;
}

export interface BarRow {
  label: string;
  /** One value per series, in the series' order; they stack left to right. */
  values: readonly number[];
}

interface Props {
  title: string;
  /** Names what the bars measure, under the value axis, e.g. "Tasks". */
  valueLabel: string;
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  /** Ticks and totals as text, e.g. percentages. */
  format?: (value: number) => string;
  /** A fixed axis end, e.g. 1 for rates; default: a round number above the largest total. */
  max?: number;
  /** Whole-number ticks, for counts. */
  integer?: boolean;
  /** Side by side (e.g. average and p95) instead of stacked (parts of one total). */
  grouped?: boolean;
  empty?: string;
}

const WIDTH = 640;
const LABEL_W = 190;
const VALUE_W = 70;
const ROW_H = 26;
const BAR_H = 16;
const GROUP_BAR_H = 10;
const AXIS_H = 42;

/**
 * Horizontal (stacked) bars in plain SVG: one row per category, a value axis with ticks and its label, and a
 * text summary for screen readers (the `desc`), so the figure says what the picture shows.
 */
export function BarChart({ title, valueLabel, series, rows, format = String, max, integer = false, grouped = false, empty = "No data for this period." }: Props) {
  const id = useId();
  // Stacked bars end at the row's total; grouped ones each at their own value.
  const totals = rows.map((row) => (grouped ? Math.max(0, ...row.values) : row.values.reduce((a, b) => a + b, 0)));
  const rowH = grouped ? Math.max(ROW_H, series.length * (GROUP_BAR_H + 3) + 6) : ROW_H;
  const { top, ticks } = max !== undefined ? { top: max, ticks: [0, max / 4, max / 2, (3 * max) / 4, max] } : niceScale(Math.max(0, ...totals), { integer });
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const height = rows.length * rowH + AXIS_H;
  const x = (value: number) => LABEL_W + (Math.min(value, top) / top) * plotW;
  const summary = rows
    .map((row, i) => `${row.label}: ${series.length > 1 ? row.values.map((v, j) => `${series[j]!.name} ${format(v)}`).join(", ") : format(totals[i]!)}`)
    .join("; ");

  return (
    <figure className="chart" data-chart={title}>
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <>
          <Legend items={series} />
          <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
            <title>{title}</title>
            <desc id={`${id}-desc`}>{summary}</desc>
            {ticks.map((tick) => (
              <g key={tick} className="chart__tick">
                <line x1={x(tick)} x2={x(tick)} y1={0} y2={rows.length * rowH} />
                <text x={x(tick)} y={rows.length * rowH + 14} textAnchor="middle">
                  {format(tick)}
                </text>
              </g>
            ))}
            {rows.map((row, i) => {
              const y = i * rowH + (rowH - BAR_H) / 2;
              const label = (
                <text className="chart__label" x={LABEL_W - 8} y={i * rowH + rowH / 2} dominantBaseline="central" textAnchor="end">
                  {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
                  <title>{row.label}</title>
                </text>
              );
              if (grouped) {
                const top0 = i * rowH + (rowH - series.length * (GROUP_BAR_H + 3) + 3) / 2;
                return (
                  <g key={row.label} className="chart__row">
                    {label}
                    {row.values.map((value, j) => {
                      const by = top0 + j * (GROUP_BAR_H + 3);
                      return (
                        <g key={series[j]!.name}>
                          <rect className={`chart__fill--${series[j]!.tone}`} x={LABEL_W} y={by} width={value > 0 ? Math.max(1, x(value) - LABEL_W) : 0} height={GROUP_BAR_H} rx={2}>
                            <title>{`${row.label}, ${series[j]!.name}: ${format(value)}`}</title>
                          </rect>
                          <text className="chart__value chart__value--sm" x={x(value) + 6} y={by + GROUP_BAR_H / 2} dominantBaseline="central">
                            {format(value)}
                          </text>
                        </g>
                      );
                    })}
                  </g>
                );
              }
              let start = 0;
              return (
                <g key={row.label} className="chart__row">
                  {label}
                  {row.values.map((value, j) => {
                    const from = start;
                    start += value;
                    if (value <= 0) return null;
                    return (
                      <rect key={series[j]!.name} className={`chart__fill--${series[j]!.tone}`} x={x(from)} y={y} width={Math.max(1, x(from + value) - x(from))} height={BAR_H} rx={2}>
                        <title>{`${row.label}, ${series[j]!.name}: ${format(value)}`}</title>
                      </rect>
                    );
                  })}
                  <text className="chart__value" x={x(totals[i]!) + 6} y={y + BAR_H / 2} dominantBaseline="central">
                    {format(totals[i]!)}
                  </text>
                </g>
              );
            })}
            <line className="chart__axis" x1={LABEL_W} x2={LABEL_W} y1={0} y2={rows.length * rowH} />
            <text className="chart__axis-label" x={LABEL_W + plotW / 2} y={height - 6} textAnchor="middle">
              {valueLabel}
            </text>
          </svg>
        </>
      )}
    </figure>
  );
}
