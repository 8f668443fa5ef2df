import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const SCREENSHOT_PATH = "/tmp/taskline-task.png";

describe.skipIf(!hasChromium)("ranking candidates from the dashboard", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    app = await startTaskline();
    browser = await launchBrowser();
    page = await newPage(browser, consoleErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the ranking task's bar rise to 100, the status COMPLETED and the ranked candidates, live", async () => {
    // Arrange: a recruiter signs in (the dashboard sends anonymous visitors to /sign-in and back), and demo data
    // loaded from the UI lands on the new posting.
    await signInAt(page, app.url, "/job-postings", "recruiter@test.example", TEST_PASSWORD);
    await page.getByRole("button", { name: "Load demo data" }).first().click();
    await page.waitForURL(/\/job-postings\/[^/]+$/);
    await expect.poll(() => page.getByRole("row").count(), { timeout: 10_000 }).toBeGreaterThan(1);

    // Act: rank, and land on the task page at once.
    await page.getByRole("button", { name: "Rank candidates" }).click();
    await page.waitForURL(/\/tasks\/[^/]+$/);

    // Assert: every aria-valuenow the bar shows comes from server events; record them until the task completes.
    const bar = page.getByRole("progressbar", { name: "Task progress" });
    await bar.waitFor({ timeout: 15_000 });
    const seen: number[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = await bar.getAttribute("aria-valuenow");
      if (now !== null && (seen.length === 0 || seen[seen.length - 1] !== Number(now))) seen.push(Number(now));
      const status = await page.locator(".page__head [data-status]").first().getAttribute("data-status").catch(() => null);
      if (status === "COMPLETED" && seen[seen.length - 1] === 100) break;
      if (status === "FAILED" || status === "CANCELLED") throw new Error(`ranking ended ${status}`);
      if (Date.now() > deadline) throw new Error(`no completion within 60 s; bar values seen: ${seen.join(", ")}`);
      await page.waitForTimeout(25);
    }

    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // it only ever rises
    const badge = page.locator(".page__head [data-status]").first();
    expect(await badge.getAttribute("data-status")).toBe("COMPLETED");
    expect(await badge.textContent()).toContain("Completed");

    const rankedRows = page.getByTestId("ranked-row");
    await expect.poll(() => rankedRows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await rankedRows.first().locator("td").first().textContent()).toBe("1");
    const taskUrl = page.url();
    const taskId = taskUrl.split("/").pop()!;

    await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });

    // The tasks list shows the same task with its final status.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks", exact: true }).click();
    const row = page.locator(`tr[data-task-id="${taskId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute("data-status")).toBe("COMPLETED");
    expect(await row.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");

    expect(consoleErrors.filter((e) => !/favicon/i.test(e))).toEqual([]);
  });
});
