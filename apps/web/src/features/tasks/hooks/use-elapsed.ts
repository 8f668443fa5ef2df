import { useEffect, useState } from "react";

const TICK_MS = 1_000;

/**
 * Elapsed run time: from startedAt to finishedAt, or to now while the task runs. The SPA's only client-side clock;
 * it drives this number and nothing else (never a progress bar).
 */
export function useElapsed(startedAt: string | null, finishedAt: string | null, running: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  const ticking = startedAt !== null && finishedAt === null && running;

  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [ticking]);

  if (startedAt === null) return null;
  const end = finishedAt !== null ? new Date(finishedAt).getTime() : now;
  return Math.max(0, end - new Date(startedAt).getTime());
}
