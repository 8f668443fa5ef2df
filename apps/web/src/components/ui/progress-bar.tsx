export interface ProgressBarProps {
  /** Accessible name, e.g. "Ranking progress". */
  label: string;
  /** Units done, from the server. */
  current: number;
  /** Units in all; null while the server does not know yet (the bar is then indeterminate). */
  total: number | null;
  /** Server-computed percent, preferred over current/total when present. */
  percent?: number | null;
  tone?: "info" | "success" | "danger" | "muted" | "warning" | "neutral";
  size?: "sm" | "md";
  /** Animate the indeterminate stripe only while work is actually happening. */
  active?: boolean;
}

/**
 * A bar whose value comes from server events only: it never advances on a timer, so what it shows is what the
 * worker last reported.
 */
export function ProgressBar({ label, current, total, percent, tone = "info", size = "md", active = true }: ProgressBarProps) {
  const value = percent ?? (total !== null && total > 0 ? (current / total) * 100 : null);
  const rounded = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  const text =
    rounded === null ? `${current} done` : total !== null ? `${rounded}% (${current} of ${total})` : `${rounded}%`;

  return (
    <div
      className={`progress progress--${size} progress--${tone}${rounded === null ? " progress--indeterminate" : ""}${active ? "" : " progress--idle"}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={rounded ?? undefined}
      aria-valuetext={text}
    >
      <div className="progress__fill" style={rounded === null ? undefined : { width: `${rounded}%` }} />
    </div>
  );
}
