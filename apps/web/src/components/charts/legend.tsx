import type { ChartTone } from "./chart-scale";

export function Legend({ items }: { items: readonly { name: string; tone: ChartTone }[] }) {
  if (items.length < 2) return null;
  return (
    <ul className="chart__legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.name}>
          <span className={`chart__swatch chart__fill--${item.tone}`} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
