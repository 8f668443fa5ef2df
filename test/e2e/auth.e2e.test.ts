import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";

import { startTaskline, TEST_PASSWORD } from "../support/taskline.js";
import { hasChromium, launchBrowser, newPage, signInAt, submitSignIn } from "./browser.js";

const withoutFavicon = (errors: string[]) => errors.filter((e) => !/favicon/i.test(e));

describe.skipIf(!hasChromium)("signing in and managing access from the dashboard", () => {
  let app: Awaited<ReturnType<typeof startTaskline>>;
  let browser: Browser;
  let admin: Page;
  const adminErrors: string[] = [];

  /** A GraphQL call with an API key, as a script would make it. */
  async function gqlWithKey(key: string, query: string) {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
  }

  beforeAll(async () => {
    // No worker: nothing here runs tasks. Two failed sign-ins lock an account, so the lock-out is quick to reach.
    app = await startTaskline({ worker: false, env: { SIGNIN_MAX_FAILURES_PER_ACCOUNT: "2" } });
    browser = await launchBrowser();
    admin = await newPage(browser, adminErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends an anonymous visitor to the sign-in page, and a wrong password shows the error there", async () => {
    await admin.goto(`${app.url}/tasks`);
    await admin.waitForURL(/\/sign-in$/);

    await submitSignIn(admin, "admin@test.example", "not the password at all");

    await expect.poll(() => admin.getByRole("alert").textContent()).toContain("Invalid email or password");
    expect(new URL(admin.url()).pathname).toBe("/sign-in");
  });

  it("tells a locked-out account how long to wait", async () => {
    const page = await newPage(browser, []);
    await page.goto(`${app.url}/sign-in`);
    for (let attempt = 0; attempt < 2; attempt++) {
      await submitSignIn(page, "nobody@test.example", "wrong password, again");
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("Invalid email or password");
    }

    await submitSignIn(page, "nobody@test.example", "wrong password, again");

    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
    expect(await page.getByRole("button", { name: "Sign in" }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it("lets the admin create a recruiter and shows the temporary password once", async () => {
    await submitSignIn(admin, "admin@test.example", TEST_PASSWORD);
    await admin.waitForURL((url) => url.pathname === "/tasks"); // back where the visitor was going
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await admin.waitForURL(/\/admin\/users$/);

    await admin.getByRole("button", { name: "New user" }).click();
    await admin.getByLabel("Name").fill("Rita Recruiter");
    await admin.getByLabel("Email").fill("rita@test.example");
    await admin.getByLabel("Role", { exact: true }).selectOption("RECRUITER");
    await admin.getByRole("button", { name: "Create user" }).click();

    const reveal = admin.getByRole("region", { name: "Temporary password" });
    await reveal.waitFor();
    const temporaryPassword = (await reveal.getByTestId("secret-value").textContent()) ?? "";
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const row = admin.locator('tr[data-user-email="rita@test.example"]');
    await row.waitFor();
    expect(await row.getByRole("combobox", { name: "Role of Rita Recruiter" }).inputValue()).toBe("RECRUITER");

    await reveal.getByRole("button", { name: "I have stored it" }).click();
    expect(await admin.getByTestId("secret-value").count()).toBe(0); // gone for good

    // The temporary password signs Rita in, as a recruiter.
    const signIn = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { signIn(email: "rita@test.example", password: ${JSON.stringify(temporaryPassword)}) { user { role } } }` }),
    });
    expect(((await signIn.json()) as { data: { signIn: { user: { role: string } } } }).data.signIn.user.role).toBe("RECRUITER");
  });

  it("lets the admin create an API key whose secret is shown once, then revoke it", async () => {
    await admin.getByRole("banner").getByRole("button", { name: /admin/ }).click(); // the user menu
    await admin.getByRole("link", { name: "API keys" }).click();
    await admin.waitForURL(/\/api-keys$/);

    await admin.getByRole("button", { name: "New API key" }).click();
    await admin.getByLabel("Name").fill("e2e script");
    await admin.getByRole("checkbox", { name: "tasks:read" }).check();
    await admin.getByRole("button", { name: "Create key" }).click();

    const reveal = admin.getByRole("region", { name: "API key secret" });
    await reveal.waitFor();
    const secret = (await reveal.getByTestId("secret-value").textContent()) ?? "";
    expect((await gqlWithKey(secret, "{ tasks(first: 1) { totalCount } }")).errors).toBeUndefined();
    const row = admin.locator('tr[data-key-name="e2e script"]');
    await row.waitFor();
    expect(await row.getAttribute("data-key-state")).toBe("active");
    expect(await row.textContent()).not.toContain(secret);

    await reveal.getByRole("button", { name: "I have stored it" }).click();
    expect(await admin.getByTestId("secret-value").count()).toBe(0);

    await row.getByRole("button", { name: "Revoke e2e script" }).click();
    await row.getByRole("button", { name: "Revoke", exact: true }).click();

    await expect.poll(() => row.getAttribute("data-key-state")).toBe("revoked");
    expect((await gqlWithKey(secret, "{ tasks(first: 1) { totalCount } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    // The audit log, filtered to revocations, shows who revoked it.
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await admin.getByLabel("Action").selectOption("API_KEY_REVOKED");
    const entry = admin.locator('tr[data-action="API_KEY_REVOKED"]');
    await entry.first().waitFor();
    // Polled: the table re-renders while the filtered query settles, so two separate reads can straddle a render.
    await expect
      .poll(async () => {
        const revoked = await entry.count();
        return revoked > 0 && (await admin.locator("tbody tr").count()) === revoked;
      })
      .toBe(true);
    expect(await entry.first().textContent()).toContain("admin@test.example");
    expect(withoutFavicon(adminErrors)).toEqual([]);
  });

  it("shows a viewer the postings without Rank candidates or Create posting, and no admin pages", async () => {
    const { data } = await app.gql<{ createDemoData: { id: string; title: string } }>(`mutation { createDemoData { id title } }`);
    const posting = data!.createDemoData;
    const errors: string[] = [];
    const viewer = await newPage(browser, errors);

    await signInAt(viewer, app.url, `/job-postings/${posting.id}`, "viewer@test.example", TEST_PASSWORD);

    await viewer.getByRole("heading", { name: posting.title }).waitFor();
    await expect.poll(() => viewer.getByRole("row").count()).toBeGreaterThan(1); // the candidates are there
    expect(await viewer.getByRole("button", { name: "Rank candidates" }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: /Add candidate/ }).count()).toBe(0);
    const nav = viewer.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Audit log" }).count()).toBe(0);

    await nav.getByRole("link", { name: "Job postings" }).click();
    await viewer.getByRole("link", { name: posting.title }).waitFor();
    expect(await viewer.getByRole("button", { name: "New posting" }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: "Create posting" }).count()).toBe(0);
    expect(await viewer.getByRole("button", { name: "Load demo data" }).count()).toBe(0);
    expect(withoutFavicon(errors)).toEqual([]);
    await viewer.context().close();
  });

  it("sends a deactivated user's open tab to the sign-in page with a message, live", async () => {
    const page = await newPage(browser, []);
    await signInAt(page, app.url, "/tasks", "recruiter2@test.example", TEST_PASSWORD);
    await page.locator('[data-connection="connected"]').first().waitFor();
    const { data } = await app.gql<{ users: Array<{ id: string; email: string }> }>(`{ users { id email } }`);
    const recruiter2 = data!.users.find((u) => u.email === "recruiter2@test.example")!;

    await app.gql(`mutation($id: ID!) { deactivateUser(id: $id) { active } }`, { id: recruiter2.id });

    await page.waitForURL(/\/sign-in$/, { timeout: 10_000 });
    expect(await page.getByRole("status").filter({ hasText: "signed out" }).textContent()).toContain("account was deactivated");
    await page.context().close();
  });

  it("signs the admin out from the user menu", async () => {
    await admin.getByRole("banner").getByRole("button", { name: /admin/ }).click();
    await admin.getByRole("button", { name: "Sign out" }).click();

    await admin.waitForURL(/\/sign-in$/);
    await admin.goto(`${app.url}/admin/users`);
    await admin.waitForURL(/\/sign-in$/); // the session is gone, not just the page
  });
});
