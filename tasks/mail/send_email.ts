import { z } from "zod";
import { PermanentMailError } from "../../apps/api/src/modules/mail/mailer.js";
import { SEND_EMAIL_TASK } from "../../apps/api/src/modules/mail/mail.service.js";
import { OutboxStatus } from "../../apps/api/src/modules/mail/outbox-status.js";
import { toError } from "../../apps/api/src/lib/errors.js";
import { WorkerShutdownError } from "../../apps/api/src/worker/abort-reasons.js";
import { defineTaskType, PermanentTaskError } from "../contract.js";

export type SendEmailResult = { outboxId: string; status: "sent" | "already_sent"; messageId?: string; rejected?: string[] };

/**
 * Delivers one outbox row over SMTP. The row is the source of truth: a SENT row is never sent again (a repeated
 * job, a retry after a lost write), and every failed attempt is written to the row before the task retries, so
 * a failure shows in the outbox as well as in the task.
 */
export default defineTaskType({
  name: SEND_EMAIL_TASK,
  title: "Send email",
  payload: z.object({ outboxId: z.string().uuid() }),
  // SMTP outages are usually minutes: 30 s, 1, 2, 4 min across five attempts covers a server restart.
  maxAttempts: 5,
  backoff: { initialMs: 30_000, factor: 2, maxMs: 30 * 60_000 },
  timeLimitMs: 2 * 60_000,
  async run(ctx): Promise<SendEmailResult> {
    const { outboxId } = ctx.payload;
    const mail = ctx.services.mail;
    const message = await mail.get(outboxId);
    if (!message) throw new PermanentTaskError(`Outbox message ${outboxId} no longer exists`);
    if (message.status === OutboxStatus.SENT) return { outboxId, status: "already_sent" };
    if (!mail.mailer) {
      // SMTP_URL was removed after this task was enqueued: fail visibly rather than pretend.
      await mail.markAttemptFailed(outboxId, "No SMTP server is configured (SMTP_URL)", true);
      throw new PermanentTaskError("No SMTP server is configured (SMTP_URL)");
    }
    ctx.signal.throwIfAborted();

    ctx.progress(0, 1, `Sending to ${message.to.length} recipient(s)`);
    try {
      const receipt = await mail.mailer.send(message, { outboxId, signal: ctx.signal });
      const note = receipt.rejected.length ? `Refused recipients: ${receipt.rejected.join(", ")}` : null;
      await mail.markSent(outboxId, note);
      ctx.progress(1, 1, "Sent");
      return { outboxId, status: "sent", messageId: receipt.messageId, rejected: receipt.rejected };
    } catch (thrown) {
      const error = toError(thrown);
      const permanent = error instanceof PermanentMailError;
      if (!ctx.signal.aborted) await mail.markAttemptFailed(outboxId, error.message, permanent || ctx.attempt >= ctx.maxAttempts);
      // A shutdown puts the task back in the queue, so the row stays PENDING; a cancel or the time limit ends the
      // task, and the row must say so too.
      else if (!(ctx.signal.reason instanceof WorkerShutdownError)) await mail.markAttemptFailed(outboxId, toError(ctx.signal.reason).message, true);
      if (permanent) throw new PermanentTaskError(error.message);
      throw error;
    }
  },
});
