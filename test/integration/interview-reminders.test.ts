import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import { outboxSettled, runTask } from "../support/run-task.js";
import { startTestSmtp, type TestSmtp } from "../support/smtp.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const REMINDERS = "recruiting.send_interview_reminders";
const HOUR = 3_600_000;
const INTERVIEW = `id startsAt interviewerEmails location link reminder24hSentAt reminder1hSentAt candidate { name } jobPosting { title }`;

describe("interview reminders", () => {
  let smtp: TestSmtp;
  let app: TestTaskline;
  // Whole minutes, so "30 hours ahead" stays exact as the clock moves.
  const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const clock = new FakeClock(t0);
  let postingId: string;
  let candidates: Array<{ id: string; email: string }>;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await startTaskline({ clock, env: { SMTP_URL: smtp.url, TASKLINE_TIMEZONE: "Europe/Berlin" } });
    const posting = await app.as.recruiter.gql(`mutation { createJobPosting(input: { title: "Platform engineer", description: "", requiredSkills: ["go"] }) { id } }`);
    postingId = posting.data.createJobPosting.id;
    const added = await app.as.recruiter.gql(`mutation($id: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $id, candidates: $c) { id email } }`, {
      id: postingId,
      c: ["ana", "ben", "cy", "dee", "eve"].map((n) => ({ name: n.toUpperCase(), email: `${n}@candidates.test`, resumeText: "Go, Postgres" })),
    });
    candidates = added.data.addCandidates;
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
  });

  const schedule = (candidate: number, hoursAhead: number, interviewer: string, extra: Record<string, unknown> = {}) =>
    app.as.recruiter.gql(`mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { ${INTERVIEW} } }`, {
      input: { candidateId: candidates[candidate]!.id, jobPostingId: postingId, startsAt: new Date(t0.getTime() + hoursAhead * HOUR).toISOString(), interviewerEmails: [interviewer], ...extra },
    });

  /** Messages received so far, as "recipient lead" (lead from the subject), sorted. */
  const received = () =>
    smtp.received
      .map((m) => `${m.to.join(",")} ${/in one hour/.test(m.raw) ? "1h" : "24h"}`)
      .sort();

  it("refuses interviews in the past, for another posting's candidate, or with bad addresses or links", async () => {
    const past = await schedule(0, -1, "int@company.test");
    expect(past.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badEmail = await schedule(0, 5, "not-an-address");
    expect(badEmail.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badLink = await schedule(0, 5, "int@company.test", { link: "javascript:alert(1)" });
    expect(badLink.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const other = (await app.as.recruiter.gql(`mutation { createJobPosting(input: { title: "Other", description: "", requiredSkills: ["go"] }) { id } }`)).data.createJobPosting.id;
    const wrongPosting = await app.as.recruiter.gql(`mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`, {
      input: { candidateId: candidates[0]!.id, jobPostingId: other, startsAt: new Date(t0.getTime() + HOUR * 5).toISOString(), interviewerEmails: ["int@company.test"] },
    });
    expect(wrongPosting.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("sends each reminder exactly once to interviewers and candidate, even when the job runs twice at once or late", async () => {
    // ana: 30 h ahead (24 h reminder after 6 h); ben: 30 min ahead (only the 1 h one); cy: 20 h ahead (24 h one now);
    // dee: cancelled; eve: 3 h ahead (24 h one now, although late: the interview has not started).
    const ana = (await schedule(0, 30, "ana-int@company.test", { location: "Room 4", link: "https://meet.example/ana" })).data.scheduleInterview;
    expect(ana.candidate.name).toBe("ANA");
    expect(ana.jobPosting.title).toBe("Platform engineer");
    await schedule(1, 0.5, "ben-int@company.test");
    await schedule(2, 20, "cy-int@company.test");
    const dee = (await schedule(3, 2, "dee-int@company.test")).data.scheduleInterview;
    expect((await app.as.recruiter.gql(`mutation($id: ID!) { cancelInterview(id: $id) { cancelledAt } }`, { id: dee.id })).data.cancelInterview.cancelledAt).toBeTruthy();
    await schedule(4, 3, "eve-int@company.test");

    // Two runs at the same moment: the conditional UPDATE lets one of them claim each reminder.
    const runs = await Promise.all([runTask(app, REMINDERS), runTask(app, REMINDERS)]);
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(runs[0]!.result.sent + runs[1]!.result.sent).toBe(3);
    await outboxSettled(app);
    expect(received()).toEqual(
      ["ben-int@company.test 1h", "ben@candidates.test 1h", "cy-int@company.test 24h", "cy@candidates.test 24h", "eve-int@company.test 24h", "eve@candidates.test 24h"].sort(),
    );

    // A run an hour late (6.5 h on): ana's 24 h mark passed 30 min ago; nothing else is due.
    clock.set(new Date(t0.getTime() + 6.5 * HOUR));
    await runTask(app, REMINDERS);
    await runTask(app, REMINDERS);
    await outboxSettled(app);
    expect(smtp.received).toHaveLength(8);

    // 2.5 h on, eve is within the hour; 19.5 h on, cy; 29.5 h on, ana. Each run twice.
    for (const hours of [19.5, 29.5]) {
      clock.set(new Date(t0.getTime() + hours * HOUR));
      await runTask(app, REMINDERS);
      await runTask(app, REMINDERS);
    }
    await outboxSettled(app);
    const all = received();
    // eve's 1 h reminder was never due at a run before her interview started: a run after the start sends nothing.
    expect(all).toEqual(
      [
        "ana-int@company.test 24h", "ana@candidates.test 24h", "ana-int@company.test 1h", "ana@candidates.test 1h",
        "ben-int@company.test 1h", "ben@candidates.test 1h",
        "cy-int@company.test 24h", "cy@candidates.test 24h", "cy-int@company.test 1h", "cy@candidates.test 1h",
        "eve-int@company.test 24h", "eve@candidates.test 24h",
      ].sort(),
    );
    expect(all.some((r) => r.startsWith("dee"))).toBe(false);
    const anaMail = smtp.received.find((m) => m.to.includes("ana-int@company.test") && /in one hour/.test(m.raw))!;
    expect(anaMail.body).toContain("Room 4");
    expect(anaMail.body).toContain("Europe/Berlin");
  });

  it("lists a posting's interviews in a time range, without cancelled ones", async () => {
    const res = await app.as.viewer.gql(`query($p: ID!, $from: DateTime, $to: DateTime) { interviews(jobPostingId: $p, from: $from, to: $to) { id candidate { name } reminder24hSentAt reminder1hSentAt } }`, {
      p: postingId,
      from: new Date(t0.getTime() + 10 * HOUR).toISOString(),
      to: new Date(t0.getTime() + 40 * HOUR).toISOString(),
    });
    expect(res.data.interviews.map((i: any) => i.candidate.name)).toEqual(["CY", "ANA"]);
    expect(res.data.interviews.every((i: any) => i.reminder24hSentAt && i.reminder1hSentAt)).toBe(true);
    const denied = await app.as.viewer.gql(`mutation { cancelInterview(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
