import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type OpenAiServer, startOpenAiServer } from "../support/openai-server.js";
import { resumeText } from "../support/resumes.js";
import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));
const SKILLS = ["TypeScript", "PostgreSQL"];

describe.skipIf(!hasChromium)("analysing resumes from the job posting page", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let llm: OpenAiServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "taskline-e2e-resumes-"));
  let postingId: string;

  beforeAll(async () => {
    llm = await startOpenAiServer({ latencyMs: 150 });
    app = await startTaskline({ env: { OPENAI_API_KEY: "sk-e2e", OPENAI_BASE_URL: llm.url, TASKLINE_DATA_DIR: dataDir } });
    postingId = (await app.services.recruiting.createPosting({ title: "E2E engineer", description: "Tests things", requiredSkills: SKILLS })).id;
    await app.gql(`mutation($u: ID!) { topUpCredits(userId: $u, amount: 10) { available } }`, { u: app.as.recruiter.viewer.userId });
    browser = await launchBrowser();
    page = await newPage(browser, errors);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await llm?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("uploads two resumes, shows each file's upload, then the live analysis rows with tokens and cost, and charges two credits", async () => {
    await signInAt(page, app.url, `/job-postings/${postingId}`, "recruiter@test.example", TEST_PASSWORD);
    await page.getByLabel("Resume files").setInputFiles([
      { name: "ada.txt", mimeType: "text/plain", buffer: Buffer.from(resumeText("Ada Browser", "ada.browser@example.com", SKILLS)) },
      { name: "alan.txt", mimeType: "text/plain", buffer: Buffer.from(resumeText("Alan Browser", "alan.browser@example.com", SKILLS.slice(0, 1))) },
    ]);
    const files = page.getByRole("list", { name: "Files to upload" });
    expect(await files.getByRole("listitem").count()).toBe(2);
    await page.getByLabel(/Deep: adds an assessment/).check();
    await page.getByRole("button", { name: "Analyze 2 resumes" }).click();

    const bar = page.getByRole("progressbar", { name: "Analysis progress" });
    await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 20_000 }).toBe("100");
    const table = page.getByRole("table", { name: "Resume analyses" }).first();
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByText(/2 analysed · [\d,]+ tokens · estimated \$/).first().textContent()).toBeTruthy();
    expect(await page.getByText("Assessment and interview questions").count()).toBeGreaterThanOrEqual(2);

    await page.screenshot({ path: "/tmp/taskline-resume-analysis.png", fullPage: true });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Credits" }).click();
    await expect.poll(() => page.getByText(/8 available · 8 balance · 0 held/).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Completed" }).count(), { timeout: 10_000 }).toBe(1);
    expect(withoutFavicon(errors)).toEqual([]);
  }, 60_000);

  it("shows the server's reason when an upload is refused", async () => {
    await app.gql(`mutation { updateAiSettings(input: { maxFilesPerUpload: 1 }) { maxFilesPerUpload } }`);
    await page.goto(`${app.url}/job-postings/${postingId}`);
    await page.getByLabel("Resume files").setInputFiles([
      { name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") },
      { name: "b.txt", mimeType: "text/plain", buffer: Buffer.from("b") },
    ]);
    await page.getByRole("button", { name: "Analyze 2 resumes" }).click();
    await expect.poll(() => page.getByText(/at most 1 may be uploaded at once/).count(), { timeout: 10_000 }).toBe(1);
  });
});
