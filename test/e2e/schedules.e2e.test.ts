import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));
const NAME = "Monday steps";

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

    expect(withoutFavicon(adminErrors)).toEqual([]);
    expect(withoutFavicon(viewerErrors)).toEqual([]);
  });
});
