import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; user: string | undefined; raw: string; body: string };

export type TestSmtp = {
  url: string;
  received: ReceivedMail[];
  /** Set to a reply code (451, 550) to refuse every RCPT TO; null accepts. */
  refuseRcpt: number | null;
  /** Stops listening (the port stays recorded) so `start()` can bring the server back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

export const SMTP_USER = "taskline";
export const SMTP_PASSWORD = "s3cret-smtp-pässword";

/**
 * A real SMTP server on loopback (the `smtp-server` package) that requires AUTH PLAIN/LOGIN with SMTP_USER and
 * SMTP_PASSWORD and records each message. No STARTTLS: its built-in certificate is self-signed.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  let port = 0;
  let server: SMTPServer | undefined;
  const smtp: TestSmtp = {
    url: "",
    received: [],
    refuseRcpt: null,
    async start() {
      if (server) return;
      server = new SMTPServer({
        disabledCommands: ["STARTTLS"],
        allowInsecureAuth: true,
        logger: false,
        onAuth(auth, _session, cb) {
          if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) cb(null, { user: auth.username });
          else cb(Object.assign(new Error("Authentication failed"), { responseCode: 535 }));
        },
        onRcptTo(_address, _session, cb) {
          if (smtp.refuseRcpt) cb(Object.assign(new Error(smtp.refuseRcpt >= 500 ? "No such mailbox" : "Try again later"), { responseCode: smtp.refuseRcpt }));
          else cb();
        },
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            smtp.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
              raw,
              body: decodeQuotedPrintable(raw),
            });
            cb();
          });
        },
      });
      server.on("error", () => {});
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
      port = (server.server.address() as AddressInfo).port;
      smtp.url = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}

/** Enough of RFC 2045 quoted-printable to read a body nodemailer wrote: soft breaks and =XX bytes. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
