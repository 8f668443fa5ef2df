import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../apps/api/src/modules/schedules/clock.js";
import { outboxSettled, runTask } from "../support/run-task.js";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

const REMINDERS = "recruiting.send_interview_reminders";
const HOUR = 3_600_000;
const FIELDS = `id startsAt interviewerEmails location link cancelledAt reminder24hSentAt reminder1hSentAt`;

describe("rescheduling an interview", () => {
  let app: TestTaskline;
  const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const clock = new FakeClock(t0);
  let postingId: string;
  let candidateId: string;

  beforeAll(async () => {
    app = await startTaskline({ clock });
    postingId = (await app.as.recruiter.gql(`mutation { createJobPosting(input: { title: "SRE", description: "", requiredSkills: ["linux"] }) { id } }`)).data.createJobPosting.id;
    const added = await app.as.recruiter.gql(`mutation($id: ID!) { addCandidates(jobPostingId: $id, candidates: [{ name: "Fay", email: "fay@candidates.test", resumeText: "" }]) { id } }`, { id: postingId });
    candidateId = added.data.addCandidates[0].id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const at = (hours: number) => new Date(t0.getTime() + hours * HOUR).toISOString();
  const scheduleAt = async (hours: number) =>
    (
      await app.as.recruiter.gql(`mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { ${FIELDS} } }`, {
        input: { candidateId, jobPostingId: postingId, startsAt: at(hours), interviewerEmails: ["lead@company.test"], location: "Room 1" },
      })
    ).data.scheduleInterview;
  const update = (id: string, input: Record<string, unknown>) =>
    app.as.recruiter.gql(`mutation($id: ID!, $input: UpdateInterviewInput!) { updateInterview(id: $id, input: $input) { ${FIELDS} } }`, { id, input });
  const reminderRows = async () => (await app.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE template = 'interview_reminder'`)).rows[0].n as number;

  it("changes only the fields given, and clears location with an empty string", async () => {
    const interview = await scheduleAt(48);
    const res = await update(interview.id, { interviewerEmails: ["Lead@Company.test", "second@company.test"], location: "" });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateInterview).toMatchObject({ startsAt: at(48), interviewerEmails: ["lead@company.test", "second@company.test"], location: null, link: null });
  });

  it("sends the reminders again for a new time, once each", async () => {
    const interview = await scheduleAt(20);
    await runTask(app, REMINDERS);
    await outboxSettled(app);
    const before = await reminderRows();
    const sent = (await app.as.viewer.gql(`{ interviews { id reminder24hSentAt } }`)).data.interviews.find((i: any) => i.id === interview.id);
    expect(sent.reminder24hSentAt).toBeTruthy();

    const moved = await update(interview.id, { startsAt: at(22) });
    expect(moved.data.updateInterview).toMatchObject({ startsAt: at(22), reminder24hSentAt: null, reminder1hSentAt: null });
    await runTask(app, REMINDERS);
    await runTask(app, REMINDERS);
    await outboxSettled(app);
    // One reminder for the interviewer and one for the candidate, for the new time only.
    expect(await reminderRows()).toBe(before + 2);

    const same = await update(interview.id, { startsAt: at(22) });
    expect(same.data.updateInterview.reminder24hSentAt).toBeTruthy();
  });

  it("refuses a past time, bad addresses and links with the field named, and a cancelled interview", async () => {
    const interview = await scheduleAt(30);
    const past = await update(interview.id, { startsAt: at(-1) });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "startsAt" });
    const emails = await update(interview.id, { interviewerEmails: ["nope"] });
    expect(emails.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "interviewerEmails" });
    const link = await update(interview.id, { link: "javascript:alert(1)" });
    expect(link.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "link" });

    await app.as.recruiter.gql(`mutation($id: ID!) { cancelInterview(id: $id) { id } }`, { id: interview.id });
    const cancelled = await update(interview.id, { location: "Room 2" });
    expect(cancelled.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const missing = await update("00000000-0000-4000-8000-000000000000", { location: "x" });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const viewer = await app.as.viewer.gql(`mutation($id: ID!) { updateInterview(id: $id, input: {}) { id } }`, { id: interview.id });
    expect(viewer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
