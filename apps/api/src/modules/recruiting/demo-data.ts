import type { CandidateInput, CreateJobPostingInput } from "./recruiting.inputs.js";

/** A posting and a few dozen candidates with varied fit, so a first ranking has something to tell apart. */
export const DEMO_POSTING: CreateJobPostingInput = {
  title: "Senior Backend Engineer (demo)",
  description:
    "We build HR software used by recruiting teams. You will design GraphQL APIs, own Postgres data models and run background jobs that process thousands of records reliably.",
  requiredSkills: ["TypeScript", "Node.js", "PostgreSQL", "GraphQL"],
  niceToHaveSkills: ["Kubernetes", "Redis", "AWS", "React"],
};

const FIRST = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Dennis", "Frances", "Ken", "Radia", "Edsger", "Hedy", "Tim", "Anita", "Guido", "Katherine"];
const LAST = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Ritchie", "Allen", "Thompson", "Perlman", "Dijkstra", "Lamarr"];
const SKILLS = ["TypeScript", "Node.js", "PostgreSQL", "GraphQL", "Kubernetes", "Redis", "AWS", "React", "Python", "Django", "Java", "Spring", "Go", "Docker", "Terraform", "MySQL", "Kafka", "Vue"];
const ROLES = ["backend engineer", "full-stack developer", "platform engineer", "data engineer", "software engineer", "site reliability engineer"];
const COMPANIES = ["a payroll start-up", "an e-commerce marketplace", "a logistics company", "a bank", "a recruiting platform", "a health-tech scale-up"];

/** Deterministic (a fixed linear congruential sequence), so the demo ranks the same everywhere. */
export function demoCandidates(count = 48): CandidateInput[] {
  let seed = 20_261_125;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The low bits of this generator cycle quickly; the high ones do not.
    return Math.floor(seed / 65_536) % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[next(FIRST.length)]!;
    const last = LAST[next(LAST.length)]!;
    const skills = [...new Set(Array.from({ length: 3 + next(6) }, () => SKILLS[next(SKILLS.length)]!))];
    const years = 1 + next(14);
    const role = ROLES[next(ROLES.length)]!;
    const company = COMPANIES[next(COMPANIES.length)]!;
    const resumeText = [
      `${first} ${last}`,
      `${capitalise(role)} with ${years} years of experience at ${company}.`,
      `Skills: ${skills.join(", ")}.`,
      `Built and operated services using ${skills.slice(0, 2).join(" and ")}; mentored junior engineers and led incident reviews.`,
    ].join("\n");
    return { name: `${first} ${last}`, email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(), resumeText };
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
