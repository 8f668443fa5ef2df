/** One bar per bucket, stacked completed / failed / cancelled: plain SVG, no chart library for a dozen bars. */
export type Bucket = { start: string; completed: number; failed: number; cancelled: number };

const HEIGHT = 80;

export function ThroughputChart({ title, buckets, bucketSeconds }: { title: string; buckets: Bucket[]; bucketSeconds: number }) {
  const max = Math.max(1, ...buckets.map((b) => b.completed + b.failed + b.cancelled));
  const width = buckets.length * 12;
  const label = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: bucketSeconds < 3600 ? "2-digit" : undefined });
  return (
    <figure className="chart">
      <figcaption className="small">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" role="img" aria-label={`${title}: ${buckets.reduce((n, b) => n + b.completed, 0)} completed, ${buckets.reduce((n, b) => n + b.failed, 0)} failed`}>
        {buckets.map((b, i) => {
          let y = HEIGHT;
          const bar = (value: number, fill: string) => {
            const h = (value / max) * HEIGHT;
            y -= h;
            return value ? <rect x={i * 12 + 1} y={y} width={10} height={h} fill={fill} /> : null;
          };
          return (
            <g key={b.start}>
              <title>{`${label(b.start)}: ${b.completed} completed, ${b.failed} failed, ${b.cancelled} cancelled`}</title>
              {bar(b.completed, "var(--success)")}
              {bar(b.failed, "var(--danger)")}
              {bar(b.cancelled, "var(--muted, #9ca3af)")}
            </g>
          );
        })}
      </svg>
      <div className="chart__axis small muted">
        <span>{buckets[0] ? label(buckets[0].start) : ""}</span>
        <span>now</span>
      </div>
    </figure>
  );
}
