import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));
const NAME = "Monday steps";
const SCREENSHOT_PATH = "/tmp/taskline-schedules.png";

describe.skipIf(!hasChromium)("managing schedules from the dashboard", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let browser: Browser;
  let admin: Page;
  let viewer: Page;
  const adminErrors: string[] = [];
  const viewerErrors: string[] = [];

  const rowOf = (page: Page) => page.locator(`tr[data-schedule-name="${NAME}"]`);

  beforeAll(async () => {
    app = await startTaskline();
    browser = await launchBrowser();
    admin = await newPage(browser, adminErrors);
    viewer = await newPage(browser, viewerErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("previews the next fires while the admin types, shows an invalid cron inline, and creates the schedule", async () => {
    await signInAt(admin, app.url, "/tasks", "admin@test.example", TEST_PASSWORD);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedules" }).click();
    await admin.waitForURL(/\/schedules$/);
    await admin.getByRole("button", { name: "New schedule" }).click();

    await admin.getByLabel("Name", { exact: true }).fill(NAME);
    await admin.getByLabel("Task type").selectOption("test.steps");
    await admin.getByLabel("Payload (JSON)").fill('{"steps": 2}');
    await admin.getByLabel("Search timezones").fill("Berlin");
    expect(await admin.getByLabel("Timezone", { exact: true }).inputValue()).toBe("Europe/Berlin");

    const cron = admin.getByLabel("Cron expression", { exact: true });
    await cron.pressSequentially("0 8 * * 1", { delay: 30 });
    const preview = admin.getByRole("region", { name: "Preview" });
    await expect.poll(() => preview.getByTestId("preview-description").textContent(), { timeout: 10_000 }).toContain("08:00");
    expect(await preview.getByRole("listitem").count()).toBe(5);
    expect(await preview.getByRole("listitem").first().textContent()).toMatch(/8:00/);

    await cron.fill("61 8 * * *");
    await expect.poll(() => admin.getByRole("alert").allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining("Invalid cron expression"));
    expect(await cron.getAttribute("aria-invalid")).toBe("true");

    await cron.fill("0 8 * * 1");
    await expect.poll(() => preview.getByRole("listitem").count(), { timeout: 10_000 }).toBe(5);
    await admin.getByRole("button", { name: "Create schedule" }).click();

    const row = rowOf(admin);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute("data-schedule-status")).toBe("ACTIVE");
    expect(await row.textContent()).toContain("At 08:00, only on Monday");
    expect(await row.getByRole("list", { name: "Next fires" }).getByRole("listitem").count()).toBe(3);
  });

  it("shows a viewer the schedule without any admin buttons", async () => {
    await signInAt(viewer, app.url, "/schedules", "viewer@test.example", TEST_PASSWORD);
    const row = rowOf(viewer);
    await row.waitFor({ timeout: 10_000 });

    expect(await row.getAttribute("data-schedule-status")).toBe("ACTIVE");
    for (const name of ["Pause", "Resume", "Trigger now", "Edit", "Delete"]) {
      expect(await row.getByRole("button", { name }).count()).toBe(0);
    }
    expect(await viewer.getByRole("button", { name: "New schedule" }).count()).toBe(0);
  });

  it("pauses the schedule, and the viewer's page shows it paused without a reload", async () => {
    const viewerUrl = viewer.url();
    await rowOf(admin).getByRole("button", { name: "Pause" }).click();

    await expect.poll(() => rowOf(admin).getAttribute("data-schedule-status"), { timeout: 10_000 }).toBe("PAUSED");
    await rowOf(admin).getByRole("button", { name: "Resume" }).waitFor();
    await expect.poll(() => rowOf(viewer).getAttribute("data-schedule-status"), { timeout: 10_000 }).toBe("PAUSED");
    expect(await rowOf(viewer).textContent()).toContain("None while paused");
    await expect.poll(() => viewer.getByTestId("overview-paused").textContent(), { timeout: 10_000 }).toBe("1");
    expect(viewer.url()).toBe(viewerUrl);
  });

  it("triggers the paused schedule and its last fire links to the live task", async () => {
    await rowOf(admin).getByRole("button", { name: "Trigger now" }).click();

    const link = rowOf(admin).getByRole("link", { name: `Last task of ${NAME}` });
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await admin.waitForURL(/\/tasks\/[^/]+$/);

    const badge = admin.locator(".page__head [data-status]").first();
    await expect.poll(() => badge.getAttribute("data-status"), { timeout: 30_000 }).toBe("COMPLETED");
    const task = await app.gql<{ task: { type: string; status: string } }>(`query($id: ID!) { task(id: $id) { type status } }`, {
      id: admin.url().split("/").pop(),
    });
    expect(task.data?.task).toEqual({ type: "test.steps", status: "COMPLETED" });

  });

  it("offers to force a trigger that comes back SCHEDULE_BUSY, and the forced one starts a new task", async () => {
    // Arrange: slow steps, so the first triggered task is still running when the second trigger arrives.
    const { data } = await app.gql<{ schedules: Array<{ id: string; name: string }> }>(`{ schedules { id name } }`);
    const id = data!.schedules.find((s) => s.name === NAME)!.id;
    const updated = await app.gql(`mutation($id: ID!) { updateSchedule(id: $id, input: { payload: { steps: 2, stepMs: 4000 } }) { id } }`, { id });
    expect(updated.errors).toBeUndefined();
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedules" }).click();
    const row = rowOf(admin);
    await row.waitFor();
    const link = row.getByRole("link", { name: `Last task of ${NAME}` });
    const firstTask = await link.getAttribute("href");

    await row.getByRole("button", { name: "Trigger now" }).click();
    await expect.poll(() => link.getAttribute("href"), { timeout: 10_000 }).not.toBe(firstTask);
    const runningTask = await link.getAttribute("href");
    await row.getByRole("button", { name: "Trigger now" }).click();

    // Assert: the busy answer is shown in the row with a force button, which starts another task.
    await expect.poll(() => row.getByRole("alert").textContent(), { timeout: 10_000 }).toContain("still running");
    await row.getByRole("button", { name: "Run anyway (force)" }).click();
    await expect.poll(() => link.getAttribute("href"), { timeout: 10_000 }).not.toBe(runningTask);
    expect(await row.getByRole("alert").count()).toBe(0);
    await expect.poll(() => admin.getByTestId("overview-fires").textContent(), { timeout: 10_000 }).toBe("3");
    await admin.screenshot({ path: SCREENSHOT_PATH, fullPage: true });
  });

  it("edits the schedule to an interval, then deletes it, and the viewer's list follows live", async () => {
    const row = rowOf(admin);
    const before = await row.locator("td").nth(1).textContent();
    await row.getByRole("button", { name: "Edit" }).click();
    const form = admin.getByRole("form", { name: `Edit “${NAME}”` });
    await form.getByText("By interval").click();
    await form.getByLabel("Interval (seconds)").fill("120");
    await expect.poll(() => form.getByRole("region", { name: "Preview" }).getByRole("listitem").count(), { timeout: 10_000 }).toBe(5);
    await form.getByRole("button", { name: "Save schedule" }).click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => rowOf(viewer).locator("td").nth(1).textContent(), { timeout: 10_000 }).not.toBe(before);

    await row.getByRole("button", { name: "Delete" }).click();
    await row.getByRole("group", { name: `Delete “${NAME}”?` }).getByRole("button", { name: "Delete" }).click();

    await row.waitFor({ state: "detached", timeout: 10_000 });
    await rowOf(viewer).waitFor({ state: "detached", timeout: 10_000 });
    expect(withoutFavicon(adminErrors)).toEqual([]);
    expect(withoutFavicon(viewerErrors)).toEqual([]);
  });
});
