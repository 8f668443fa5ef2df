/**
 * The built-in, deterministic candidate scorer: BM25 relevance of a resume to the posting's skills and wording,
 * plus coverage of the required and nice-to-have skills. No network, no randomness: the same inputs always give the
 * same ranking, which is what a fallback for the LLM scorer must do.
 */

export type PostingForScoring = {
  title: string;
  description: string;
  requiredSkills: string[];
  niceToHaveSkills: string[];
};

export type CandidateScore = {
  /** 0-100. */
  score: number;
  relevance: number;
  matchedSkills: string[];
  missingSkills: string[];
  matchedNiceToHave: string[];
  rationale: string;
};

/** BM25's usual parameters (Robertson & Zaragoza). */
const K1 = 1.2;
const B = 0.75;
/** How the final score is weighed: required coverage matters most. */
const WEIGHTS = { required: 0.6, niceToHave: 0.15, relevance: 0.25 };

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or our that the their this to we will with you your who what which years year experience".split(" "),
);

/** Common spellings of one skill; matching compares canonical forms. */
const ALIASES: Record<string, string> = {
  js: "javascript",
  ts: "typescript",
  "node.js": "node",
  nodejs: "node",
  postgres: "postgresql",
  k8s: "kubernetes",
  "react.js": "react",
  reactjs: "react",
  golang: "go",
  ml: "machine learning",
  py: "python",
};

export function tokenize(text: string): string[] {
  // Keeps the punctuation that is part of skill names (c++, c#, node.js, ci/cd).
  const raw = text.toLowerCase().match(/[a-z0-9][a-z0-9+#./-]*[a-z0-9+#]|[a-z0-9]/g) ?? [];
  return raw.map((t) => ALIASES[t] ?? t).flatMap((t) => t.split(" "));
}

function terms(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t));
}

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

export class Bm25Scorer {
  private readonly docFreq = new Map<string, number>();
  private readonly avgLength: number;
  private readonly queryTerms: string[];
  private readonly required: Array<{ skill: string; phrase: string[] }>;
  private readonly niceToHave: Array<{ skill: string; phrase: string[] }>;

  /** `resumes` is the whole candidate set: IDF is computed over it, so rare skills weigh more. */
  constructor(
    private readonly posting: PostingForScoring,
    resumes: string[],
  ) {
    let totalLength = 0;
    for (const resume of resumes) {
      const tokens = terms(resume);
      totalLength += tokens.length;
      for (const t of new Set(tokens)) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
    }
    this.avgLength = resumes.length ? totalLength / resumes.length : 1;
    this.docCount = resumes.length;
    const skills = [...posting.requiredSkills, ...posting.niceToHaveSkills];
    // Skills count twice: they are what the posting asks for; the title and description add context.
    this.queryTerms = [...skills.flatMap(terms), ...skills.flatMap(terms), ...terms(`${posting.title} ${posting.description}`)];
    this.required = posting.requiredSkills.map((skill) => ({ skill, phrase: tokenize(skill) }));
    this.niceToHave = posting.niceToHaveSkills.map((skill) => ({ skill, phrase: tokenize(skill) }));
  }

  private readonly docCount: number;

  private idf(term: string): number {
    const n = this.docFreq.get(term) ?? 0;
    return Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
  }

  /** Raw BM25 of one resume against the posting. */
  relevance(resume: string): number {
    const tokens = terms(resume);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const term of this.queryTerms) {
      const f = tf.get(term);
      if (!f) continue;
      score += (this.idf(term) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * tokens.length) / this.avgLength));
    }
    return score;
  }

  /** `maxRelevance` is the best relevance in the set, so relevance is scaled within the batch. */
  score(resume: string, maxRelevance: number): CandidateScore {
    const tokens = tokenize(resume);
    const matchedSkills = this.required.filter((s) => containsPhrase(tokens, s.phrase)).map((s) => s.skill);
    const missingSkills = this.required.filter((s) => !containsPhrase(tokens, s.phrase)).map((s) => s.skill);
    const matchedNiceToHave = this.niceToHave.filter((s) => containsPhrase(tokens, s.phrase)).map((s) => s.skill);
    const relevance = this.relevance(resume);
    const requiredCoverage = this.required.length ? matchedSkills.length / this.required.length : 1;
    const niceCoverage = this.niceToHave.length ? matchedNiceToHave.length / this.niceToHave.length : 0;
    const scaledRelevance = maxRelevance > 0 ? relevance / maxRelevance : 0;
    const score = 100 * (WEIGHTS.required * requiredCoverage + WEIGHTS.niceToHave * niceCoverage + WEIGHTS.relevance * scaledRelevance);
    return {
      score: Math.round(score * 10) / 10,
      relevance: Math.round(relevance * 1000) / 1000,
      matchedSkills,
      missingSkills,
      matchedNiceToHave,
      rationale: rationale(this.required.length, matchedSkills, missingSkills, matchedNiceToHave, scaledRelevance),
    };
  }
}

function rationale(requiredCount: number, matched: string[], missing: string[], nice: string[], relevance: number): string {
  const parts = [`${matched.length}/${requiredCount} required skills`];
  if (missing.length) parts.push(`missing ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? "…" : ""}`);
  if (nice.length) parts.push(`${nice.length} nice-to-have (${nice.slice(0, 2).join(", ")})`);
  parts.push(relevance >= 0.75 ? "strong text relevance" : relevance >= 0.4 ? "moderate text relevance" : "weak text relevance");
  return parts.join("; ");
}
