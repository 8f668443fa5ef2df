import { formatDateTimeIn, localTimeZone } from "@/lib/format";

/** A fire time as the schedule's clock reads it, and (when the viewer's clock differs) as the viewer's does. */
export function FireTime({ at, timeZone }: { at: string; timeZone: string }) {
  const zoned = formatDateTimeIn(at, timeZone);
  const local = formatDateTimeIn(at, localTimeZone());
  return (
    <time dateTime={at} className="fire-time">
      <span>{zoned}</span>
      {local !== zoned ? <span className="muted small"> · {local} your time</span> : null}
    </time>
  );
}

export function FireTimes({ fires, timeZone, empty }: { fires: readonly string[]; timeZone: string; empty: string }) {
  if (fires.length === 0) return <span className="muted small">{empty}</span>;
  return (
    <ol className="fire-list" aria-label="Next fires">
      {fires.map((at) => (
        <li key={at}>
          <FireTime at={at} timeZone={timeZone} />
        </li>
      ))}
    </ol>
  );
}
