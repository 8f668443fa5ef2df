import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTaskline, type TestTaskline } from "../support/taskline.js";

type Repo = { language: string | null; fork: boolean };
type FakeUser = { name: string | null; bio: string | null; public_repos: number; followers: number; repos: Repo[] };

/** A GitHub-compatible `/users/{u}` and `/users/{u}/repos` on loopback, with switchable rate limiting. */
async function startFakeGithub(users: Record<string, FakeUser>) {
  const state = { rateLimited: new Set<string>(), retryAfter: new Set<string>(), requests: [] as string[], authorizations: new Set<string>() };
  const server = http.createServer((req, res) => {
    state.requests.push(req.url!);
    if (req.headers.authorization) state.authorizations.add(req.headers.authorization);
    const m = /^\/users\/([^/?]+)(\/repos)?(\?.*)?$/.exec(req.url!);
    const login = m ? decodeURIComponent(m[1]!) : "";
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (state.retryAfter.has(login)) {
      return json(429, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "120" });
    }
    if (state.rateLimited.has(login)) {
      return json(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) });
    }
    const user = users[login];
    if (!m || !user) return json(404, { message: "Not Found" });
    if (m[2]) return json(200, user.repos);
    const { repos: _repos, ...profile } = user;
    return json(200, { login, html_url: `https://github.com/${login}`, ...profile });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function runTask(app: TestTaskline, type: string, payload: Record<string, unknown> = {}) {
  const task = await app.services.tasks.enqueue(type, payload);
  for (let i = 0; i < 400; i++) {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [task.id]);
    if (["completed", "failed", "cancelled"].includes(rows[0].status)) return rows[0];
    await sleep(50);
  }
  throw new Error(`${type} did not finish`);
}

async function profile(app: TestTaskline, candidateId: string) {
  const { rows } = await app.pool.query(`SELECT links, github, enriched_at, last_error FROM candidate_profile WHERE candidate_id = $1`, [candidateId]);
  return rows[0];
}

describe("resume enrichment (recruiting.enrich_candidates)", () => {
  let github: Awaited<ReturnType<typeof startFakeGithub>>;
  let app: TestTaskline;
  const ids: Record<string, string> = {};
  let postingId: string;

  beforeAll(async () => {
    github = await startFakeGithub({
      ada: {
        name: "Ada Lovelace",
        bio: "Analytical engines",
        public_repos: 5,
        followers: 42,
        repos: [
          { language: "TypeScript", fork: false },
          { language: "TypeScript", fork: false },
          { language: "Go", fork: false },
          { language: "Rust", fork: true },
          { language: null, fork: false },
        ],
      },
      grace: { name: "Grace Hopper", bio: null, public_repos: 1, followers: 7, repos: [{ language: "COBOL", fork: false }] },
      limited: { name: "Rate Limited", bio: null, public_repos: 0, followers: 0, repos: [] },
    });
    app = await startTaskline({ env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: "ghp_test_token" } });
    const posting = await app.services.recruiting.createPosting({ title: "Engineer", description: "Builds things", requiredSkills: ["TypeScript"] });
    postingId = posting.id;
    // One call each, so created_at (the enrichment's order) follows this list.
    const resumes: Record<string, string> = {
      ada: "Ada. Code at https://github.com/ada, site https://ada.example.dev",
      linkedinOnly: "Bo. https://www.linkedin.com/in/bo-builder",
      ghost: "Casper. github.com/ghost",
      limited: "Lim. github.com/limited",
      grace: "Grace. www.github.com/grace",
    };
    for (const [key, resumeText] of Object.entries(resumes)) {
      const [c] = await app.services.recruiting.addCandidates(postingId, [{ name: key, email: `${key}@test.example`, resumeText }]);
      ids[key] = c!.id;
    }
  });
  afterAll(async () => {
    await app?.close();
    await github?.close();
  });

  it("enriches candidates until a rate limit stops the batch, records a 404 as a failed item, and stores LinkedIn links unscraped", async () => {
    github.state.rateLimited.add("limited");

    const task = await runTask(app, "recruiting.enrich_candidates");

    expect(task.status).toBe("completed");
    expect(task.result).toMatchObject({ enriched: 2, withGithub: 1, failed: 1, remaining: 2 });
    expect(task.result.rateLimited.retryAt).toEqual(expect.any(String));
    expect(task.failure_count).toBe(1);
    const ada = await profile(app, ids.ada!);
    expect(ada.github).toMatchObject({ login: "ada", name: "Ada Lovelace", bio: "Analytical engines", publicRepos: 5, followers: 42, topLanguages: ["TypeScript", "Go"] });
    expect(ada.links).toMatchObject({ github: "https://github.com/ada", website: "https://ada.example.dev" });
    expect(ada.enriched_at).not.toBeNull();
    const bo = await profile(app, ids.linkedinOnly!);
    expect(bo).toMatchObject({ github: null, links: { linkedin: "https://www.linkedin.com/in/bo-builder" }, last_error: null });
    expect(github.state.requests.some((r) => r.includes("linkedin"))).toBe(false);
    const ghost = await profile(app, ids.ghost!);
    expect(ghost.enriched_at).not.toBeNull();
    expect(ghost.last_error).toMatch(/no user "ghost"/);
    const limited = await profile(app, ids.limited!);
    expect(limited.enriched_at).toBeNull();
    expect(await profile(app, ids.grace!)).toBeUndefined();
    const { rows: itemErrors } = await app.pool.query(`SELECT item_key, message FROM task_item_error WHERE task_id = $1`, [task.id]);
    expect(itemErrors).toEqual([{ item_key: ids.ghost, message: expect.stringMatching(/no user "ghost"/) }]);
    expect([...github.state.authorizations]).toEqual(["Bearer ghp_test_token"]);
  });

  it("continues where the rate limit stopped it on the next run, without asking about unknown users again", async () => {
    github.state.rateLimited.clear();
    const ghostRequests = github.state.requests.filter((r) => r.startsWith("/users/ghost")).length;

    const task = await runTask(app, "recruiting.enrich_candidates");

    expect(task.status).toBe("completed");
    expect(task.result).toEqual({ enriched: 2, withGithub: 2, failed: 0, rateLimited: null, remaining: 0 });
    expect((await profile(app, ids.grace!)).github).toMatchObject({ login: "grace", topLanguages: ["COBOL"] });
    expect((await profile(app, ids.limited!)).last_error).toBeNull();
    expect(github.state.requests.filter((r) => r.startsWith("/users/ghost")).length).toBe(ghostRequests);
  });

  it("stops on a secondary rate limit (429 with retry-after) and leaves the candidate pending", async () => {
    const [late] = await app.services.recruiting.addCandidates(postingId, [{ name: "late", email: "late@test.example", resumeText: "github.com/late" }]);
    github.state.retryAfter.add("late");
    const before = Date.now();

    const task = await runTask(app, "recruiting.enrich_candidates");

    expect(task.status).toBe("completed");
    expect(task.result).toMatchObject({ enriched: 0, failed: 0, remaining: 1 });
    const retryAt = Date.parse(task.result.rateLimited.retryAt);
    expect(retryAt).toBeGreaterThanOrEqual(before + 119_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 121_000);
    expect((await profile(app, late!.id)).enriched_at).toBeNull();
    github.state.retryAfter.clear();
  });

  it("shows the profile on the Candidate type in GraphQL", async () => {
    const res = await app.as.recruiter.gql(
      `query ($id: ID!) { jobPosting(id: $id) { candidates(first: 10) { edges { node { name profile { links { github linkedin website } github { login topLanguages followers } enrichedAt lastError } } } } } }`,
      { id: postingId },
    );
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data.jobPosting.candidates.edges.map((e: any) => [e.node.name, e.node.profile]));
    expect(byName.ada).toMatchObject({ links: { github: "https://github.com/ada", linkedin: null, website: "https://ada.example.dev" }, github: { login: "ada", topLanguages: ["TypeScript", "Go"], followers: 42 } });
    expect(byName.ghost).toMatchObject({ github: null, lastError: expect.stringMatching(/ghost/) });
    expect(byName.linkedinOnly.links.linkedin).toBe("https://www.linkedin.com/in/bo-builder");
  });
});
