import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { runTask } from "../support/run-task.js";
import { startTaskline, TEST_PASSWORD, type TestTaskline } from "../support/taskline.js";
import { hasChromium, launchBrowser, signInAt } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));
/** The browser's own timezone, unlike the machine's and the server's (UTC): times must show in this one. */
const VIEWER_ZONE = "America/New_York";
const CANDIDATES = ["Ada Lovelace", "Grace Hopper", "Edsger Dijkstra"];

/** Monday of the current week (UTC, the test server's TASKLINE_TIMEZONE), so the report counts the seeded rows. */
function thisMonday(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A `datetime-local` value and the text the SPA shows for the same instant, both in VIEWER_ZONE. */
function inViewerZone(at: Date): { input: string; shown: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: VIEWER_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const shown = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", timeZone: VIEWER_ZONE, timeZoneName: "short" }).format(at);
  return { input: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`, shown };
}

describe.skipIf(!hasChromium)("recruiting operations in the dashboard: interviews, reports, outbox, export", () => {
  let app: TestTaskline;
  let browser: Browser;
  let admin: Page;
  let dataDir: string;
  let postingId: string;
  const errors: string[] = [];
  const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-e2e-ops-"));
    app = await startTaskline({ env: { TASKLINE_DATA_DIR: dataDir } });
    const posting = await app.gql(`mutation { createJobPosting(input: { title: "Compiler engineer", description: "", requiredSkills: ["c"] }) { id } }`);
    postingId = posting.data.createJobPosting.id;
    const added = await app.gql(`mutation($id: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $id, candidates: $c) { id } }`, {
      id: postingId,
      c: CANDIDATES.map((name) => ({ name, email: `${name.split(" ")[0]!.toLowerCase()}@candidates.test`, resumeText: "C, compilers" })),
    });
    expect(added.errors).toBeUndefined();
    // Default schedules are off in tests; the export's "Sync now" runs this one.
    const schedule = await app.gql(`mutation { createSchedule(input: { name: "Candidate export sync", taskType: "recruiting.export_candidates", cron: "*/30 * * * *" }) { id } }`);
    expect(schedule.errors).toBeUndefined();

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: VIEWER_ZONE, acceptDownloads: true });
    admin = await context.newPage();
    admin.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    admin.on("pageerror", (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("schedules an interview, shows the API's validation error on the field, and lists it in the viewer's timezone", async () => {
    await signInAt(admin, app.url, "/tasks", "admin@test.example", TEST_PASSWORD);
    await nav(admin, "Interviews").click();
    await admin.waitForURL(/\/interviews$/);
    await admin.getByRole("heading", { name: "No upcoming interviews" }).waitFor();
    await admin.getByRole("button", { name: "Schedule interview" }).click();

    await admin.getByLabel("Job posting").selectOption(postingId);
    const candidate = admin.getByLabel("Candidate", { exact: true });
    await expect.poll(() => candidate.locator("option").count(), { timeout: 10_000 }).toBe(CANDIDATES.length + 1);
    await candidate.selectOption({ label: "Grace Hopper <grace@candidates.test>" });
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const when = inViewerZone(startsAt);
    await admin.getByLabel("Starts at").fill(when.input);
    const interviewers = admin.getByLabel("Interviewer emails");
    await interviewers.fill("lead@company.test, not-an-address");
    await admin.getByLabel("Location").fill("Room 4");
    await admin.getByRole("button", { name: "Schedule interview" }).click();

    await expect.poll(() => interviewers.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    expect(await admin.getByRole("alert").allTextContents()).toContainEqual(expect.stringContaining("interviewerEmails needs 1-20 valid addresses"));

    await interviewers.fill("lead@company.test\nsecond@company.test");
    await admin.getByRole("button", { name: "Schedule interview" }).click();

    const row = admin.locator('tr[data-candidate="Grace Hopper"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator("time").textContent()).toBe(when.shown);
    expect(await row.getByRole("list", { name: "Interviewers" }).getByRole("listitem").allTextContents()).toEqual(["lead@company.test", "second@company.test"]);
    expect(await row.textContent()).toContain("Compiler engineer");
    expect(await row.textContent()).toContain("Room 4");
    expect(await row.locator('[data-reminder="24h"]').getAttribute("data-sent")).toBe("false");
    expect(await row.locator('[data-reminder="24h"]').textContent()).toContain("due");
    expect(await admin.getByText(`Times in your timezone, ${VIEWER_ZONE}`).count()).toBe(1);

    const stored = await app.gql(`{ interviews { startsAt interviewerEmails location candidate { name } } }`);
    expect(stored.data.interviews).toEqual([{ startsAt: startsAt.toISOString(), interviewerEmails: ["lead@company.test", "second@company.test"], location: "Room 4", candidate: { name: "Grace Hopper" } }]);
  });

  it("reschedules the interview from its row and cancels it", async () => {
    const row = admin.locator('tr[data-candidate="Grace Hopper"]');
    await row.getByRole("button", { name: /^Edit interview of Grace Hopper/ }).click();
    await admin.getByLabel("Location").fill("Room 7");
    await admin.getByRole("button", { name: "Save interview" }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Room 7");

    await row.getByRole("button", { name: /^Cancel interview of Grace Hopper/ }).click();
    await row.getByRole("button", { name: "Cancel interview" }).click();
    await admin.getByRole("heading", { name: "No upcoming interviews" }).waitFor({ timeout: 10_000 });
    const audit = await app.pool.query(`SELECT action FROM audit_log WHERE target_type = 'Interview' ORDER BY at`);
    expect(audit.rows.map((r) => r.action)).toEqual(["INTERVIEW_SCHEDULED", "INTERVIEW_UPDATED", "INTERVIEW_CANCELLED"]);
  });

  it("lists the weekly report as soon as the report task completes, and shows its charts", async () => {
    await nav(admin, "Reports").click();
    await admin.waitForURL(/\/reports$/);
    await admin.getByRole("heading", { name: "No reports yet" }).waitFor({ timeout: 10_000 });
    const reportsUrl = admin.url();

    const task = await runTask(app, "reporting.weekly_report", { weekStart: thisMonday() });
    expect(task.status).toBe("completed");
    // No reload: the task's completion (tasksUpdated) makes the page read the reports again.
    const link = admin.getByRole("table", { name: "Reports" }).getByRole("link").first();
    await link.waitFor({ timeout: 10_000 });
    expect(admin.url()).toBe(reportsUrl);
    await link.click();
    await admin.waitForURL(/\/reports\/[^/]+$/);

    expect(await admin.getByTestId("figure-new-candidates").textContent()).toBe(String(CANDIDATES.length));
    const pipeline = admin.getByRole("img", { name: /Pipeline activity/ });
    await pipeline.waitFor();
    expect(await pipeline.locator("desc").textContent()).toContain(`New candidates: ${CANDIDATES.length}`);
    expect(await pipeline.locator("rect").count()).toBeGreaterThan(0);
    expect(await pipeline.locator(".chart__axis-label").textContent()).toBe("Count in the week");
    for (const title of ["Tasks finished, by task type", "Success rate, by task type", "Duration of completed tasks, by task type", "Schedule health"]) {
      expect(await admin.locator(`figure[data-chart="${title}"]`).count()).toBe(1);
    }
    // The schedule created above is in the week's schedule health.
    expect(await admin.getByRole("img", { name: /Schedule health/ }).locator("desc").textContent()).toContain("Candidate export sync");
  });

  it("shows the report's email in the admin's outbox, with its HTML in a sandboxed frame", async () => {
    await nav(admin, "Outbox").click();
    await admin.waitForURL(/\/admin\/outbox$/);
    const preview = admin.getByRole("button", { name: /^Preview “Taskline weekly report.*” to admin@test\.example$/ });
    await preview.waitFor({ timeout: 10_000 });
    const row = admin.locator("tr", { has: preview });
    expect(await row.locator("[data-outbox-status]").getAttribute("data-outbox-status")).toBe("HELD");
    await preview.click();

    const frame = admin.locator("iframe.message-preview__frame");
    await frame.waitFor();
    expect(await frame.getAttribute("sandbox")).toBe("");
    expect(await admin.frameLocator("iframe.message-preview__frame").locator("body").textContent()).toContain("New candidates");
  });

  it("syncs the candidate export now and downloads the CSV it wrote", async () => {
    await nav(admin, "Exports").click();
    await admin.waitForURL(/\/exports$/);
    expect(await admin.getByTestId("export-target").textContent()).toBe("CSV file");
    expect(await admin.getByTestId("export-updated-at").textContent()).toBe("Never");
    await admin.getByRole("button", { name: "Sync now" }).click();

    await expect.poll(() => admin.getByTestId("export-row-count").textContent(), { timeout: 20_000 }).toBe(String(CANDIDATES.length));
    expect(await admin.getByTestId("sync-status").locator("[data-status]").getAttribute("data-status")).toBe("COMPLETED");

    const link = admin.getByRole("link", { name: "Download CSV" });
    const [download] = await Promise.all([admin.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("candidates.csv");
    const csv = await fs.readFile((await download.path())!, "utf8");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,name,email,job_posting/);
    expect(lines).toHaveLength(CANDIDATES.length + 1);
    for (const name of CANDIDATES) expect(csv).toContain(name);

    // The link's request carries the session cookie; without it the route answers 401.
    const href = (await link.getAttribute("href"))!;
    const signedIn = await admin.context().request.get(href);
    expect(signedIn.status()).toBe(200);
    expect(signedIn.headers()["content-type"]).toContain("text/csv");
    expect((await fetch(href)).status).toBe(401);
  });

  it("shows a viewer the pages without write buttons or the outbox", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await context.newPage();
    await signInAt(viewer, app.url, "/interviews", "viewer@test.example", TEST_PASSWORD);
    await viewer.getByRole("heading", { name: "Interviews", exact: true }).waitFor();
    expect(await viewer.getByRole("button", { name: "Schedule interview" }).count()).toBe(0);
    expect(await nav(viewer, "Outbox").count()).toBe(0);
    await viewer.goto(`${app.url}/exports`);
    await viewer.getByTestId("export-row-count").waitFor();
    expect(await viewer.getByRole("button", { name: "Sync now" }).count()).toBe(0);
    expect(await viewer.getByRole("link", { name: "Download CSV" }).count()).toBe(1);
    await viewer.goto(`${app.url}/admin/outbox`);
    await viewer.getByRole("heading", { name: "Not available to your role" }).waitFor();
    await context.close();
  });

  it("logged no errors in the browser", () => {
    expect(withoutFavicon(errors)).toEqual([]);
  });
});
