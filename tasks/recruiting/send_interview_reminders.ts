import { z } from "zod";
import { claimReminder, type DueReminder, dueReminders } from "../../apps/api/src/modules/interviews/reminders.js";
import { interviewReminder } from "../../apps/api/src/modules/mail/templates/interview-reminder.js";
import { defineTaskType } from "../contract.js";

export type InterviewRemindersResult = { due: number; sent: number; alreadySent: number; failed: number };

/**
 * Sends the interview reminders due now (24 h and 1 h before each interview) to the interviewers and the
 * candidate. Each reminder is claimed with a conditional UPDATE in the same transaction as its outbox rows, so it
 * goes out exactly once however often the job runs, and a run that fails half-way leaves nothing half-sent.
 * Delivery itself is mail.send_email's job; this task only decides and writes.
 */
export default defineTaskType({
  name: "recruiting.send_interview_reminders",
  title: "Send interview reminders",
  payload: z.object({}),
  maxAttempts: 3,
  timeLimitMs: 10 * 60_000,
  visibility: "shared",
  async run(ctx): Promise<InterviewRemindersResult> {
    const { db, mail, clock, timeZone } = ctx.services;
    const now = clock.now();
    const due = await dueReminders(db, now);
    const result: InterviewRemindersResult = { due: due.length, sent: 0, alreadySent: 0, failed: 0 };
    ctx.progress(0, due.length, `${due.length} reminder(s) due`);

    for (const [i, r] of due.entries()) {
      ctx.signal.throwIfAborted();
      try {
        const claimed = await db.transaction(async (m) => {
          if (!(await claimReminder(m, r.interviewId, r.lead, now))) return false;
          for (const message of messagesFor(r, timeZone)) await mail.enqueue(message, m);
          return true;
        });
        if (claimed) {
          result.sent++;
          ctx.itemSucceeded();
        } else {
          // Another run claimed it first, or the interview was cancelled meanwhile: nothing to do, nothing wrong.
          result.alreadySent++;
        }
      } catch (err) {
        // One bad address must not hold back the other reminders; the claim rolled back, so the next run retries it.
        result.failed++;
        ctx.itemFailed({ key: `${r.interviewId}:${r.lead}`, label: `${r.lead} reminder: ${r.candidateName}, ${r.jobPostingTitle}` }, err);
      }
      ctx.progress(i + 1, due.length);
    }
    return result;
  },
});

/** Interviewers get one message together; the candidate their own, so no address list leaks either way. */
function messagesFor(r: DueReminder, timeZone: string) {
  const common = { candidateName: r.candidateName, jobPostingTitle: r.jobPostingTitle, startsAt: r.startsAt, timeZone, lead: r.lead, location: r.location, url: r.link };
  return [
    { to: r.interviewerEmails, ...interviewReminder({ ...common, audience: "interviewer" }) },
    { to: r.candidateEmail, ...interviewReminder({ ...common, audience: "candidate" }) },
  ];
}
