import { z } from "zod";
import type { DataSource, EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError } from "../../graphql/errors.js";
import type { TaskService } from "../tasks/task.service.js";
import type { Mailer } from "./mailer.js";
import { OutboxMessage } from "./outbox-message.entity.js";
import { OutboxStatus } from "./outbox-status.js";

export const SEND_EMAIL_TASK = "mail.send_email";

export type MailMessage = {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  /** Which template made it, for admins reading the outbox. */
  template?: string | null;
};

const recipients = z.array(z.string().trim().email()).min(1).max(100);

type Row = Record<string, any>;

function messageFromRow(r: Row): OutboxMessage {
  return Object.assign(new OutboxMessage(), {
    id: r.id,
    to: r.to,
    subject: r.subject,
    html: r.html,
    text: r.text,
    template: r.template,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  });
}

/**
 * The outbox: every message is a row first, then a `mail.send_email` task delivers it. With no mailer (no
 * SMTP_URL) rows are HELD and no task is created: admins read them in `outbox`.
 */
export class MailService {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TaskService,
    /** Undefined when SMTP_URL is unset. */
    readonly mailer: Mailer | undefined,
  ) {}

  get held(): boolean {
    return !this.mailer;
  }

  /**
   * Writes the message to the outbox and enqueues its delivery in one transaction (the caller's, when `manager` is
   * given): a committed message always has its task, and a rolled-back caller sends nothing.
   */
  async enqueue(message: MailMessage, manager?: EntityManager): Promise<OutboxMessage> {
    const to = recipients.safeParse(Array.isArray(message.to) ? message.to : [message.to]);
    if (!to.success) throw new BadUserInputError(`Invalid recipients: ${to.error.issues.map((i) => i.message).join("; ")}`, { field: "to" });
    const work = async (m: EntityManager) => {
      const [row] = await m.query(
        `INSERT INTO outbox ("to", subject, html, text, template, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [to.data, message.subject, message.html, message.text, message.template ?? null, this.held ? OutboxStatus.HELD : OutboxStatus.PENDING],
      );
      if (!this.held) await this.tasks.enqueue(SEND_EMAIL_TASK, { outboxId: row.id }, {}, m);
      return messageFromRow(row);
    };
    return manager ? work(manager) : this.ds.transaction(work);
  }

  async get(id: string): Promise<OutboxMessage | null> {
    const rows = await this.ds.query(`SELECT * FROM outbox WHERE id = $1`, [id]);
    return rows[0] ? messageFromRow(rows[0]) : null;
  }

  /** Counts one attempt and records success: the row is SENT and will never be sent again. */
  async markSent(id: string, note: string | null): Promise<void> {
    await this.ds.query(`UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, note]);
  }

  /** Counts one failed attempt: PENDING while a retry is coming, FAILED when none is. Never touches a SENT row. */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.ds.query(`UPDATE outbox SET status = $3, attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status <> 'sent'`, [
      id,
      error,
      final ? OutboxStatus.FAILED : OutboxStatus.PENDING,
    ]);
  }

  /** Newest first. */
  async list(first: number, after?: string | null, status?: OutboxStatus | null): Promise<Connection<OutboxMessage>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (status) where.push(`status = $${params.push(status)}`);
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, params);
    const cursor = decodeCursor(after);
    if (cursor) where.push(`(created_at, id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    const rows = await this.ds.query(
      `SELECT * FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT $${params.push(first + 1)}`,
      params,
    );
    return toConnection(rows.map(messageFromRow), first, count, (m) => m.createdAt);
  }
}
