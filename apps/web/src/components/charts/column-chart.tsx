import { useId } from "react";

import { niceScale } from "./chart-scale";

interface Props {
  title: string;
  /** What the columns run along, e.g. "Week starting". */
  categoryLabel: string;
  valueLabel: string;
  points: readonly { label: string; value: number }[];
  empty?: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 44;
const TOP = 16;

/** Vertical columns in plain SVG, e.g. a count across weeks; both axes labelled, a text summary in `desc`. */
export function ColumnChart({ title, categoryLabel, valueLabel, points, empty = "No data yet." }: Props) {
  const id = useId();
  const { top, ticks } = niceScale(Math.max(0, ...points.map((p) => p.value)), { integer: true });
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = WIDTH - LEFT - 8;
  const slot = points.length > 0 ? plotW / points.length : plotW;
  const barW = Math.min(48, slot * 0.6);
  const y = (value: number) => TOP + plotH - (value / top) * plotH;

  return (
    <figure className="chart chart--columns" data-chart={title}>
      <figcaption className="chart__title" id={`${id}-title`}>
        {title}
      </figcaption>
      {points.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title>{title}</title>
          <desc id={`${id}-desc`}>{points.map((p) => `${p.label}: ${p.value}`).join("; ")}</desc>
          {ticks.map((tick) => (
            <g key={tick} className="chart__tick">
              <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} />
              <text x={LEFT - 6} y={y(tick)} textAnchor="end" dominantBaseline="central">
                {tick}
              </text>
            </g>
          ))}
          {points.map((point, i) => {
            const cx = LEFT + slot * i + slot / 2;
            return (
              <g key={`${point.label}-${i}`}>
                <rect className="chart__fill--accent" x={cx - barW / 2} y={y(point.value)} width={barW} height={Math.max(0, TOP + plotH - y(point.value))} rx={2}>
                  <title>{`${point.label}: ${point.value}`}</title>
                </rect>
                <text className="chart__value" x={cx} y={y(point.value) - 4} textAnchor="middle">
                  {point.value}
                </text>
                <text className="chart__category" x={cx} y={TOP + plotH + 14} textAnchor="middle">
                  {point.label}
                </text>
              </g>
            );
          })}
          <line className="chart__axis" x1={LEFT} x2={WIDTH - 8} y1={TOP + plotH} y2={TOP + plotH} />
          <text className="chart__axis-label" x={LEFT + plotW / 2} y={HEIGHT - 6} textAnchor="middle">
            {categoryLabel}
          </text>
          <text className="chart__axis-label" transform={`translate(12 ${TOP + plotH / 2}) rotate(-90)`} textAnchor="middle">
            {valueLabel}
          </text>
        </svg>
      )}
    </figure>
  );
}
