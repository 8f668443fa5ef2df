import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));

describe.skipIf(!hasChromium)("the operations dashboard", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let browser: Browser;
  let admin: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startTaskline();
    browser = await launchBrowser();
    admin = await newPage(browser, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the live worker pool, follows a failure as it happens, and pauses and resumes a task type", async () => {
    await signInAt(admin, app.url, "/tasks", "admin@test.example", TEST_PASSWORD);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Operations" }).click();
    await admin.waitForURL(/\/admin\/operations$/);
    await expect.poll(() => admin.getByTestId("ops-pools-alive").textContent(), { timeout: 10_000 }).toBe("1");

    // Pushed by the subscription after the task's events: nothing on the page polls.
    const failed = await app.services.tasks.enqueue("test.steps", { steps: 1, failAttempts: 3 });
    const row = admin.getByTestId("ops-failure-row").filter({ hasText: "attempt 3 fails on purpose" });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.getByRole("link", { name: "test.steps" }).getAttribute("href")).toBe(`/tasks/${failed.id}`);
    await expect.poll(() => admin.getByTestId("ops-failure-hour").textContent(), { timeout: 10_000 }).toBe("100.0%");

    const pauseItem = admin.getByRole("listitem").filter({ hasText: /^test\.steps/ });
    await pauseItem.getByRole("button", { name: "Pause" }).click();
    await expect.poll(() => pauseItem.getByRole("button", { name: "Resume" }).count(), { timeout: 10_000 }).toBe(1);
    expect((await app.pool.query(`SELECT kind, name FROM paused_work`)).rows).toEqual([{ kind: "task_type", name: "test.steps" }]);
    await pauseItem.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => pauseItem.getByRole("button", { name: "Pause" }).count(), { timeout: 10_000 }).toBe(1);
    expect(withoutFavicon(errors)).toEqual([]);
  }, 60_000);
});
