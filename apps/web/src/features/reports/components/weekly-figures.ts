/**
 * The `data` of a `weekly` report (apps/api/src/modules/reports/weekly-figures.ts). The field is JSON in the schema,
 * so it is checked here before anything renders it: a report stored by an older or newer version shows as
 * unreadable instead of breaking the page.
 */
export type TaskTypeFigures = {
  type: string;
  completed: number;
  failed: number;
  cancelled: number;
  successRate: number | null;
  avgDurationMs: number | null;
  p95DurationMs: number | null;
};

export type ScheduleFigures = {
  id: string;
  name: string;
  taskType: string;
  paused: boolean;
  fires: number;
  completed: number;
  failed: number;
  skipped: number;
};

export type WeeklyFigures = {
  timeZone: string;
  newCandidates: number;
  newJobPostings: number;
  rankings: { started: number; completed: number; failed: number };
  tasks: TaskTypeFigures[];
  schedules: ScheduleFigures[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

function isTaskFigures(v: unknown): v is TaskTypeFigures {
  return isObj(v) && typeof v.type === "string" && isNum(v.completed) && isNum(v.failed) && isNum(v.cancelled) && isNumOrNull(v.successRate) && isNumOrNull(v.avgDurationMs) && isNumOrNull(v.p95DurationMs);
}

function isScheduleFigures(v: unknown): v is ScheduleFigures {
  return isObj(v) && typeof v.name === "string" && typeof v.paused === "boolean" && isNum(v.fires) && isNum(v.completed) && isNum(v.failed) && isNum(v.skipped);
}

export function parseWeeklyFigures(data: unknown): WeeklyFigures | null {
  if (!isObj(data) || !isObj(data.rankings) || !Array.isArray(data.tasks) || !Array.isArray(data.schedules)) return null;
  const { rankings } = data;
  if (!isNum(data.newCandidates) || !isNum(data.newJobPostings) || !isNum(rankings.started) || !isNum(rankings.completed) || !isNum(rankings.failed)) return null;
  if (!data.tasks.every(isTaskFigures) || !data.schedules.every(isScheduleFigures)) return null;
  return {
    timeZone: typeof data.timeZone === "string" ? data.timeZone : "UTC",
    newCandidates: data.newCandidates,
    newJobPostings: data.newJobPostings,
    rankings: { started: rankings.started, completed: rankings.completed, failed: rankings.failed },
    tasks: data.tasks,
    schedules: data.schedules,
  };
}

/** Completed over completed and failed, across every task type; null when none finished. */
export function overallSuccessRate(figures: WeeklyFigures): number | null {
  const done = figures.tasks.reduce((a, t) => ({ ok: a.ok + t.completed, bad: a.bad + t.failed }), { ok: 0, bad: 0 });
  return done.ok + done.bad > 0 ? done.ok / (done.ok + done.bad) : null;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** The report's week as people name it: its first and last day in the report's timezone (the end is exclusive). */
export function formatWeek(periodStart: string, periodEnd: string, timeZone: string): string {
  const day = (ms: number) => {
    try {
      return new Intl.DateTimeFormat(undefined, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(ms);
    } catch {
      return new Date(ms).toISOString().slice(0, 10);
    }
  };
  return `${day(Date.parse(periodStart))} – ${day(Date.parse(periodEnd) - 1)}`;
}

/** A short label for a chart's category axis, e.g. "16 Nov". */
export function formatWeekStart(periodStart: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, day: "numeric", month: "short" }).format(Date.parse(periodStart));
  } catch {
    return periodStart.slice(5, 10);
  }
}
