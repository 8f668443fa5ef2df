import type { DataSource } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError, NotFoundError } from "../../graphql/errors.js";
import { isEmail, isUuid } from "../../lib/validate.js";
import { Candidate } from "./candidate.entity.js";
import { JobPosting } from "./job-posting.entity.js";
import type { CandidateInput, CreateJobPostingInput } from "./recruiting.inputs.js";

export const RANK_CANDIDATES = "recruiting.rank_candidates";
/** One request adds at most this many candidates; larger imports go through uploads (later) or several calls. */
export const MAX_CANDIDATES_PER_CALL = 1_000;

export class RecruitingService {
  constructor(private readonly ds: DataSource) {}

  findPosting(id: string): Promise<JobPosting | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.ds.getRepository(JobPosting).findOneBy({ id });
  }

  async getPostingOrFail(id: string): Promise<JobPosting> {
    const posting = await this.findPosting(id);
    if (!posting) throw new NotFoundError("Job posting", id);
    return posting;
  }

  /** Every candidate of a posting, oldest first (ranking needs the whole set). */
  listCandidates(jobPostingId: string): Promise<Candidate[]> {
    return this.ds.getRepository(Candidate).find({ where: { jobPostingId }, order: { createdAt: "ASC", id: "ASC" } });
  }

  async createPosting(input: CreateJobPostingInput, createdById: string | null = null): Promise<JobPosting> {
    const title = input.title.trim();
    const description = input.description.trim();
    if (!title) throw new BadUserInputError("title must not be empty", { field: "title" });
    if (title.length > 200) throw new BadUserInputError("title is longer than 200 characters", { field: "title" });
    if (description.length > 20_000) throw new BadUserInputError("description is longer than 20,000 characters", { field: "description" });
    const requiredSkills = cleanSkills(input.requiredSkills, "requiredSkills");
    const niceToHaveSkills = cleanSkills(input.niceToHaveSkills ?? [], "niceToHaveSkills");
    if (!requiredSkills.length) throw new BadUserInputError("requiredSkills must name at least one skill", { field: "requiredSkills" });
    const repo = this.ds.getRepository(JobPosting);
    return repo.save(repo.create({ title, description, requiredSkills, niceToHaveSkills, createdById }));
  }

  /** Adds candidates; one whose email the posting already has is updated instead (a re-sent application). */
  async addCandidates(jobPostingId: string, inputs: CandidateInput[]): Promise<Candidate[]> {
    await this.getPostingOrFail(jobPostingId);
    if (!inputs.length) throw new BadUserInputError("candidates must not be empty", { field: "candidates" });
    if (inputs.length > MAX_CANDIDATES_PER_CALL) throw new BadUserInputError(`At most ${MAX_CANDIDATES_PER_CALL} candidates per call`, { field: "candidates" });
    const seen = new Set<string>();
    const rows = inputs.map((c, i) => {
      const name = c.name.trim();
      const email = c.email.trim();
      if (!name) throw new BadUserInputError(`candidates[${i}].name must not be empty`, { field: `candidates.${i}.name` });
      if (!isEmail(email)) throw new BadUserInputError(`candidates[${i}].email "${email}" is not an email address`, { field: `candidates.${i}.email` });
      if (seen.has(email.toLowerCase())) throw new BadUserInputError(`candidates[${i}].email ${email} appears twice`, { field: `candidates.${i}.email` });
      if (c.resumeText.length > 200_000) throw new BadUserInputError(`candidates[${i}].resumeText is longer than 200,000 characters`, { field: `candidates.${i}.resumeText` });
      seen.add(email.toLowerCase());
      return [name, email, c.resumeText];
    });
    const result = await this.ds.query(
      `INSERT INTO candidate (job_posting_id, name, email, resume_text)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
       ON CONFLICT (job_posting_id, lower(email)) DO UPDATE SET name = excluded.name, resume_text = excluded.resume_text, updated_at = now()
       RETURNING id`,
      [jobPostingId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
    const ids = result.map((r: { id: string }) => r.id);
    const saved = await this.ds.getRepository(Candidate).createQueryBuilder("c").where("c.id = ANY(:ids)", { ids }).getMany();
    const byId = new Map(saved.map((c) => [c.id, c]));
    return ids.map((id: string) => byId.get(id)!);
  }

  async listPostings(first: number, after?: string | null): Promise<Connection<JobPosting>> {
    const qb = this.ds.getRepository(JobPosting).createQueryBuilder("p");
    const totalCount = await qb.getCount();
    const cursor = decodeCursor(after);
    if (cursor) qb.where("(p.created_at, p.id) < (:at::timestamptz, :id::uuid)", cursor);
    const rows = await qb.orderBy("p.created_at", "DESC").addOrderBy("p.id", "DESC").take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (p) => p.createdAt);
  }

  async candidates(jobPostingId: string, first: number, after?: string | null): Promise<Connection<Candidate>> {
    const qb = this.ds.getRepository(Candidate).createQueryBuilder("c").where("c.job_posting_id = :jobPostingId", { jobPostingId });
    const totalCount = await qb.getCount();
    const cursor = decodeCursor(after);
    if (cursor) qb.andWhere("(c.created_at, c.id) > (:at::timestamptz, :id::uuid)", cursor);
    const rows = await qb.orderBy("c.created_at", "ASC").addOrderBy("c.id", "ASC").take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (c) => c.createdAt);
  }

  candidateCount(jobPostingId: string): Promise<number> {
    return this.ds.getRepository(Candidate).countBy({ jobPostingId });
  }

  /** The id of the newest ranking task of a posting. */
  async latestRankingId(jobPostingId: string): Promise<string | null> {
    const rows = await this.ds.query(
      `SELECT id FROM task WHERE type = $1 AND payload->>'jobPostingId' = $2 ORDER BY created_at DESC LIMIT 1`,
      [RANK_CANDIDATES, jobPostingId],
    );
    return rows[0]?.id ?? null;
  }
}

function cleanSkills(skills: string[], field: string): string[] {
  const out = [...new Set(skills.map((s) => s.trim()).filter(Boolean))];
  if (out.length > 50) throw new BadUserInputError(`${field} lists more than 50 skills`, { field });
  if (out.some((s) => s.length > 80)) throw new BadUserInputError(`${field} has a skill longer than 80 characters`, { field });
  return out;
}
