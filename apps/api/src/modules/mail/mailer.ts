import nodemailer from "nodemailer";
import { toError } from "../../lib/errors.js";

export type OutgoingMail = { to: string[]; subject: string; html: string; text: string };

export type SendOptions = {
  /** The outbox row's id, used for the Message-ID so a repeat after a lost acknowledgement can be recognised. */
  outboxId: string;
  signal?: AbortSignal;
};

export type SendReceipt = { messageId: string; accepted: string[]; rejected: string[]; response: string };

/** A send the SMTP server refused for good (a 5xx reply): another attempt would get the same answer. */
export class PermanentMailError extends Error {
  override name = "PermanentMailError";
}

export type MailerOptions = {
  /** The SMTP URL holds a password: it stays inside this object, and errors and logs get `describe()` instead. */
  smtpUrl: string;
  from: string;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
};

/**
 * The one SMTP mailer of a process. Unpooled: Taskline sends a few messages an hour (reminders, reports,
 * notices), so a connection per message costs nothing and never leaves a half-dead pooled socket behind after the
 * server restarts.
 */
export class Mailer {
  private readonly transport;
  private readonly secrets: string[];
  /** `smtp://user:***@host:587`: what logs and errors may show. */
  readonly description: string;

  constructor({ smtpUrl, from, connectionTimeoutMs = 10_000, socketTimeoutMs = 30_000 }: MailerOptions) {
    const url = new URL(smtpUrl);
    this.secrets = [smtpUrl, url.password, decodeURIComponent(url.password)].filter((s) => s.length >= 3);
    this.transport = nodemailer.createTransport(
      {
        host: url.hostname,
        port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
        secure: url.protocol === "smtps:",
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        connectionTimeout: connectionTimeoutMs,
        greetingTimeout: connectionTimeoutMs,
        socketTimeout: socketTimeoutMs,
        // nodemailer logs nothing unless asked; say so explicitly, since its debug log would print AUTH lines.
        logger: false,
        debug: false,
      },
      { from },
    );
    this.description = describeSmtpUrl(smtpUrl);
  }

  /**
   * Delivers one message. Throws PermanentMailError for a 5xx refusal (or when every recipient is refused) and a
   * plain Error for anything another attempt may fix (4xx, connection refused, timeouts).
   */
  async send(mail: OutgoingMail, opts: SendOptions): Promise<SendReceipt> {
    const messageId = `<${opts.outboxId}@taskline>`;
    try {
      const info = await this.transport.sendMail({ ...mail, messageId, signal: opts.signal });
      return {
        messageId,
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
        response: this.redact(String(info.response ?? "")),
      };
    } catch (thrown) {
      const err = thrown as Error & { permanent?: boolean; responseCode?: number; code?: string };
      const message = this.redact(toError(thrown).message);
      if (err.permanent) throw new PermanentMailError(message);
      throw new Error(message);
    }
  }

  close(): void {
    this.transport.close();
  }

  /** Error texts may quote what they were given; none may carry the password out of this object. */
  private redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join(s === this.secrets[0] ? this.description : "***");
    return out;
  }
}

/** The SMTP URL without its password, for logs and status output. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (url.password) url.password = "***";
  return url.toString().replace(/\/$/, "");
}
