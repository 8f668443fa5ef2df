import type { InterviewRowFragment } from "@taskline/schema/types";

import { formatDateTimeIn } from "@/lib/format";

type Lead = "24h" | "1h";
const LEAD_MS: Record<Lead, number> = { "24h": 24 * 3_600_000, "1h": 3_600_000 };
const LABEL: Record<Lead, string> = { "24h": "24 h", "1h": "1 h" };

/**
 * One reminder's state in words. The reminder job sends at most one reminder per run, the 1 h one once the
 * interview is within the hour, so a 24 h reminder that never went out before the 1 h one is "skipped", not late.
 */
function reminderText(interview: InterviewRowFragment, lead: Lead, now: number, timeZone: string): { text: string; sent: boolean } {
  const sentAt = lead === "24h" ? interview.reminder24hSentAt : interview.reminder1hSentAt;
  if (sentAt) return { text: `sent ${formatDateTimeIn(sentAt, timeZone)}`, sent: true };
  const starts = Date.parse(interview.startsAt);
  if (lead === "24h" && interview.reminder1hSentAt) return { text: "skipped (booked late)", sent: false };
  if (starts <= now) return { text: "not sent", sent: false };
  const due = starts - LEAD_MS[lead];
  return due > now ? { text: `due ${formatDateTimeIn(new Date(due).toISOString(), timeZone)}`, sent: false } : { text: "due now", sent: false };
}

/** Both reminders of an interview: sent (when) or not (and when it is due). */
export function ReminderState({ interview, now, timeZone }: { interview: InterviewRowFragment; now: number; timeZone: string }) {
  return (
    <ul className="reminders" aria-label="Reminders">
      {(["24h", "1h"] as const).map((lead) => {
        const { text, sent } = reminderText(interview, lead, now, timeZone);
        return (
          <li key={lead} className={`reminder${sent ? " reminder--sent" : ""}`} data-reminder={lead} data-sent={sent}>
            <span aria-hidden="true" className="reminder__icon">
              {sent ? "✓" : "○"}
            </span>
            <span className="reminder__lead">{LABEL[lead]}</span> <span className="small">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
