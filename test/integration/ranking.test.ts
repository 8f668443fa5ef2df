import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTaskline, type TestTaskline } from "../support/taskline.js";

describe("candidate ranking (recruiting.rank_candidates)", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline();
  });
  afterAll(async () => {
    await app.close();
  });

  it("ranks a known set of candidates in the expected order, with matched and missing skills", async () => {
    const posting = await app.gql(
      `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id } }`,
      {
        input: {
          title: "Backend engineer",
          description: "Build GraphQL APIs on PostgreSQL.",
          requiredSkills: ["TypeScript", "PostgreSQL", "GraphQL"],
          niceToHaveSkills: ["Kubernetes"],
        },
      },
    );
    const jobPostingId = posting.data.createJobPosting.id;
    const added = await app.gql(`mutation($id: ID!, $c: [CandidateInput!]!) { addCandidates(jobPostingId: $id, candidates: $c) { id name } }`, {
      id: jobPostingId,
      c: [
        { name: "Partial Match", email: "partial@example.com", resumeText: "Java developer. Some PostgreSQL." },
        { name: "Best Match", email: "best@example.com", resumeText: "TypeScript engineer. Built GraphQL APIs on PostgreSQL, deployed on Kubernetes (k8s)." },
        { name: "No Match", email: "none@example.com", resumeText: "Pastry chef with ten years in bakeries." },
        { name: "Good Match", email: "good@example.com", resumeText: "Node developer using TypeScript and GraphQL; PostgreSQL daily." },
        { name: "Empty Resume", email: "empty@example.com", resumeText: "   " },
      ],
    });
    expect(added.data.addCandidates).toHaveLength(5);

    const started = await app.gql(`mutation($id: ID!) { rankCandidates(jobPostingId: $id) { id status } }`, { id: jobPostingId });
    expect(started.data.rankCandidates.status).toBe("PENDING");
    const events = await collect<any>(
      app.wsClient(),
      `subscription($id: ID!) { taskUpdated(id: $id) { status successCount failureCount progress { current total } result errors { itemLabel message } } }`,
      { id: started.data.rankCandidates.id },
      (e) => e.taskUpdated.status === "COMPLETED" || e.taskUpdated.status === "FAILED",
    );
    const final = events.at(-1).taskUpdated;
    expect(final).toMatchObject({ status: "COMPLETED", successCount: 4, failureCount: 1, progress: { current: 5, total: 5 } });
    expect(final.errors).toEqual([{ itemLabel: "Empty Resume", message: "The resume is empty" }]);
    const ranked = final.result.ranked;
    expect(ranked.map((c: any) => c.name)).toEqual(["Best Match", "Good Match", "Partial Match", "No Match"]);
    expect(ranked[0]).toMatchObject({ rank: 1, matchedSkills: ["TypeScript", "PostgreSQL", "GraphQL"], missingSkills: [], matchedNiceToHave: ["Kubernetes"] });
    expect(ranked[2]).toMatchObject({ matchedSkills: ["PostgreSQL"], missingSkills: ["TypeScript", "GraphQL"] });
    expect(ranked[3].score).toBe(0);
    expect(final.result.scorer).toBe("builtin-bm25");

    const latest = await app.gql(`query($id: ID!) { jobPosting(id: $id) { candidateCount latestRanking { status } } }`, { id: jobPostingId });
    expect(latest.data.jobPosting).toEqual({ candidateCount: 5, latestRanking: { status: "COMPLETED" } });
  });

  it("refuses a posting without required skills and candidates with bad emails, with BAD_USER_INPUT", async () => {
    const noSkills = await app.gql(`mutation { createJobPosting(input: { title: "X", description: "Y", requiredSkills: [" "] }) { id } }`);
    expect(noSkills.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const demo = await app.gql(`mutation { createDemoData { id candidateCount } }`);
    expect(demo.data.createDemoData.candidateCount).toBeGreaterThanOrEqual(24);
    const badEmail = await app.gql(`mutation($id: ID!) { addCandidates(jobPostingId: $id, candidates: [{ name: "A", email: "nope", resumeText: "x" }]) { id } }`, {
      id: demo.data.createDemoData.id,
    });
    expect(badEmail.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(badEmail.errors?.[0]?.message).toContain("nope");
  });
});
