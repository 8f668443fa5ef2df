import type { DataSource, EntityManager } from "typeorm";

/** Which reminder: 24 hours or 1 hour before the interview. */
export type ReminderLead = "24h" | "1h";

export type DueReminder = {
  interviewId: string;
  lead: ReminderLead;
  startsAt: Date;
  interviewerEmails: string[];
  location: string | null;
  link: string | null;
  candidateName: string;
  candidateEmail: string;
  jobPostingTitle: string;
};

/** Column names cannot be parameters; this map is the only place they are chosen. */
const SENT_COLUMN: Record<ReminderLead, string> = { "24h": "reminder_24h_sent_at", "1h": "reminder_1h_sent_at" };

/**
 * The reminders due at `now`, at most one per interview: the 1 h one once the interview is within the hour, else
 * the 24 h one once it is within a day. So a run that comes late still sends a reminder whose mark has passed as
 * long as the interview has not started, and an interview booked (or a job run) less than an hour ahead gets only
 * the 1 h reminder: two messages minutes apart would be noise.
 */
export async function dueReminders(db: DataSource, now: Date): Promise<DueReminder[]> {
  const rows = await db.query(
    `SELECT i.id, i.starts_at, i.interviewer_emails, i.location, i.link, c.name AS candidate_name, c.email AS candidate_email,
            p.title AS job_posting_title,
            CASE WHEN i.starts_at <= $1::timestamptz + interval '1 hour' THEN '1h' ELSE '24h' END AS lead
     FROM interview i
     JOIN candidate c ON c.id = i.candidate_id
     JOIN job_posting p ON p.id = i.job_posting_id
     WHERE i.cancelled_at IS NULL
       AND i.starts_at > $1 AND i.starts_at <= $1::timestamptz + interval '24 hours'
       AND ((i.starts_at <= $1::timestamptz + interval '1 hour' AND i.reminder_1h_sent_at IS NULL)
         OR (i.starts_at > $1::timestamptz + interval '1 hour' AND i.reminder_24h_sent_at IS NULL))
     ORDER BY i.starts_at, i.id`,
    [now],
  );
  return rows.map((r: Record<string, any>) => ({
    interviewId: r.id,
    lead: r.lead,
    startsAt: r.starts_at,
    interviewerEmails: r.interviewer_emails,
    location: r.location,
    link: r.link,
    candidateName: r.candidate_name,
    candidateEmail: r.candidate_email,
    jobPostingTitle: r.job_posting_title,
  }));
}

/**
 * Marks the reminder sent if nobody has, in the caller's transaction (the one that writes its outbox rows). Two runs
 * racing for one reminder queue on the row lock; the second finds the stamp set and gets false, so it sends nothing.
 * The window is checked again because the interview may have been cancelled or moved since `dueReminders` read it.
 */
export async function claimReminder(m: EntityManager, interviewId: string, lead: ReminderLead, now: Date): Promise<boolean> {
  const column = SENT_COLUMN[lead];
  const window = lead === "1h" ? `starts_at > $2` : `starts_at > $2::timestamptz + interval '1 hour'`;
  const [rows] = await m.query(
    `UPDATE interview SET ${column} = now(), updated_at = now()
     WHERE id = $1 AND ${column} IS NULL AND cancelled_at IS NULL AND ${window} AND starts_at <= $2::timestamptz + interval '24 hours'
     RETURNING id`,
    [interviewId, now],
  );
  return rows.length > 0;
}
