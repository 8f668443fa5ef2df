import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDataSource } from "../../apps/api/src/db/data-source.js";
import { describeSmtpUrl } from "../../apps/api/src/modules/mail/mailer.js";
import { interviewReminder } from "../../apps/api/src/modules/mail/templates/interview-reminder.js";
import { SMTP_PASSWORD, SMTP_USER, startTestSmtp, type TestSmtp } from "../support/smtp.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const MESSAGE = { to: ["ada@example.com", "grace@example.com"], subject: "Hello from Taskline", html: "<p>Hello <b>world</b></p>", text: "Hello world" };

async function waitFor<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function outboxRow(app: TestTaskline, id: string) {
  const { rows } = await app.pool.query(`SELECT * FROM outbox WHERE id = $1`, [id]);
  return rows[0];
}

/** The task that delivers an outbox row (payload `{ outboxId }`). */
async function sendTask(app: TestTaskline, outboxId: string) {
  const { rows } = await app.pool.query(`SELECT * FROM task WHERE type = 'mail.send_email' AND payload->>'outboxId' = $1`, [outboxId]);
  return rows[0];
}

/**
 * Waits for the task to be RETRYING after `attempts` attempts, checks that the next attempt is held back by the
 * task type's backoff (30 s and more), then moves its job to now: the test plays the clock, not the wait.
 */
async function skipBackoff(app: TestTaskline, taskId: string, attempts: number) {
  const task = await waitFor(`RETRYING after attempt ${attempts}`, async () => {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1 AND status = 'retrying' AND attempts = $2`, [taskId, attempts]);
    return rows[0];
  });
  expect(task.run_at.getTime() - Date.now()).toBeGreaterThan(20_000);
  await app.pool.query(`SELECT id FROM graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM graphile_worker.jobs WHERE key = $1), run_at := now())`, [taskId]);
}

async function finished(app: TestTaskline, taskId: string) {
  return waitFor("the task to finish", async () => {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1 AND status IN ('completed', 'failed', 'cancelled')`, [taskId]);
    return rows[0];
  });
}

describe("mail over SMTP", () => {
  let smtp: TestSmtp;
  let app: TestTaskline;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTaskline({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Taskline <noreply@taskline.test>" } });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
  });
  beforeEach(() => {
    smtp.refuseRcpt = null;
    smtp.received.length = 0;
  });

  it("delivers a message: the server receives its recipients, subject and HTML, and the outbox row is SENT", async () => {
    const queued = await app.services.mail.enqueue(MESSAGE);
    expect(queued.status).toBe("pending");
    const task = await finished(app, (await sendTask(app, queued.id)).id);

    expect(task).toMatchObject({ status: "completed", attempts: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ from: "noreply@taskline.test", to: MESSAGE.to, user: SMTP_USER });
    expect(mail!.raw).toMatch(/^Subject: Hello from Taskline\r?$/m);
    expect(mail!.raw).toMatch(/^To: ada@example\.com, grace@example\.com\r?$/m);
    expect(mail!.raw).toContain(`Message-ID: <${queued.id}@taskline>`);
    expect(mail!.body).toContain("<p>Hello <b>world</b></p>");
    expect(await outboxRow(app, queued.id)).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect((await outboxRow(app, queued.id)).sent_at).toBeInstanceOf(Date);
  });

  it("sends a template's message with every interpolated value escaped", async () => {
    const rendered = interviewReminder({
      candidateName: `<script>alert("x")</script> & Co`,
      jobPostingTitle: "Backend <b>engineer</b>",
      startsAt: new Date("2025-12-01T09:30:00Z"),
      timeZone: "Europe/Berlin",
      lead: "1h",
      url: "javascript:alert(1)",
    });
    const queued = await app.services.mail.enqueue({ to: "interviewer@example.com", ...rendered });
    await finished(app, (await sendTask(app, queued.id)).id);

    const raw = smtp.received[0]!.body;
    const body = raw.slice(raw.indexOf("Content-Type: text/html"));
    expect(body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(body).toContain("Backend &lt;b&gt;engineer&lt;/b&gt;");
    expect(body).not.toContain("<script>");
    expect(body).not.toContain('href="javascript:');
    expect((await outboxRow(app, queued.id)).template).toBe("interview_reminder");
  });

  it("never sends a SENT message twice, however often its task runs", async () => {
    const queued = await app.services.mail.enqueue(MESSAGE);
    await finished(app, (await sendTask(app, queued.id)).id);
    const again = await app.services.tasks.enqueue("mail.send_email", { outboxId: queued.id });
    const repeat = await finished(app, again.id);

    expect(repeat).toMatchObject({ status: "completed", result: { outboxId: queued.id, status: "already_sent" } });
    expect(smtp.received).toHaveLength(1);
    expect(await outboxRow(app, queued.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("retries a temporarily refused message (451) with backoff, and ends FAILED in the task and the outbox", async () => {
    smtp.refuseRcpt = 451;
    const queued = await app.services.mail.enqueue(MESSAGE);
    const taskId = (await sendTask(app, queued.id)).id;
    for (let attempt = 1; attempt < 5; attempt++) {
      await skipBackoff(app, taskId, attempt);
      const row = await outboxRow(app, queued.id);
      expect(row).toMatchObject({ status: "pending", attempts: attempt });
      expect(row.last_error).toContain("451");
    }
    const task = await finished(app, taskId);

    expect(task).toMatchObject({ status: "failed", attempts: 5 });
    expect(task.error).toContain("451");
    const row = await outboxRow(app, queued.id);
    expect(row).toMatchObject({ status: "failed", attempts: 5, sent_at: null });
    expect(row.last_error).toContain("451");
    expect(smtp.received).toHaveLength(0);
  }, 60_000);

  it("delivers once the SMTP server is back after being down", async () => {
    await smtp.stop();
    try {
      const queued = await app.services.mail.enqueue(MESSAGE);
      const taskId = (await sendTask(app, queued.id)).id;
      await waitFor("a failed attempt", async () => (await outboxRow(app, queued.id)).attempts === 1);
      expect(await outboxRow(app, queued.id)).toMatchObject({ status: "pending", attempts: 1 });
      expect((await outboxRow(app, queued.id)).last_error).toMatch(/ECONNREFUSED|connect/i);

      await smtp.start();
      await skipBackoff(app, taskId, 1);
      const task = await finished(app, taskId);

      expect(task).toMatchObject({ status: "completed", attempts: 2 });
      expect(await outboxRow(app, queued.id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.start().catch(() => {});
    }
  }, 60_000);

  it("fails at once, without retrying, when the server refuses the recipients for good (550)", async () => {
    smtp.refuseRcpt = 550;
    const queued = await app.services.mail.enqueue(MESSAGE);
    const task = await finished(app, (await sendTask(app, queued.id)).id);

    expect(task).toMatchObject({ status: "failed", attempts: 1 });
    expect(task.error).toContain("550");
    expect(await outboxRow(app, queued.id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("writes neither the message nor its task when the caller's transaction rolls back", async () => {
    const before = (await app.pool.query(`SELECT (SELECT count(*) FROM outbox)::int AS o, (SELECT count(*) FROM task)::int AS t`)).rows[0];
    const ds = createDataSource(app.databaseUrl, 1);
    await ds.initialize();
    try {
      await expect(
        ds.transaction(async (m) => {
          await app.services.mail.enqueue(MESSAGE, m);
          throw new Error("the caller changed its mind");
        }),
      ).rejects.toThrow("the caller changed its mind");
    } finally {
      await ds.destroy();
    }
    const after = (await app.pool.query(`SELECT (SELECT count(*) FROM outbox)::int AS o, (SELECT count(*) FROM task)::int AS t`)).rows[0];
    expect(after).toEqual(before);
  });

  it("shows the SMTP server to admins and logs without its password", async () => {
    expect(describeSmtpUrl(smtp.url)).toBe(smtp.url.replace(encodeURIComponent(SMTP_PASSWORD), "***"));
    expect(app.services.mail.mailer?.description).not.toContain(encodeURIComponent(SMTP_PASSWORD));
  });
});

describe("mail with a wrong SMTP password", () => {
  it("fails visibly, and neither the task nor the outbox shows the password", async () => {
    const smtp = await startTestSmtp();
    const wrong = "wrong-password-123";
    const app = await startTaskline({ env: { SMTP_URL: smtp.url.replace(encodeURIComponent(SMTP_PASSWORD), wrong) } });
    try {
      const queued = await app.services.mail.enqueue(MESSAGE);
      const task = await finished(app, (await sendTask(app, queued.id)).id);
      const { data } = await app.gql(`{ outbox(first: 5) { edges { node { status lastError } } } }`);

      expect(task.status).toBe("failed");
      expect(data.outbox.edges[0].node.status).toBe("FAILED");
      expect(JSON.stringify([task, data])).not.toContain(wrong);
      expect(smtp.received).toHaveLength(0);
    } finally {
      await app.close();
      await smtp.stop();
    }
  });
});

describe("mail with no SMTP server configured", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("holds messages in the outbox without creating a send task", async () => {
    const held = await app.services.mail.enqueue(MESSAGE);

    expect(held.status).toBe("held");
    expect(await outboxRow(app, held.id)).toMatchObject({ status: "held", attempts: 0, to: MESSAGE.to });
    expect(await sendTask(app, held.id)).toBeUndefined();
  });

  it("lets an admin read the outbox, newest first, by status and page by page", async () => {
    const first = await app.services.mail.enqueue({ ...MESSAGE, subject: "first" });
    const second = await app.services.mail.enqueue({ ...MESSAGE, subject: "second", template: "weekly_report" });
    const Q = `query($after: String, $status: OutboxStatus) { outbox(first: 1, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id to subject html text template status attempts lastError createdAt sentAt } } } }`;

    const page1 = await app.as.admin.gql(Q, { status: "HELD" });
    expect(page1.errors).toBeUndefined();
    expect(page1.data.outbox.totalCount).toBeGreaterThanOrEqual(2);
    expect(page1.data.outbox.edges[0].node).toMatchObject({ id: second.id, subject: "second", template: "weekly_report", status: "HELD", to: MESSAGE.to, html: MESSAGE.html, sentAt: null });
    const page2 = await app.as.admin.gql(Q, { status: "HELD", after: page1.data.outbox.pageInfo.endCursor });
    expect(page2.data.outbox.edges[0].node.id).toBe(first.id);
    const sent = await app.as.admin.gql(Q, { status: "SENT" });
    expect(sent.data.outbox.totalCount).toBe(0);
  });

  it("refuses the outbox to a recruiter with FORBIDDEN", async () => {
    const res = await app.as.recruiter.gql(`{ outbox(first: 5) { totalCount } }`);

    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a message without a valid recipient", async () => {
    await expect(app.services.mail.enqueue({ ...MESSAGE, to: ["not an address"] })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});
