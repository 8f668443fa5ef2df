import { describe, expect, it } from "vitest";
import { Bm25Scorer, tokenize } from "./scoring.js";

const posting = { title: "Data engineer", description: "Pipelines in Python", requiredSkills: ["Python", "Machine Learning", "C++"], niceToHaveSkills: ["k8s"] };

describe("the built-in BM25 scorer", () => {
  it("keeps skill punctuation and maps common aliases", () => {
    expect(tokenize("C++, C#, Node.js and K8s; ML")).toEqual(["c++", "c#", "node", "and", "kubernetes", "machine", "learning"]);
  });

  it("matches multi-word skills as phrases, not as loose words", () => {
    const scorer = new Bm25Scorer(posting, ["machine learning in python", "learning a machine"]);
    expect(scorer.score("Python and machine learning", 1).matchedSkills).toEqual(["Python", "Machine Learning"]);
    expect(scorer.score("learning about a machine", 1).missingSkills).toContain("Machine Learning");
  });

  it("gives the same scores for the same inputs and ranks coverage first", () => {
    const resumes = ["Python, C++ and machine learning on Kubernetes", "Python only", "Gardening"];
    const scorer = new Bm25Scorer(posting, resumes);
    const max = Math.max(...resumes.map((r) => scorer.relevance(r)));
    const scores = resumes.map((r) => scorer.score(r, max).score);
    expect(scores).toEqual(resumes.map((r) => new Bm25Scorer(posting, resumes).score(r, max).score));
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
    expect(scores[0]).toBe(100);
  });
});
