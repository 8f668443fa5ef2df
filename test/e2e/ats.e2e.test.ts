import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { type AtsServer, startAtsServer } from "../support/ats-server.js";
import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const API_KEY = "e2e-greenhouse-key-0123456789";

describe.skipIf(!hasChromium)("ATS sync from the dashboard", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let ats: AtsServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let postingId: string;

  beforeAll(async () => {
    ats = await startAtsServer({ apiKey: API_KEY });
    // Auto-sync far away: this test syncs by hand.
    app = await startTaskline({ env: { TASKLINE_SECRET_KEY: "e2e-secret-key-0123456789abcdef", ATS_AUTO_SYNC_DELAY_MS: "600000" } });
    browser = await launchBrowser();
    page = await newPage(browser, errors);
    const res = await app.gql(`mutation { createJobPosting(input: { title: "Data engineer", description: "SQL", requiredSkills: ["sql"] }) { id } }`);
    postingId = (res.data as any).createJobPosting.id;
    await app.gql(`mutation($p: ID!) { addCandidates(jobPostingId: $p, candidates: [{ name: "Ada Lovelace", email: "ada@example.com", resumeText: "sql" }, { name: "Alan Turing", email: "alan@example.com", resumeText: "sql" }]) { id } }`, { p: postingId });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ats?.close();
  });

  it("creates a Greenhouse source and tests its connection; the key is never shown", async () => {
    await signInAt(page, app.url, "/ats/sources", "admin@test.example", TEST_PASSWORD);
    await page.getByRole("button", { name: "New source" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Greenhouse");
    await page.getByLabel("Base URL").fill(ats.url);
    await page.getByLabel("API key").fill(API_KEY);
    await page.getByLabel("Settings (JSON)").fill('{ "onBehalfOf": "4080" }');
    await page.getByRole("button", { name: "Create source" }).click();
    const row = page.getByRole("row", { name: /Greenhouse/ });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(`set …${API_KEY.slice(-4)}`);
    await row.getByRole("button", { name: "Test connection" }).click();
    await expect.poll(() => row.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/✓ Connected: HTTP 200/);
    expect(await page.content()).not.toContain(API_KEY);
  });

  it("moves candidates to hired, syncs them, and shows per-pair results live on the task page", async () => {
    await page.goto(`${app.url}/job-postings/${postingId}`);
    for (const name of ["Ada Lovelace", "Alan Turing"]) {
      await page.getByLabel(`Hiring status of ${name}`).selectOption("HIRED");
    }
    await expect.poll(async () => (await app.pool.query(`SELECT count(*)::int AS n FROM candidate WHERE hiring_status = 'hired'`)).rows[0].n).toBe(2);
    await page.getByRole("button", { name: /Sync to sources/ }).click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    const results = page.getByRole("table", { name: "Per-pair sync results" });
    await expect.poll(() => results.getByText("SYNCED").count(), { timeout: 20_000 }).toBe(2);
    expect(await results.textContent()).toContain("Ada Lovelace");
    expect(await page.getByTestId("ats-run-counts").textContent()).toContain("2 synced");
    expect(ats.records).toHaveLength(2);

    await page.goto(`${app.url}/ats/history`);
    await expect.poll(() => page.getByTestId("source-rate").first().textContent(), { timeout: 10_000 }).toBe("100%");
    expect(errors.filter((e) => !/favicon/i.test(e))).toEqual([]);
  });
});
